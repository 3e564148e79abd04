"""The calendar's name and description are TEXT (RFC 5545 3.3.11): commas, semicolons and backslashes escaped."""

from __future__ import annotations

from datetime import UTC, datetime

import vobject
from conftest import JAPAN
from icalendar import Calendar

from itinerary.export import ics
from itinerary.load import loads

TITLE = "Edge; visit, Japan \\ 2009"


def exported() -> bytes:
    text = JAPAN.read_text(encoding="utf-8").replace("title: ECPG Study Visit to Japan", f'title: "{TITLE}"', 1)
    programme = loads(text.replace('\\ 2009"', '\\\\ 2009"', 1), "edge.yaml")
    assert programme.title == TITLE
    (found,) = ics.calendars(programme, ["tea-petrin"], stamp=datetime(2009, 9, 30, tzinfo=UTC))
    return found.data


def test_vobject_reads_the_whole_name_and_description():
    calendar = vobject.readOne(exported().decode("utf-8"))
    name = f"{TITLE} — Tea Petrin"
    assert [line.value for line in calendar.contents["x-wr-calname"]] == [name]
    assert [line.value for line in calendar.contents["name"]] == [name]
    (description,) = (line.value for line in calendar.contents["x-wr-caldesc"])
    assert description.startswith(f"{name}, 04 Oct")


def test_the_lines_are_escaped_text():
    data = exported()
    for key in (b"NAME", b"X-WR-CALNAME"):
        assert b"\r\n" + key + b":Edge\\; visit\\, Japan \\\\ 2009 \xe2\x80\x94 Tea Petrin\r\n" in data
    assert Calendar.from_ical(data).to_ical() == data
