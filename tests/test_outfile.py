"""outfile: files written whole, or not at all."""

from __future__ import annotations

import pytest

from itinerary import outfile


def test_many_files_are_written_whole_with_their_bytes(tmp_path):
    old = tmp_path / "a.ics"
    old.write_bytes(b"old")
    outfile.write_all_atomic([(old, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"), (tmp_path / "b.ics", "é\n".encode())])
    assert old.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert (tmp_path / "b.ics").read_bytes() == "é\n".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ics", "b.ics"]


def test_when_one_cannot_be_written_none_is_replaced(tmp_path):
    first = tmp_path / "a.ics"
    first.write_bytes(b"old")
    missing = tmp_path / "no-such-folder" / "b.ics"
    with pytest.raises(outfile.WriteFailed) as failed:
        outfile.write_all_atomic([(first, b"new"), (missing, b"new")])
    assert failed.value.path == missing
    assert first.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["a.ics"], "no temporary file is left behind"


def test_text_is_written_as_utf8_with_its_line_ends(tmp_path):
    path = tmp_path / "page.html"
    outfile.write_atomic(path, "a\r\nb\né")
    assert path.read_bytes() == "a\r\nb\né".encode()


def test_nothing_to_write_waits_for_no_disk(monkeypatch):
    """A re-export that changes nothing does not sync: that waits for every other program's writes."""
    synced = []
    monkeypatch.setattr(outfile.os, "sync", lambda: synced.append(True))
    outfile.write_all_atomic([])
    assert synced == []
