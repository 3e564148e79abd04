"""`no-lodging`: a visitor who spends a night of the visit with no hotel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.shared import shared
from itinerary.checks.timeline import in_file_order, labels, occupies, positions
from itinerary.model import Event, Kind, Programme
from itinerary.timeutil import zone

NIGHT_HOUR = 3
"""A night counts as covered when a stay runs through 03:00 of the next morning."""


def no_lodging(programme: Programme) -> Iterator[Finding]:
    """A visitor who is at the visit across a night that no hotel stay of theirs covers (see `unlodged`)."""
    for day, (evening, who, stays) in unlodged(programme).items():
        yield _finding(programme, day, evening, who, stays)


def unlodged(programme: Programme) -> dict[date, tuple[Event, set[str], list[Event]]]:
    """Each night without lodging: the evening's last event, everyone concerned, and the stays (of the first
    of them, by id).

    Only visitors are checked: participants with a hotel stay somewhere in the
    programme, or whose first item is a flight, train, coach or ferry (they arrive). Others are taken
    to live there. A night is checked when the participant has events before and after
    it, is not on a leg at 03:00 (a night flight or sleeper train), and did not end the
    evening at a venue in another zone (at home, before flying out).

    Worked out on the shared timelines (checks.shared): what each night holds is found once
    for the events everyone of the same groups attends, then only each person's own events
    are looked at again.
    """
    tz = zone(programme.timezone)
    nights = [
        (day, datetime(day.year, day.month, day.day, NIGHT_HOUR, tzinfo=tz) + timedelta(days=1))
        for day in programme.days()
    ]
    order = positions(programme)
    found: list[tuple[frozenset[str], list[tuple[date, Event, list[Event]]]]] = []
    for timeline in shared(programme):
        base = _Nights(timeline.base, nights, order)
        rest = timeline.participants.difference(*(own.participants for own in timeline.own))
        found += [(own.participants, _uncovered(base, own.extra, nights, programme.timezone)) for own in timeline.own]
        if rest:
            found.append((rest, _uncovered(base, (), nights, programme.timezone)))
    missing: dict[date, tuple[Event, set[str], list[Event]]] = {}
    for people, uncovered in sorted(found, key=lambda item: min(item[0])):
        for day, evening, stays in uncovered:
            if day not in missing:
                missing[day] = (evening, set(), stays)
            missing[day][1].update(people)
    return dict(sorted(missing.items(), key=lambda item: item[0]))


def _busy(events: Iterable[Event]) -> list[Event]:
    return [e for e in events if occupies(e) and not e.all_day]


class _Nights:
    """A base timeline, night by night: the evening's last event, and whether a leg or a stay runs at 03:00."""

    def __init__(self, events: tuple[Event, ...], nights: list[tuple[date, datetime]], order: dict[int, int]) -> None:
        self.order = order
        self.events = events
        self.busy = _busy(events)
        self.stays = [e for e in events if e.kind is Kind.HOTEL]
        self.evening = evenings(self.busy, nights, order)
        legs = [e for e in self.busy if e.kind.is_leg]
        self.on_leg = [any(e.start <= night < e.end for e in legs) for _, night in nights]
        self.in_stay = [any(s.start <= night < s.end for s in self.stays) for _, night in nights]

    def later(self, a: Event | None, b: Event | None) -> Event | None:
        """Of two events, the one that comes later in the programme."""
        if a is None or b is None:
            return a or b
        return a if self.order[id(a)] > self.order[id(b)] else b


def evenings(busy: list[Event], nights: list[tuple[date, datetime]], order: dict[int, int]) -> list[Event | None]:
    """For each night, the busy event that ends last by then (the later in the programme of two that end together)."""
    by_end = sorted(busy, key=lambda e: (e.end, order[id(e)]))
    out: list[Event | None] = []
    ended, evening = 0, None
    for _, night in nights:
        # The nights come in order, so one pass over the events by end finds each evening's last event.
        while ended < len(by_end) and by_end[ended].end <= night:
            evening, ended = by_end[ended], ended + 1
        out.append(evening)
    return out


def _uncovered(
    base: _Nights, extra: tuple[Event, ...], nights: list[tuple[date, datetime]], home: str
) -> list[tuple[date, Event, list[Event]]]:
    """Each night of the base timeline with `extra` spliced in that no stay covers: the day, that evening's
    last event, and the stays."""
    busy = _busy(extra)
    first = busy[0] if busy and (not base.busy or base.order[id(busy[0])] < base.order[id(base.busy[0])]) else None
    first = first or (base.busy[0] if base.busy else None)
    if first is None or not _visitor([*base.events, *extra], first):
        return []
    last = base.later(base.busy[-1] if base.busy else None, busy[-1] if busy else None)
    assert last is not None
    legs = [e for e in busy if e.kind.is_leg]
    own_stays = [e for e in extra if e.kind is Kind.HOTEL]
    stays = sorted([*base.stays, *own_stays], key=lambda e: base.order[id(e)])
    own_evenings = evenings(busy, nights, base.order)
    out = []
    for index, (day, night) in enumerate(nights):
        evening = _last_ending(base, base.evening[index], own_evenings[index])
        if evening is None or last.start < night:
            continue
        if base.on_leg[index] or any(e.start <= night < e.end for e in legs):
            continue
        place = evening.place_at_end
        if place is not None and place.timezone != home:
            continue
        if base.in_stay[index] or any(s.start <= night < s.end for s in own_stays):
            continue
        out.append((day, evening, stays))
    return out


def _last_ending(base: _Nights, a: Event | None, b: Event | None) -> Event | None:
    if a is None or b is None:
        return a or b
    return max(a, b, key=lambda e: (e.end, base.order[id(e)]))


def _finding(programme: Programme, day: date, evening: Event, who: set[str], stays: list[Event]) -> Finding:
    following = day + timedelta(days=1)
    closing = [s for s in stays if s.end.date() == day]
    suggestion = (
        f"extend {words.title(closing[-1])} to `until: {following}`"
        if closing
        else f"add a `kind: hotel` stay under {day} with `until: {following}`"
    )
    return Finding(
        code="L401",
        severity="warning",
        kind="no-lodging",
        message=(
            f"no hotel for the night of {words.day(day)} to {words.day(following)}: "
            f"the day ends with {words.title(evening)} "
            f"and the programme goes on the next day"
        ),
        suggestion=suggestion,
        sources=(evening.source,),
        events=(evening.id,),
        participants=labels(programme, who),
        participant_ids=in_file_order(programme, who),
    )


def _visitor(events: Iterable[Event], first: Event) -> bool:
    """Someone with a hotel stay, or whose first busy item brings them (a flight, train, coach or ferry)."""
    return any(e.kind is Kind.HOTEL for e in events) or first.kind in (Kind.FLIGHT, Kind.TRAIN, Kind.COACH, Kind.FERRY)
