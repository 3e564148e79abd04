"""What a programme says beyond times and places comes back from its own calendar: a time to be confirmed,
a tentative event, a leg's number, a contact; and another program's STATUS:TENTATIVE is read as tentative."""

from __future__ import annotations

from datetime import UTC, datetime

from conftest import DATA

from itinerary.export import ics
from itinerary.importer import convert
from itinerary.load import load
from itinerary.model import Contact

SHOWN = DATA / "format" / "shown.yaml"


def back() -> dict[str, object]:
    programme = load(SHOWN)
    data = ics.calendar(programme, programme.events, stamp=datetime(2030, 9, 1, tzinfo=UTC))
    converted = convert(data, "shown.ics")
    return {e.title: e for e in converted.programme.events}


def test_tbc_tentative_number_and_contact_survive_export_and_import():
    events = back()
    call = events["Courtesy call on the Federal President"]
    assert call.tbc and call.all_day and not call.tentative and not call.background
    reception = events["Reception at the Hofburg"]
    assert reception.tentative and not reception.tbc
    assert reception.contact == Contact("Protocol office", "+43 1 534 22")
    assert events["Flight to Salzburg"].number == "OS 901"
    assert events["Boat to St. Gilgen"].contact == Contact("Boat office +43 6138 2232")
    assert not events["Working lunch"].tentative
    lake = events["Lake trip"]
    assert (lake.place_at_start.name, lake.place_at_end.name) == ("Hotel Sacher Salzburg", "Hohensalzburg Fortress")


def test_another_programs_tentative_event_is_tentative():
    data = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Other//EN\r
BEGIN:VEVENT\r
UID:1@other\r
DTSTAMP:20300901T000000Z\r
DTSTART;TZID=Europe/Vienna:20300916T180000\r
DTEND;TZID=Europe/Vienna:20300916T200000\r
SUMMARY:Reception\r
STATUS:TENTATIVE\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:2@other\r
DTSTAMP:20300901T000000Z\r
DTSTART;TZID=Europe/Vienna:20300917T180000\r
DTEND;TZID=Europe/Vienna:20300917T200000\r
SUMMARY:Dinner\r
STATUS:CONFIRMED\r
END:VEVENT\r
END:VCALENDAR\r
"""
    converted = convert(data, "other.ics")
    assert "status: tentative" in converted.text
    assert [(e.title, e.tentative) for e in converted.programme.events] == [("Reception", True), ("Dinner", False)]
