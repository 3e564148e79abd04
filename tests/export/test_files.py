"""Planning and writing calendar files: where each goes, what is refused, what a second run leaves alone."""

from __future__ import annotations

import pytest
from conftest import DATA

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
