"""The content-line writer gives the bytes icalendar 7.3 gave (the calendars written before stay the same),
folds where readers want it, and the export no longer imports icalendar at all."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from conftest import JAPAN, ROOT
from hypothesis import example, given
from hypothesis import strategies as st
from icalendar import Parameters, vDDDTypes, vDuration, vText, vUTCOffset
from icalendar.parser.string import _foldline

from itinerary.export import lines

PIECES = st.sampled_from(["\\", "^", ",", ";", ":", '"', "'", "’", "\n", "\r", "\r\n", "\\N", " ", "é", "千", "😀"])
NASTY = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


@given(NASTY)
@example("C:\\Notes, \\N; x\r\ny\rz")
def test_text_is_escaped_as_icalendar_escapes_it(value):
    assert lines.text(value) == vText(value).to_ical().decode("utf-8")


@given(st.sampled_from(["CN", "ROLE", "TZID", "X-OTHER"]), NASTY)
@example("CN", "O'Brien, Jo")
def test_a_parameter_is_quoted_and_escaped_as_icalendar_does_it(key, value):
    assert lines.param(key, value) == Parameters({key: value}).to_ical().decode("utf-8")


def _unfold(data: bytes) -> bytes:
    assert data.endswith(b"\r\n")
    return data[:-2].replace(b"\r\n ", b"")


def _cuts_an_escape(data: bytes) -> bool:
    """Whether a physical line but the last ends in the first half of an escape, reading escapes from the
    line's start."""
    physicals = data[:-2].split(b"\r\n")
    pending = False
    for number, physical in enumerate(physicals):
        if pending:
            return True
        index = 1 if number else 0  # the fold's space
        while index < len(physical):
            if physical[index : index + 1] in (b"\\", b"^"):
                pending = index + 1 == len(physical)
                index += 2
            else:
                index += 1
    return False


@given(st.sampled_from(["DESCRIPTION:", "X-ITINERARY-NOTES:", "ATTENDEE;CN=", "S:"]), NASTY, st.integers(0, 80))
@example("DESCRIPTION:", "x" * 63 + "\\\\,", 0)
def test_a_folded_line_stays_within_75_octets_and_cuts_no_character_nor_escape(name, value, pad):
    content = name + "x" * pad + lines.text(value)
    data = lines.fold(content)
    assert _unfold(data) == content.encode("utf-8")
    for physical in data[:-2].split(b"\r\n"):
        assert len(physical) <= 75  # a continuation's leading space counted
        physical.decode("utf-8")  # a whole number of characters
    assert not _cuts_an_escape(data)


@given(st.text(st.characters(blacklist_characters="\\^\r\n", blacklist_categories=("Cs",)), max_size=300))
def test_without_escapes_the_folds_are_icalendars(value):
    content = "DESCRIPTION:" + value
    assert lines.fold(content) == _foldline(content).encode("utf-8") + b"\r\n"


@given(st.timedeltas(min_value=timedelta(days=-400), max_value=timedelta(days=400)))
def test_durations_and_offsets_are_written_as_icalendar_writes_them(span):
    span = timedelta(seconds=int(span.total_seconds()))
    assert lines.duration(span) == vDuration(span).to_ical().decode()
    within = timedelta(seconds=span.total_seconds() % 86400) - timedelta(hours=12)
    assert lines.offset(within) == vUTCOffset(within).to_ical()


@given(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9998, 12, 31)),
    st.sampled_from([UTC, ZoneInfo("Asia/Tokyo"), ZoneInfo("Atlantic/Reykjavik"), timezone(timedelta(hours=5))]),
    st.booleans(),
)
def test_dates_and_times_are_written_as_icalendar_writes_them(moment, zone, whole_day):
    value: date | datetime = moment.date() if whole_day else moment.replace(tzinfo=zone, microsecond=0)
    theirs = vDDDTypes(value)
    params, text = lines.when(value)
    assert text == theirs.to_ical().decode()
    assert dict(params) == dict(theirs.params)


def test_the_zones_icalendar_writes_as_utc_are_the_ones_listed():
    from zoneinfo import available_timezones

    from icalendar.timezone.tzid import tzid_from_tzinfo

    theirs = {key for key in available_timezones() if tzid_from_tzinfo(ZoneInfo(key)) == "UTC"}
    assert theirs == set(lines.UTC_ALIASES) & available_timezones()


def test_export_does_not_import_icalendar(tmp_path):
    """icalendar's import alone took longer than the rest of a small export."""
    code = (
        "import runpy, sys\n"
        f"sys.argv = ['itinerary', 'export', {str(JAPAN)!r}, '-o', {str(tmp_path / 'x.ics')!r}]\n"
        "try:\n    runpy.run_module('itinerary', run_name='__main__')\nexcept SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        "assert (sys.argv and 'icalendar' not in sys.modules), sorted(m for m in sys.modules if 'icalendar' in m)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "x.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
