"""A VEVENT's properties read by what each is: every value, the event's length, its days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from itinerary.importer.draft import utc

Component = Any
"""An icalendar component, or our reader's like it: its properties are a union of 30 types, read here by
what each property is."""
Calendar = Any
"""A VCALENDAR, icalendar's or our reader's."""


def values(prop: Any, attr: str = "") -> Iterator[tuple[Any, dict[str, Any]]]:
    """Each value of a property that may occur once, several times, or hold a list (EXDATE, CATEGORIES)."""
    if prop is None:
        return
    for one in prop if isinstance(prop, list) else [prop]:
        params = dict(getattr(one, "params", {}) or {})
        inner = getattr(one, attr, None) if attr else getattr(one, "dts", None)
        if inner is not None:
            for value in inner:
                yield (getattr(value, "dt", value), params)
        else:
            yield (getattr(one, "dt", one), params)


def text(component: Component, prop: str) -> str:
    """A text property with its runs of white space made single spaces ('' when absent)."""
    return " ".join(str(component.get(prop, "")).split())


def length(component: Component) -> tuple[int, timedelta] | None:
    """(days, exact time): how long the event lasts as its component says. A rule's occurrences last the
    same; days count on the wall clock, hours exactly (RFC 5545 3.3.6), across a DST change too."""
    if "DTEND" in component:
        start, end = component["DTSTART"].dt, component["DTEND"].dt
        if isinstance(start, datetime) and isinstance(end, datetime):
            if (start.tzinfo is None) != (end.tzinfo is None):
                return 0, end.replace(tzinfo=None) - start.replace(tzinfo=None)
            return 0, (utc(end) - utc(start)) if start.tzinfo else end - start
        first = start.date() if isinstance(start, datetime) else start
        last = end.date() if isinstance(end, datetime) else end
        return (last - first).days, timedelta(0)
    if "DURATION" in component:
        duration = component["DURATION"].dt
        if isinstance(duration, timedelta):
            return duration.days, duration - timedelta(days=duration.days)
    return None


def add(start: datetime, span: tuple[int, timedelta]) -> datetime:
    """`start` plus a `length`: its days on the wall clock, its hours exactly."""
    days, exact = span
    value = start
    if days:
        value = (start.replace(tzinfo=None) + timedelta(days=days)).replace(tzinfo=start.tzinfo)
        if value.tzinfo is not None:
            value = value.astimezone(UTC).astimezone(start.tzinfo)
    if exact:
        value = (value.astimezone(UTC) + exact).astimezone(value.tzinfo) if value.tzinfo else value + exact
    return value


def dated(component: Component) -> bool:
    """A whole-days event (written one item per day, so it counts once per day)."""
    return not isinstance(component["DTSTART"].dt, datetime)


def instant_key(value: object) -> object:
    """A RECURRENCE-ID as something to look up by: the instant in UTC, or the date."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC)
    return value


def as_date(value: date | datetime, tz: tzinfo) -> date:
    """The day `value` falls on in the programme's zone `tz` (a floating time's own day)."""
    if isinstance(value, datetime):
        return (value.astimezone(tz) if value.tzinfo else value).date()
    return value
