"""Where someone is at a moment, and how long it takes them to get somewhere: shared by `next` and `slots`.

A person's timeline is the busy events they attend (not hotel stays, not all-day
items), in order. Between two events they are where the last one ended, except that
overnight they go back to the hotel they are staying at.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from operator import attrgetter

from itinerary import travel
from itinerary.model import Event, Kind, Programme, TravelTime, Venue


@dataclass(frozen=True)
class Timeline:
    """One person's (or group's) events, ready to be asked where they are.

    Each question reads only the events near `at` (found by bisection), so that asking about every day of
    a long programme does not read it from its start each time.
    """

    busy: tuple[Event, ...]
    stays: tuple[Event, ...]
    starts: tuple[datetime, ...]
    whole_days: tuple[Event, ...] = ()
    """All-day items that are not background: they take no hours, but a planner wants to see them."""

    @classmethod
    def of(cls, events: Iterable[Event]) -> Timeline:
        chosen = sorted(events, key=attrgetter("start", "end"))
        busy = tuple(e for e in chosen if not e.background and not e.all_day)
        stays = tuple(e for e in chosen if e.kind is Kind.HOTEL)
        whole_days = tuple(e for e in chosen if e.all_day and not e.background)
        return cls(busy, stays, tuple(e.start for e in busy), whole_days)

    @cached_property
    def long(self) -> tuple[int, ...]:
        """Places in `busy` of the few events that last more than a day on the clock (or end before they start):
        the others that run at a moment started within `NEAR` of it."""
        return tuple(n for n, e in enumerate(self.busy) if e.end - e.start > LONG or e.end < e.start)

    def near(self, since: datetime, until: datetime) -> list[Event]:
        """In order, every event started by `until` that ends at `since` or later, and a few that end before
        (short ones that started within `NEAR` of `since`)."""
        upto = bisect_right(self.starts, until)
        first = bisect_left(self.starts, since.astimezone(UTC) - NEAR, 0, upto)
        return [self.busy[n] for n in self.long if n < first] + list(self.busy[first:upto])

    def running(self, at: datetime) -> tuple[Event, ...]:
        """Events under way at `at` (started, not ended)."""
        return tuple(e for e in self.near(at, at) if e.end > at)

    def last_before(self, at: datetime) -> Event | None:
        """The event that ended last by `at` (the one they came from; the first of those that end together)."""
        upto = bisect_right(self.starts, at)
        ended = {n for n in self.long if n < upto and self.busy[n].end <= at}
        latest, since = None, None
        for n in range(upto - 1, -1, -1):
            event = self.busy[n]
            if since is not None and event.start < since:
                break  # this and those before it, if short, end before the latest end: the long ones are in
            if event.end <= at:
                ended.add(n)
                if latest is None or event.end > latest:
                    latest, since = event.end, event.end.astimezone(UTC) - NEAR
        return max((self.busy[n] for n in sorted(ended)), key=lambda e: e.end, default=None)

    def following(self, at: datetime) -> tuple[Event, ...]:
        """Events starting after `at`, in order."""
        return self.busy[bisect_right(self.starts, at) :]

    def later(self, at: datetime) -> Iterator[Event]:
        """`following`, one by one: only as many as are asked for are read."""
        busy = self.busy
        return (busy[n] for n in range(bisect_right(self.starts, at), len(busy)))

    def stay_at(self, at: datetime) -> Event | None:
        """The hotel stay that covers `at`, if any (the last of them)."""
        for n in range(bisect_right(self.starts_of_stays, at) - 1, -1, -1):
            if at < self.stays[n].end:
                return self.stays[n]
        return None

    @cached_property
    def starts_of_stays(self) -> tuple[datetime, ...]:
        return tuple(s.start for s in self.stays)

    def place(self, at: datetime) -> tuple[Venue | None, Event | None]:
        """(where they are at `at`, the event that put them there) between events.

        On the day of an event they are where it ended (a dinner runs late, the hotel
        can wait); the next morning at the hotel they stay at, or nobody knows where
        (someone who lives in the city is at home).
        """
        last = self.last_before(at)
        stay = self.stay_at(at)
        overnight = last is None or last.end.astimezone(at.tzinfo).date() < at.date()
        if stay is not None and stay.venue is not None and (overnight or last is None or last.end <= stay.start):
            return stay.venue, stay
        if last is None or overnight:
            return None, None
        return last.place_at_end, last


@dataclass(frozen=True, slots=True)
class Leg:
    """A trip someone has to make, told as check tells it: the estimate with its buffer."""

    origin: Venue
    target: Venue
    trip: travel.Trip | None
    """None when it cannot be told (a venue without coordinates)."""

    @property
    def needed(self) -> timedelta | None:
        return None if self.trip is None else timedelta(minutes=self.trip.needed)

    @property
    def moves(self) -> bool:
        return not travel.same_place(self.origin, self.target)


def leg(programme: Programme, origin: Venue, target: Venue, entries: Mapping[frozenset[str], TravelTime]) -> Leg:
    return Leg(origin, target, travel.trip(origin, target, programme.travel_settings, entries))


LONG = timedelta(days=1)
"""Events longer than this on the clock (end less start, as Python subtracts them) are few (a night train,
an excursion): kept apart."""
NEAR = timedelta(days=3)
"""The others last at most a day and 26 hours (UTC offsets run from -12:00 to +14:00, so a clock is never
more than that off the time that passes): any of them that runs at a moment started within this of it."""
