"""`slots`: where a meeting still fits on the Japan visit, with answers checked by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itinerary import slots
from itinerary.model import Programme
from itinerary.timeutil import zone

TOKYO = zone("Asia/Tokyo")
WEDNESDAY = date(2009, 10, 7)


def at(hour: int, minute: int, day: date = WEDNESDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TOKYO)


def find(japan, people, days=(WEDNESDAY,), minutes=60, hours=(9 * 60, 18 * 60), venue=None):
    who = japan.expand(people)
    request = slots.Request(who, tuple(days), timedelta(minutes=minutes), hours, japan.venues[venue] if venue else None)
    return slots.find(japan, request)


def test_no_hour_for_the_delegation_in_hamamatsu(japan):
    # From the 10:33 arrival to the 16:10 train back, the longest gap is 12:00-12:40 (after a meeting with no end).
    assert find(japan, ["ecpg"], hours=(10 * 60 + 33, 16 * 60 + 10)) == []
    for slot in find(japan, ["ecpg"], hours=(7 * 60, 23 * 60)):
        assert slot.end <= at(10, 33) or slot.start >= at(16, 10)


def test_half_an_hour_at_tokyo_station_on_the_way_back(japan):
    # Back at 17:40 + 15 min to change at Tokyo Station = 17:55; the 19:00 reception is 33 min away
    # (15 min to change + 8 min by taxi + 10 min buffer): 17:55-18:27.
    found = find(japan, ["ecpg"], minutes=30, hours=(7 * 60, 23 * 60), venue="tokyo-station")
    assert [(s.start, s.end) for s in found if s.start.hour == 17] == [(at(17, 55), at(18, 27))]
    assert not found[0].moving


def test_barbara_rhode_is_free_until_the_reception(japan):
    found = find(japan, ["barbara-rhode"], hours=(8 * 60, 21 * 60), venue="eu-japan-centre")
    assert [(s.start, s.end) for s in found] == [(at(8, 0), at(19, 0))]
    best = find(japan, ["barbara-rhode"])[0]
    assert (best.start, best.end, best.moving) == (at(9, 0), at(18, 0), frozenset())


def test_fewest_moving_first(japan):
    found = find(japan, ["barbara-rhode", "tea-petrin"], days=japan.days(), minutes=90)
    assert found, "Thursday afternoon after the EU delegation's meeting is free for both"
    movers = [len(s.moving) for s in found]
    assert movers == sorted(movers)
    assert all(s.end - s.start >= timedelta(minutes=90) for s in found)


def test_a_draft_without_participants_is_one_timeline(japan):
    from dataclasses import replace

    draft = replace(japan, participants={}, groups={})
    found = slots.find(
        draft, slots.Request(frozenset([slots.EVERYONE]), (WEDNESDAY,), timedelta(hours=1), (9 * 60, 18 * 60))
    )
    assert all(not (s.start < at(16, 10) and s.end > at(10, 33)) for s in found)


@pytest.mark.parametrize(("text", "minutes"), [("60", 60), ("90 min", 90), ("1h", 60), ("1h30", 90), ("2 hours", 120)])
def test_lengths(text, minutes):
    assert slots.parse_length(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "h", "an hour", "0", "25h", "-5"])
def test_lengths_that_are_not(text):
    with pytest.raises(ValueError):
        slots.parse_length(text)


def test_hours():
    assert slots.parse_hours("09:00-18:00") == (540, 1080)
    assert slots.parse_hours("8:30–24:00") == (510, 1440)
    for bad in ("18:00-09:00", "9-17", "09:00", "09:00-25:00"):
        with pytest.raises(ValueError):
            slots.parse_hours(bad)


@settings(deadline=None, max_examples=30)
@given(
    st.sets(st.sampled_from(["barbara-rhode", "tea-petrin", "aiko-higuchi", "akira-kimura", "ecpg"]), min_size=1),
    st.integers(min_value=15, max_value=180),
)
def test_every_slot_is_free_for_everyone_asked(japan, people, minutes):
    found = find(japan, sorted(people), days=japan.days(), minutes=minutes, hours=(7 * 60, 22 * 60))
    who = japan.expand(people)
    for slot in found:
        assert slot.end - slot.start >= timedelta(minutes=minutes)
        for event in japan.events:
            if event.background or event.all_day or not (who & japan.attendees(event)):
                continue
            assert event.end <= slot.start or event.start >= slot.end, (event.title, slot)


def test_known_unknown_and_all_day(tmp_path):
    from conftest import DATA

    from itinerary.load import load

    brussels = load(DATA / "slots" / "brussels.yaml")
    tz = zone("Europe/Brussels")
    request = slots.Request(
        frozenset(["ann", "bo"]), brussels.days(), timedelta(hours=1), (9 * 60, 18 * 60), brussels.venues["office"]
    )
    found = [(s.start, s.end, sorted(s.moving), s.unchecked, s.all_day, s.skips) for s in slots.find(brussels, request)]
    tuesday, wednesday = date(2024, 5, 14), date(2024, 5, 15)
    DAY_TWO = ("Conference week", "Dinner with the mayor (time to be confirmed)")

    def t(day, hour, minute=0):
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)

    assert found == [
        # Nobody moves, longest first: Wednesday before the optional museum visit at Bozar (20 min away by
        # the travel table + 10 min buffer), Tuesday until the 12:00 lunch at Bozar.
        (t(wednesday, 10), t(wednesday, 13, 30), [], (), DAY_TWO, ()),
        (t(tuesday, 10), t(tuesday, 11, 30), [], (), (), ()),
        # Skipping the optional visit opens the whole day: said, and ranked after what skips nothing.
        (t(wednesday, 10), t(wednesday, 18), [], (), DAY_TWO, ("Museum visit",)),
        # Back from the museum (15:00 + 30 min) they have moved.
        (t(wednesday, 15, 30), t(wednesday, 18), ["ann", "bo"], (), DAY_TWO, ()),
        # After the meeting at a venue without coordinates: the trip back cannot be told, so it is said.
        (t(tuesday, 15), t(tuesday, 18), ["ann", "bo"], ("Mystery venue to Office",), (), ()),
    ]


def _programme(rows, people):
    """Events over two days at three venues (one without coordinates, as in real files), for groups and people."""
    from itinerary.model import Event, Group, Kind, Participant, Programme, Source, Venue

    src = Source("p.yaml", 1)
    venues = [
        Venue("a", "A", "Asia/Tokyo", src, geo=(35.68, 139.76)),
        Venue("b", "B", "Asia/Tokyo", src, geo=(35.70, 139.70)),
        Venue("c", "C", "Asia/Tokyo", src),
    ]
    groups = {"g0": Group("g0", "Even", src), "g1": Group("g1", "Odd", src)}
    participants = {f"p{n}": Participant(f"p{n}", f"P {n}", (f"g{n % 2}",), src) for n in range(people)}
    events = []
    for n, (start, length, who, place, kind) in enumerate(rows):
        begin = at(7, 0) + timedelta(minutes=15 * start)
        named = tuple(sorted(f"p{p}" for p in who if p < people)) + (((), ("g0",), ("g1",), ("g0", "g1"))[kind % 4])
        events.append(
            Event(
                id=f"e{n}",
                kind=Kind.HOTEL if kind == 4 else Kind.MEETING,
                title=f"E{n}",
                start=begin,
                end=begin + timedelta(minutes=15 * length + (600 if kind == 4 else 0)),
                source=Source("p.yaml", n + 2),
                venue=None if place == 3 else venues[place],
                who=named or None,
                background=kind == 4,
            )
        )
    events.sort(key=lambda e: (e.start, e.end))
    return Programme(
        "p", "P", "Asia/Tokyo", WEDNESDAY, WEDNESDAY + timedelta(days=1), src, groups, participants,
        {v.id: v for v in venues}, tuple(events),
    )  # fmt: skip


def _everyone(programme: Programme, venue: str | None) -> slots.Request:
    """Half an hour for everyone, on any day of the programme, between 08:00 and 20:00."""
    return slots.Request(
        frozenset(programme.participants),
        programme.days(),
        timedelta(minutes=30),
        (8 * 60, 20 * 60),
        programme.venues[venue] if venue else None,
    )


@settings(deadline=None, max_examples=300)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 130),
            st.integers(1, 16),
            st.frozensets(st.integers(0, 5), max_size=2),
            st.integers(0, 3),
            st.integers(0, 4),
        ),
        max_size=20,
    ),
    people=st.integers(1, 6),
    venue=st.sampled_from([None, "a", "c"]),
)
def test_people_free_alike_are_worked_out_once_as_each_alone(rows, people, venue):
    """Timelines with the same gaps on a day are worked out once per place: the same slots as each person alone."""
    programme = _programme(rows, people)
    request = _everyone(programme, venue)
    shared = slots.find(programme, request)

    def alone(timelines, window):
        return [(frozenset([p]), list(slots._gaps(t, window))) for who, t in timelines.items() for p in sorted(who)]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(slots, "_days", alone)
        assert shared == slots.find(programme, request)


@settings(deadline=None, max_examples=200)
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 10 * 96),  # over ten days
            st.sampled_from([1, 2, 4, 8, 16, 95, 97, 300, 700]),  # some longer than a day, or a week
            st.frozensets(st.integers(0, 5), max_size=2),
            st.integers(0, 3),
            st.integers(0, 4),
            st.booleans(),
        ),
        max_size=25,
    ),
    people=st.integers(1, 6),
    venue=st.sampled_from([None, "a"]),
)
def test_each_day_reads_only_the_events_around_it(rows, people, venue):
    """A day's windows come from the events within days of it (and the long ones): the same slots as when every
    person's whole programme is read for every day."""
    import dataclasses

    programme = _programme([row[:5] for row in rows], people)
    events = []
    for event in programme.events:
        optional = rows[int(event.id[1:])][5] and not event.background
        events.append(dataclasses.replace(event, optional_all=optional))
    programme = dataclasses.replace(programme, events=tuple(events), end=WEDNESDAY + timedelta(days=10))
    request = _everyone(programme, venue)
    around = slots.find(programme, request)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(slots._Bookings, "around", lambda self, day: self.of(list(self.programme.events)))
        assert around == slots.find(programme, request)
