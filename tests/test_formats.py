"""The registry of input formats: which reader a file goes to, told apart in one place."""

from __future__ import annotations

import io
import sys

import pytest
from conftest import DATA, JAPAN

import itinerary
from itinerary import formats

SINGLE = DATA / "import" / "single.ics"


def test_a_calendar_by_its_name_or_by_its_first_line(tmp_path):
    assert formats.format_of(SINGLE) is formats.CALENDAR
    assert formats.format_of(JAPAN) is formats.PROGRAMME
    renamed = tmp_path / "draft.txt"
    renamed.write_bytes(b"\xef\xbb\xbf\r\n" + SINGLE.read_bytes())
    assert formats.format_of(renamed) is formats.CALENDAR
    assert formats.format_of(tmp_path / "missing.ICS") is formats.CALENDAR
    assert formats.format_of(tmp_path / "missing.yaml") is formats.PROGRAMME
    assert formats.format_of("-", b"BEGIN:VCALENDAR\r\n") is formats.CALENDAR
    assert formats.format_of("-", b"programme:\n") is formats.PROGRAMME


def test_read_gives_a_programme_whatever_the_format():
    japan = itinerary.read(JAPAN)
    assert japan.title == "ECPG Study Visit to Japan"
    draft = itinerary.read(str(SINGLE))
    assert draft.title == "Study visit to Brussels" and len(draft.events) == 1
    assert draft.events[0].source.file == str(SINGLE)  # messages point into the calendar, not the converted text


def test_read_of_standard_input(monkeypatch):
    for data, title in (
        (JAPAN.read_bytes(), "ECPG Study Visit to Japan"),
        (SINGLE.read_bytes(), "Study visit to Brussels"),
    ):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        assert itinerary.read("-").title == title


def test_every_error_is_a_read_error_with_its_lines(tmp_path):
    with pytest.raises(formats.ReadError) as broken:
        itinerary.read(DATA / "import" / "not-a-calendar.ics")
    assert len(broken.value.diagnostics) == 1 and "not-a-calendar.ics" in str(broken.value)
    bad = tmp_path / "bad.yaml"
    bad.write_text("programme:\n  title: x\n", encoding="utf-8")
    with pytest.raises(formats.ReadError) as unloadable:
        itinerary.read(bad)
    assert all(str(d).startswith(f"{bad}:") for d in unloadable.value.diagnostics)
    (tmp_path / "folder.ics").mkdir()
    with pytest.raises(formats.ReadError, match="is a directory, not a calendar"):
        itinerary.read(tmp_path / "folder.ics")
    with pytest.raises(formats.ReadError, match="cannot read"):
        itinerary.read(tmp_path / "missing.yaml")


def test_a_calendar_read_by_any_command_says_where_events_that_repeat_forever_were_cut(tmp_path):
    # Google's yearly series from 2014 on, read by `agenda`: one evening shown, and not a word that the
    # calendar holds more (the note was only in what `import` writes).
    from typer.testing import CliRunner

    from itinerary.cli import app

    calendar = DATA / "import" / "real" / "google-yearly-override.ics"
    programme = itinerary.read(calendar)
    assert [str(w) for w in programme.warnings] == [
        f"itinerary: {calendar}: events that repeat forever are read up to 2014-08-07 only; "
        "`itinerary import --end YYYY-MM-DD` reads them further"
    ]
    result = CliRunner().invoke(app, ["agenda", str(calendar)])
    assert result.exit_code == 0
    assert "repeat forever are read up to 2014-08-07" in result.stderr
    # a calendar whose events all end says nothing
    assert itinerary.read(DATA / "import" / "real" / "gehol-timetable.ics").warnings == ()
