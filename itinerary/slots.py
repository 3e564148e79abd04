"""Where a meeting still fits: free windows shared by a set of people, travel there and back included.

A window is usable for a person only if they can get from where their previous event
ends to the meeting's venue, and from there to their next event, with the same
estimates and buffer as `check`. Without a venue, each place one of them is at that
day is tried, and windows where fewer people have to move come first.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import chain, pairwise

from itinerary import travel
from itinerary.model import Event, Programme, Venue
from itinerary.timeutil import parse_hhmm, zone
from itinerary.whereabouts import LONG, NEAR, Leg, Timeline, leg

EVERYONE = ""
"""The one timeline of a programme without participants (a calendar draft)."""


@dataclass(frozen=True, slots=True)
class Request:
    people: frozenset[str]
    days: tuple[date, ...]
    length: timedelta
    hours: tuple[int, int]
    """Working hours as minutes after midnight (9 * 60, 18 * 60); 24 * 60 is the end of the day."""
    venue: Venue | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """From `start` to `end` all of them can be at `venue`; the meeting can start anywhere up to `end - length`."""

    start: datetime
    end: datetime
    venue: Venue | None
    moving: frozenset[str]
    """Who has to travel to get there."""
    unchecked: tuple[str, ...] = ()
    """Trips that could not be estimated (a venue without coordinates): the window assumes they are quick."""
    all_day: tuple[str, ...] = ()
    """Titles of that day's all-day items for them (they block no hours, but may matter)."""
    skips: tuple[str, ...] = ()
    """Optional events of theirs the window overlaps: free only if they skip them."""

    @property
    def span(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class _Piece:
    start: datetime
    end: datetime
    moving: frozenset[str]
    unchecked: tuple[str, ...]


def find(programme: Programme, request: Request) -> list[Slot]:
    """Every usable window of at least `request.length`, best first (fewest moving, then most slack, then earliest).

    Windows that open only if someone skips an event optional for them come too, after
    the others and saying what they skip, unless a window without skipping holds them.
    """
    kept = _windows(programme, request, skip_optional=False)
    optional = _optional(programme, request.people)
    if optional:
        loose = _windows(programme, request, skip_optional=True)
        kept += [
            replace(slot, skips=_overlapping(optional, slot))
            for slot in loose
            if not any(k.venue == slot.venue and k.start <= slot.start and slot.end <= k.end for k in kept)
        ]
    kept.sort(key=lambda s: (len(s.moving), bool(s.skips), bool(s.unchecked), -s.span, s.start))
    return kept


def _windows(programme: Programme, request: Request, *, skip_optional: bool) -> list[Slot]:
    bookings = _Bookings(programme, request.people, skip_optional)
    legs = _Legs(programme)
    found: list[Slot] = []
    for day in request.days:
        events = bookings.around(day)
        # People booked by the same events (around that day) share one timeline: worked out once, moving together.
        alike: dict[tuple[int, ...], list[str]] = {}
        for person in sorted(request.people):
            alike.setdefault(tuple(map(id, events[person])), []).append(person)
        timelines = {frozenset(people): Timeline.of(events[people[0]]) for people in alike.values()}
        tz = _zone_of_day(programme, timelines.values(), day, request.venue)
        window = (_at(day, request.hours[0], tz), _at(day, request.hours[1], tz))
        places: list[Venue | None] = [request.venue] if request.venue else list(_places(timelines.values(), window))
        days = _days(timelines, window)
        for place in places or [None]:
            pieces = [_free(gaps, who, window, place, legs) for who, gaps in days]
            whole = _all_day(timelines.values(), day)
            found += [_slot(p, place, whole) for p in _common(pieces) if p.end - p.start >= request.length]
    return found


Came = tuple[Venue | None, Event | None]
Gap = tuple[datetime, datetime, Came, Event | None]
"""Free from, free until, (where they come from, the event that put them there), the next event."""


def _days(
    timelines: Mapping[frozenset[str], Timeline], window: tuple[datetime, datetime]
) -> list[tuple[frozenset[str], list[Gap]]]:
    """The gaps of each timeline within the window, timelines with the same gaps that day as one (people whose own
    events are on other days are free when their group is): the windows of each are worked out once per place."""
    merged: dict[tuple[tuple[datetime, datetime, int, int, int], ...], tuple[set[str], list[Gap]]] = {}
    for who, timeline in timelines.items():
        gaps = list(_gaps(timeline, window))
        key = tuple((start, end, id(came[0]), id(came[1]), id(then)) for start, end, came, then in gaps)
        merged.setdefault(key, (set(), gaps))[0].update(who)
    return [(frozenset(who), gaps) for who, gaps in merged.values()]


class _Legs:
    """Trips between venues, each pair worked out once (a day's gaps ask for the same few pairs again and again)."""

    def __init__(self, programme: Programme) -> None:
        self.programme = programme
        self.entries = travel.table(programme)
        self.known: dict[tuple[int, int], tuple[timedelta | None, bool, Leg]] = {}

    def __call__(self, origin: Venue, target: Venue) -> tuple[timedelta | None, bool]:
        """(time needed, None when it cannot be told; whether anyone moves)."""
        key = (id(origin), id(target))
        found = self.known.get(key)
        if found is None:
            # The leg holds both venues, so their ids stay theirs while the cache lives.
            there = leg(self.programme, origin, target, self.entries)
            found = self.known[key] = (there.needed, there.moves, there)
        return found[0], found[1]


AROUND = (timedelta(days=2), timedelta(days=3))
"""What a day's windows can depend on: the events that end no earlier than two days before its midnight (UTC)
and start no later than three days after it. Where someone comes from is where the last event of that (local)
day ended, or the hotel: an earlier end counts as none. A next event later than that is another day's: they
may go anywhere first, as when there is none."""


class _Bookings:
    """What books each of `people`: the events they attend, less those optional for them when they may skip
    them; asked day by day, of the events around that day only (a day of 50,000 events reads a few hundred)."""

    def __init__(self, programme: Programme, people: Iterable[str], skip_optional: bool) -> None:
        self.programme, self.people, self.skip_optional = programme, frozenset(people), skip_optional
        events = programme.events
        self.sorted = all(a.start <= b.start for a, b in pairwise(events))
        self.starts = [e.start for e in events] if self.sorted else []
        self.long = [n for n, e in enumerate(events) if e.end - e.start > LONG or e.end < e.start]
        by_who = programme.attendance()
        # Whose lists an event goes to depends on its `who` alone: worked out once per distinct `who`.
        self.booked = {
            key: [who for who in attendees if who in self.people and who != EVERYONE]
            for key, attendees in by_who.items()
        }

    def around(self, day: date) -> dict[str, tuple[Event, ...]]:
        events = self.programme.events
        midnight = datetime.combine(day, time(0), UTC)
        since, until = midnight - AROUND[0], midnight + AROUND[1]
        if self.sorted:  # the short events that may end by `since` started within NEAR of it; the long ones apart
            first, last = bisect_left(self.starts, since - NEAR), bisect_right(self.starts, until)
            chosen = [events[n] for n in self.long if n < first] + list(events[first:last])
        else:
            chosen = list(events)
        return self.of([e for e in chosen if e.end >= since and e.start <= until])

    def of(self, events: list[Event]) -> dict[str, tuple[Event, ...]]:
        lists: dict[str, list[Event]] = {who: [] for who in self.people if who != EVERYONE}
        for event in events:
            skipping = self.programme.optional(event) if self.skip_optional else frozenset()
            for who in self.booked[event.who]:
                if who not in skipping:
                    lists[who].append(event)
        out = {who: tuple(found) for who, found in lists.items()}
        if EVERYONE in self.people:
            out[EVERYONE] = tuple(events)
        return out


def _overlapping(events: tuple[Event, ...], slot: Slot) -> tuple[str, ...]:
    return tuple(dict.fromkeys(e.title for e in events if e.start < slot.end and e.end > slot.start))


def _optional(programme: Programme, people: frozenset[str]) -> tuple[Event, ...]:
    return tuple(e for e in programme.events if not e.background and not e.all_day and programme.optional(e) & people)


def _zone_of_day(programme: Programme, timelines: Iterable[Timeline], day: date, venue: Venue | None) -> tzinfo:
    """The venue's zone, else the zone of the first event they have that day (where they are), else the programme's."""
    if venue is not None:
        return zone(venue.timezone)
    # A start on that wall date is within a day and a half of its midnight in UTC, whatever its zone.
    midnight = datetime.combine(day, time(0), UTC)
    since, until = midnight - timedelta(days=2), midnight + timedelta(days=3)
    for timeline in timelines:
        for event in timeline.busy[bisect_left(timeline.starts, since) : bisect_right(timeline.starts, until)]:
            if event.start.date() == day:
                tz = event.start.tzinfo
                assert tz is not None
                return tz
    return zone(programme.timezone)


def _at(day: date, minutes: int, tz: tzinfo) -> datetime:
    """The wall-clock time `minutes` after midnight of `day` in `tz` (24 * 60 is the next midnight)."""
    return datetime.combine(day, time(0), tz) + timedelta(minutes=minutes)


def _places(timelines: Iterable[Timeline], window: tuple[datetime, datetime]) -> list[Venue]:
    """The venues any of them is at, arrives at or leaves from during the window, in order of time."""
    seen: dict[tuple[str, tuple[float, float] | None], Venue] = {}
    for timeline in timelines:
        here, _ = timeline.place(window[0])
        candidates = [here] + [
            v for e in timeline.near(*window) if e.end >= window[0] for v in (e.place_at_start, e.place_at_end)
        ]
        for venue in candidates:
            if venue is not None:
                seen.setdefault((venue.id, venue.geo), venue)
    return list(seen.values())


def _free(
    gaps: list[Gap], who: frozenset[str], window: tuple[datetime, datetime], place: Venue | None, legs: _Legs
) -> list[_Piece]:
    """The parts of `window` in which `who` (people of one timeline) can be at `place`, with travel from before
    and to after."""
    out: list[_Piece] = []
    for start, end, came, then in gaps:
        moving, unchecked = False, list[str]()
        if then is not None and then.start.astimezone(window[1].tzinfo).date() > window[0].date():
            then = None  # the next event is another day's: overnight they can go anywhere first
        if place is not None:
            after = then.place_at_start if then is not None else None
            # Nobody knows where they are (they live here, or came in with no event): near where they go next.
            before = came[0] if came[0] is not None or came[1] is not None else after
            if before is not None:
                needed, moving = legs(before, place)
                start += needed or timedelta(0)
                unchecked += [] if needed is not None else [f"{before.name} to {place.name}"]
            elif came[1] is not None:
                unchecked.append(f"'{came[1].title}' has no venue")
            if after is not None:
                needed, _ = legs(place, after)
                end -= needed or timedelta(0)
                unchecked += [] if needed is not None else [f"{place.name} to {after.name}"]
            elif then is not None:
                unchecked.append(f"'{then.title}' has no venue")
        start, end = max(start, window[0]), min(end, window[1])
        if start < end:
            out.append(_Piece(start, end, who if moving else frozenset(), tuple(unchecked)))
    return out


def _gaps(
    timeline: Timeline, window: tuple[datetime, datetime]
) -> Iterable[tuple[datetime, datetime, Came, Event | None]]:
    """(free from, free until, (where they come from, the event that put them there), the next event) per gap."""
    cursor, came = window[0], timeline.place(window[0])
    for event in chain(timeline.running(window[0]), timeline.later(window[0])):
        if event.start > cursor:
            yield cursor, event.start, came, event
        if event.start >= window[1]:
            return
        if event.end > cursor:
            cursor, came = event.end, (event.place_at_end, event)
    if cursor < window[1]:
        yield cursor, window[1], came, None


def _common(per_person: Sequence[list[_Piece]]) -> list[_Piece]:
    """The windows in which every person is free: intersections of their sorted pieces."""
    if not per_person:
        return []
    common = per_person[0]
    for pieces in per_person[1:]:
        merged: list[_Piece] = []
        i = j = 0
        while i < len(common) and j < len(pieces):
            a, b = common[i], pieces[j]
            start, end = max(a.start, b.start), min(a.end, b.end)
            if start < end:
                merged.append(_Piece(start, end, a.moving | b.moving, a.unchecked + b.unchecked))
            if a.end <= b.end:
                i += 1
            else:
                j += 1
        common = merged
    return common


def _slot(piece: _Piece, place: Venue | None, whole: tuple[str, ...]) -> Slot:
    return Slot(piece.start, piece.end, place, piece.moving, tuple(dict.fromkeys(piece.unchecked)), whole)


def _all_day(timelines: Iterable[Timeline], day: date) -> tuple[str, ...]:
    titles = (
        e.title + (" (time to be confirmed)" if e.tbc else "")
        for t in timelines
        for e in t.whole_days
        if e.start.date() <= day < e.end.date()
    )
    return tuple(dict.fromkeys(titles))


_LENGTH = re.compile(r"^\s*(?:(\d+)\s*h(?:ours?)?)?\s*(?:(\d+)\s*(?:m|min|mins|minutes?)?)?\s*$")


def parse_length(text: str) -> timedelta:
    """'60', '90 min', '1h', '1h30' -> a duration of at least a minute."""
    match = _LENGTH.match(text)
    if not match or not any(match.groups()):
        raise ValueError(f"{text!r} is not a length (minutes, or hours and minutes: 60, 1h, 1h30)")
    hours, minutes = (int(g) if g else 0 for g in match.groups())
    total = timedelta(hours=hours, minutes=minutes)
    if not timedelta(minutes=1) <= total <= timedelta(days=1):
        raise ValueError(f"{text!r}: a meeting lasts between 1 minute and 24 hours")
    return total


def parse_hours(text: str) -> tuple[int, int]:
    """'09:00-18:00' -> (540, 1080), minutes after midnight; '24:00' ends the day."""
    parts = text.replace("–", "-").split("-")
    if len(parts) != 2:
        raise ValueError(f"{text!r} is not working hours (HH:MM-HH:MM)")
    start, end = (h * 60 + m for h, m in map(parse_hhmm, parts))
    if start >= end:
        raise ValueError(f"{text!r}: the hours must end after they start")
    return start, end
