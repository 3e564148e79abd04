"""Text written over several lines (`title: |`) exports: a calendar's name and a CN are one line (issue 11)."""

from __future__ import annotations

import icalendar
from typer.testing import CliRunner

from itinerary.cli import app

PROGRAMME = """\
programme:
  id: lines
  title: |
    Study visit
    to Japan
  timezone: Asia/Tokyo
  start: 2030-05-06
  end: 2030-05-06
groups:
  g: |
    The
    group
participants:
  - id: ann
    name: |
      Ann
      Smith
    email: ann@example.org
    group: g
days:
  2030-05-06:
    - time: "10:00-11:00"
      title: |
        Opening
        session
"""

runner = CliRunner()


def export(tmp_path, *args: str):
    source = tmp_path / "lines.yaml"
    source.write_text(PROGRAMME, encoding="utf-8")
    result = runner.invoke(app, ["export", str(source), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_a_title_over_two_lines_exports_every_calendar(tmp_path):
    result = export(tmp_path, "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for name in ("programme.ics", "ann.ics", "g.ics"):
        path = tmp_path / "out" / name
        if not path.exists():
            continue
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert str(calendar["X-WR-CALNAME"]).startswith("Study visit to Japan")
        (event,) = calendar.walk("VEVENT")
        assert str(event["SUMMARY"]).startswith("Opening\nsession")  # the event keeps its line break


def test_a_name_over_two_lines_exports_an_invitation(tmp_path):
    result = export(tmp_path, "-o", "-", "--who", "ann", "--invite", "--organizer", "Host <host@example.org>")
    assert result.exit_code == 0, result.output
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    assert str(calendar["X-WR-CALNAME"]) == "Study visit to Japan — Ann Smith"
    (event,) = calendar.walk("VEVENT")
    assert event["ATTENDEE"].params["CN"] == "Ann Smith"
