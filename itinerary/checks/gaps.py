"""The time between one event and the next on someone's timeline, and the trip it has to hold."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from itinerary import travel
from itinerary.checks.shared import in_programme_order, sweep
from itinerary.checks.timeline import occupies, per_programme
from itinerary.model import Event, Programme, Venue


@dataclass(frozen=True, slots=True)
class Gap:
    """`after` follows `before` for `participants`, who must get from where one ends to where the other starts."""

    before: Event
    after: Event
    participants: frozenset[str]
    trip: travel.Trip | None
    """None when it cannot be told: see `unknown`."""
    unknown: tuple[str, ...] = ()
    """Why the trip cannot be told ("'Lunch' has no venue", "Argo has no coordinates")."""

    @property
    def free(self) -> timedelta:
        """Time between the end of one and the start of the other (negative: they overlap)."""
        return self.after.start - self.before.end

    @property
    def slack(self) -> timedelta:
        """What is left of the gap once the trip (with its buffer) is made; the gap itself if the trip is unknown."""
        needed = self.trip.needed if self.trip is not None else 0
        return self.free - timedelta(minutes=needed)


def _why(before: Event, after: Event, a: Venue | None, b: Venue | None, missing: tuple[Venue, ...]) -> tuple[str, ...]:
    reasons = []
    if a is None:
        reasons.append(f"'{before.title}' has no venue" + (" to arrive at" if before.kind.is_leg else ""))
    if b is None:
        reasons.append(f"'{after.title}' has no venue" + (" to leave from" if after.kind.is_leg else ""))
    reasons += [f"{v.name} has no coordinates (geo)" for v in missing]
    return tuple(reasons)


class _Following:
    """Consecutive events of a base timeline; "previous" is the event that ends last so far.

    An extra event changes what follows it until the base's own "previous" is the same
    again: only that stretch is walked, and the pairs it changes are returned.
    """

    def __init__(self, base: list[Event]) -> None:
        self.base = base
        self.pairs: list[tuple[Event, Event]] = []
        self.holder: list[Event | None] = []
        """The "previous" after each base event."""
        previous: Event | None = None
        for event in base:
            if previous is not None:
                self.pairs.append((previous, event))
            previous = _later_end(previous, event)
            self.holder.append(previous)

    def before(self, index: int) -> Event | None:
        return self.holder[index - 1] if index else None

    def splice(self, extra: list[Event], at: list[int]) -> Iterator[tuple[Event, Event, bool]]:
        previous: Event | None = None
        index = 0
        for n, event in enumerate(extra):
            if previous is self.before(index):
                index = at[n]  # in step with the base: its pairs hold up to here
                previous = self.before(index)
            if previous is not None:
                yield previous, event, True
            previous = _later_end(previous, event)
            stop = at[n + 1] if n + 1 < len(extra) else len(self.base)
            while index < stop and previous is not self.before(index):
                current, known = self.base[index], self.before(index)
                if known is not None:
                    yield known, current, False
                if previous is not None:
                    yield previous, current, True
                previous = _later_end(previous, current)
                index += 1


def _later_end(previous: Event | None, event: Event) -> Event:
    return event if previous is None or event.end >= previous.end else previous


@per_programme
def gaps(programme: Programme) -> tuple[Gap, ...]:
    """Every pair of consecutive busy events of someone's timeline, with everyone it concerns.

    Background items (hotel stays) and all-day items do not move anyone and are passed
    over. "Consecutive" follows the event that ends last so far, so after a long meeting
    with a short one inside it, the next trip starts where the long one ends.
    """
    settings = programme.travel_settings
    entries = travel.table(programme)
    trips: dict[tuple[str, tuple[float, float] | None, str, tuple[float, float] | None], travel.Trip | None] = {}
    # The same two venue objects come back again and again: looked up by identity first (the venues
    # live as long as the programme), by what the trip depends on only the first time.
    by_object: dict[tuple[int, int], travel.Trip | None] = {}
    found = sweep(programme, lambda e: occupies(e) and not e.all_day, _Following)
    out = []
    for before, after, who in in_programme_order(programme, found):
        a, b = before.place_at_end, after.place_at_start
        if a is None or b is None:
            out.append(Gap(before, after, who, None, _why(before, after, a, b, ())))
            continue
        pair = (id(a), id(b))
        if pair in by_object:
            found_trip = by_object[pair]
        else:
            place_key = (a.id, a.geo, b.id, b.geo)
            if place_key not in trips:
                trips[place_key] = travel.trip(a, b, settings, entries)
            found_trip = by_object[pair] = trips[place_key]
        reasons = () if found_trip is not None else _why(before, after, a, b, travel.unknown(a, b, entries))
        out.append(Gap(before, after, who, found_trip, reasons))
    return tuple(out)
