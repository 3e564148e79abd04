"""A start-only item ends, at the latest, when the next item of any of its people begins."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from typer.testing import CliRunner

from itinerary.checks import run_checks
from itinerary.cli import app
from itinerary.load import load

DATA = Path(__file__).resolve().parent / "data" / "ends"
SYDNEY = ZoneInfo("Australia/Sydney")


def at(hour: int, minute: int) -> datetime:
    return datetime(2007, 2, 26, hour, minute, tzinfo=SYDNEY)


def ends() -> dict[str, tuple[datetime, bool]]:
    programme = load(DATA / "start-times.yaml")
    return {e.title: (e.end, e.end_estimated) for e in programme.events}


def test_a_start_only_item_ends_when_the_next_of_its_people_begins():
    found = ends()
    assert found["Luggage outside rooms"] == (at(8, 45), True)  # default would be 09:15
    assert found["Depart hotel"] == (at(9, 0), True)  # default would be 09:15
    # The governor's next call starts at 09:40: the call shares the governor, so it ends there.
    assert found["Call on the Governor"] == (at(9, 40), True)


def test_the_default_stands_when_nothing_follows_sooner_and_ends_given_are_kept():
    found = ends()
    assert found["Governor's next call"] == (at(10, 30), False)
    # Two items at the same start are not cut by each other: that is a real clash.
    assert found["Roundtable"] == (at(12, 0), True)
    assert found["Press"] == (at(12, 0), True)


def test_no_clash_but_the_real_one():
    clashes = [f for f in run_checks(load(DATA / "start-times.yaml")) if f.code == "C101"]
    assert [f.events for f in clashes] == [("2007-02-26/roundtable", "2007-02-26/press")]
    assert clashes[0].severity == "error"  # both start at 11:00, whatever their ends


def test_agenda_shows_the_end_taken_and_says_why():
    result = CliRunner().invoke(app, ["agenda", str(DATA / "start-times.yaml")], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "08:15–~08:45" in result.output
    assert "08:45–~09:00" in result.output


def test_estimated_end_finding_names_the_next_item_not_the_default():
    found = [f for f in run_checks(elsewhere()) if f.code == "E801"]
    call = [f for f in found if f.events[0] == "2007-02-26/call-on-the-governor"]
    assert call and "taken as 09:30, when the next item of its people starts" in call[0].message


def test_an_excursion_is_not_cut_by_what_happens_during_it():
    """A day trip written with its start only holds the visits of the day; they do not end it."""
    from itinerary.load import loads

    programme = loads(
        """
programme: {id: trip, title: Trip, timezone: Asia/Tokyo, start: 2009-10-08, end: 2009-10-08}
venues: {nikko: {name: Nikko}}
days:
  2009-10-08:
    - {time: "08:00", title: Meet in the lobby, kind: other}
    - {time: "08:30", title: Day trip to Nikko, kind: excursion, venue: nikko}
    - {time: "10:00-11:00", title: Toshogu shrine, kind: visit, venue: nikko}
""",
        "trip.yaml",
    )
    found = {e.title: e.end.strftime("%H:%M") for e in programme.events}
    assert found["Day trip to Nikko"] == "12:30"  # its 4 h default
    assert found["Meet in the lobby"] == "08:30"  # cut where the trip begins


def test_an_item_cut_by_the_next_one_at_the_same_place_leans_on_no_guess():
    """Luggage at the hotel, then the car from the hotel: nothing about the luggage's end can be wrong.

    Where the next item is elsewhere, the cut end is still a guess the travel check leans on.
    """
    programme = elsewhere()
    leaned = {f.events[0].split("/")[1] for f in run_checks(programme) if f.code == "E801"}
    assert "luggage-outside-rooms" not in leaned and "depart-hotel" not in leaned
    assert "call-on-the-governor" in leaned  # cut at 09:30, and the roundtable is elsewhere


def elsewhere():
    """Luggage and the car at the hotel, the call at Government House, the roundtable across town."""
    from itinerary.load import loads

    return loads(
        """
programme: {id: e, title: E, timezone: Australia/Sydney, start: 2007-02-26, end: 2007-02-26}
venues:
  hotel: {name: Hotel, geo: [-33.8627, 151.2127]}
  house: {name: Government House, geo: [-33.8597, 151.2149]}
  mlc: {name: MLC Centre, geo: [-33.8682, 151.2092]}
days:
  2007-02-26:
    - {time: "08:15", title: Luggage outside rooms, kind: other, venue: hotel}
    - {time: "08:45", title: Depart hotel, kind: transfer, from: hotel, to: house}
    - {time: "09:00", title: Call on the Governor, venue: house}
    - {time: "09:30", title: Roundtable, venue: mlc}
""",
        "e.yaml",
    )
