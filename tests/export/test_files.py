"""Planning and writing calendar files: where each goes, what is refused, what a second run leaves alone."""

from __future__ import annotations

import pytest
from conftest import DATA, disk_full_at

from itinerary.export import files
from itinerary.load import load

AUTUMN = DATA / "export" / "autumn.yaml"


@pytest.fixture(scope="module")
def autumn():
    return load(AUTUMN)


def test_a_folder_gets_one_calendar_per_participant_and_the_programme(autumn, tmp_path):
    planned = files.plan(autumn, folder=tmp_path / "new" / "folder")
    names = {p.path.name for p in planned}
    assert names == {f"{ref}.ics" for ref in autumn.participants} | {"programme.ics"}
    assert all(p.path.parent == tmp_path / "new" / "folder" for p in planned)
    assert (tmp_path / "new" / "folder").is_dir()  # made, so the calendars can be written


def test_write_says_new_then_unchanged_then_updated(autumn, tmp_path):
    target = tmp_path / "all.ics"
    first = files.write(files.plan(autumn, file=target))
    assert [(w.file, w.ref, w.status) for w in first] == [(str(target), None, "new")]
    assert [w.status for w in files.write(files.plan(autumn, file=target))] == ["unchanged"]
    one = next(iter(autumn.participants))
    again = files.write(files.plan(autumn, file=target, ref=one))
    assert [(w.ref, w.status) for w in again] == [(one, "updated")]


def test_nothing_is_written_when_one_file_is_refused(autumn, tmp_path):
    mine = tmp_path / "programme.ics"
    mine.write_text("my own notes\n", encoding="utf-8")
    with pytest.raises(files.ExportError) as refused:
        files.plan(autumn, folder=tmp_path)
    assert refused.value.problems == [f"{mine}: exists and was not written by itinerary; use --force to overwrite it"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["programme.ics"]
    assert len(files.plan(autumn, folder=tmp_path, force=True)) == len(autumn.participants) + 1


def test_a_folder_that_is_a_file_is_refused(autumn, tmp_path):
    (tmp_path / "taken").write_text("", encoding="utf-8")
    with pytest.raises(files.ExportError, match="not a directory"):
        files.plan(autumn, folder=tmp_path / "taken")


def test_a_calendar_that_cannot_be_written_halfway_replaces_none(autumn, tmp_path, monkeypatch):
    """The calendars are made and written one at a time; when the third cannot be written, the two before
    it (already in temporaries) are not renamed over the calendars of the first export."""
    files.write(files.plan(autumn, folder=tmp_path))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # a new stamp: every calendar changes
    made = disk_full_at(monkeypatch, 3)
    planned = files.plan(autumn, folder=tmp_path)
    with pytest.raises(files.ExportError) as failed:
        files.write(planned)
    assert failed.value.problems == [f"{made[2]}: cannot write: No space left on device"]
    assert len(made) == 3 < len(planned), "the calendars after the failure were not even made"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_plan_knows_every_file_before_any_calendar_is_made(autumn, tmp_path):
    planned = files.plan(autumn, folder=tmp_path)
    made = list(planned.calendars)
    assert [(p.path.name, p.calendar.ref, p.calendar.events) for p in planned] == [
        (c.filename, c.ref, c.events) for c in made
    ]
    rows = files.write(planned)
    assert [(r.file, r.events, r.status) for r in rows] == [(str(p.path), p.calendar.events, "new") for p in planned]
    assert [(tmp_path / c.filename).read_bytes() for c in made] == [c.data for c in made]
