"""The calendar file as text: decoding, unfolding and BEGIN/END nesting, each refusal naming its line."""

from __future__ import annotations

import codecs

import pytest

from itinerary.importer.draft import CalendarError
from itinerary.importer.ics.text import decode, logical_lines, structure

EVENT = (
    "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20091006T093000Z\nSUMMARY:Visit\n  continued\nEND:VEVENT\nEND:VCALENDAR\n"
)


def test_folded_lines_are_one_line_numbered_where_they_start():
    lines = list(logical_lines(EVENT))
    assert (4, "SUMMARY:Visit continued") in lines
    assert [n for n, _ in lines] == [1, 2, 3, 4, 6, 7]


def test_each_vevent_is_found_with_the_first_line_of_each_property():
    (block,) = structure(EVENT, "x.ics")
    assert (block.line, block.props) == (2, {"DTSTART": 3, "SUMMARY": 4})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n", "x.ics:2: BEGIN:VEVENT is not closed"),
        ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VEVENT\n", "x.ics:2: BEGIN:VEVENT is not closed"),
        ("BEGIN:VCALENDAR\nEND:VEVENT\n", "x.ics:2: END:VEVENT without a BEGIN:VEVENT"),
        ("BEGIN:VCALENDAR\nSUMMARY\n", "x.ics:2: not a calendar line"),
        ("BEGIN:VCALENDAR\n", "x.ics:1: BEGIN:VCALENDAR is never closed"),
        ("programme:\n  id: x\n", "it looks like a programme file"),
        ("\n\n", "x.ics: empty file"),
    ],
)
def test_broken_nesting_is_refused_at_its_line(text, message):
    with pytest.raises(CalendarError, match=message):
        structure(text, "x.ics")


def test_a_character_cut_by_a_fold_is_mended():
    cut = "SUMMARY:Tōkyō".encode()
    at = cut.index("ō".encode()) + 1  # inside the two bytes of ō
    assert decode(cut[:at] + b"\r\n " + cut[at:], "x.ics") == "SUMMARY:Tō\r\n kyō"


def test_utf16_with_a_byte_order_mark_and_what_is_not_text():
    assert decode(codecs.BOM_UTF16_LE + "BEGIN:VCALENDAR".encode("utf-16-le"), "x.ics") == "BEGIN:VCALENDAR"
    with pytest.raises(CalendarError, match="binary data"):
        decode(b"BEGIN\0", "x.ics")
    with pytest.raises(CalendarError, match=r"x\.ics:2: not UTF-8"):
        decode(b"BEGIN:VCALENDAR\nSUMMARY:caf\xe9\n", "x.ics")
