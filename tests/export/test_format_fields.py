"""Calendars say what is unsettled (STATUS:TENTATIVE), a time to be confirmed as a free all-day item, optional
attendance (ROLE=OPT-PARTICIPANT), a leg's number and an event's contact."""

from __future__ import annotations

from datetime import UTC, date, datetime

from conftest import DATA
from icalendar import Calendar

from itinerary.export import ics
from itinerary.load import load

SHOWN = DATA / "format" / "shown.yaml"
STAMP = datetime(2030, 9, 1, tzinfo=UTC)


def vevents(invite: ics.Invite | None = None) -> dict[str, object]:
    programme = load(SHOWN)
    data = ics.calendar(programme, programme.events, stamp=STAMP, invite=invite)
    return {str(e["SUMMARY"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def test_a_time_to_be_confirmed_is_a_tentative_all_day_item_that_leaves_the_day_free():
    call = vevents()["Courtesy call on the Federal President"]
    assert call.decoded("DTSTART") == date(2030, 9, 16) and call.decoded("DTEND") == date(2030, 9, 17)
    assert (str(call["STATUS"]), str(call["TRANSP"])) == ("TENTATIVE", "TRANSPARENT")
    assert str(call["DESCRIPTION"]).startswith("Time to be confirmed.\n")


def test_a_tentative_event_keeps_its_times_and_says_who_may_come():
    reception = vevents()["Reception at the Hofburg"]
    assert str(reception["STATUS"]) == "TENTATIVE" and "TRANSP" not in reception
    description = str(reception["DESCRIPTION"])
    assert description.startswith("Tentative.\n")
    assert (
        "Who: Delegation, Secretariat (optional for Secretariat)\nContact: Protocol office, +43 1 534 22" in description
    )
    assert "STATUS" not in vevents()["Working lunch"]


def test_a_legs_number_and_a_contact_are_in_the_description():
    found = vevents()
    assert str(found["Flight to Salzburg"]["DESCRIPTION"]).startswith("Flight number: OS 901\nFrom: Vienna Airport")
    assert "Contact: Boat office +43 6138 2232" in str(found["Boat to St. Gilgen"]["DESCRIPTION"])


def test_an_invitation_marks_optional_attendance():
    reception = vevents(ics.Invite("org@example.org", "Org"))["Reception at the Hofburg"]
    roles = {str(a): a.params["ROLE"] for a in reception.get("ATTENDEE")}
    assert roles == {"mailto:ann@example.org": "REQ-PARTICIPANT", "mailto:sue@example.org": "OPT-PARTICIPANT"}
