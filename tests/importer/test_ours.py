"""Calendars itinerary wrote are read back exactly, whatever server they went through (issue 10)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

from conftest import JAPAN
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.export import ics
from itinerary.importer import convert

STAMP = datetime(2009, 9, 30, tzinfo=UTC)


def through_a_server(data: bytes) -> bytes:
    """What a CalDAV server gives back for a collection: its own PRODID, no calendar UID, no X-WR- head."""
    text = data.decode("utf-8")
    text = re.sub(r"\r\nPRODID:[^\r]*", "\r\nPRODID:-//Radicale//NONSGML Radicale Server//EN", text, count=1)
    head, _, body = text.partition("BEGIN:VTIMEZONE")
    head = "\r\n".join(line for line in head.split("\r\n") if not line.startswith(("UID:", "X-WR-", "NAME:")))
    return (head + "BEGIN:VTIMEZONE" + body).encode("utf-8")


def by_id(programme):
    return {e.id: e for e in programme.events}


def test_a_calendar_that_went_through_a_server_is_still_ours(japan):
    data = through_a_server(ics.calendar(japan, japan.events, stamp=STAMP))
    assert ics.owner(data) is None  # the PRODID and the calendar UID are gone
    again = convert(data, "calendar.ics").programme
    assert again.id == japan.id
    assert set(by_id(again)) == set(by_id(japan))
    train = by_id(again)["2009-10-07/shinkansen-hikari-465"]
    assert train.destination is not None and train.destination.name == "Hamamatsu Station"
    hotel, original = (by_id(p)["2009-10-05/grand-prince-hotel-akasaka"] for p in (again, japan))
    assert (hotel.start, hotel.end) == (original.start, original.end)


def test_diff_of_the_programme_against_its_calendar_from_a_server_is_nothing(tmp_path, japan):
    path = tmp_path / "from-server.ics"
    path.write_bytes(through_a_server(ics.calendar(japan, japan.events, stamp=STAMP)))
    for old, new in ((JAPAN, path), (path, JAPAN)):
        result = CliRunner().invoke(app, ["diff", str(old), str(new)])
        assert result.exit_code == 0, result.stdout
        assert "Nothing changed." in result.stdout


def test_legs_stays_estimates_and_notes_come_from_x_itinerary_not_the_description(japan):
    """The DESCRIPTION is for people: rewritten or lost on the way, the programme still comes back."""
    data = ics.calendar(japan, japan.events, stamp=STAMP).decode("utf-8")
    data = re.sub(r"\r\nDESCRIPTION:[^\r]*(\r\n [^\r]*)*", "\r\nDESCRIPTION:Rewritten by someone", data)
    assert "Check-in" not in data and "From: " not in data
    again = by_id(convert(data.encode("utf-8"), "calendar.ics").programme)
    for event_id, original in by_id(japan).items():
        event = again[event_id]
        assert (event.start, event.end) == (original.start, original.end), event_id
        assert event.end_estimated == original.end_estimated, event_id
        assert (event.origin is None) == (original.origin is None), event_id
        assert (event.notes or "").strip() == (original.notes or "").strip(), event_id


def test_a_long_title_keeps_its_id_through_a_hashed_uid(japan):
    long_id = "2009-10-06/" + "a-very-long-title-" * 30
    event = replace(japan.events[3], id=long_id)
    programme = replace(japan, events=(event,))
    data = ics.calendar(programme, programme.events, stamp=STAMP)
    assert ics.identity(ics.uid(programme, event)) is None
    (back,) = convert(data, "long.ics").programme.events
    assert back.id == long_id


def test_an_escaped_calendar_name_is_read_without_its_backslashes(japan):
    data = ics.calendar(replace(japan, title="Edge; visit, Japan"), japan.events, stamp=STAMP)
    assert b"X-WR-CALNAME:Edge\\; visit\\, Japan\r\n" in data
    assert convert(data, "calendar.ics").programme.title == "Edge; visit, Japan"
