from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import TESTS
from conftest import load_errors as errors_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itinerary.load import LoadError, load, loads
from itinerary.model import Kind

DATA = TESTS / "data" / "load"
HEAD = """\
programme:
  id: t
  title: T
  timezone: Europe/Brussels
  start: 2024-03-30
  end: 2024-11-01
"""


def one_event(lines: str, day: str = "2024-04-02", extra: str = "") -> str:
    return HEAD + extra + f"days:\n  {day}:\n" + lines


# -- the Japan visit -----------------------------------------------------------------


def test_japan_loads_whole(japan):
    assert japan.id == "ecpg-japan-2009"
    assert len(japan.participants) == 13
    assert set(japan.groups) == {"ecpg", "secretariat", "commission", "eu-delegation", "eu-japan-centre"}
    assert len(japan.members("ecpg")) == 8
    assert japan.warnings == ()
    for event in japan.events:
        assert event.start.tzinfo is not None and event.end.tzinfo is not None
        assert event.end > event.start
        assert japan.start <= event.start.astimezone(ZoneInfo("Asia/Tokyo")).date() <= japan.end
    assert [e.start for e in japan.events] == sorted(e.start for e in japan.events)


def test_japan_hamamatsu_trains(japan):
    trains = [e for e in japan.events if e.kind is Kind.TRAIN]
    assert [(t.title, t.start.strftime("%H:%M"), t.end.strftime("%H:%M")) for t in trains] == [
        ("Shinkansen HIKARI 465", "09:03", "10:33"),
        ("Shinkansen HIKARI 476", "16:10", "17:40"),
    ]
    assert trains[0].origin.id == "tokyo-station" and trains[0].destination.id == "hamamatsu-station"
    assert str(trains[0].start.tzinfo) == "Asia/Tokyo"


def test_japan_flight_keeps_each_end_in_its_zone(japan):
    flight = japan.events[0]
    assert flight.kind is Kind.FLIGHT
    assert str(flight.start.tzinfo) == "Europe/Brussels"
    assert str(flight.end.tzinfo) == "Asia/Tokyo"
    assert flight.end - flight.start == timedelta(hours=14, minutes=30)


def test_events_remember_their_line(japan):
    text = Path(japan.source.file).read_text(encoding="utf-8").splitlines()
    for event in japan.events:
        line = text[event.source.line - 1]
        assert "title" in line or "time" in line or "kind" in line or "id:" in line or "depart" in line


# -- a small file that uses every feature -------------------------------------------


@pytest.fixture(scope="module")
def minimal():
    return load(DATA / "minimal.yaml")


def test_derived_ids_and_groups(minimal):
    assert list(minimal.participants) == ["ann-odegard", "bo", "cy"]
    assert minimal.participants["bo"].groups == ("team", "hosts")
    assert minimal.expand(["hosts"]) == {"bo", "cy"}


def test_yaml_sexagesimal_trap_is_a_time(minimal):
    kickoff = minimal.events[0]
    assert kickoff.title == "Kick-off"
    assert kickoff.start == datetime(2024, 3, 30, 9, 30, tzinfo=ZoneInfo("Europe/Brussels"))
    assert kickoff.end_estimated and kickoff.duration == timedelta(hours=1)


def test_end_past_midnight(minimal):
    late = next(e for e in minimal.events if e.title == "Late session")
    assert late.end.date() == date(2024, 3, 31) and late.end.hour == 1
    assert (
        late.venue is not None and late.venue.name == "Bar" and late.venue.id.startswith("inline-bar-")
    )  # with a hash of its address


def test_flight_arrival_rolls_to_next_day_in_its_zone(minimal):
    flight = next(e for e in minimal.events if e.kind is Kind.FLIGHT)
    assert flight.start == datetime(2024, 3, 31, 13, 5, tzinfo=ZoneInfo("Europe/Brussels"))
    assert flight.end == datetime(2024, 4, 1, 9, 40, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert not flight.end_estimated


def test_hotel_is_background_from_check_in_to_check_out(minimal):
    hotel = next(e for e in minimal.events if e.kind is Kind.HOTEL)
    assert hotel.background
    assert (hotel.start.hour, hotel.end.hour, hotel.end.date()) == (15, 11, date(2024, 4, 1))


def test_all_day_and_explicit_id(minimal):
    free = next(e for e in minimal.events if e.title == "Free day")
    assert free.all_day and free.duration == timedelta(days=1)
    wrap = next(e for e in minimal.events if e.title == "Wrap-up")
    assert wrap.id == "wrap-up" and wrap.explicit_id
    assert free.id == "2024-04-01/free-day" and not free.explicit_id


def test_day_city(minimal):
    assert minimal.city == {date(2024, 3, 31): "Brussels"}


def test_repeated_titles_on_a_day_get_distinct_ids():
    text = one_event('    - {time: "09:00", title: Coffee}\n    - {time: "15:00", title: Coffee}\n')
    programme = loads(text)
    assert [e.id for e in programme.events] == ["2024-04-02/coffee", "2024-04-02/coffee-2"]


# -- bad input: every problem at once, each with file:line:column --------------------


def test_every_error_at_once_with_position():
    text = (
        HEAD.replace("Europe/Brussels", "Europe/Brusels")
        + "participants:\n  - name: Ann\n    group: nobody\n"
        + "days:\n  2024-04-02:\n"
        + '    - {time: "25:00", title: A}\n'
        + '    - {time: "10:00", title: B, venue: nowhere}\n'
        + '    - {time: "10:00", title: C, kind: meating}\n'
    )
    errors = errors_of(text)
    assert len(errors) == 5, errors
    expected = (
        "t.yaml:4:13: error: programme.timezone: unknown time zone 'Europe/Brusels' (did you mean 'Europe/Brussels'?)"
    )
    assert errors[0] == expected
    assert any(e.startswith("t.yaml:9:12: error: participants[0].group: unknown group 'nobody'") for e in errors)
    assert any(e.startswith("t.yaml:12:") and "'25:00' is not a time of day" in e for e in errors)
    assert any(e.startswith("t.yaml:13:") and "unknown venue 'nowhere'" in e for e in errors)
    assert any("unknown kind 'meating' (did you mean 'meeting'?)" in e for e in errors)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", r"^t\.yaml:1:1: error: empty file"),
        ("- a\n- b\n", r"not a programme file: expected a mapping .* found a list"),
        ("title: x\n", r"not a programme file: no `programme:` section"),
        ("programme: [1\n", r"^t\.yaml:2:1: error: YAML syntax"),
        ("programme:\n  id: a\n  id: b\n", r"programme\.id: appears twice"),
        (HEAD + "venus: {}\n", r"venus: unknown key \(did you mean 'venues'\?\)"),
        (HEAD.replace("2024-03-30", "2024-02-30"), r"programme\.start: '2024-02-30' is not a date"),
        (HEAD.replace("start: 2024-03-30", "start: 2024-12-01"), r"programme\.end: 2024-11-01 is before the start"),
        (
            one_event('    - {time: "02:30", title: Gap}\n', "2024-03-31"),
            r"2024-03-31 02:30 does not exist in Europe/Brussels",
        ),
        (one_event('    - {time: "10:00", title: X, who: [nobody]}\n'), r"unknown participant or group 'nobody'"),
        (one_event('    - {time: "10:00"}\n'), r"missing `title`"),
        (one_event("    - {title: X}\n"), r"missing `time`"),
        (one_event('    - {time: "10:00", title: X, colour: red}\n'), r"\.colour: unknown key"),
        (one_event('    - {kind: hotel, title: H, time: "15:00"}\n'), r"hotel stay needs `until"),
        (
            one_event('    - {kind: flight, title: F, depart: "10:00 Mars/Base", arrive: "12:00"}\n'),
            r"unknown time zone",
        ),
        (
            one_event('    - {kind: flight, title: F, depart: "2024-04-02 10:00", arrive: "2024-04-01 12:00"}\n'),
            r"arrives .* before it departs",
        ),
        (one_event('    - {time: "10:00", title: X, from: a}\n'), r"unknown venue 'a'"),
        (one_event('    - {time: "10:00", title: X, all_day: maybe}\n'), r"'maybe' is not true or false"),
        (
            one_event('    - {id: x, time: "10:00", title: A}\n    - {id: x, time: "11:00", title: B}\n'),
            r"event id 'x' is already used at line 9",
        ),
        (HEAD + "venues:\n  v: {name: V, geo: [4.3, 250]}\n", r"longitude 250\.0 is outside"),
        (HEAD + "groups:\n  g: G\nparticipants:\n  - {name: G}\n", r"id 'g' is also a group id"),
    ],
)
def test_bad_programmes(text, expected):
    errors = errors_of(text)
    assert any(re.search(expected, e) for e in errors), errors
    assert all(re.match(r"^(t\.yaml:\d+:\d+: error: |itinerary: )", e) for e in errors), errors


def test_fold_is_accepted_and_flagged():
    programme = loads(one_event('    - {time: "02:30", title: Fold}\n', "2024-10-27"))
    (event,) = programme.events
    assert event.start.utcoffset() == timedelta(hours=2)  # the first of the two 02:30s
    assert len(programme.warnings) == 1 and "happens twice" in str(programme.warnings[0])


def test_binary_file(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    with pytest.raises(LoadError, match="binary data"):
        load(path)


def test_not_utf8_points_at_the_byte(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"programme:\n  title: caf\xe9\n")
    with pytest.raises(LoadError) as info:
        load(path)
    assert str(info.value.diagnostics[0]).startswith(f"{path}:2:13: error: not UTF-8")


def test_huge_file_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    import itinerary.load as module

    monkeypatch.setattr(module, "MAX_BYTES", 1000)
    path = tmp_path / "x.yaml"
    path.write_text("# padding\n" * 200)
    with pytest.raises(LoadError, match="larger than"):
        load(path)


def test_alias_bomb_stops_quickly():
    levels = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    levels += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    text = "\n".join(levels).replace(
        "a0:", "programme: {id: t, title: T, timezone: UTC, start: 2020-01-01, end: 2020-01-02}\nx0:"
    )
    text += "\nparticipants: *a8\n"
    errors = errors_of(text)
    assert 1 < len(errors) <= 101


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(LoadError, match="cannot read"):
        load(tmp_path / "nope.yaml")
    with pytest.raises(LoadError, match="is a directory"):
        load(tmp_path)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | st.text(max_size=300))
def test_any_input_loads_or_fails_cleanly(data):
    try:
        loads(data, "fuzz.yaml")
    except LoadError as exc:
        assert exc.diagnostics


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            ["id", "title", "kind", "time", "venue", "who", "notes", "until", "depart", "arrive", "all_day"]
        ),
        st.text(max_size=12) | st.integers() | st.lists(st.text(max_size=5), max_size=3),
        max_size=6,
    )
)
def test_any_event_mapping_loads_or_fails_cleanly(event):
    import yaml

    text = one_event(yaml.safe_dump([event]).replace("\n", "\n    ").rstrip().join(["    ", "\n"]))
    try:
        programme = loads(text, "fuzz.yaml")
    except LoadError as exc:
        assert all(str(d).startswith(("fuzz.yaml:", "itinerary:")) for d in exc.diagnostics)
    else:
        for e in programme.events:
            assert e.start.tzinfo is not None and e.end > e.start
