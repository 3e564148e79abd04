"""Control characters in a file's text are shown escaped on the terminal, never obeyed (issue 11)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.visible import visible

ESC = "\\e"  # YAML's escape for ESC in a double-quoted string

HOSTILE = f"""\
programme:
  id: hostile
  title: "Visit{ESC}]0;pwned\\a{ESC}[2J"
  timezone: Europe/Brussels
  start: 2030-05-06
  end: 2030-05-07
  city: "Ghent{ESC}[1A"
groups:
  g: "Group{ESC}[K"
participants:
  - id: ann
    name: "Ann{ESC}]8;;http://evil.example{ESC}\\\\hidden{ESC}]8;;{ESC}\\\\"
    title: "Chair\\x9b31m"
    organisation: "Org\\x7f\\b\\r"
    group: g
venues:
  hall:
    name: "Hall{ESC}[31m"
    address: "Street 1{ESC}[2K"
    local_address: "Rue 1\\x1c"
    city: "Brussels{ESC}c"
    geo: [50.84, 4.38]
  far:
    name: "Far{ESC}[5m"
    geo: [51.05, 3.72]
days:
  2030-05-06:
    - time: "10:00-11:00"
      title: "Meeting{ESC}[?1049h"
      venue: hall
      notes: "Bring{ESC}[8m passports\\x07"
    - time: "11:05-12:00"
      title: "Lunch\\x9d0;x\\x9c"
      kind: meal
      venue: far
"""

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
runner = CliRunner()


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return path


def shown(*args) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.stdout + result.stderr


@pytest.mark.parametrize(
    "command",
    [("agenda",), ("agenda", "--tz", "Asia/Tokyo"), ("participants",), ("grid",), ("check",), ("check", "--strict")],
)
def test_no_control_character_reaches_the_terminal(hostile, command):
    out = shown(command[0], hostile, *command[1:])
    assert not CONTROL.search(out), repr(out)
    assert "\\x1b" in out  # shown, so that the reader sees something odd is in the file


def test_diff_shows_escapes_of_both_versions(hostile, tmp_path):
    changed = tmp_path / "changed.yaml"
    changed.write_text(HOSTILE.replace('"10:00-11:00"', '"10:30-11:30"'), encoding="utf-8")
    out = shown("diff", hostile, changed)
    assert "Meeting\\x1b[?1049h" in out and not CONTROL.search(out), repr(out)


def test_export_table_shows_the_title_escaped(hostile, tmp_path):
    out = shown("export", hostile, "--out", tmp_path / "cals")
    assert "Visit\\x1b]0;pwned" in out and not CONTROL.search(out), repr(out)


def test_a_received_calendar_is_shown_escaped(tmp_path):
    ics = tmp_path / "received.ics"
    ics.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:1@x\r\n"
        b"DTSTAMP:20300101T000000Z\r\nDTSTART:20300506T100000Z\r\nDTEND:20300506T110000Z\r\n"
        b"SUMMARY:Talk\x1b]0;pwned\x07\r\nLOCATION:Room\x1b[2J\r\nDESCRIPTION:x\x9b2J\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    for command in ("agenda", "grid", "participants", "check"):
        out = shown(command, ics)
        assert not CONTROL.search(out), (command, out)


def test_visible_keeps_line_breaks_and_is_idempotent():
    assert visible("a\x1b[2Jb\nc\td\r\n") == "a\\x1b[2Jb\nc d\n"
    assert visible("a\nb", one_line=True) == "a\\nb"
    once = visible("\x9b\x00\x7f")
    assert once == "\\x9b\\x00\\x7f" and visible(once) == once


def test_printed_page_shows_control_characters_escaped(hostile):
    page = shown("print", hostile)
    assert "Meeting\\x1b[?1049h" in page and not CONTROL.search(page)


def test_every_renderer_takes_text_through_the_escaping_text():
    """A renderer that builds rich's own Text would let control characters through again."""
    from pathlib import Path

    import itinerary.render

    folder = Path(itinerary.render.__file__).parent
    offenders = [
        path.name
        for path in folder.glob("*.py")
        if path.name != "text.py" and re.search(r"^\s*from rich\.text import .*\bText\b", path.read_text(), re.M)
    ]
    assert offenders == []


def test_messages_on_stderr_show_control_characters_escaped(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(HOSTILE.replace("  g: ", '  "g\\e[2J": ').replace("group: g", 'group: "g\\e[2J"'), encoding="utf-8")
    result = runner.invoke(app, ["agenda", str(path)])
    assert result.exit_code == 2 and "g\\x1b[2J" in result.stderr and not CONTROL.search(result.stderr)


def test_json_escapes_c1_controls_too(hostile):
    import json

    result = runner.invoke(app, ["participants", str(hostile), "--format", "json"])
    assert not CONTROL.search(result.stdout), result.stdout
    assert json.loads(result.stdout)["participants"][0]["title"] == "Chair\x9b31m"  # the data itself is kept
