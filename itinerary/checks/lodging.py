"""`no-lodging`: a visitor who spends a night of the visit with no hotel."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

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
        base = _Nights(timeline.base, nights, order, programme.timezone)
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


Night = tuple[date, datetime]


def _through(spans: Iterable[Event], at: list[datetime], cut: int) -> Iterator[range]:
    """The nights (by index in `at`, before `cut`) each of `spans` runs through: start <= 03:00 < end."""
    for span in spans:
        yield range(bisect_left(at, span.start, 0, cut), bisect_left(at, span.end, 0, cut))


def _covered(spans: Iterable[Event], at: list[datetime]) -> list[bool]:
    """For each night, whether one of `spans` runs through it: marks where each starts and stops covering,
    not every span asked about every night."""
    marks = [0] * (len(at) + 1)
    for nights in _through(spans, at, len(at)):
        if nights:
            marks[nights.start] += 1
            marks[nights.stop] -= 1
    return [count > 0 for count in accumulate(marks[:-1])]


class _Nights:
    """A base timeline, night by night: the evening's last event, whether a leg or a stay runs at 03:00,
    and the nights it leaves without lodging (`open`, before anyone's last event is cut off)."""

    def __init__(self, events: tuple[Event, ...], nights: list[Night], order: dict[int, int], home: str) -> None:
        self.order = order
        self.events = events
        self.busy = _busy(events)
        self.stays = [e for e in events if e.kind is Kind.HOTEL]
        self.at = [night for _, night in nights]
        self.evening = evenings(self.busy, nights, order)
        self.keys = [_NO_EVENING if e is None else (e.end, order[id(e)]) for e in self.evening]
        """What `_last_ending` compares, night by night: it only grows."""
        self.on_leg = _covered((e for e in self.busy if e.kind.is_leg), self.at)
        self.in_stay = _covered(self.stays, self.at)
        self.open = [
            n
            for n, evening in enumerate(self.evening)
            if evening is not None and not self.on_leg[n] and not self.in_stay[n] and _at_home(evening, home)
        ]

    def later(self, a: Event | None, b: Event | None) -> Event | None:
        """Of two events, the one that comes later in the programme."""
        if a is None or b is None:
            return a or b
        return a if self.order[id(a)] > self.order[id(b)] else b


_NO_EVENING = (datetime.min.replace(tzinfo=UTC), -1)


def evenings(busy: list[Event], nights: list[Night], order: dict[int, int]) -> list[Event | None]:
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
    base: _Nights, extra: tuple[Event, ...], nights: list[Night], home: str
) -> list[tuple[date, Event, list[Event]]]:
    """Each night of the base timeline with `extra` spliced in that no stay covers: the day, that evening's
    last event, and the stays. Only the nights `extra` changes are looked at again; the others are the base's."""
    busy = _busy(extra)
    first = busy[0] if busy and (not base.busy or base.order[id(busy[0])] < base.order[id(base.busy[0])]) else None
    first = first or (base.busy[0] if base.busy else None)
    own_stays = [e for e in extra if e.kind is Kind.HOTEL]
    if first is None or not _visitor(bool(base.stays or own_stays), first):
        return []
    last = base.later(base.busy[-1] if base.busy else None, busy[-1] if busy else None)
    assert last is not None
    cut = bisect_right(base.at, last.start)  # a night after their last event starts is not theirs
    stays = sorted([*base.stays, *own_stays], key=lambda e: base.order[id(e)]) if own_stays else base.stays
    own = _Own(base, busy, own_stays, cut)
    kept = [(n, e) for n in base.open[: bisect_left(base.open, cut)] if (e := base.evening[n]) and n not in own.touched]
    for n in own.touched:
        evening = own.evening_at(n)
        if evening is None or base.on_leg[n] or n in own.on_leg or base.in_stay[n] or n in own.in_stay:
            continue
        if _at_home(evening, home):
            kept.append((n, evening))
    kept.sort(key=lambda night: night[0])
    return [(nights[n][0], evening, stays) for n, evening in kept]


class _Own:
    """A person's own events against their base: the nights they change (`touched`), and their evening on each."""

    def __init__(self, base: _Nights, busy: list[Event], stays: list[Event], cut: int) -> None:
        self.base = base
        self.on_leg = {n for nights in _through((e for e in busy if e.kind.is_leg), base.at, cut) for n in nights}
        self.in_stay = {n for nights in _through(stays, base.at, cut) for n in nights}
        # Each own event is their own evening from the first night after it ends to the next one's first night,
        # and the evening while the base's ends earlier (the base's only gets later, night by night).
        self.by_end = sorted(busy, key=lambda e: (e.end, base.order[id(e)]))
        self.firsts = [bisect_left(base.at, e.end, 0, cut) for e in self.by_end]
        self.touched = self.on_leg | self.in_stay
        for k, event in enumerate(self.by_end):
            until = self.firsts[k + 1] if k + 1 < len(self.by_end) else cut
            wins = bisect_left(base.keys, (event.end, base.order[id(event)]), self.firsts[k], until)
            self.touched.update(range(self.firsts[k], wins))

    def evening_at(self, n: int) -> Event | None:
        """The evening's last event of night `n` (see `evenings`), theirs or the base's."""
        if n not in self.touched:
            return self.base.evening[n]
        k = bisect_right(self.firsts, n) - 1
        return _last_ending(self.base, self.base.evening[n], self.by_end[k] if k >= 0 else None)


def _last_ending(base: _Nights, a: Event | None, b: Event | None) -> Event | None:
    if a is None or b is None:
        return a or b
    return max(a, b, key=lambda e: (e.end, base.order[id(e)]))


def _at_home(evening: Event, home: str) -> bool:
    """Whether the evening ends in the programme's zone (not at a venue in another, before flying out)."""
    place = evening.place_at_end
    return place is None or place.timezone == home


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


def _visitor(hotel: bool, first: Event) -> bool:
    """Someone with a hotel stay, or whose first busy item brings them (a flight, train, coach or ferry)."""
    return hotel or first.kind in (Kind.FLIGHT, Kind.TRAIN, Kind.COACH, Kind.FERRY)
