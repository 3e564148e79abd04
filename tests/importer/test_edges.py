"""Calendars at the edges: a hotel without an end, events at the end of time (issue 11)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from itinerary.cli import app

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
TAIL = "END:VCALENDAR\r\n"


def event(*lines: str, uid: str = "1@x") -> str:
    return (
        "BEGIN:VEVENT\r\n"
        + f"UID:{uid}\r\nDTSTAMP:20300101T000000Z\r\n"
        + "".join(f"{x}\r\n" for x in lines)
        + "END:VEVENT\r\n"
    )


def run(tmp_path, text: str, *args: str):
    path = tmp_path / "c.ics"
    path.write_text(text, encoding="utf-8", newline="")
    result = CliRunner().invoke(app, [args[0], str(path), *args[1:]])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


HOTEL = HEAD + event("DTSTART;TZID=Europe/Paris:20300506T150000", "SUMMARY:Hotel Lutetia", "CATEGORIES:hotel") + TAIL


@pytest.mark.parametrize("command", ["import", "agenda", "grid", "check", "participants", "print"])
def test_a_hotel_without_an_end_is_one_night(tmp_path, command):
    result = run(tmp_path, HOTEL, command)
    assert result.exit_code in (0, 1), result.output


def test_a_hotel_without_an_end_says_the_night_is_assumed(tmp_path):
    text = run(tmp_path, HOTEL, "import").stdout
    assert 'until: "2030-05-07"' in text
    assert re.search(r"#.*no check-out.*one night", text), text


@pytest.mark.parametrize(
    "lines",
    [
        ("DTSTART:99991231T220000Z", "DTEND:99991231T230000Z"),
        ("DTSTART;VALUE=DATE:99991231",),
        ("DTSTART:00010101T000000Z", "DTEND:00010101T010000Z"),
        ("DTSTART:20300506T100000Z", "DURATION:P999999W"),
    ],
)
@pytest.mark.parametrize("command", ["import", "agenda", "check"])
def test_an_event_at_the_end_of_time_is_refused_with_its_line(tmp_path, lines, command):
    text = HEAD + event("DTSTART:20300506T100000Z", "DTEND:20300506T110000Z", "SUMMARY:Fine", uid="0@x")
    text += event(*lines, "SUMMARY:Far") + TAIL
    result = run(tmp_path, text, command)
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert re.match(r"itinerary: .*c\.ics:\d+: .*(out of range|run from)", line), line


@pytest.mark.parametrize("word", ["NULL", "null", "Null"])
def test_a_calendar_person_or_place_named_null_imports(tmp_path, word):
    text = HEAD.replace("PRODID", f"X-WR-CALNAME:{word}\r\nPRODID") + event(
        "DTSTART:20300506T100000Z",
        "DTEND:20300506T110000Z",
        "SUMMARY:Talk",
        f"LOCATION:{word}",
        f"ATTENDEE;CN={word}:mailto:x@example.org",
    )
    result = run(tmp_path, text + TAIL, "import")
    assert result.exit_code == 0, result.output
    assert "null" in result.stdout.lower()


def test_control_characters_in_what_goes_into_a_comment_import(tmp_path):
    text = HEAD + event(
        "DTSTART:20300506T100000Z", "DTEND:20300506T110000Z", "SUMMARY:Talk", "CATEGORIES:a\x9eb,c\x1bd"
    )
    result = run(tmp_path, text + TAIL, "import")
    assert result.exit_code == 0, result.output
    assert "a\\x9eb" in result.stdout
