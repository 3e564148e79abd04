"""`leg-duration` (T204): legs that cannot take as long (or as little) as written, with the likely cause."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from conftest import TESTS

from itinerary.checks import run_checks
from itinerary.checks.legs import PACES, leg_duration
from itinerary.load import load, loads

DATA = TESTS / "data" / "check"


def by_event(path: Path) -> dict[str, str]:
    return {f.events[0]: f.message for f in run_checks(load(path)) if f.code == "T204"}


def test_a_venue_without_its_zone_makes_a_short_flight_an_18_hour_one():
    found = by_event(DATA / "leg-duration.yaml")
    message = found["2030-05-05/cx-390-hong-kong-beijing"]
    assert message.startswith("'CX 390 Hong Kong - Beijing' takes 18 h 20 min for 1,992 km")
    assert "slower than any flight of that distance (at most 10 h 25 min)" in message
    assert message.endswith(
        "likely cause: Beijing Capital International Airport has no `timezone:`, so its times are read in the "
        "programme's America/Los_Angeles (UTC-07:00), far from its longitude (116.6° E, about UTC+8)"
    )


def test_too_fast_and_a_day_late_are_told_apart():
    found = by_event(DATA / "leg-duration.yaml")
    fast = found["2030-05-06/g-87-beijing-xi-an"]
    assert "takes 1 h for 896 km" in fast and "faster than any train (at least 2 h 33 min)" in fast
    assert fast.endswith("likely cause: a time or zone written wrong")
    late = found["2030-05-07/hx-238-xi-an-hong-kong"]
    assert "takes 1 day 2 h 40 min" in late and late.endswith("likely cause: the arrival a day late")
    assert len(found) == 3  # the Los Angeles - Hong Kong flight of 15 h 15 is right


def test_real_long_legs_are_not_flagged():
    """A one-stop flight written as one leg, and the Trans-Siberian's six days, are slow but real."""
    text = """
programme: {id: long, title: Long legs, timezone: Europe/Moscow, start: 2030-07-01, end: 2030-07-09}
participants: [{name: Ann}]
venues:
  svo: {name: Sheremetyevo, geo: [55.9726, 37.4146]}
  syd: {name: Sydney Airport, geo: [-33.9399, 151.1753], timezone: Australia/Sydney}
  yar: {name: Yaroslavsky station, geo: [55.7765, 37.6572]}
  vvo: {name: Vladivostok station, geo: [43.1115, 131.8817], timezone: Asia/Vladivostok}
days:
  2030-07-01:
    - {kind: train, title: Rossiya, from: yar, to: vvo, depart: "13:50", arrive: "2030-07-07 19:50"}
  2030-07-08:
    - {kind: flight, title: Via Dubai, from: vvo, to: syd, depart: "08:00", arrive: "2030-07-09 07:40"}
"""
    assert list(leg_duration(loads(text))) == []


TRANSPACIFIC = """
programme: {id: pacific, title: Across the Pacific, timezone: America/Los_Angeles, start: 2030-05-02, end: 2030-05-05}
participants: [{name: Ann}]
venues:
  lax: {name: Los Angeles International Airport, geo: [33.9416, -118.4085]}
  hkg: {name: Hong Kong International Airport, geo: [22.308, 113.9185]ZONE}
days:
  2030-05-02:
    - {kind: flight, title: CX 883, from: lax, to: hkg, depart: "23:30", arrive: "2030-05-04 06:00"}
"""


def test_a_long_flight_is_flagged_on_less_evidence_when_a_zone_explains_it():
    """30 h 30 for 11,664 km is possible with a connection, but not usual: flagged only when Hong Kong
    keeps Los Angeles time (the 15 h real flight read in the wrong zone)."""
    wrong_zone = list(leg_duration(loads(TRANSPACIFIC.replace("ZONE", ""))))
    assert len(wrong_zone) == 1
    message = wrong_zone[0].message
    assert "takes 1 day 6 h 30 min for 11,664 km" in message
    assert "slower than flights of that distance take (usually at most 19 h 39 min)" in message
    assert "Hong Kong International Airport has no `timezone:`, so its times are read in the programme's" in message
    # The same 30 h 30 with Hong Kong in its own zone: a long connection, nothing to say.
    long_connection = TRANSPACIFIC.replace("ZONE", ", timezone: Asia/Hong_Kong").replace("06:00", "21:00")
    assert list(leg_duration(loads(long_connection))) == []


def test_the_bounds_are_wide():
    flight = PACES[next(k for k in PACES if k.value == "flight")].possible
    # Hong Kong - Beijing, 1,970 km: a real flight takes 3 h 20; anything from 1 h 39 to 10 h 22 passes
    # (unless a venue's zone is far from its longitude, then 1 h 58 to 5 h 49).
    assert timedelta(hours=1970 / flight.fastest_kmh) < timedelta(hours=2)
    assert timedelta(hours=1970 / flight.slowest_kmh) + flight.slack > timedelta(hours=8)


def test_a_leg_whose_time_is_to_be_confirmed_is_not_a_day_long_flight():
    text = """
programme: {id: l, title: L, timezone: Europe/Berlin, start: 2030-06-03, end: 2030-06-04}
participants: [{name: Ann}]
venues:
  ber: {name: Berlin Airport, geo: [52.36, 13.50]}
  muc: {name: Munich Airport, geo: [48.35, 11.78]}
days:
  2030-06-03:
    - {kind: flight, title: Flight to Munich, from: ber, to: muc, time: TBC}
  2030-06-04:
    - {kind: train, title: Train back, from: muc, to: ber, all_day: true}
"""
    assert list(leg_duration(loads(text))) == []


def test_a_zone_written_for_the_wrong_place_is_named_as_written():
    text = TRANSPACIFIC.replace("ZONE", ", timezone: America/Los_Angeles")
    (found,) = leg_duration(loads(text))
    assert "Hong Kong International Airport has `timezone: America/Los_Angeles` (UTC-07:00)" in found.message
    assert found.suggestion == "give Hong Kong International Airport the `timezone:` of where it is (an IANA name)"


def test_check_as_a_real_process_exits_0_on_warnings_only():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "itinerary", "check", str(DATA / "leg-duration.yaml"), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert '"code": "T204"' in result.stdout
