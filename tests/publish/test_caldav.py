"""`publish` to a real Radicale: read back per day with a CalDAV client, then a revision updates in place."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import caldav
import pytest
from conftest import DATA, JAPAN
from icalendar import Calendar

from itinerary.export import ics
from itinerary.load import load
from itinerary.publish import caldav as publisher
from itinerary.publish.dav import Client, DavError

pytestmark = pytest.mark.slow

REVISION = DATA / "publish" / "ecpg-japan-2009-r2.yaml"
TOKYO = ZoneInfo("Asia/Tokyo")
TRAIN, LUNCH, GONE = "Shinkansen HIKARI 476", "Lunch at Argo (French)", "rene-tonnisson"


def client(server) -> Client:
    return Client(server.url, server.user, server.password)


def held(server) -> dict[str, dict[str, tuple[str, str, Calendar]]]:
    """Collection -> UID -> (href, etag, event), as our own client reads the account."""
    dav = client(server)
    out = {}
    for member in dav.members(dav.path()):
        name = member.href.rstrip("/").rsplit("/", 1)[-1]
        out[name] = {}
        for found in dav.events(member.href):
            (event,) = Calendar.from_ical(found.data).walk("VEVENT")
            assert str(event["UID"]) not in out[name], f"{event['UID']} twice in {name}"
            out[name][str(event["UID"])] = (found.href, found.etag, event)
    return out


def per_day(server, programme, participant: str) -> dict[date, set[str]]:
    """A time-range REPORT per day of the programme with another CalDAV client (python caldav)."""
    dav = caldav.DAVClient(url=server.url, username=server.user, password=server.password)
    collection = dav.calendar(url=f"{server.url}{programme.id}.{participant}/")
    out = {}
    day = programme.start
    while day <= programme.end:
        start = datetime.combine(day, time(), TOKYO)
        found = collection.search(start=start, end=start + timedelta(days=1), event=True, expand=False)
        uids = [str(item.icalendar_component["UID"]) for item in found]
        assert len(uids) == len(set(uids)), f"a UID twice on {day}"
        out[day] = set(uids)
        day += timedelta(days=1)
    return out


def expected_per_day(programme, participant: str) -> dict[date, set[str]]:
    """Timed events by the Tokyo days they overlap; whole-day ones (hotel stays) on the days they cover."""
    out = {}
    day = programme.start
    events = ics.attending(programme, participant)
    while day <= programme.end:
        start = datetime.combine(day, time(), TOKYO)
        stop = start + timedelta(days=1)
        out[day] = set()
        for event in events:
            first, last = ics.span(event)
            if isinstance(first, datetime):
                hit = first < stop and (last > start or (last == first and first >= start))
            else:
                hit = first <= day < last
            if hit:
                out[day].add(ics.uid(programme, event))
        day += timedelta(days=1)
    return out


@pytest.fixture(scope="module")
def published(radicale):
    """Revision 1 published, read; then revision 2 published, read."""
    first, second = load(JAPAN), load(REVISION)
    one = publisher.publish(client(radicale), first, stamp=ics.stamp(first))
    before = held(radicale)
    days_before = {p: per_day(radicale, first, p) for p in ("tea-petrin", "barbara-rhode", GONE)}
    two = publisher.publish(client(radicale), second, stamp=ics.stamp(second))
    after = held(radicale)
    days_after = {p: per_day(radicale, second, p) for p in ("tea-petrin", "barbara-rhode")}
    return first, second, one, two, before, after, days_before, days_after


def test_the_visit_is_published_one_collection_per_participant(published):
    first, _, one, _, before, _, _, _ = published
    names = {f"{first.id}.{p}" for p in first.participants}
    assert set(before) == names
    assert sorted(one.collections_created) == sorted(names)
    for participant in first.participants:
        wanted = {ics.uid(first, e) for e in ics.attending(first, participant)}
        assert set(before[f"{first.id}.{participant}"]) == wanted
    assert len(one.created) == sum(len(c) for c in before.values())
    assert not one.updated and not one.deleted and not one.conflicts


def test_a_time_range_report_per_day_gives_each_days_events(published):
    first, second, _, _, _, _, days_before, days_after = published
    for participant in ("tea-petrin", "barbara-rhode", GONE):
        assert days_before[participant] == expected_per_day(first, participant), participant
    for participant in ("tea-petrin", "barbara-rhode"):
        assert days_after[participant] == expected_per_day(second, participant), participant


def test_the_revision_updates_in_place_deletes_and_duplicates_nothing(published):
    first, second, _, two, before, after, _, _ = published
    tea = f"{first.id}.tea-petrin"
    train = next(ics.uid(second, e) for e in second.events if e.title == TRAIN)
    lunch = next(ics.uid(first, e) for e in first.events if e.title == LUNCH)
    old_href, old_etag, old = before[tea][train]
    new_href, new_etag, new = after[tea][train]
    assert new_href == old_href and new_etag != old_etag  # the same resource, replaced
    assert int(new["SEQUENCE"]) == int(old["SEQUENCE"]) + 1
    assert new["DTSTART"].dt.astimezone(UTC) == old["DTSTART"].dt.astimezone(UTC) + timedelta(minutes=20)
    assert lunch in before[tea] and lunch not in after[tea]
    assert f"{first.id}.{GONE}" not in after
    assert two.collections_deleted == [f"{first.id}.{GONE}"]
    travellers = len([p for p in second.participants if train in after[f"{second.id}.{p}"]])
    assert len(two.updated) == travellers and len(two.deleted) == travellers
    assert not two.created and not two.conflicts
    for name, events in after.items():
        for uid, (_href, etag, event) in events.items():
            if uid == train:
                continue
            then = before[name][uid][2]
            assert etag == before[name][uid][1], f"{name}: {event['SUMMARY']} was rewritten"
            assert event["DTSTART"].dt == then["DTSTART"].dt and event["DTEND"].dt == then["DTEND"].dt


def test_publishing_again_changes_nothing(published, radicale):
    second = published[1]
    again = publisher.publish(client(radicale), second, stamp=ics.stamp(second))
    assert not (again.created or again.updated or again.deleted or again.conflicts or again.collections_created)
    assert again.unchanged == sum(len(ics.attending(second, p)) for p in second.participants)


def test_an_edit_on_the_server_is_kept_unless_forced(published, radicale):
    second = published[1]
    tea = f"{second.id}.tea-petrin"
    train = next(ics.uid(second, e) for e in second.events if e.title == TRAIN)
    href, etag, _ = held(radicale)[tea][train]
    dav = client(radicale)
    (found,) = [m for m in dav.events(dav.path(f"{tea}/")) if m.href == href]
    edited = found.data.replace(b"SUMMARY:Shinkansen HIKARI 476", b"SUMMARY:Shinkansen HIKARI 476 (car 7)")
    assert edited != found.data
    assert dav.put(href, edited, etag).status in (200, 201, 204)
    kept = publisher.publish(client(radicale), second, stamp=ics.stamp(second))
    assert kept.conflicts == [f"{tea}: {TRAIN}: edited on the server; not replaced (use --force)"]
    assert not kept.updated
    assert str(held(radicale)[tea][train][2]["SUMMARY"]) == "Shinkansen HIKARI 476 (car 7)"
    forced = publisher.publish(client(radicale), second, stamp=ics.stamp(second), force=True)
    assert forced.updated == [f"{tea}: {TRAIN}"] and not forced.conflicts
    assert str(held(radicale)[tea][train][2]["SUMMARY"]) == TRAIN


def test_a_wrong_password_is_one_line_without_the_password(radicale):
    bad = Client(radicale.url, radicale.user, "wrong-password")
    with pytest.raises(DavError) as caught:
        publisher.publish(bad, load(JAPAN), stamp=ics.stamp(load(JAPAN)))
    message = str(caught.value)
    assert "401" in message and "wrong-password" not in message and "\n" not in message


def subscriber(server, collection: str, folder: Path) -> tuple[list[str], list[str]]:
    """vdirsyncer syncing the collection into a vdir (read only, as a participant subscribes), and khal reading it."""
    vdir = folder / "vdir"
    vdir.mkdir()
    (folder / "vdirsyncer.conf").write_text(
        f'[general]\nstatus_path = "{folder / "status"}"\n\n[pair tea]\na = "remote"\nb = "local"\n'
        f'collections = null\nconflict_resolution = "a wins"\n\n[storage remote]\ntype = "caldav"\n'
        f'url = "{server.url}{collection}/"\nusername = "{server.user}"\npassword = "{server.password}"\n'
        f'read_only = true\n\n[storage local]\ntype = "filesystem"\npath = "{vdir}"\nfileext = ".ics"\n',
        encoding="utf-8",
    )
    (folder / "khal.conf").write_text(
        f"[calendars]\n[[tea]]\npath = {vdir}\ntype = calendar\n[locale]\nlocal_timezone = Asia/Tokyo\n"
        "default_timezone = Asia/Tokyo\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"[sqlite]\npath = {folder / 'khal.db'}\n",
        encoding="utf-8",
    )
    khal = [sys.executable, "-m", "khal", "-c", str(folder / "khal.conf"), "list", "--format"]
    khal += ["{start-date} {start-time}-{end-time} {title}", "--day-format", "DAY {date}", "2009-10-04", "7d"]
    return [sys.executable, "-m", "vdirsyncer", "-c", str(folder / "vdirsyncer.conf")], khal


def test_khal_synced_with_vdirsyncer_shows_the_revision_without_duplicates(fresh_radicale, tmp_path):
    """khal reads what a participant subscribed to: the collection synced into a vdir by vdirsyncer."""
    first, second = load(JAPAN), load(REVISION)
    vdirsyncer, khal = subscriber(fresh_radicale, f"{first.id}.tea-petrin", tmp_path)
    listings = []
    for number, programme in enumerate((first, second)):
        publisher.publish(client(fresh_radicale), programme, stamp=ics.stamp(programme))
        if number == 0:
            run([*vdirsyncer, "discover", "tea"], tmp_path)
        run([*vdirsyncer, "sync"], tmp_path)
        listings.append([line for line in run(khal, tmp_path).splitlines() if line.strip()])
    before, after = listings
    assert [line for line in before if TRAIN in line] == [f"2009-10-07 16:10-17:40 {TRAIN}"]
    assert [line for line in after if TRAIN in line] == [f"2009-10-07 16:30-18:00 {TRAIN}"]
    assert [line for line in before if LUNCH in line] and not [line for line in after if LUNCH in line]
    for day in "\n".join(after).split("DAY ")[1:]:  # an event over midnight is listed on both days, once each
        lines = day.splitlines()[1:]
        assert lines and len(lines) == len(set(lines)), f"an event shown twice: {day}"
    assert len(list((tmp_path / "vdir").glob("*.ics"))) == len(ics.attending(second, "tea-petrin"))


def run(command: list[str], where: Path) -> str:
    env = {**os.environ, "TZ": "Europe/Brussels", "HOME": str(where)}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=where, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_a_calendar_fetched_back_from_the_server_diffs_as_unchanged(published, radicale, tmp_path):
    """Radicale serves the collection with its own PRODID and no calendar UID: still our events, same ids."""
    from typer.testing import CliRunner

    from itinerary.cli import app

    second = published[1]
    dav = client(radicale)
    response = dav.request("GET", dav.path(f"{second.id}.tea-petrin/"))
    assert response.status == 200 and b"PRODID:-//itinerary//" not in response.body
    fetched = tmp_path / "tea-petrin.ics"
    fetched.write_bytes(response.body)
    result = CliRunner().invoke(app, ["diff", str(REVISION), str(fetched), "--who", "tea-petrin"])
    assert result.exit_code == 0, result.stdout
    assert "Nothing changed." in result.stdout
