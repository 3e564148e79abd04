"""Publishing to a CalDAV server: one calendar collection per participant, one resource per event.

Each participant's collection is `<url>/<programme-id>.<participant-id>/` (ids are
slugs, so the dot tells ours from any other collection of the account), each event
`<uid>.ics` (UIDs are file-name safe). A publish reads every resource with its ETag,
then creates what is missing (`If-None-Match: *`), replaces what changed (`If-Match`
with the ETag read), and deletes the events and the collections the programme no longer
has. An event someone edited on the server (what it says no longer matches the digest
it was written with) is left alone, and reported, unless `force`; so is a resource that
changed between the read and the write (412). Resources that are not ours are never touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote, unquote

from itinerary import xprops
from itinerary.export import ics
from itinerary.model import Programme
from itinerary.publish.dav import Client, Member
from itinerary.timeutil import days_span
from itinerary.xprops import Stamp


@dataclass(frozen=True, slots=True)
class Remote:
    """An event of ours as the server holds it."""

    href: str
    etag: str
    uid: str
    title: str
    stamp: Stamp | None
    edited: bool
    """What it says differs from the digest it was written with: changed on the server."""


@dataclass
class Summary:
    """What a publish did (or, for conflicts, would not do), as 'collection: event' lines."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    collections_created: list[str] = field(default_factory=list)
    collections_deleted: list[str] = field(default_factory=list)
    unbumped: list[str] = field(default_factory=list)


def collection_name(programme: Programme, participant: str) -> str:
    return f"{programme.id}.{participant}"


def _event(data: bytes) -> Any:
    from icalendar import Calendar

    try:
        found = Calendar.from_ical(data).walk("VEVENT")
    except Exception:  # icalendar raises many kinds on a resource it cannot read: not ours then
        return None
    return found[0] if len(found) == 1 else None


def remote(member: Member, domain: str) -> Remote | None:
    """The member as one of our programme's events, or None when it is not one (never touched then)."""
    event = _event(member.data)
    if event is None or xprops.read(event) is None:
        return None
    uid = str(event.get("UID", ""))
    if not uid.endswith(f"@{domain}"):
        return None
    stamp = xprops.stamps(member.data).get(uid)
    edited = stamp is None or xprops.digest(event) != stamp.digest
    return Remote(member.href, member.etag, uid, str(event.get("SUMMARY", uid)), stamp, edited)


def _previous(held: Mapping[str, Mapping[str, Remote]]) -> dict[str, Stamp]:
    """How each event stood on the server, the highest SEQUENCE where collections disagree."""
    out: dict[str, Stamp] = {}
    for remotes in held.values():
        for uid, found in remotes.items():
            if found.stamp is not None and (uid not in out or found.stamp.sequence > out[uid].sequence):
                out[uid] = found.stamp
    return out


@dataclass
class Publisher:
    """One publish of a programme to one account (kept state: what the server holds, what was done)."""

    client: Client
    programme: Programme
    stamp: datetime
    force: bool = False
    summary: Summary = field(default_factory=Summary)

    def run(self) -> Summary:
        domain = ics.uid_domain(self.programme)
        prefix = f"{self.programme.id}."
        existing = {
            unquote(m.href).rstrip("/").rsplit("/", 1)[-1]: m
            for m in self.client.members(self.client.path())
            if m.collection
        }
        ours = {name: m for name, m in existing.items() if name.startswith(prefix) and m.calendar}
        wanted = {collection_name(self.programme, p): p for p in self.programme.participants}
        held: dict[str, dict[str, Remote]] = {}
        for name, member in ours.items():
            found = (remote(m, domain) for m in self.client.events(member.href))
            held[name] = {r.uid: r for r in found if r is not None}
        previous = _previous(held)
        for name, participant in wanted.items():
            if name not in ours:
                self.create_collection(name, participant)
            self.sync(name, participant, held.get(name, {}), previous)
        for name in sorted(set(ours) - set(wanted)):
            self.drop_collection(name, ours[name].href, held[name])
        return self.summary

    def create_collection(self, name: str, participant: str) -> None:
        programme = self.programme
        title = ics.calendar_name(programme, participant)
        about = f"{title}, {days_span(programme.start, programme.end)}"
        self.client.make_calendar(self.client.path(f"{quote(name)}/"), title, about)
        self.summary.collections_created.append(name)

    def sync(self, name: str, participant: str, remotes: Mapping[str, Remote], previous: Mapping[str, Stamp]) -> None:
        programme = self.programme
        events = ics.attending(programme, participant)
        wanted = ics.resources(programme, events, stamp=self.stamp, previous=previous)
        titles = {ics.uid(programme, e): e.title for e in events}
        base = self.client.path(f"{quote(name)}/")
        for uid, data in wanted.items():
            label = f"{name}: {titles[uid]}"
            found = remotes.get(uid)
            if found is None:
                self.put(base + quote(uid) + ".ics", data, None, label, self.summary.created)
                continue
            mine = xprops.stamps(data)[uid]
            if found.stamp is not None and found.stamp.digest == mine.digest and not found.edited:
                self.summary.unchanged += 1
            elif found.edited and not self.force:
                self.summary.conflicts.append(f"{label}: edited on the server; not replaced (use --force)")
            else:
                if found.stamp is not None and found.stamp.revision >= programme.revision and not found.edited:
                    self.summary.unbumped.append(titles[uid])
                self.put(found.href, data, found.etag, label, self.summary.updated)
        for uid in sorted(set(remotes) - set(wanted)):
            self.delete(remotes[uid], f"{name}: {remotes[uid].title}")

    def put(self, path: str, data: bytes, etag: str | None, label: str, done: list[str]) -> None:
        response = self.client.put(path, data, etag)
        if response.status == 412:
            self.summary.conflicts.append(f"{label}: changed on the server while publishing; not replaced")
            return
        self.client.expect(response, "PUT", path, 200, 201, 204)
        done.append(label)

    def delete(self, found: Remote, label: str) -> None:
        if found.edited and not self.force:
            self.summary.conflicts.append(f"{label}: edited on the server; not deleted (use --force)")
            return
        response = self.client.delete(found.href, found.etag)
        if response.status == 412:
            self.summary.conflicts.append(f"{label}: changed on the server while publishing; not deleted")
            return
        self.client.expect(response, "DELETE", found.href, 200, 204, 404)
        self.summary.deleted.append(label)

    def drop_collection(self, name: str, href: str, remotes: Mapping[str, Remote]) -> None:
        """A participant no longer in the programme: their collection goes, unless it holds an edit or
        anything that is not ours (then only our unedited events go)."""
        everything = self.client.events(href)
        if len(everything) == len(remotes) and (self.force or not any(r.edited for r in remotes.values())):
            self.client.expect(self.client.delete(href), "DELETE", href, 200, 204, 404)
            self.summary.collections_deleted.append(name)
            return
        for found in remotes.values():
            self.delete(found, f"{name}: {found.title}")
        self.summary.conflicts.append(f"{name}: holds events that are not ours or were edited; collection kept")


def publish(client: Client, programme: Programme, *, stamp: datetime, force: bool = False) -> Summary:
    """Bring the account's collections up to date with the programme. DavError on a failed request."""
    return Publisher(client, programme, stamp, force).run()
