"""Which events a reader wants, and on which days they fall in the zone they read in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from itinerary.model import Event, Kind, Programme


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    cities: tuple[str, ...]
    events: tuple[Event, ...]
    nights: tuple[Event, ...]
    """Stays that cover the night after this day but did not start on it."""


def local_date(instant: datetime, tz: tzinfo) -> date:
    return instant.astimezone(tz).date()


def by_day(programme: Programme, events: Iterable[Event], tz: tzinfo, only: date | None = None) -> list[Day]:
    """Events grouped by the day they start on in `tz`, for every day of the visit.

    Days outside the programme's dates appear too when an event falls on them (a flight
    that lands after midnight), so nothing is hidden.
    """
    chosen = list(events)
    dates = set(programme.days())
    dates.update(local_date(e.start, tz) for e in chosen)
    days = []
    for day in sorted(dates):
        if only is not None and day != only:
            continue
        todays = tuple(e for e in chosen if local_date(e.start, tz) == day)
        night = datetime(day.year, day.month, day.day, 23, 59, tzinfo=tz)
        nights = tuple(
            e for e in chosen if e.kind is Kind.HOTEL and e.start <= night < e.end and local_date(e.start, tz) != day
        )
        days.append(Day(day, programme.cities(day, todays), todays, nights))
    return days
