"""What now, what next, and when to leave: the question a participant asks on the day.

The leave-by time uses the same travel estimate and buffer as `check`, so the two
never disagree about whether a trip fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from itinerary import travel
from itinerary.model import Event, Programme, Venue
from itinerary.timeutil import zone
from itinerary.whereabouts import Leg, Timeline, leg


@dataclass(frozen=True, slots=True)
class Departure:
    """When to leave for the next event, or why that cannot be told."""

    target: Venue | None
    origin: Venue | None
    by: datetime | None
    """The latest moment to set off; None when it cannot be told (see `reason`)."""
    leg: Leg | None = None
    reason: str = ""
    """Why there is no leave-by time, or what the reader should know about it."""
    arrive_by: datetime | None = None
    """When to be at the target: the start, less the time to change there (a station, an airport)."""

    @property
    def moves(self) -> bool:
        return self.leg is not None and self.leg.moves


@dataclass(frozen=True, slots=True)
class Upcoming:
    at: datetime
    running: tuple[Event, ...]
    where: Venue | None
    """Where they are (between events, or at the event under way); None in transit or when unknown."""
    came_from: Event | None
    """The event that put them `where` (the last one, or the hotel stay)."""
    next: tuple[Event, ...]
    departure: Departure | None
    """None when nothing follows."""


def upcoming(programme: Programme, events: tuple[Event, ...], at: datetime, count: int = 1) -> Upcoming:
    """The events under way at `at`, the next `count` (all of those that start together), and when to leave."""
    timeline = Timeline.of(events)
    running = timeline.running(at)
    following = timeline.following(at)
    chosen = following[:count]
    if chosen:
        chosen += tuple(e for e in following[count:] if e.start == chosen[-1].start)
    where, came_from = _where(timeline, running, at)
    departure = _departure(programme, running, where, chosen[0]) if chosen else None
    return Upcoming(at, running, where, came_from, chosen, departure)


def local_zone(seen: Upcoming) -> tzinfo | None:
    """The zone where they are (or are headed next): where the moment is read when no --tz is given."""
    if seen.running:
        current = seen.running[-1]
        return current.end.tzinfo if current.kind.is_leg else current.start.tzinfo
    if seen.where is not None:
        return zone(seen.where.timezone)
    return seen.next[0].start.tzinfo if seen.next else None


def _where(timeline: Timeline, running: tuple[Event, ...], at: datetime) -> tuple[Venue | None, Event | None]:
    if running:
        current = running[-1]
        return (None, current) if current.kind.is_leg else (current.place_at_end, current)
    return timeline.place(at)


def _departure(programme: Programme, running: tuple[Event, ...], where: Venue | None, target: Event) -> Departure:
    goal = target.place_at_start
    if goal is None:
        return Departure(None, where, None, reason=f"'{target.title}' has no venue")
    arrive_by = target.start - timedelta(minutes=goal.transfer_minutes)
    origin = where
    current = running[-1] if running else None
    if origin is None and current is not None and current.kind.is_leg:
        origin = current.place_at_end
    if origin is None:
        why = f"'{current.title}' has no venue" if current is not None else "where they come from is not known"
        return Departure(goal, None, None, reason=why, arrive_by=arrive_by)
    trip = leg(programme, origin, goal, travel.table(programme))
    if trip.needed is None:
        missing = ", ".join(v.name for v in (origin, goal) if v.geo is None)
        why = f"travel time unknown: {missing} has no coordinates (geo)"
        return Departure(goal, origin, None, trip, reason=why, arrive_by=arrive_by)
    return Departure(goal, origin, target.start - trip.needed, trip, arrive_by=arrive_by)
