"""Which events a reader wants, and on which days they fall in the zone they read in.

`tz` None reads every event in its own zone: a day is then the local day where the
group is, so a Friday evening in Los Angeles stays on Friday whatever the programme's zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, tzinfo
from typing import NamedTuple

from itinerary.model import Event, Kind, Programme
from itinerary.timeutil import wall


class Day(NamedTuple):
    date: date
    cities: tuple[str, ...]
    events: tuple[Event, ...]
    nights: tuple[Event, ...]
    """Stays that cover the night after this day but did not start on it."""


def local_date(instant: datetime, tz: tzinfo | None) -> date:
    return wall(instant, tz).date()


def event_date(event: Event, tz: tzinfo | None) -> date:
    """The day an event is on: an all-day item keeps its own date in any zone."""
    return event.start.date() if event.all_day else local_date(event.start, tz)


def by_day(programme: Programme, events: Iterable[Event], tz: tzinfo | None, only: date | None = None) -> list[Day]:
    """Events grouped by the day they start on in `tz` (or where they happen), for every day of the visit.

    Days outside the programme's dates appear too when an event falls on them (a flight
    that lands after midnight), so nothing is hidden.
    """
    on: dict[date, list[Event]] = {day: [] for day in programme.days()}
    outs: dict[date, list[Event]] = {}
    stays = []
    for event in events:
        on.setdefault(event_date(event, tz), []).append(event)
        if event.kind is Kind.HOTEL:
            stays.append(event)
            if not event.all_day:
                outs.setdefault(local_date(event.end, tz), []).append(event)
    days = []
    for day in sorted(on):
        if only is not None and day != only:
            continue
        todays = tuple(sorted(on[day], key=lambda e: not e.all_day))
        nights = tuple(e for e in stays if covers_night(e, day, tz) and event_date(e, tz) != day)
        # Where the group is that day: where it checks out and goes, else where it sleeps.
        cities = programme.cities(day, (*outs.get(day, ()), *todays) or nights)
        days.append(Day(day, cities, todays, nights))
    return days


def covers_night(stay: Event, day: date, tz: tzinfo | None) -> bool:
    """Whether the stay holds the night after `day` (read at 23:59 in `tz`, or in the stay's zone)."""
    zone = tz or stay.start.tzinfo
    night = datetime.combine(day, time(23, 59), tzinfo=zone)
    return stay.start <= night < stay.end
