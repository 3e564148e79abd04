from __future__ import annotations


def test_group_and_participant_selection(japan):
    rhode = japan.events_for("barbara-rhode")
    assert [e.title for e in rhode] == [
        "Welcome session with EU Delegation",
        "Dinner at Zipangu Akasaka",
        "Dinner at Umayu Akasaka (tatami room)",
        "Joint dinner/reception with METI",
        "Closing briefing and questions",
    ]
    # a group sees its own events and those naming any of its members
    delegation = japan.events_for("eu-delegation")
    assert {e.title for e in rhode} <= {e.title for e in delegation}
    assert japan.events_for("akira-kimura") == tuple(e for e in delegation if "eu-delegation" in (e.who or ()))


def test_member_of_two_groups_gets_both(japan):
    emily = japan.participants["emily-wise"]
    assert emily.groups == ("ecpg", "secretariat")
    assert len(japan.events_for("emily-wise")) == len(japan.events_for("ecpg"))


def test_who_label_names_groups_not_members(japan):
    welcome = next(e for e in japan.events if e.title.startswith("Welcome"))
    assert japan.who_label(welcome) == "Delegation of ECPG, Barbara Rhode"
    assert len(japan.attendees(welcome)) == 9


def test_days_span_the_visit(japan):
    days = japan.days()
    assert (days[0].isoformat(), days[-1].isoformat(), len(days)) == ("2009-10-04", "2009-10-09", 6)


def test_find_takes_an_id_or_a_name_as_a_person_types_it(japan):
    assert japan.find("tea-petrin") == "tea-petrin"
    for typed in ("Tea Petrin", "tea petrin", "TEA-PETRIN"):
        assert japan.find(typed) == "tea-petrin"
    assert japan.find("ECPG") == "ecpg"
    assert japan.find("Delegation of ECPG") == "ecpg"
    assert japan.find("nobody at all") is None
    assert japan.find("") is None


def test_closest_names_the_likely_id_or_nothing(japan):
    assert japan.closest("tea") == "tea-petrin"  # the start of an id
    assert japan.closest("tea-petrn") == "tea-petrin"  # a typo
    assert japan.closest("Barbara") == "barbara-rhode"
    assert japan.closest("zzzzzz") is None


def test_name_of_a_participant_a_group_or_neither(japan):
    assert japan.name_of("tea-petrin") == "Tea Petrin"
    assert japan.name_of("ecpg") == "Delegation of ECPG"
    assert japan.name_of("nobody-here") == "nobody-here"


def test_attendance_expands_each_who_once_and_agrees_with_attendees(japan):
    by_who = japan.attendance()
    assert set(by_who) == {e.who for e in japan.events}
    for event in japan.events:
        assert by_who[event.who] == japan.attendees(event)
    first_two = japan.events[:2]
    assert list(japan.attendance(first_two)) == list(dict.fromkeys(e.who for e in first_two))


def test_route_of_a_leg_and_of_an_item_at_one_place(japan):
    from dataclasses import replace

    train = next(e for e in japan.events if e.kind.is_leg and e.origin and e.destination)
    assert train.route == (train.origin.name, train.destination.name)
    assert replace(train, origin=None).route == ("?", train.destination.name)
    at_venue = next(e for e in japan.events if e.venue is not None)
    assert at_venue.route is None
