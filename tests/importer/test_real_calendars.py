"""Calendars written by other programs (tests/data/import/real/, sources in its README) read right."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import itinerary

REAL = Path(__file__).parent.parent / "data" / "import" / "real"


def days_of(name: str, title: str) -> list[date]:
    programme = itinerary.read(REAL / name)
    return sorted(e.start.date() for e in programme.events if e.title == title)


def test_google_birthdays_a_date_written_with_a_utc_mark_is_that_date():
    # Google's birthday calendar writes RDATE:20121210Z, a date with a stray 'Z': the file was refused.
    # The series (UID 2014_BIRTHDAY_...) falls on the two RDATEs and its own DTSTART; three lone
    # overrides under another UID (BIRTHDAY_...) fall on the same days, as Google lists them.
    days = days_of("google-birthdays.ics", "PErson #2's birthday")
    assert days == [date(2012, 12, 10)] * 2 + [date(2013, 12, 10)] * 2 + [date(2014, 12, 10)] * 2


def test_calendarlabs_holidays_an_empty_rrule_is_no_rule():
    # Every holiday has 'RRULE:' with nothing after it; read as repeating forever, all but the first
    # were cut at the horizon of endless series: 5 holidays of 6 lost (29 of 30 in the full feed).
    programme = itinerary.read(REAL / "calendarlabs-holidays.ics")
    days = sorted((e.start.date(), e.title) for e in programme.events)
    assert [day for day, _ in days] == [
        date(2019, 1, 1),
        date(2019, 4, 19),
        date(2019, 4, 22),
        date(2020, 1, 6),
        date(2020, 12, 25),
        date(2020, 12, 26),
    ]
    assert (programme.start, programme.end) == (date(2019, 1, 1), date(2020, 12, 26))
    # DTEND equal to DTSTART (a date): the holiday is its one day
    assert all(e.all_day and (e.end - e.start).days == 1 for e in programme.events)


def test_data_ical_an_rdate_that_is_the_dtstart_is_one_occurrence():
    days = days_of("data-ical-rdates.ics", "HPR Community News")
    firsts = [date(2013, 8, 3), date(2013, 8, 31), date(2013, 10, 5)]
    assert days == [*firsts, date(2013, 11, 2), date(2013, 11, 30), date(2014, 1, 4)]


def test_thunderbird_a_cancelled_occurrence_is_left_out():
    assert days_of("thunderbird-cancelled-occurrence.ics", "one is cancelled") == [date(2020, 1, 28), date(2020, 1, 30)]
