"""Timelines shared by everyone of the same groups, with each person's own events spliced in.

Most events name whole groups; a few name a person too (a speaker, an interpreter).
Worked out per person, every such name makes one more timeline to sweep, and the work
grows with events x people. Here the events a whole set of people attend (everyone of
the same groups) make one `base` sweep, done once; a person's own events are then
spliced in, and only the few pairs around each of them are worked out again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from itinerary.checks.timeline import in_order, per_programme, positions
from itinerary.model import Event, Programme

Pairs = dict[tuple[int, int], tuple[Event, Event, set[str]]]
"""Two events (by id), in the order of the programme, and everyone for whom the second follows (or overlaps) the first."""


@dataclass(frozen=True, slots=True)
class Own:
    """People of a shared timeline who also attend `extra` (named in person), in programme order."""

    participants: frozenset[str]
    extra: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Shared:
    """People of the same groups: the events they all attend (`base`), and who attends more."""

    participants: frozenset[str]
    base: tuple[Event, ...]
    own: tuple[Own, ...]


@per_programme
def shared(programme: Programme) -> tuple[Shared, ...]:
    """Everyone's timeline as a few shared ones. An event is in the base of a set of people when
    all of them attend it, else it is an extra of each of them who does: right whatever decides
    attendance, and fast when that is mostly by group."""
    events = in_order(programme)
    sets: dict[frozenset[str], list[str]] = {}
    for pid, participant in programme.participants.items():
        sets.setdefault(frozenset(participant.groups), []).append(pid)
    people = [frozenset(ids) for ids in sets.values()]
    # Per distinct `who`, once: the sets of people it covers whole, and those it names in part.
    whole: dict[tuple[str, ...] | None, list[int]] = {}
    part: dict[tuple[str, ...] | None, list[tuple[int, frozenset[str]]]] = {}
    for event in events:
        if event.who not in whole:
            attendees = programme.attendees(event)
            whole[event.who] = [n for n, members in enumerate(people) if members <= attendees]
            part[event.who] = [
                (n, members & attendees)
                for n, members in enumerate(people)
                if not members <= attendees and not members.isdisjoint(attendees)
            ]
    bases: list[list[Event]] = [[] for _ in people]
    extras: list[dict[str, list[Event]]] = [{} for _ in people]
    for event in events:
        for n in whole[event.who]:
            bases[n].append(event)
        for n, named in part[event.who]:
            for pid in named:
                extras[n].setdefault(pid, []).append(event)
    return tuple(_shared(members, base, extra) for members, base, extra in zip(people, bases, extras, strict=True))


def _shared(people: frozenset[str], base: list[Event], extra: dict[str, list[Event]]) -> Shared:
    """People who attend the same extra events share them too."""
    by_extra: dict[tuple[int, ...], tuple[tuple[Event, ...], set[str]]] = {}
    for pid, own in extra.items():
        by_extra.setdefault(tuple(map(id, own)), (tuple(own), set()))[1].add(pid)
    return Shared(people, tuple(base), tuple(Own(frozenset(who), own) for own, who in by_extra.values()))


class Sweep(Protocol):
    """One sweep of a base timeline, kept so that each person's extra events are spliced into it."""

    pairs: list[tuple[Event, Event]]

    def splice(self, extra: list[Event], at: list[int]) -> Iterable[tuple[Event, Event, bool]]:
        """Pairs that change once `extra` (each before base event `at[i]`) is spliced in: (first, second, add),
        `add` False for a pair of the base that no longer holds."""
        ...


def sweep(programme: Programme, keep: Callable[[Event], bool], start: Callable[[list[Event]], Sweep]) -> Pairs:
    """Pairs of events for everyone: each base swept once, each set of people's extra events spliced in."""
    order = positions(programme)
    found: Pairs = {}
    for timeline in shared(programme):
        base = [e for e in timeline.base if keep(e)]
        state = start(base)
        for first, second in state.pairs:
            found.setdefault((id(first), id(second)), (first, second, set()))[2].update(timeline.participants)
        places = [order[id(e)] for e in base]
        for own in timeline.own:
            extra = [e for e in own.extra if keep(e)]
            if not extra:
                continue
            at = [bisect_right(places, order[id(e)]) for e in extra]
            for first, second, add in state.splice(extra, at):
                if add:
                    found.setdefault((id(first), id(second)), (first, second, set()))[2].update(own.participants)
                else:
                    found[(id(first), id(second))][2].difference_update(own.participants)
    return found


def in_programme_order(programme: Programme, found: Pairs) -> Iterator[tuple[Event, Event, frozenset[str]]]:
    """The pairs someone still has, by the position of their events in the programme."""
    order = positions(programme)
    for key in sorted(found, key=lambda pair: (order[pair[0]], order[pair[1]])):
        first, second, who = found[key]
        if who:
            yield first, second, frozenset(who)
