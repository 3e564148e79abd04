"""Proof that real clients read the exported calendars as the programme means them (issue 4).

Every file exported from the Japan visit (and from a small visit across zones and the
end of summer time) is read by parsers independent of the icalendar library that
wrote it: `ical` (strict; Home Assistant's), `vobject` with validate=True, Mozilla's
ical.js (Thunderbird's) under Node with a non-UTC TZ, and khal. Each must find the
same events with the same start and end instants as the model.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import DATA, JAPAN, JS

from itinerary.export import ics
from itinerary.load import load, loads
from itinerary.model import Kind, Programme

STAMP = datetime.fromisoformat("2009-09-30T12:00:00+00:00")
AWAY = "America/New_York"
"""The reader's zone: far from Tokyo and Brussels, so a time read as floating shows up wrong."""

Seen = dict[str, tuple[str, str, object, object]]
"""UID -> (summary, 'time' or 'date', start, end); instants as POSIX seconds, dates as date."""


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> dict[str, tuple[Programme, dict[Path, str | None]]]:
    """Every calendar of both programmes on disk: name -> (programme, {path: ref})."""
    out = {}
    for name, source in (("japan", JAPAN), ("autumn", DATA / "export" / "autumn.yaml")):
        programme = load(source)
        folder = tmp_path_factory.mktemp(name)
        files = {}
        for found in ics.calendars(programme, stamp=STAMP):
            path = folder / found.filename
            path.write_bytes(found.data)
            files[path] = found.ref
        out[name] = (programme, files)
    return out


def every_file(exported):
    return [(programme, path, ref) for programme, files in exported.values() for path, ref in files.items()]


def expected(programme: Programme, ref: str | None) -> Seen:
    """What the programme means: instants for timed events, dates (end exclusive) for stays and free days."""
    out: Seen = {}
    for event in programme.events_for(ref):
        if event.all_day or event.kind is Kind.HOTEL:
            out[ics.uid(programme, event)] = (event.title, "date", event.start.date(), event.end.date())
        else:
            out[ics.uid(programme, event)] = (event.title, "time", event.start.timestamp(), event.end.timestamp())
    return out


def seen(uid: str, summary: str, start, end) -> tuple[str, tuple[str, str, object, object]]:
    if isinstance(start, datetime):
        assert start.tzinfo is not None and end.tzinfo is not None, f"{summary}: floating time"
        return uid, (summary, "time", start.timestamp(), end.timestamp())
    assert isinstance(start, date) and isinstance(end, date), (start, end)
    return uid, (summary, "date", start, end)


def test_the_japan_visit_has_what_the_proof_needs(exported):
    """Guards the other tests: cross-zone legs, a stay, estimated ends, people with few events."""
    programme, files = exported["japan"]
    assert len(files) == len(programme.participants) + 1
    counts = {len(expected(programme, ref)) for ref in files.values()}
    assert len(counts) > 2 and min(counts) >= 1


def test_ical_reads_every_file(exported):
    from ical.calendar_stream import IcsCalendarStream

    for programme, path, ref in every_file(exported):
        calendar = IcsCalendarStream.calendar_from_ics(path.read_text(encoding="utf-8"))
        got = dict(seen(e.uid, e.summary, e.dtstart, e.dtend) for e in calendar.events)
        assert got == expected(programme, ref), path.name


def forget_vobject_zones() -> None:
    """vobject keeps the first VTIMEZONE it meets for a TZID for the rest of the process, whatever
    file it came from (the Japan visit's Europe/Brussels of 2009 would then serve a 2030 file).
    Each file is read as by a reader that opens that one calendar."""
    import vobject.icalendar

    registry = vars(vobject.icalendar)["__tzidMap"]
    utc = registry["UTC"]
    registry.clear()
    registry["UTC"] = utc


def test_vobject_validates_and_reads_every_file(exported):
    import vobject

    for programme, path, ref in every_file(exported):
        forget_vobject_zones()
        calendar = vobject.readOne(path.read_text(encoding="utf-8"), validate=True)
        events = getattr(calendar, "vevent_list", [])
        got = dict(seen(e.uid.value, e.summary.value, e.dtstart.value, e.dtend.value) for e in events)
        assert got == expected(programme, ref), path.name


def icaljs(node: str, paths: list[Path]) -> dict[str, dict]:
    env = {**os.environ, "TZ": AWAY}
    done = subprocess.run([node, str(JS / "read.mjs"), *map(str, paths)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def from_icaljs(events: list[dict]) -> Seen:
    out: Seen = {}
    for event in events:
        start, end = event["start"], event["end"]
        if start["isDate"]:
            out[event["uid"]] = (
                event["summary"],
                "date",
                date.fromisoformat(start["date"]),
                date.fromisoformat(end["date"]),
            )
        else:
            assert start["tzid"] != "floating" and end["tzid"] != "floating", event
            out[event["uid"]] = (event["summary"], "time", start["epoch"], end["epoch"])
    return out


@pytest.mark.node
def test_icaljs_reads_every_file_in_another_zone(exported, node):
    files = every_file(exported)
    results = icaljs(node, [path for _, path, _ in files])
    for programme, path, ref in files:
        result = results[str(path)]
        assert result["method"] == "PUBLISH"
        assert result["name"] == ics.calendar_name(programme, ref)
        assert from_icaljs(result["events"]) == expected(programme, ref), path.name
        assert all(e["sequence"] == programme.revision and e["attendees"] == 0 for e in result["events"])


@pytest.mark.node
def test_icaljs_check_would_catch_a_tzid_without_its_vtimezone(exported, node, tmp_path):
    """The control: without VTIMEZONEs ical.js falls back to floating time in TZ, and the check above fails."""
    _, files = exported["japan"]
    path = next(p for p, ref in files.items() if ref is None)
    stripped = re.sub(r"BEGIN:VTIMEZONE\r\n.*?END:VTIMEZONE\r\n", "", path.read_bytes().decode("utf-8"), flags=re.S)
    bare = tmp_path / "bare.ics"
    bare.write_text(stripped, encoding="utf-8", newline="")
    events = icaljs(node, [bare])[str(bare)]["events"]
    train = next(e for e in events if e["summary"] == "Shinkansen HIKARI 465")
    assert train["start"]["tzid"] == "floating"
    assert train["start"]["js"] == "2009-10-07T13:03:00.000Z"  # 09:03 in New York, not in Tokyo
    assert from_icaljs([e for e in events if e["start"]["isDate"]]) != {}


def khal(config: Path, *args: str) -> str:
    env = {**os.environ, "TZ": AWAY}
    done = subprocess.run(
        [sys.executable, "-m", "khal", "-c", str(config), *args], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def khal_config(folder: Path, calendars: list[str]) -> Path:
    lines = ["[calendars]"]
    for name in calendars:
        (folder / name).mkdir()
        lines += [f"[[{name}]]", f"path = {folder / name}", "type = calendar"]
    lines += [
        "[locale]",
        "local_timezone = Asia/Tokyo",
        "default_timezone = Asia/Tokyo",
        "timeformat = %H:%M",
        "dateformat = %Y-%m-%d",
        "longdateformat = %Y-%m-%d",
        "datetimeformat = %Y-%m-%d %H:%M",
        "longdatetimeformat = %Y-%m-%d %H:%M",
        "[sqlite]",
        f"path = {folder / 'khal.db'}",
    ]
    config = folder / "config"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


LIST = ("list", "--format", "{start-date} {start-time}-{end-time} {title}", "--day-format", "", "2009-10-07", "1d")


@pytest.mark.slow
def test_khal_imports_every_file_and_lists_the_train_at_0903_tokyo_time(exported, tmp_path):
    programme, files = exported["japan"]
    names = {path: (ref or "programme") for path, ref in files.items()}
    config = khal_config(tmp_path, sorted(names.values()))
    for path, name in names.items():
        khal(config, "import", "--batch", "-a", name, str(path))
    train = "2009-10-07 09:03-10:33 Shinkansen HIKARI 465"
    hikari = next(e for e in programme.events if e.title == "Shinkansen HIKARI 465")
    for path, name in names.items():
        listed = khal(config, *LIST, "-a", name).splitlines()
        ref = files[path]
        if ref is None or programme.selects(hikari, ref):
            assert listed.count(train) == 1, (name, listed)
        else:
            assert not any("HIKARI" in line for line in listed), (name, listed)
        stored = list((tmp_path / name).glob("*.ics"))
        assert len(stored) == len(expected(programme, ref)), name


@pytest.mark.slow
def test_khal_reimport_of_a_revision_updates_instead_of_duplicating(tmp_path):
    config = khal_config(tmp_path, ["tea"])
    text = JAPAN.read_text(encoding="utf-8")
    first = loads(text, "v1.yaml")
    revised = loads(text.replace("revision: 1\n", "revision: 2\n").replace('"09:03-10:33"', '"09:33-11:03"'), "v2.yaml")
    listings = []
    for number, programme in enumerate((first, revised)):
        path = tmp_path / f"v{number}.ics"
        path.write_bytes(ics.calendar(programme, programme.events_for("tea-petrin"), ref="tea-petrin", stamp=STAMP))
        khal(config, "import", "--batch", "-a", "tea", str(path))
        listings.append(khal(config, *LIST).splitlines())
    before, after = listings
    assert [line for line in before if "HIKARI 465" in line] == ["2009-10-07 09:03-10:33 Shinkansen HIKARI 465"]
    assert [line for line in after if "HIKARI 465" in line] == ["2009-10-07 09:33-11:03 Shinkansen HIKARI 465"]
    assert len(after) == len(before)
    assert len(list((tmp_path / "tea").glob("*.ics"))) == len(revised.events_for("tea-petrin"))


def test_round_trip_export_then_read_back_gives_the_programme(exported):
    """What `itinerary import` will rely on: identity, title, kind, times, place, revision, from the file alone."""
    from icalendar import Calendar

    programme, files = exported["japan"]
    path = next(p for p, ref in files.items() if ref is None)
    calendar = Calendar.from_ical(path.read_bytes())
    by_id = {e.id: e for e in programme.events}
    read_back = {}
    for component in calendar.walk("VEVENT"):
        found = ics.identity(str(component["UID"]))
        assert found is not None and found[0] == programme.id
        read_back[found[1]] = component
    assert read_back.keys() == by_id.keys()
    for event_id, component in read_back.items():
        event = by_id[event_id]
        assert str(component["SUMMARY"]) == event.title
        assert component["CATEGORIES"].cats == [event.kind.value]
        assert int(component["SEQUENCE"]) == programme.revision
        start, end = component.DTSTART, component.DTEND
        if event.kind is Kind.HOTEL:
            assert (start, end) == (event.start.date(), event.end.date())
        else:
            assert (start.timestamp(), end.timestamp()) == (event.start.timestamp(), event.end.timestamp())
            assert (str(start.tzinfo), str(end.tzinfo)) == (str(event.start.tzinfo), str(event.end.tzinfo))
        place = event.place_at_start or event.destination
        if place is not None:
            assert str(component["LOCATION"]).startswith(place.name)
        assert ("End time estimated" in str(component["DESCRIPTION"])) == event.end_estimated
        for line in event.notes.splitlines():
            assert line in str(component["DESCRIPTION"])
