"""Events that overlap in time for the same people: what `clash` reports and `estimated-end` leans on."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from itinerary.checks.shared import in_programme_order, sweep
from itinerary.checks.timeline import holds, occupies, per_programme
from itinerary.model import Event, Programme


@dataclass(frozen=True, slots=True)
class Overlap:
    """Two events that overlap in time for the same participants; `first` starts no later than `second`."""

    first: Event
    second: Event
    participants: frozenset[str]


class _Running:
    """A sort-and-sweep of a base timeline: events in order of start, each compared only with those still
    running when it starts. Whether two events overlap depends on them alone, so an extra event adds
    pairs and never undoes one: those with the base events running when it starts, and with those that
    start before it ends."""

    def __init__(self, base: list[Event]) -> None:
        self.base = base
        self.starts = [e.start for e in base]
        self.pairs: list[tuple[Event, Event]] = []
        self.running_after: list[list[Event]] = []
        running: list[Event] = []
        for event in base:
            running = [other for other in running if other.end > event.start]
            self.pairs += [(other, event) for other in running]
            running.append(event)
            self.running_after.append(running)

    def splice(self, extra: list[Event], at: list[int]) -> Iterator[tuple[Event, Event, bool]]:
        for index, (event, place) in enumerate(zip(extra, at, strict=True)):
            before = self.running_after[place - 1] if place else []
            for other in before:
                if other.end > event.start:
                    yield other, event, True
            for other in self.base[place : bisect_left(self.starts, event.end, lo=place)]:
                yield event, other, True
            for other in extra[index + 1 :]:
                if other.start >= event.end:
                    break
                yield event, other, True


@per_programme
def overlaps(programme: Programme) -> tuple[Overlap, ...]:
    """Every pair of busy events that overlap for someone, with everyone it affects. Two untimed
    (all-day) items never overlap: without times, nothing says they do; nor does an excursion with
    what happens within it (the visits it holds, the boat it takes)."""
    found = sweep(programme, occupies, _Running)
    pairs = in_programme_order(programme, found)
    return tuple(Overlap(a, b, who) for a, b, who in pairs if not _apart(a, b))


def _apart(a: Event, b: Event) -> bool:
    """Overlapping in time, yet no clash: two untimed items, or an excursion and what it holds."""
    return (a.all_day and b.all_day) or holds(a, b) or holds(b, a)
