"""Our RFC 5545 reader against icalendar's: where ours reads a calendar, it reads every value the importer
uses as icalendar does; where it cannot be sure, it declines and icalendar reads the calendar instead."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from icalendar.prop import vCategory, vDDDTypes, vGeo, vInt, vText, vUnknown, vUTCOffset

from itinerary.export import ics
from itinerary.importer.ics import reader
from itinerary.importer.ics.text import decode
from itinerary.load import load

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURES = sorted(DATA.rglob("*.ics"))
SINGLE = (DATA / "import" / "single.ics").read_text(encoding="utf-8")
SCHEDULES = sorted((DATA.parent.parent / "schedules").glob("*.yaml"))
STAMP = datetime(2009, 9, 30, tzinfo=UTC)


def _same_value(ours: object, theirs: object) -> None:
    assert dict(getattr(ours, "params", {})) == dict(theirs.params)  # type: ignore[attr-defined]
    if isinstance(theirs, vDDDTypes):
        assert isinstance(ours, reader.When)
        assert repr(ours.dt) == repr(theirs.dt)
    elif isinstance(theirs, vCategory):
        assert isinstance(ours, reader.Categories) and ours.cats == theirs.cats
    elif isinstance(theirs, vGeo):
        assert isinstance(ours, reader.Geo) and (ours.latitude, ours.longitude) == (theirs.latitude, theirs.longitude)
    elif isinstance(theirs, vUTCOffset):
        assert isinstance(ours, reader.Offset) and ours.td == theirs.td
    elif isinstance(theirs, vInt):
        assert isinstance(ours, reader.Int) and int(ours) == int(theirs)
    elif isinstance(theirs, vUnknown):
        assert isinstance(ours, reader.Raw) and (str(ours), repr(ours)) == (str(theirs), repr(theirs))
    elif isinstance(theirs, vText):
        assert isinstance(ours, reader.Text) and (str(ours), repr(ours)) == (str(theirs), repr(theirs))
    else:  # vUri, vCalAddress: read as their text
        assert isinstance(ours, reader.Text) and str(ours) == str(theirs)


def _same_tree(ours: list[reader.Component], theirs: list[Calendar]) -> None:
    """Every component in the same place, every property under the same name in the same order, every value
    read alike (a VTIMEZONE's RRULE aside: its zone is read by name)."""
    assert len(ours) == len(theirs)
    for calendar, other in zip(ours, theirs, strict=True):
        for mine, its in zip(calendar.walk(), other.walk(), strict=True):
            assert (mine.name, list(mine), mine.errors) == (its.name, list(its), its.errors)
            for key in mine:
                if key in ("RRULE", "RDATE"):  # only a VTIMEZONE's: its zone is read by name
                    assert mine.name in ("STANDARD", "DAYLIGHT")
                    continue
                a, b = mine[key], its[key]
                assert isinstance(a, list) == isinstance(b, list), key
                for one, two in zip(a if isinstance(a, list) else [a], b if isinstance(b, list) else [b], strict=True):
                    _same_value(one, two)


def _icalendar(text: str) -> list[Calendar] | None:
    try:
        return list(Calendar.from_ical(text, multiple=True))
    except Exception:
        return None


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_is_read_as_icalendar_reads_it_or_left_to_it(path):
    try:
        text = decode(path.read_bytes(), path.name)
    except Exception:
        return  # refused before any reader sees it
    ours = reader.read(text)
    if ours is not None:
        theirs = _icalendar(text)
        assert theirs is not None
        _same_tree(ours, theirs)


def test_the_common_calendars_are_read_without_icalendar():
    for name in ("single.ics", "utc.ics", "floating.ics", "allday.ics", "real/google-calendar-alarms.ics"):
        assert reader.read((DATA / "import" / name).read_text(encoding="utf-8")) is not None, name


@pytest.mark.parametrize("path", SCHEDULES, ids=lambda p: p.stem)
def test_our_own_export_is_read_without_icalendar_as_icalendar_reads_it(path):
    programme = load(path)
    for events in (programme.events, [e for e in programme.events if e.who][:5]):
        text = decode(ics.calendar(programme, events, stamp=STAMP), f"{programme.id}.ics")
        ours = reader.read(text)
        assert ours is not None
        _same_tree(ours, _icalendar(text) or [])


@pytest.mark.parametrize(
    "line",
    [
        "RRULE:FREQ=DAILY;COUNT=3",  # a repeating event: recurring-ical-events expands icalendar's components
        "DTEND;TZID=Tokyo Standard Time:20091006T120000",  # Outlook's zone names: icalendar's table and VTIMEZONE
        "DTEND;TZID=/mozilla.org/20050126_1/Europe/Berlin:20091006T120000",
        "DTEND;TZID=Europe/Brussels:20091006T120000Z",
        "DTEND;VALUE=DATE;TZID=Europe/Brussels:20091006",
        "GEO:50.8386,4.3800",  # broken: icalendar keeps it as vBroken, and says so
        "DTEND:20091306T120000",
        'ATTENDEE;CN="a\\"b":mailto:b@example.org',
        "ATTENDEE;CN=a,b:mailto:b@example.org",
        "ATTENDEE;CN=^'quoted^':mailto:b@example.org",
        "DURATION:-PT1H",
        "X-FOO;VALUE=DATE:20091006",
    ],
)
def test_what_it_cannot_read_as_icalendar_does_is_left_to_icalendar(line):
    text = SINGLE.replace("CATEGORIES:Meetings\n", f"CATEGORIES:Meetings\n{line}\n")
    assert reader.read(text) is None


def test_the_importer_never_imports_icalendar_for_a_calendar_our_reader_reads(tmp_path):
    calendar = tmp_path / "single.ics"
    calendar.write_text(SINGLE, encoding="utf-8")
    code = (
        "import sys; from itinerary.importer import convert; "
        f"convert(open({str(calendar)!r}, 'rb').read(), 'single.ics'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('icalendar', 'recurring_ical_events')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- random inputs built from the fixtures ----------------------------------------------------------------

NAMES = ["SUMMARY", "LOCATION", "DESCRIPTION", "UID", "URL", "STATUS", "TRANSP", "CATEGORIES", "GEO", "SEQUENCE"]
NAMES += ["DTSTART", "DTEND", "DURATION", "DTSTAMP", "ATTENDEE", "X-ITINERARY-NOTES", "X-WR-TIMEZONE", "NAME"]
PARAMS = ["", ";TZID=Europe/Brussels", ';TZID="Asia/Tokyo"', ";TZID=Nowhere/City", ";VALUE=DATE", ";VALUE=TEXT"]
PARAMS += [";CN=Tea Petrin", ';CN="Petrin, Tea"', ";CN= x", ";ROLE=NON-PARTICIPANT;PARTSTAT=DECLINED", ";X-A=1;X-A=2"]
PIECES = ["20091006", "T", "120000", "Z", "P1D", "PT1H30M", "-", "50.8", ";", ",", ":", "\\", "\\n", "\\N", "\\,"]
PIECES += ["a", "É", " ", '"', "mailto:", "1", "0", "Meetings", "hotel", "\t"]


@pytest.mark.slow
def test_random_property_lines_are_read_as_icalendar_reads_them_or_left_to_it():
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    line = st.tuples(
        st.sampled_from(NAMES), st.sampled_from(PARAMS), st.lists(st.sampled_from(PIECES), max_size=8).map("".join)
    ).map(lambda parts: f"{parts[0]}{parts[1]}:{parts[2]}")

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(line, min_size=1, max_size=4))
    def check(lines):
        text = SINGLE.replace("CATEGORIES:Meetings\n", "CATEGORIES:Meetings\n" + "\n".join(lines) + "\n")
        ours = reader.read(text)
        if ours is not None:
            theirs = _icalendar(text)
            assert theirs is not None
            _same_tree(ours, theirs)

    check()
