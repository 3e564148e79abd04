"""Every command on calendars that other programs wrote (tests/data/import/real/, sources in its README).

A new user's first try: the calendar they have, read by each command in turn. Never an internal
error (exit 3) or a traceback; a calendar that imports keeps every event through export and
import, each at the same instant, with a UID of its own.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import DATA
from typer.testing import CliRunner

import itinerary
from itinerary.cli import app

REAL = DATA / "import" / "real"
CALENDARS = sorted(REAL.glob("*.ics"))
REFUSED = {"bom-empty.ics": "no events to import"}
"""The calendars that hold nothing a programme can: refused in one line, exit 2."""

runner = CliRunner()


def run(*args: object):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
    assert "Traceback" not in result.output, result.output
    return result


def events_of(programme) -> Counter[tuple[str, str, str]]:
    """Each event's title and instants; an all-day event's days (a calendar of days alone names no zone)."""
    return Counter(
        (e.title, f"{e.start:%Y-%m-%d}", f"{e.end:%Y-%m-%d}")
        if e.all_day
        else (e.title, e.start.isoformat(), e.end.isoformat())
        for e in programme.events
    )


def test_there_are_real_calendars_and_each_is_in_the_readme():
    readme = (REAL / "README.md").read_text()
    assert len(CALENDARS) >= 10
    for calendar in CALENDARS:
        assert f"`{calendar.name}`" in readme, calendar.name


@pytest.mark.slow
@pytest.mark.parametrize("calendar", CALENDARS, ids=lambda p: p.name)
def test_every_command_reads_it(calendar: Path, tmp_path: Path):
    if calendar.name in REFUSED:
        for args in (("agenda", calendar), ("check", calendar), ("import", calendar, "-o", tmp_path / "x.yaml")):
            result = run(*args)
            assert result.exit_code == 2
            assert REFUSED[calendar.name] in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert not (tmp_path / "x.yaml").exists()
        return
    programme = itinerary.read(calendar)
    first = min(e.start for e in programme.events)
    for args in (
        ("agenda", calendar),
        ("agenda", calendar, "--tz", "Asia/Tokyo"),
        ("grid", calendar),
        ("participants", calendar),
        ("print", calendar, "-o", tmp_path / "page.html"),
        ("check", calendar),
        ("next", calendar, "--at", first.isoformat()),
        ("slots", calendar),
    ):
        assert run(*args).exit_code in (0, 1), args
    assert (tmp_path / "page.html").read_text().startswith("<!DOCTYPE html>")
    report = run("check", calendar, "--format", "json")
    assert isinstance(json.loads(report.stdout), (dict, list))
    # export, then read every calendar written: the whole programme's holds every event, once each
    assert run("export", calendar, "--out", tmp_path / "out").exit_code == 0
    for written in (tmp_path / "out").glob("*.ics"):
        uids = [line for line in written.read_text().splitlines() if line.startswith("UID:")]
        assert len(uids) == len(set(uids)), written.name
        assert run("agenda", written).exit_code == 0
    again = itinerary.read(tmp_path / "out" / "programme.ics")
    assert events_of(again) == events_of(programme)
    # import, then the draft against its calendar: nothing differs
    assert run("import", calendar, "-o", tmp_path / "draft.yaml").exit_code == 0
    assert events_of(itinerary.read(tmp_path / "draft.yaml")) == events_of(programme)
    diff = run("diff", calendar, tmp_path / "draft.yaml")
    assert diff.exit_code == 0, diff.output
