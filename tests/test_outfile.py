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


def test_files_are_taken_one_at_a_time_and_none_replaced_before_all_are_written(tmp_path):
    """The next file's bytes are not asked for before the one before is in its temporary, and no target is
    replaced while any is still to come."""
    targets = [tmp_path / f"{n}.ics" for n in range(3)]
    for path in targets:
        path.write_bytes(b"old")
    seen: list[list[str]] = []

    def files():
        for n, path in enumerate(targets):
            seen.append(sorted(p.name for p in tmp_path.iterdir()))
            yield path, f"new {n}".encode()

    outfile.write_all_atomic(files())
    temporaries = [[name for name in names if name.endswith(".tmp")] for names in seen]
    assert [len(t) for t in temporaries] == [0, 1, 2], "each temporary was written before the next file was made"
    assert all(name.startswith(".") for t in temporaries for name in t)
    assert all(
        sorted(set(names) - set(t)) == ["0.ics", "1.ics", "2.ics"] for names, t in zip(seen, temporaries, strict=True)
    )
    assert [p.read_bytes() for p in targets] == [b"new 0", b"new 1", b"new 2"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.ics", "1.ics", "2.ics"]


@pytest.mark.parametrize("fails", ["writing", "making"])
def test_a_failure_at_the_nth_file_of_a_stream_replaces_none(tmp_path, fails):
    """Whether the third file cannot be written or cannot be made, the first two (already in temporaries)
    are not renamed over their targets, and no temporary is left behind."""
    targets = [tmp_path / f"{n}.ics" for n in range(4)]
    for path in targets:
        path.write_bytes(b"old")
    made: list[int] = []

    def files():
        for n, path in enumerate(targets):
            if n == 2 and fails == "making":
                raise ValueError("cannot make it")
            made.append(n)
            yield (tmp_path / "missing" / path.name if n == 2 else path), b"new"

    with pytest.raises(outfile.WriteFailed if fails == "writing" else ValueError):
        outfile.write_all_atomic(files())
    assert made == ([0, 1, 2] if fails == "writing" else [0, 1]), "nothing after the failure was made"
    assert [p.read_bytes() for p in targets] == [b"old"] * 4
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [p.name for p in targets]


def test_an_empty_stream_waits_for_no_disk(monkeypatch):
    synced = []
    monkeypatch.setattr(outfile.os, "sync", lambda: synced.append(True))
    outfile.write_all_atomic(iter([]))
    assert synced == []
