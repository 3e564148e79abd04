"""What changed between two versions of a programme: per event, and as each participant sees it.

Events are matched by identity (`Event.id`: the explicit id, else day and title), the
rule the calendar export's UIDs follow, so what `diff` calls the same event is what a
participant's calendar updates in place. Pure: no files, no terminal.

    found = compare(old, new)
    found.changed                      # anything at all?
    found.people["tea-petrin"]         # her changes, in time order
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Literal

from itinerary.model import Event, Kind, Programme, Venue

Change = Literal[
    "added", "cancelled", "moved", "venue", "place", "renamed", "kind", "background", "status", "notes", "attendance"
]
"""What happened to an event. `venue` covers a leg's `from`/`to`; `place` the same venue's map position
or website; `kind` a meeting become a meal; `background` a stay that now blocks its time or no longer
does; `status` a tentative event confirmed, or a confirmed one made tentative; `attendance` who attends."""
Seen = Literal[
    "added",
    "cancelled",
    "joined",
    "left",
    "moved",
    "venue",
    "place",
    "renamed",
    "kind",
    "background",
    "status",
    "notes",
]
"""A change as one participant sees it: `joined`/`left` when their own attendance changed."""

CHANGES: tuple[Change, ...] = (
    "added", "cancelled", "moved", "venue", "place", "renamed", "kind", "background", "status", "notes",
    "attendance",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class EventChange:
    """One event that differs between the versions (unchanged events have none)."""

    id: str
    old: Event | None
    new: Event | None
    changes: tuple[Change, ...]
    joined: frozenset[str] = frozenset()
    """Participants who attend the new version and not the old."""
    left: frozenset[str] = frozenset()
    attendees: frozenset[str] = frozenset()
    """Everyone the change concerns: who attends either version."""

    @property
    def event(self) -> Event:
        """The event as it is now, or as it was when it is cancelled."""
        event = self.new or self.old
        assert event is not None
        return event


@dataclass(frozen=True, slots=True)
class Personal:
    """An event change as one participant sees it."""

    change: EventChange
    seen: tuple[Seen, ...]


@dataclass(frozen=True)
class Diff:
    old: Programme
    new: Programme
    events: tuple[EventChange, ...]
    """In time order (the new time, or the old one for a cancelled event)."""
    people: Mapping[str, tuple[Personal, ...]] = field(default_factory=dict)
    """Participant id -> their changes, for those who have any; in the new programme's order."""

    @property
    def changed(self) -> bool:
        return bool(self.events)

    @property
    def unattended(self) -> tuple[EventChange, ...]:
        """Changes that concern no listed participant (an event for an empty group, a programme without people)."""
        return tuple(c for c in self.events if not c.attendees)

    def name(self, participant: str) -> str:
        for programme in (self.new, self.old):
            if participant in programme.participants:
                return programme.participants[participant].name
        return participant

    def members(self, ref: str) -> frozenset[str]:
        """The participants a participant or group id names, in either version."""
        return self.old.expand([ref]) | self.new.expand([ref])

    def only(self, ref: str) -> Diff:
        """The changes that concern `ref` (a participant or group id in either version)."""
        chosen = self.members(ref)
        people = {p: changes for p, changes in self.people.items() if p in chosen}
        ids = {personal.change.id for changes in people.values() for personal in changes}
        return Diff(self.old, self.new, tuple(c for c in self.events if c.id in ids), MappingProxyType(people))


def compare(old: Programme, new: Programme) -> Diff:
    """Every event that differs between `old` and `new`, and each participant's view of it."""
    before = {e.id: e for e in old.events}
    after = {e.id: e for e in new.events}
    attending_old = _attendance(old)
    attending_new = _attendance(new)
    # A version that lists no participants (a calendar without ATTENDEEs) says nothing about who
    # attends: its events keep the other version's attendance, and a new one is everyone's there.
    if old.participants and not new.participants:
        attending_new = _unknown(attending_new, attending_old, old)
    elif new.participants and not old.participants:
        attending_old = _unknown(attending_old, attending_new, new)
    found: list[EventChange] = []
    venues = _Venues()
    for ident in dict.fromkeys([*before, *after]):
        change = _change(ident, before.get(ident), after.get(ident), attending_old, attending_new, venues)
        if change is not None:
            found.append(change)
    found.sort(key=lambda c: (_when(c), c.id))
    people: dict[str, list[Personal]] = {}
    for change in found:
        # What everyone concerned sees but those who joined or left (see `seen_by`), worked out once.
        everyone = seen_by(change, None)
        personal = Personal(change, everyone) if everyone else None
        either = change.old is None or change.new is None
        for participant in change.attendees:
            if either or not (participant in change.joined or participant in change.left):
                if personal is not None:
                    people.setdefault(participant, []).append(personal)
                continue
            people.setdefault(participant, []).append(Personal(change, seen_by(change, participant)))
    order = list(dict.fromkeys([*new.participants, *old.participants]))
    ordered = {p: tuple(people[p]) for p in order if p in people}
    return Diff(old, new, tuple(found), MappingProxyType(ordered))


def _when(change: EventChange) -> datetime:
    return _utc(change.event.start)


def _utc(value: datetime) -> datetime:
    """Instants are compared in UTC: Python's == ignores which of two 02:30s a time in a fold means."""
    return value.astimezone(UTC)


def _same_time(old: Event, new: Event) -> bool:
    """`_span(old) == _span(new)`, without going through UTC where both are the same wall times of one zone."""
    if old.all_day or new.all_day:
        return _span(old) == _span(new)
    for a, b in ((old.start, new.start), (old.end, new.end)):
        if not (a.tzinfo is b.tzinfo and a.fold == b.fold and a == b) and _utc(a) != _utc(b):
            return False
    return True


def _span(event: Event) -> tuple[object, ...]:
    """When an event is: dates for an all-day item (whatever the zone), else instants in UTC."""
    if event.all_day:
        return ("all day", event.start.date(), event.end.date())
    return (_utc(event.start), _utc(event.end))


def _attendance(programme: Programme) -> dict[str, frozenset[str]]:
    """Event id -> participant ids."""
    by_who = programme.attendance()
    return {event.id: by_who[event.who] for event in programme.events}


def _unknown(
    silent: Mapping[str, frozenset[str]], known: Mapping[str, frozenset[str]], listed: Programme
) -> dict[str, frozenset[str]]:
    """Attendance for a version without participants: the other version's, else everyone listed there."""
    everyone = frozenset(listed.participants)
    return {ident: known.get(ident, everyone) for ident in silent}


def place(venue: Venue | None) -> tuple[str, str] | None:
    """What a participant goes by: name and address as one text (a word moved from one to the other,
    as an imported LOCATION may be split, is the same place), and the address in local script.
    The venue's id is the file's business: renaming it moves nobody."""
    if venue is None:
        return None
    text = f"{venue.name}, {venue.address}" if venue.address else venue.name
    return " ".join(text.replace(",", " ").split()).casefold(), venue.local_address


def places(event: Event) -> tuple[tuple[str, str] | None, ...]:
    return place(event.venue), place(event.origin), place(event.destination)


def finding(venue: Venue | None) -> tuple[tuple[float, float] | None, str] | None:
    """How a venue is found besides its name and address: its map position (to about 10 m) and website."""
    return None if venue is None else (position(venue), venue.url.strip())


def position(venue: Venue) -> tuple[float, float] | None:
    return (round(venue.geo[0], 4), round(venue.geo[1], 4)) if venue.geo else None


def findings(event: Event) -> tuple[tuple[tuple[float, float] | None, str] | None, ...]:
    return finding(event.venue), finding(event.origin), finding(event.destination)


class _Venues:
    """`places` and `findings` of events, each venue worked out once: thousands of events share a few venues."""

    def __init__(self) -> None:
        self.known: dict[int, tuple[object, object, Venue]] = {}

    def of(self, venue: Venue | None) -> tuple[object, object]:
        if venue is None:
            return None, None
        found = self.known.get(id(venue))
        if found is None:  # the venue is kept with what is known of it, so its id stays its own
            found = self.known[id(venue)] = (place(venue), finding(venue), venue)
        return found[0], found[1]

    def __call__(self, event: Event) -> tuple[tuple[object, ...], tuple[object, ...]]:
        """(`places(event)`, `findings(event)`)."""
        a, b, c = self.of(event.venue), self.of(event.origin), self.of(event.destination)
        return (a[0], b[0], c[0]), (a[1], b[1], c[1])


def _change(
    ident: str,
    old: Event | None,
    new: Event | None,
    attending_old: Mapping[str, frozenset[str]],
    attending_new: Mapping[str, frozenset[str]],
    venues: _Venues,
) -> EventChange | None:
    was = attending_old.get(ident, frozenset())
    now = attending_new.get(ident, frozenset())
    if old is None:
        return EventChange(ident, None, new, ("added",), attendees=now)
    if new is None:
        return EventChange(ident, old, None, ("cancelled",), attendees=was)
    changes: list[Change] = []
    if not _same_time(old, new):
        changes.append("moved")
    (was_at, was_found), (now_at, now_found) = venues(old), venues(new)
    if was_at != now_at:
        changes.append("venue")
    elif was_found != now_found:
        changes.append("place")
    if old.title != new.title:
        changes.append("renamed")
    if old.kind != new.kind:
        changes.append("kind")
    if old.background != new.background and Kind.HOTEL not in (old.kind, new.kind):  # a stay always is
        changes.append("background")
    if old.tentative != new.tentative:
        changes.append("status")
    if old.notes != new.notes:
        changes.append("notes")
    if was != now:
        changes.append("attendance")
    if not changes:
        return None
    return EventChange(ident, old, new, tuple(changes), now - was, was - now, was | now)


def seen_by(change: EventChange, participant: str | None) -> tuple[Seen, ...]:
    """What the change is to `participant` (None: to anyone, for an event no listed participant attends)."""
    if change.old is None:
        return ("added",)
    if change.new is None:
        return ("cancelled",)
    if participant in change.joined:
        return ("joined",)
    if participant in change.left:
        return ("left",)
    # Someone else joining or leaving is not news for those who attend either way.
    out: list[Seen] = []
    for kind in change.changes:
        if kind != "attendance":
            out.append(kind)
    return tuple(out)


def summary(changes: Iterable[EventChange]) -> dict[str, int]:
    """How many events of each kind of change: {"added": n, ...} (an event may count under several)."""
    counts: dict[str, int] = dict.fromkeys(CHANGES, 0)
    for change in changes:
        for kind in change.changes:
            counts[kind] += 1
    return counts
