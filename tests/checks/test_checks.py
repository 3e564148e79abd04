"""The checks of `itinerary check`: for each kind a programme that triggers it and one that just avoids it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import TESTS
from hypothesis import given, settings
from hypothesis import strategies as st

from itinerary.checks import CHECKS, KINDS, Finding, run_checks, summary
from itinerary.checks.gaps import gaps
from itinerary.checks.overlap import overlaps
from itinerary.checks.timeline import holds, labels, occupies, timelines
from itinerary.load import load, loads
from itinerary.model import Event, Group, Kind, Participant, Programme, Source

DATA = TESTS / "data" / "check"


def kinds_of(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


def brief(findings: list[Finding]) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(severity, code, event titles' ids, participants) of each finding."""
    return [(f.severity, f.code, f.events, f.participants) for f in findings]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_triggers(kind):
    found = kinds_of(run_checks(load(DATA / f"{kind}.yaml")), kind)
    assert found, f"{kind}.yaml should trigger {kind}"
    for finding in found:
        assert finding.message and finding.suggestion
        assert finding.sources and all(s.file.endswith(f"{kind}.yaml") and s.line > 1 for s in finding.sources)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_just_avoided(kind):
    """The -ok files sit on the boundary of their kind and are otherwise sound: nothing at all is found."""
    programme = load(DATA / f"{kind}-ok.yaml")
    assert run_checks(programme) == []


def test_every_kind_has_a_check_and_a_data_pair():
    produced = {f.kind for kind in KINDS for f in run_checks(load(DATA / f"{kind}.yaml"))}
    assert produced == set(KINDS)
    assert len(CHECKS) == len(KINDS)


# -- clash ------------------------------------------------------------------------------


def test_clash_pairs_and_who():
    found = kinds_of(run_checks(load(DATA / "clash.yaml")), "clash")
    assert brief(found) == [
        ("error", "C101", ("2030-03-04/red-session", "2030-03-04/blue-session"), ("Cy Both",)),
        ("error", "C101", ("2030-03-04/blue-session", "2030-03-04/plenary"), ("Blue group",)),
    ]
    assert "overlap by 30 min" in found[0].message
    assert found[0].suggestion.startswith("start 'Blue session' at 10:30 or later, end 'Red session' by 10:00")


def test_a_start_only_item_does_not_clash_with_the_next_one():
    """Coffee at 12:00 with no end, lunch at 12:30: coffee ends at 12:30, as the organiser means."""
    programme = load(DATA / "clash.yaml")
    coffee = next(e for e in programme.events if e.title == "Coffee")
    assert coffee.end_estimated and coffee.end.strftime("%H:%M") == "12:30"
    assert not [f for f in kinds_of(run_checks(programme), "clash") if "2030-03-04/coffee" in f.events]


def test_one_finding_per_pair_not_per_person():
    text = (DATA / "clash.yaml").read_text(encoding="utf-8")
    text = text.replace(
        '{time: "10:00-11:00", title: Blue session, venue: hall, who: [blue]}',
        '{time: "10:00-11:00", title: Blue session, venue: hall}',
    )
    found = kinds_of(run_checks(loads(text, "c.yaml")), "clash")
    red_blue = [f for f in found if f.events == ("2030-03-04/red-session", "2030-03-04/blue-session")]
    assert len(red_blue) == 1
    assert red_blue[0].participants == ("Red group",)  # everyone in the red session, named as the group


# -- travel-gap -----------------------------------------------------------------------------


def test_travel_gap_findings():
    found = kinds_of(run_checks(load(DATA / "travel-gap.yaml")), "travel-gap")
    by_code = {(f.code, f.events[1]): f for f in found}
    assert sorted(by_code) == [
        ("T201", "2030-03-04/north-one"),
        ("T201", "2030-03-06/east-three"),
        ("T202", "2030-03-05/north-two"),
        ("T202", "2030-03-07/station-meeting"),
        ("T203", "2030-03-06/nowhere-three"),
    ]
    tight = by_code["T201", "2030-03-04/north-one"]
    assert tight.severity == "warning"
    assert "needs 28 min (18 min by taxi for 7.2 km + 10 min buffer), has 27 min" in tight.message
    assert tight.suggestion == "start 'North one' at 10:28 or later, or end 'South one' by 09:59"
    short = by_code["T202", "2030-03-05/north-two"]
    assert short.severity == "error"
    assert "has 17 min, not even enough for the trip" in short.message
    assert "start 'North two' at 10:28 or later (10:18 leaves no buffer)" in short.suggestion
    table = by_code["T201", "2030-03-06/east-three"]
    assert "20 min by metro (travel table, line 23) + 10 min buffer" in table.message
    station = by_code["T202", "2030-03-07/station-meeting"]
    assert "needs 15 min (15 min to change at Central Station), has 10 min" in station.message
    unknown = by_code["T203", "2030-03-06/nowhere-three"]
    assert unknown.severity == "info"
    assert "East has no coordinates" in unknown.message and "Nowhere has no coordinates" in unknown.message
    assert all(f.participants == ("Team",) for f in found)


def shifted(text: str, old: str, new: str) -> Programme:
    assert old in text
    return loads(text.replace(old, new), "t.yaml")


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('"10:28-11:00", title: North one', '"10:27-11:00", title: North one', "T201"),
        ('"10:28-11:00", title: North two', '"10:17-11:00", title: North two', "T202"),
        ('"10:28-11:00", title: North two', '"10:18-11:00", title: North two', "T201"),
        ('"10:30-11:00", title: East three', '"10:29-11:00", title: East three', "T201"),
        ('"09:00-10:00", title: Station meeting', '"08:59-10:00", title: Station meeting', "T202"),
    ],
)
def test_travel_gap_boundary(old, new, code):
    """One minute less than the -ok file's exact gaps is too little."""
    text = (DATA / "travel-gap-ok.yaml").read_text(encoding="utf-8")
    found = kinds_of(run_checks(shifted(text, old, new)), "travel-gap")
    assert [f.code for f in found] == [code]


def test_gap_without_coordinates_is_reported_within_a_day_only():
    """In the -ok file the train from a station without coordinates leaves the morning after: not reported."""
    text = (DATA / "travel-gap-ok.yaml").read_text(encoding="utf-8")
    text = text.replace('"07:00-08:45", title: Train four', '"13:00-14:45", title: Train four')
    text = text.replace('"09:00-10:00", title: Station meeting', '"15:00-16:00", title: Station meeting')
    programme = shifted(text, "  2030-03-07:\n", "")
    found = kinds_of(run_checks(programme), "travel-gap")
    assert [(f.code, f.events) for f in found] == [("T203", ("2030-03-06/nowhere-three", "2030-03-06/train-four"))]
    assert "Far Station has no coordinates" in found[0].message and "Nowhere" in found[0].message


def test_leg_places_and_overlap_is_not_a_travel_gap():
    text = (DATA / "travel-gap-ok.yaml").read_text(encoding="utf-8")
    programme = shifted(text, '"09:00-10:00", title: Station meeting', '"08:30-10:00", title: Station meeting')
    found = run_checks(programme)
    assert [f.kind for f in found if f.severity == "error"] == ["clash"]


# -- outside-dates, no-lodging ------------------------------------------------------------------------


def test_outside_dates():
    found = kinds_of(run_checks(load(DATA / "outside-dates.yaml")), "outside-dates")
    assert [(f.events[0], f.severity) for f in found] == [
        ("2030-03-03/early-bird", "error"),
        ("2030-03-04/hotel", "error"),
        ("2030-03-07/late-meeting", "error"),
    ]
    assert "1 day before the programme starts (2030-03-04)" in found[0].message
    assert "set `programme.start: 2030-03-03`" in found[0].suggestion
    assert "2 days after the programme ends (2030-03-05)" in found[2].message


def test_no_lodging():
    found = kinds_of(run_checks(load(DATA / "no-lodging.yaml")), "no-lodging")
    assert len(found) == 1
    assert found[0].participants == ("Visitors",)
    assert "night of Wed 6 Mar 2030 to Thu 7 Mar" in found[0].message
    assert found[0].suggestion == "extend 'Hotel' to `until: 2030-03-07`"
    assert found[0].events == ("2030-03-06/day-three",)


# -- dst ----------------------------------------------------------------------------------------------


def test_dst_fold_is_a_warning():
    programme = load(DATA / "dst.yaml")
    assert programme.warnings  # the loader flagged them too
    found = kinds_of(run_checks(programme), "dst")
    assert [(f.code, f.severity) for f in found] == [("Z502", "warning")] * 3
    assert "'Call home' starts Sun 27 Oct 2030 02:30, a time that happens twice in Europe/Brussels" in found[1].message
    assert "02:30 CEST (UTC+02:00)" in found[1].message


def test_dst_gap_is_an_error():
    """The loader refuses a time in a DST gap; a programme from elsewhere (a calendar) may hold one."""
    programme = load(DATA / "dst-ok.yaml")
    brussels = ZoneInfo("Europe/Brussels")
    first = programme.events[0]
    skipped = dataclasses.replace(
        first, start=datetime(2030, 3, 31, 2, 30, tzinfo=brussels), end=datetime(2030, 3, 31, 4, 0, tzinfo=brussels)
    )
    programme = dataclasses.replace(programme, events=(skipped, *programme.events[1:]))
    found = kinds_of(run_checks(programme), "dst")
    assert [(f.code, f.severity) for f in found] == [("Z501", "error")]
    assert "02:30, a time that does not exist in Europe/Brussels" in found[0].message


# -- odd-hour, unattended, idle, estimated-end ----------------------------------------------------------


def test_odd_hour_suggests_the_afternoon():
    (found,) = kinds_of(run_checks(load(DATA / "odd-hour.yaml")), "odd-hour")
    assert found.severity == "info"
    assert "starts at 03:00" in found.message and "write 15:00" in found.suggestion


def test_unattended():
    (found,) = kinds_of(run_checks(load(DATA / "unattended.yaml")), "unattended")
    assert found.severity == "warning" and found.events == ("2030-03-04/press-conference",)
    assert "'Press'" in found.message


def test_a_programme_without_participants_is_one_persons_days():
    found = run_checks(load(DATA / "no-participants.yaml"))
    assert not kinds_of(found, "unattended")
    (clash,) = kinds_of(found, "clash")
    assert clash.participants == ("whoever follows this programme",)


def test_idle_participant():
    (found,) = kinds_of(run_checks(load(DATA / "idle-participant.yaml")), "idle-participant")
    assert found.participants == ("Eve Idle",) and found.severity == "info"
    lines = (DATA / "idle-participant.yaml").read_text(encoding="utf-8").splitlines()
    assert found.source is not None and "Eve Idle" in lines[found.source.line - 1]


def test_estimated_end_boundary():
    (found,) = kinds_of(run_checks(load(DATA / "estimated-end.yaml")), "estimated-end")
    assert found.events == ("2030-03-04/briefing", "2030-03-04/tour")
    assert "taken as 10:00, the 1 h default for a meeting" in found.message
    assert "59 min to spare" in found.message
    assert found.suggestion == 'give it its real end: time: "09:00-HH:MM"'


# -- ordering, summary, labels ----------------------------------------------------------------------------


def test_most_severe_first_then_file_order():
    found = run_checks(load(DATA / "travel-gap.yaml"))
    order = ["error", "warning", "info"]
    assert [order.index(f.severity) for f in found] == sorted(order.index(f.severity) for f in found)
    errors = [f for f in found if f.severity == "error"]
    assert [f.source.line for f in errors if f.source] == sorted(f.source.line for f in errors if f.source)
    assert summary(found) == {"errors": 2, "warnings": 2, "infos": 1}


def test_run_checks_with_chosen_checks():
    programme = load(DATA / "clash.yaml")
    only = run_checks(programme, [CHECKS[0]])
    assert {f.kind for f in only} == {"clash"}


def test_labels_name_whole_groups(japan):
    ecpg = {p for p, person in japan.participants.items() if "ecpg" in person.groups}
    assert labels(japan, ecpg) == ("Delegation of ECPG",)
    assert labels(japan, ecpg | {"barbara-rhode"}) == ("Delegation of ECPG", "Barbara Rhode")
    # Emily Wise is the whole secretariat, but a group of one is not worth naming.
    assert labels(japan, {"emily-wise"}) == ("Emily Wise",)
    assert labels(japan, {"tea-petrin", "finn-lauritzen"}) == ("Finn Lauritzen", "Tea Petrin")


def test_timelines_share_by_attendance(japan):
    lines = timelines(japan)
    assert sum(len(t.participants) for t in lines) == len(japan.participants)
    travellers = next(t for t in lines if "tea-petrin" in t.participants)
    assert "emily-wise" in travellers.participants and "barbara-rhode" not in travellers.participants


# -- sweep against all pairs ---------------------------------------------------------------------------------

BASE = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)


def synthetic(rows: list[tuple[int, int, frozenset[int], bool]], people: int) -> Programme:
    src = Source("p.yaml", 1)
    groups = {"g0": Group("g0", "Even", src), "g1": Group("g1", "Odd", src)}
    participants = {f"p{n}": Participant(f"p{n}", f"P {n}", (f"g{n % 2}",), src) for n in range(people)}
    events = []
    for n, (start, length, who, background) in enumerate(rows):
        begin = BASE + timedelta(minutes=15 * start)
        events.append(
            Event(
                id=f"e{n}",
                kind=Kind.MEETING,
                title=f"E{n}",
                start=begin,
                end=begin + timedelta(minutes=15 * length),
                source=Source("p.yaml", n + 2),
                who=tuple(sorted(f"p{p}" for p in who if p < people)) or None,
                background=background,
            )
        )
    events.sort(key=lambda e: (e.start, e.end))
    return Programme(
        id="p",
        title="P",
        timezone="UTC",
        start=BASE.date(),
        end=BASE.date() + timedelta(days=3),
        source=src,
        groups=groups,
        participants=participants,
        venues={},
        events=tuple(events),
    )


rows_strategy = st.lists(
    st.tuples(
        st.integers(0, 40),
        st.integers(0, 12),
        st.frozensets(st.integers(0, 5), max_size=4),
        st.booleans(),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(rows=rows_strategy, people=st.integers(0, 6))
def test_sweep_finds_exactly_the_overlapping_pairs(rows, people):
    from itinerary.checks.timeline import one_timeline

    programme = one_timeline(synthetic(rows, people))  # as run_checks sees it: nobody listed is one person
    expected: dict[tuple[str, str], set[str]] = {}
    events = programme.events
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            if a.background or b.background or not (a.start < b.end and b.start < a.end):
                continue
            both = programme.attendees(a) & programme.attendees(b)
            if both:
                expected.setdefault((a.id, b.id), set()).update(both)
    got = {(o.first.id, o.second.id): set(o.participants) for o in overlaps(programme)}
    assert got == expected
    assert len(kinds_of(run_checks(programme), "clash")) == len(expected)


def by_groups(rows: list[tuple[int, int, frozenset[int], bool, int]], people: int) -> Programme:
    """As `synthetic`, but `who` names group g0 (code 1), g1 (2), both (3), or only people (0); all-day items too."""
    programme = synthetic([(start, length, who, background) for start, length, who, background, _ in rows], people)
    groups = {1: ("g0",), 2: ("g1",), 3: ("g0", "g1")}
    events = []
    for event, (_, _, _, _, code) in zip(sorted(programme.events, key=lambda e: int(e.id[1:])), rows, strict=True):
        whole_day = code == 4
        named = event.who if code not in groups else (event.who or ()) + groups[code]
        events.append(dataclasses.replace(event, who=named, all_day=whole_day))
    events.sort(key=lambda e: (e.start, e.end))
    return dataclasses.replace(programme, events=tuple(events))


group_rows = st.lists(
    st.tuples(
        st.integers(0, 40),
        st.integers(0, 12),
        st.frozensets(st.integers(0, 5), max_size=2),
        st.booleans(),
        st.integers(0, 4),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(rows=group_rows, people=st.integers(0, 6))
def test_gaps_and_overlaps_are_each_persons_own(rows, people):
    """Worked out on shared timelines with people's own events spliced in, they are what each person's
    own timeline gives: consecutive busy items (after the one that ends last so far) and overlaps."""
    programme = by_groups(rows, people)
    gaps_expected: dict[tuple[str, str], set[str]] = {}
    overlaps_expected: dict[tuple[str, str], set[str]] = {}
    for pid in programme.participants:
        mine = [e for e in programme.events if pid in programme.attendees(e) and occupies(e)]
        previous = None
        for event in (e for e in mine if not e.all_day):
            if previous is not None:
                gaps_expected.setdefault((previous.id, event.id), set()).add(pid)
            if previous is None or event.end >= previous.end:
                previous = event
        for i, a in enumerate(mine):
            for b in mine[i + 1 :]:
                if a.end > b.start and not (a.all_day and b.all_day) and not holds(a, b) and not holds(b, a):
                    overlaps_expected.setdefault((a.id, b.id), set()).add(pid)
    assert {(g.before.id, g.after.id): set(g.participants) for g in gaps(programme)} == gaps_expected
    assert {(o.first.id, o.second.id): set(o.participants) for o in overlaps(programme)} == overlaps_expected


def test_all_day_item_clashes_unless_background():
    text = (DATA / "estimated-end-ok.yaml").read_text(encoding="utf-8")
    busy = shifted_text(
        text, '    - {time: "09:00", title: Briefing, venue: hall}\n', "    - {all_day: true, title: Excursion day}\n"
    )
    (found,) = kinds_of(run_checks(loads(busy, "t.yaml")), "clash")
    assert "'Excursion day' (all day) and 'Tour' (11:00-12:00) overlap by 1 h" in found.message
    assert (
        found.suggestion
        == "take Ann out of one of them, or mark 'Excursion day' `background: true` if it leaves room for other items"
    )
    quiet = busy.replace("title: Excursion day}", "title: Excursion day, background: true}")
    assert run_checks(loads(quiet, "t.yaml")) == []


def test_times_in_another_zone_carry_its_abbreviation():
    text = (DATA / "clash.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "hall: {name: Hall, geo: [50.8466, 4.3528]}", "hall: {name: Hall, geo: [35.68, 139.76], timezone: Asia/Tokyo}"
    )
    found = kinds_of(run_checks(loads(text, "t.yaml")), "clash")
    assert (
        found[0].message
        == "'Red session' (09:00-10:30 JST) and 'Blue session' (10:00-11:00 JST) overlap by 30 min on Mon 4 Mar 2030"
    )


def shifted_text(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


def test_who_empty_is_nobody_not_everyone():
    programme = load(DATA / "who-empty.yaml")
    press = next(e for e in programme.events if e.title == "Press briefing")
    assert programme.attendees(press) == frozenset()
    assert programme.who_label(press) == "nobody"
    assert press not in programme.events_for("ann")
    found = run_checks(programme)
    (unattended,) = kinds_of(found, "unattended")
    assert unattended.code == "A701" and unattended.events == ("2030-03-04/press-briefing",)
    assert "`who` is empty" in unattended.message
    assert not kinds_of(found, "clash"), "nobody is at the press briefing, so it clashes with nothing"


def with_kinds(rows: list[tuple[int, int, frozenset[int], bool, int, int]], people: int) -> Programme:
    """As `by_groups`, with hotel stays (hours long) and flights and trains among the meetings."""
    programme = by_groups([row[:5] for row in rows], people)
    kinds = (Kind.MEETING, Kind.MEETING, Kind.HOTEL, Kind.FLIGHT, Kind.TRAIN)
    events = []
    for event in programme.events:
        _, length, _, _, _, kind = rows[int(event.id[1:])]
        if kinds[kind] is Kind.HOTEL:
            event = dataclasses.replace(event, end=event.start + timedelta(hours=4 * length + 1))
        events.append(dataclasses.replace(event, kind=kinds[kind]))
    events.sort(key=lambda e: (e.start, e.end))
    return dataclasses.replace(programme, events=tuple(events))


def unlodged_by_person(programme: Programme) -> dict:
    """no-lodging worked out person by person, as the check says it: the first person (by id) names the evening."""
    from itinerary.checks.lodging import NIGHT_HOUR

    nights = [
        (day, datetime(day.year, day.month, day.day, NIGHT_HOUR, tzinfo=UTC) + timedelta(days=1))
        for day in programme.days()
    ]
    missing: dict = {}
    for pid in sorted(programme.participants):
        mine = [e for e in programme.events if pid in programme.attendees(e)]
        stays = [e for e in mine if e.kind is Kind.HOTEL]
        busy = [e for e in mine if occupies(e) and not e.all_day]
        arrives = busy and busy[0].kind in (Kind.FLIGHT, Kind.TRAIN, Kind.COACH, Kind.FERRY)
        if not busy or not (stays or arrives):
            continue
        for day, night in nights:
            ended = [e for e in busy if e.end <= night]
            if not ended or busy[-1].start < night:
                continue
            latest = max(e.end for e in ended)
            evening = [e for e in ended if e.end == latest][-1]  # the later of two that end together
            if any(e.start <= night < e.end for e in busy if e.kind.is_leg):
                continue
            if any(s.start <= night < s.end for s in stays):
                continue
            entry = missing.setdefault(day, (evening.id, set(), tuple(s.id for s in stays)))
            entry[1].add(pid)
    return missing


def kinds_rows(latest: int, most: int) -> st.SearchStrategy:
    """At most `most` rows for `with_kinds` (see `by_groups`), none starting later than `latest`."""
    return st.lists(
        st.tuples(
            st.integers(0, latest),
            st.integers(0, 12),
            st.frozensets(st.integers(0, 5), max_size=2),
            st.booleans(),
            st.integers(0, 4),
            st.integers(0, 4),
        ),
        max_size=most,
    )


@settings(max_examples=1500, deadline=None)
@given(rows=kinds_rows(300, 25), people=st.integers(1, 6))
def test_nights_without_lodging_are_each_persons_own(rows, people):
    """Worked out on shared timelines with people's own events spliced in, as on each person's own."""
    from itinerary.checks.lodging import unlodged

    programme = with_kinds(rows, people)
    got = {day: (e.id, who, tuple(s.id for s in stays)) for day, (e, who, stays) in unlodged(programme).items()}
    assert got == unlodged_by_person(programme)


@settings(max_examples=400, deadline=None)
@given(rows=kinds_rows(1200, 40), people=st.integers(1, 6))
def test_nights_a_persons_own_events_touch_are_looked_at_again(rows, people):
    """Over a fortnight, with evenings that carry over empty days: only the nights a person's own events
    touch (their evening, a leg or a stay of theirs) differ from their base's, and those are the ones redone."""
    from itinerary.checks.lodging import unlodged

    programme = dataclasses.replace(with_kinds(rows, people), end=BASE.date() + timedelta(days=13))
    got = {day: (e.id, who, tuple(s.id for s in stays)) for day, (e, who, stays) in unlodged(programme).items()}
    assert got == unlodged_by_person(programme)
