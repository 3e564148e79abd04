"""SEQUENCE moves for an event only when it changed since the calendars last written (issue 10)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import DATA, JAPAN
from icalendar import Calendar

from itinerary.export import ics
from itinerary.load import load, loads

STAMP = datetime(2009, 9, 30, tzinfo=UTC)
REVISION = DATA / "publish" / "ecpg-japan-2009-r2.yaml"
TRAIN = "Shinkansen HIKARI 476"


def written(programme, tmp_path, previous=None):
    files = ics.calendars(programme, stamp=STAMP, previous=previous)
    for found in files:
        (tmp_path / found.filename).write_bytes(found.data)
    return files


def sequences(data: bytes) -> dict[str, int]:
    return {str(e["SUMMARY"]): int(e["SEQUENCE"]) for e in Calendar.from_ical(data).walk("VEVENT")}


def programme_ics(files) -> bytes:
    return next(f.data for f in files if f.ref is None)


def test_a_revision_bumps_only_what_changed(tmp_path):
    first = programme_ics(written(load(JAPAN), tmp_path))
    assert set(sequences(first).values()) == {1}
    revised = load(REVISION)
    previous = ics.stamps_in(tmp_path.glob("*.ics"), revised.id)
    assert len(previous) == len(load(JAPAN).events)
    files = ics.calendars(revised, stamp=STAMP, previous=previous)
    now = sequences(programme_ics(files))
    assert now.pop(TRAIN) == 2
    assert "Lunch at Argo (French)" not in now
    assert set(now.values()) == {1}, "an unchanged event keeps its SEQUENCE through a revision"
    assert ics.unbumped(revised, previous, files) == []


def test_a_change_without_a_revision_still_bumps_and_is_reported(tmp_path):
    written(load(JAPAN), tmp_path)
    text = JAPAN.read_text(encoding="utf-8").replace('"16:10-17:40"', '"16:30-18:00"')
    moved = loads(text, "moved.yaml")
    assert moved.revision == 1
    previous = ics.stamps_in(tmp_path.glob("*.ics"), moved.id)
    files = written(moved, tmp_path, previous)
    now = sequences(programme_ics(files))
    assert now.pop(TRAIN) == 2
    assert set(now.values()) == {1}
    assert ics.unbumped(moved, previous, files) == [TRAIN]
    # Exported again unchanged, it stays at 2: only a change moves it.
    again = ics.calendars(moved, stamp=STAMP, previous=ics.stamps_in(tmp_path.glob("*.ics"), moved.id))
    assert [f.data for f in again] == [f.data for f in files]


def test_unchanged_gives_the_same_bytes_and_state_of_another_programme_is_ignored(tmp_path):
    files = written(load(JAPAN), tmp_path)
    again = ics.calendars(load(JAPAN), stamp=STAMP, previous=ics.stamps_in(tmp_path.glob("*.ics"), "ecpg-japan-2009"))
    assert [f.data for f in again] == [f.data for f in files]
    assert ics.stamps_in(tmp_path.glob("*.ics"), "another-programme") == {}


@pytest.mark.parametrize("damage", [b"", b"BEGIN:VCALENDAR\r\nnot a calendar", b"\xff\xfe\x00"])
def test_a_damaged_previous_file_is_passed_over(tmp_path, damage):
    (tmp_path / "programme.ics").write_bytes(damage)
    assert ics.stamps_in([tmp_path / "programme.ics", tmp_path / "missing.ics"], "ecpg-japan-2009") == {}


def test_a_folder_is_read_through_its_programme_calendar_when_there_is_one(tmp_path):
    written(load(JAPAN), tmp_path)
    whole = ics.stamps_in_folder(tmp_path, "ecpg-japan-2009")
    assert whole == ics.stamps_in(tmp_path.glob("*.ics"), "ecpg-japan-2009")
    (tmp_path / "programme.ics").unlink()
    assert ics.stamps_in_folder(tmp_path, "ecpg-japan-2009") == whole  # the others say the same
    assert ics.stamps_in_folder(tmp_path / "missing", "ecpg-japan-2009") == {}


def test_a_change_is_reported_once_whatever_the_text_of_the_events(tmp_path):
    """Each event is read once however many calendars hold it; a title or note that reads like a
    calendar's own lines does not cut an event in two."""
    trap = "BEGIN:VEVENT\r\nUID:trap\r\nEND:VEVENT"
    text = JAPAN.read_text(encoding="utf-8").replace("title: Lunch at Elio", f"title: {trap!r}".replace("'", '"'))
    first = loads(text, "trap.yaml")
    written(first, tmp_path)
    moved = loads(text.replace('"16:10-17:40"', '"16:30-18:00"'), "moved.yaml")
    previous = ics.stamps_in(tmp_path.glob("*.ics"), moved.id)
    files = written(moved, tmp_path, previous)
    assert len(files) > 2
    assert ics.unbumped(moved, previous, files) == [TRAIN]


def test_calendars_made_one_at_a_time_report_the_same_unbumped_events(tmp_path):
    """`Calendars.unbumped` reads the VEVENTs as written once; `unbumped` reads them out of the calendars."""
    written(load(JAPAN), tmp_path)
    moved = loads(JAPAN.read_text(encoding="utf-8").replace('"16:10-17:40"', '"16:30-18:00"'), "moved.yaml")
    previous = ics.stamps_in(tmp_path.glob("*.ics"), moved.id)
    for refs in (None, ["tea-petrin"], [None, *moved.participants, *moved.groups]):
        lazy = ics.Calendars(moved, refs, stamp=STAMP, previous=previous)
        made = list(lazy)
        assert lazy.unbumped() == ics.unbumped(moved, previous, made)
        assert [c.data for c in made] == [c.data for c in ics.calendars(moved, refs, stamp=STAMP, previous=previous)]
    assert ics.Calendars(moved, None, stamp=STAMP, previous=previous).unbumped() == [TRAIN]
