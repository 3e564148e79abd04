"""QA of the calendar side: calendars as real exporters write them, mistakes included, and diffs a user runs."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.importer import CalendarError, convert

runner = CliRunner()


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def calendar(*lines: str, head: tuple[str, ...] = ()) -> bytes:
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//qa//qa//EN", *head, *lines, "END:VCALENDAR", ""]
    return "\r\n".join(body).encode()


def event(*props: str, uid: str = "e1@qa") -> tuple[str, ...]:
    return ("BEGIN:VEVENT", f"UID:{uid}", "SUMMARY:Meeting", *props, "END:VEVENT")


# -- a careless exporter: DTSTART and DTEND of different types ---------------------------------------


@pytest.mark.parametrize(
    ("props", "line", "what"),
    [
        (("DTSTART;VALUE=DATE:20091006", "DTEND:20091007T100000Z"), 8, "DTEND"),
        (("DTSTART:20091006T100000Z", "DTEND;VALUE=DATE:20091008"), 8, "DTEND"),
        (("DTSTART;VALUE=DATE:20091006", "DURATION:PT1H"), 8, "DURATION"),
    ],
)
def test_an_end_of_another_type_than_the_start_is_refused_in_one_line(props, line, what, tmp_path):
    data = calendar(*event(*props))
    with pytest.raises(CalendarError) as caught:
        convert(data, "mixed.ics")
    message = str(caught.value)
    assert message.startswith(f"mixed.ics:{line}: {what}: "), message
    assert "\n" not in message
    # and on the command line: exit 2, one line, nothing written (it was an internal error, exit 3)
    source, target = tmp_path / "mixed.ics", tmp_path / "out.yaml"
    source.write_bytes(data)
    result = run("import", source, "-o", target, "--start", "2009-10-01")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"itinerary: {source}:{line}: {what}: ")
    assert not target.exists()
