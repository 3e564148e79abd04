"""Calendars as real exporters write them, mistakes included: one-line refusals, UTF-16, broken folds, Apple locations."""

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


# -- diff of a programme against a calendar that lists no attendees ---------------------------------


# -- bytes as careless exporters write them -----------------------------------------------------------


def test_a_fold_that_splits_a_utf8_character_is_read_as_one_text():
    """RFC 5545 forbids it, but exporters that fold at 75 octets blindly cut a character in two."""
    title = "浜松ホトニクス株式会社の見学と意見交換 " * 3
    line = f"SUMMARY:{title.strip()}".encode()
    cut = 74  # inside a three-byte character: 8 ASCII bytes, then 3 bytes per character
    assert line[cut] & 0xC0 == 0x80
    folded = line[:cut] + b"\r\n " + line[cut:]
    data = calendar("BEGIN:VEVENT", "UID:e1@qa", "DTSTART;TZID=Asia/Tokyo:20091007T141000", "SUMMARY:x", "END:VEVENT")
    data = data.replace(b"SUMMARY:x", folded)
    programme = convert(data, "folded.ics").programme
    assert [e.title for e in programme.events] == [title.strip()]


def test_a_calendar_saved_as_utf16_is_read():
    text = calendar(*event("DTSTART;TZID=Asia/Tokyo:20091006T100000", "LOCATION:Café Elio")).decode()
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        data = text.encode(encoding)
        if encoding != "utf-16":
            data = "\ufeff".encode(encoding) + data
        programme = convert(data, "utf16.ics").programme
        assert [(e.title, e.venue.name if e.venue else None) for e in programme.events] == [("Meeting", "Café Elio")]


# -- Apple Calendar's locations -----------------------------------------------------------------------

APPLE_LOCATION = (
    "LOCATION:Tokyo Station\\n1-9-1 Marunouchi\\, Chiyoda City\\, Tokyo 100-0005\\, Japan",
    'X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="1-9-1 Marunouchi, Chiyoda City, Tokyo 100-0005, Japan";',
    " X-APPLE-RADIUS=141.17;X-TITLE=Tokyo Station:geo:35.681236,139.767125",
)


def test_an_apple_location_has_its_name_on_the_first_line_and_its_coordinates_in_a_geo_uri():
    data = calendar(*event("DTSTART;TZID=Asia/Tokyo:20091007T090300", "DTEND;TZID=Asia/Tokyo:20091007T103300"))
    data = data.replace(b"SUMMARY:Meeting", "\r\n".join(("SUMMARY:Shinkansen", *APPLE_LOCATION)).encode())
    converted = convert(data, "apple.ics")
    (venue,) = converted.programme.venues.values()
    assert (venue.id, venue.name, venue.address) == (
        "tokyo-station",
        "Tokyo Station",
        "1-9-1 Marunouchi, Chiyoda City, Tokyo 100-0005, Japan",
    )
    assert venue.geo == (35.681236, 139.767125)
    assert "X-APPLE-STRUCTURED-LOCATION" not in converted.text  # carried over, not listed as left out


# -- the export's folds keep every escape whole ---------------------------------------------------------
