"""Who is where when: each participant's own timeline, worked out once and shared by the checks.

Participants who attend exactly the same events share one timeline (a delegation of
forty moving as one is one timeline, not forty), so the sweeps below run once per
distinct timeline rather than once per person.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import wraps
from itertools import pairwise
from typing import TypeVar

from itinerary.model import Event, Kind, Participant, Programme

T = TypeVar("T")


def one_timeline(programme: Programme) -> Programme:
    """A programme that lists nobody (a calendar without ATTENDEEs, a first draft) is one person's days.

    Without anyone listed every event is for everyone and everyone is nobody, so no clash
    or travel gap could be found; checked as one timeline, a calendar and the programme
    `import` writes from it get the same findings.
    """
    if programme.participants or not programme.events:
        return programme
    reader = Participant(id="calendar", name="whoever follows this programme", groups=(), source=programme.source)
    return replace(programme, participants={reader.id: reader})


def per_programme(fn: Callable[[Programme], T]) -> Callable[[Programme], T]:
    """Remember the result for the last programme asked about: several checks need the same analysis."""
    last: list[tuple[weakref.ref[Programme], T]] = []

    @wraps(fn)
    def remembered(programme: Programme) -> T:
        if last and last[0][0]() is programme:
            return last[0][1]
        result = fn(programme)
        last[:] = [(weakref.ref(programme), result)]
        return result

    return remembered


@dataclass(frozen=True, slots=True)
class Timeline:
    """Participants who attend exactly the same events, and those events in order of start."""

    participants: frozenset[str]
    events: tuple[Event, ...]

    def busy(self) -> Iterable[Event]:
        """The events that occupy them (see `occupies`)."""
        return (e for e in self.events if occupies(e))


def occupies(event: Event) -> bool:
    """Whether an event occupies its people: not a background item such as a hotel stay, nor one without a time yet."""
    return not event.background and not event.tbc


@per_programme
def in_order(programme: Programme) -> tuple[Event, ...]:
    """The events by start (the loader sorts them; a programme built elsewhere may not be)."""
    events = programme.events
    if all(a.start <= b.start for a, b in pairwise(events)):
        return events
    return tuple(sorted(events, key=lambda e: (e.start, e.end)))


@per_programme
def timelines(programme: Programme) -> tuple[Timeline, ...]:
    """Every participant's timeline, one per set of participants who attend the same events.

    Participants are split into classes by every distinct attendance (partition
    refinement), then each event is added to the classes it includes: the work grows
    with events x classes, not events x people.
    """
    events = in_order(programme)
    attendance = programme.attendance(events)
    classes: list[frozenset[str]] = [frozenset(programme.participants)] if programme.participants else []
    for attendees in attendance.values():
        refined: list[frozenset[str]] = []
        for members in classes:
            inside = members & attendees
            if inside and len(inside) < len(members):
                refined += [inside, members - inside]
            else:
                refined.append(members)
        classes = refined
    classes.sort(key=lambda members: min(members))
    representatives = [next(iter(members)) for members in classes]
    classes_of = {
        who: [n for n, rep in enumerate(representatives) if rep in attendees] for who, attendees in attendance.items()
    }
    lists: list[list[Event]] = [[] for _ in classes]
    for event in events:
        for n in classes_of[event.who]:
            lists[n].append(event)
    return tuple(Timeline(members, tuple(lists[n])) for n, members in enumerate(classes))


@per_programme
def _group_members(programme: Programme) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(group id, name, members) of every group of two or more, largest first (a group of one is a person)."""
    members: dict[str, set[str]] = {g: set() for g in programme.groups}
    for participant in programme.participants.values():
        for group in participant.groups:
            members.setdefault(group, set()).add(participant.id)
    rows = [
        (gid, programme.groups[gid].name, frozenset(ids))
        for gid, ids in members.items()
        if len(ids) > 1 and gid in programme.groups
    ]
    order = {gid: n for n, gid in enumerate(programme.groups)}
    rows.sort(key=lambda row: (-len(row[2]), order[row[0]]))
    return tuple(rows)


@per_programme
def positions(programme: Programme) -> dict[int, int]:
    """Each event's place in `in_order`, by `id()`: pairs and timelines are put back in programme order by it."""
    return {id(e): n for n, e in enumerate(in_order(programme))}


@per_programme
def _label_cache(programme: Programme) -> dict[frozenset[str], tuple[str, ...]]:
    return {}


@per_programme
def _file_order(programme: Programme) -> tuple[dict[str, int], dict[frozenset[str], tuple[str, ...]]]:
    """Each participant's place in the file, and the sets already put in that order (findings repeat a few sets)."""
    return {pid: n for n, pid in enumerate(programme.participants)}, {}


def in_file_order(programme: Programme, ids: Iterable[str]) -> tuple[str, ...]:
    """Participant ids, each once, in the order the file lists the participants."""
    wanted = frozenset(ids)
    place, known = _file_order(programme)
    found = known.get(wanted)
    if found is None:
        found = known[wanted] = tuple(sorted((pid for pid in wanted if pid in place), key=place.__getitem__))
    return found


def labels(programme: Programme, ids: Iterable[str]) -> tuple[str, ...]:
    """Names for a set of participants: a group's name where all its members are in, else people's names.

    Groups come first, then people, each in the order of the file.
    """
    wanted = frozenset(ids)
    cache = _label_cache(programme)
    if wanted in cache:
        return cache[wanted]
    covered: set[str] = set()
    named: set[str] = set()
    for gid, _name, members in _group_members(programme):
        # Largest first, so that a group inside a named one is not named again.
        if members <= wanted and not members <= covered:
            named.add(gid)
            covered |= members
    groups = [g.name for gid, g in programme.groups.items() if gid in named]
    people = [p.name for pid, p in programme.participants.items() if pid in wanted and pid not in covered]
    result = tuple(groups + people)
    cache[wanted] = result
    return result


def holds(outer: Event, inner: Event) -> bool:
    """Whether `inner` is part of the excursion `outer`: it happens within its hours."""
    return outer.kind is Kind.EXCURSION and outer.start <= inner.start and inner.end <= outer.end


def optional_in(programme: Programme, who: frozenset[str], *events: Event) -> frozenset[str]:
    """Those of `who` for whom attending one of `events` is optional: no hard booking for them."""
    out: frozenset[str] = frozenset()
    for event in events:
        if event.optional or event.optional_all:
            out |= programme.optional(event) & who
    return out
