"""VTIMEZONEs against zoneinfo: every observance's onset is the wall time before the change (RFC 5545 3.6.5)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOT
from icalendar import Calendar

from itinerary.export import ics
from itinerary.export.vtimezone import observances, vtimezone
from itinerary.load import load

# Zones with a southern summer, half-hour offsets and DST, a 30-minute DST shift, a name change without an
# offset change, and an abolished DST, next to every zone the programmes in schedules/ emit.
TRICKY = [
    "Europe/Paris",
    "America/New_York",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/Sao_Paulo",
    "Europe/Moscow",
    "Pacific/Apia",
    "Africa/Casablanca",
]


def emitted() -> list[str]:
    keys: set[str] = set()
    for path in sorted((ROOT / "schedules").glob("*.yaml")):
        programme = load(path)
        keys.update(ics.zones(programme.events))
    return sorted(keys)


ZONES = sorted({*emitted(), *TRICKY})
WINDOWS = [
    (date(2009, 1, 1), date(2010, 1, 1)),
    (date(2011, 1, 1), date(2013, 1, 1)),
    (date(2024, 1, 1), date(2026, 1, 1)),
]


def hourly_changes(zone: ZoneInfo, first: date, last: date) -> list[datetime]:
    """Independent of the module: each hour (UTC) whose offset or name differs from the hour before."""
    here = datetime.combine(first, datetime.min.time(), zone).astimezone(UTC)
    stop = datetime.combine(last, datetime.min.time(), zone).astimezone(UTC)
    out = []
    previous = (here.astimezone(zone).utcoffset(), here.astimezone(zone).tzname())
    while here < stop:
        here += timedelta(hours=1)
        now = (here.astimezone(zone).utcoffset(), here.astimezone(zone).tzname())
        if now != previous:
            out.append(here)
        previous = now
    return out


def test_the_japan_visit_emits_zones():
    assert {"Asia/Tokyo", "Europe/Brussels"} <= set(ZONES)


@pytest.mark.parametrize("key", ZONES)
@pytest.mark.parametrize(("first", "last"), WINDOWS)
def test_every_onset_is_the_wall_time_before_the_change(key, first, last):
    zone = ZoneInfo(key)
    found = observances(key, first, last)
    start = found[0]
    assert start.onset == datetime.combine(first, datetime.min.time())
    assert start.offset_to == datetime.combine(first, datetime.min.time(), zone).utcoffset()
    changes = found[1:]
    for observance in changes:
        instant = (observance.onset - observance.offset_from).replace(tzinfo=UTC)
        assert (instant - timedelta(seconds=1)).astimezone(zone).utcoffset() == observance.offset_from
        assert instant.astimezone(zone).utcoffset() == observance.offset_to
        assert instant.astimezone(zone).tzname() == observance.name
        assert observance.daylight == bool(instant.astimezone(zone).dst())
    assert len(changes) == len(hourly_changes(zone, first, last))


def test_europes_spring_change_starts_at_two_before_it():
    text = vtimezone("Europe/Brussels", date(2009, 1, 1), date(2010, 1, 1)).decode()
    daylight = text.split("BEGIN:DAYLIGHT", 1)[1].split("END:DAYLIGHT", 1)[0]
    assert "DTSTART:20090329T020000" in daylight
    assert "TZOFFSETFROM:+0100" in daylight and "TZOFFSETTO:+0200" in daylight
    standard = text.split("END:DAYLIGHT", 1)[1]
    assert "DTSTART:20091025T030000" in standard and "TZOFFSETFROM:+0200" in standard


@pytest.mark.parametrize("key", ZONES)
def test_icalendar_reading_the_vtimezone_agrees_with_zoneinfo_every_hour(key):
    """A reader that follows the RFC (icalendar's own `to_tz`) gives zoneinfo's offset at every hour of the window."""
    first, last = date(2009, 1, 1), date(2010, 1, 1)
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + vtimezone(key, first, last) + b"END:VCALENDAR\r\n"
    )
    (component,) = Calendar.from_ical(data).walk("VTIMEZONE")
    theirs, ours = component.to_tz(), ZoneInfo(key)
    here = datetime(2009, 1, 2, tzinfo=UTC)
    while here < datetime(2009, 12, 31, tzinfo=UTC):
        assert here.astimezone(theirs).utcoffset() == here.astimezone(ours).utcoffset(), (key, here)
        here += timedelta(hours=1)


def test_the_exported_calendar_carries_these_vtimezones(japan):
    (found,) = ics.calendars(japan, [None], stamp=datetime(2009, 9, 30, tzinfo=UTC))
    calendar = Calendar.from_ical(found.data)
    for component in calendar.walk("VTIMEZONE"):
        key = str(component["TZID"])
        assert component.to_ical() == vtimezone(key, date(2009, 1, 1), date(2010, 1, 1))
    assert b"BEGIN:DAYLIGHT\r\nDTSTART:20090329T020000\r\n" in found.data
