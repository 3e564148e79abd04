"""An excursion puts its people at its `from` venue when it starts and its `to` venue when it ends."""

from __future__ import annotations

from conftest import DATA

from itinerary.checks import run_checks
from itinerary.load import load, loads

EXCURSION = DATA / "format" / "excursion.yaml"


def test_the_travel_check_follows_the_excursion_from_one_hotel_to_the_other():
    found = [f for f in run_checks(load(EXCURSION)) if f.kind == "travel-gap"]
    # Breakfast at Hotel Mitte then the trip from it: fine; the trip ends at Hotel Potsdam, next
    # to the dinner: fine. Only the morning walk, back at Hotel Potsdam at 08:30, cannot reach
    # the ministry in Berlin by 08:40.
    assert [(f.code, f.events) for f in found] == [
        ("T202", ("2030-06-05/walk-in-the-park", "2030-06-05/meeting-at-the-ministry")),
    ]
    assert found[0].message.startswith("'Walk in the park' ends 08:30 at Hotel Potsdam, 'Meeting at the ministry'")


def test_written_as_a_visit_at_the_castle_the_same_day_gives_false_gaps():
    """What the excursion spares: at its venue only, the group would have to reach the castle by 08:30."""
    text = EXCURSION.read_text(encoding="utf-8").replace(
        "      kind: excursion\n      title: Day trip to Potsdam\n      from: hotel-mitte\n      to: hotel-potsdam\n",
        "      kind: visit\n      title: Day trip to Potsdam\n",
    )
    found = {f.events for f in run_checks(loads(text, "visit.yaml")) if f.kind == "travel-gap"}
    assert ("2030-06-04/breakfast-briefing", "2030-06-04/day-trip-to-potsdam") in found


def test_what_happens_within_an_excursion_is_part_of_it_not_a_clash():
    shown = DATA / "format" / "shown.yaml"
    assert [f for f in run_checks(load(shown)) if f.kind == "clash"] == []
    as_visit = shown.read_text(encoding="utf-8").replace(
        "kind: excursion, title: Lake trip, from: hotel, to: fortress, venue: pier",
        "kind: visit, title: Lake trip, venue: pier",
    )
    found = [f.events for f in run_checks(loads(as_visit, "visit.yaml")) if f.kind == "clash"]
    assert found == [("2030-09-17/lake-trip", "2030-09-17/boat-to-st-gilgen")]
