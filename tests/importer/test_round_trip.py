"""A programme exported as one calendar and imported back is the same programme, as `diff` sees it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import ROOT

from itinerary import diff
from itinerary.export import ics
from itinerary.importer import convert
from itinerary.load import load

STAMP = datetime(2009, 9, 30, tzinfo=UTC)
SCHEDULES = sorted((ROOT / "schedules").glob("*.yaml"))


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


def test_an_estimated_end_comes_back_where_the_calendar_puts_it():
    """The Secretariat's 08:30 meeting ends ~09:30: the 09:00 session is not theirs. The imported file
    cannot say who attends, so the loader's estimate would cut it at 09:00, everyone's next item."""
    programme, again = round_trip("ep-japan-2006.yaml")
    estimated = [e for e in programme.events if e.end_estimated]
    assert estimated
    for event in programme.events:
        back = by_id(again)[event.id]
        assert (back.start, back.end) == (event.start, event.end), event.id


@pytest.mark.parametrize("path", SCHEDULES, ids=lambda p: p.stem)
def test_every_programme_comes_back_unchanged(path):
    programme, again = round_trip(path.name)
    found = diff.compare(programme, again)
    assert [(c.id, c.changes) for c in found.events] == []


@pytest.mark.parametrize("path", SCHEDULES, ids=lambda p: p.stem)
def test_each_participants_calendar_comes_back_with_their_events_at_their_times(path):
    programme = load(path)
    for found in ics.calendars(programme, stamp=STAMP):
        if found.ref is None:
            continue
        mine = {e.id: e for e in programme.events if found.ref in programme.attendees(e)}
        again = by_id(convert(found.data, found.filename).programme)
        assert set(again) == set(mine), found.ref
        for event_id, event in mine.items():
            back = again[event_id]
            assert (back.start, back.end, back.title) == (event.start, event.end, event.title), (found.ref, event_id)


@pytest.mark.parametrize("name", ["load/all-day-cairo.yaml", "check/clash-ok.yaml"])
def test_background_comes_back_as_written_not_from_whole_days_shown_free(name):
    """The export marks whole days TRANSP:TRANSPARENT too (they block no time); `background` comes from xprops."""
    programme = load(ROOT / "tests" / "data" / name)
    again = convert(ics.calendar(programme, programme.events, stamp=STAMP), "calendar.ics").programme
    for event in programme.events:
        assert by_id(again)[event.id].background == event.background, event.id
    assert diff.compare(programme, again).events == ()
