"""A programme exported as one calendar and imported back is the same programme, as `diff` sees it."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import ROOT

from itinerary.export import ics
from itinerary.importer import convert
from itinerary.load import load

STAMP = datetime(2009, 9, 30, tzinfo=UTC)


def round_trip(name: str):
    programme = load(ROOT / "schedules" / name)
    data = ics.calendar(programme, programme.events, stamp=STAMP)
    return programme, convert(data, f"{programme.id}.ics").programme


def by_id(programme):
    return {e.id: e for e in programme.events}


def test_an_excursion_keeps_the_venue_it_visits():
    programme, again = round_trip("bjerke-south-africa-2001.yaml")
    excursions = [e for e in programme.events if e.venue is not None and e.origin is not None]
    assert excursions
    for event in excursions:
        back = by_id(again)[event.id]
        assert back.venue is not None and back.venue.name == event.venue.name, event.id
        assert back.venue.geo == event.venue.geo, event.id


def test_a_leg_keeps_the_map_position_of_both_ends():
    programme, again = round_trip("ep-australia-2007.yaml")
    legs = [e for e in programme.events if e.origin is not None and e.destination is not None]
    assert any(e.destination.geo is not None for e in legs)
    for event in legs:
        back = by_id(again)[event.id]
        assert (back.origin.geo, back.destination.geo) == (event.origin.geo, event.destination.geo), event.id
