"""Every occurrence the calendar's events have in the range asked for; repeating ones through the library."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, datetime, timedelta, tzinfo
from typing import NamedTuple

from itinerary.importer.draft import CalendarError, Options
from itinerary.importer.ics.props import Calendar, Component, as_date, dated
from itinerary.importer.ics.series import Collected

MAX_ITEMS = 20_000
"""More occurrences than any visit has: a repeating event without a range, most likely."""
UNBOUNDED = timedelta(days=7)
"""How far an event that repeats forever is expanded when nothing else in the calendar bounds it."""
FOREVER_AT_MOST = timedelta(days=366)
"""Without --end, an event that repeats forever is not followed further than this from its start."""
BOUNDED_SPAN = timedelta(days=366 * 20)
"""How far a rule with COUNT or UNTIL is followed (a programme of visits spans weeks)."""


class Occurrence(NamedTuple):
    """One occurrence; `line` is its VEVENT's line for a lone event (two may share a UID), else None."""

    component: Component
    line: int | None = None


class Expansion(NamedTuple):
    occurrences: list[Occurrence]
    notes: tuple[str, ...] = ()
    cut: date | None = None
    """The last day events that repeat forever were read to, when nothing asked for bounded them."""


def too_many(name: str) -> CalendarError:
    return CalendarError(f"{name}: more than {MAX_ITEMS:,} events: choose a range with --start and --end")


def expand(name: str, calendars: list[Calendar], found: Collected, options: Options, tz: tzinfo) -> Expansion:
    """Every occurrence: a lone event is its own; only repeating ones go through the library (it is slow)."""
    forever = {uid for uid, s in found.series.items() if s.forever}
    start, end = options.start, options.end
    stop = end + timedelta(days=1) if end else None
    out: list[Occurrence] = []
    bounded: list[Component] = []
    endless: list[Component] = []
    for component, block in found.events:
        uid = str(component.get("UID", "")).strip()
        series = found.series[uid]
        if uid in forever:
            endless.append(component)
        elif series.repeats or series.overrides:
            bounded.append(component)
        elif _within(component, start, stop, tz):
            out.append(Occurrence(component, block.line))
    if bounded:
        calendar = _calendar(calendars, bounded)
        out.extend(Occurrence(c) for c in _occurrences(name, calendar, start or _earliest(calendar, tz), stop))
    notes: tuple[str, ...] = ()
    cut = None
    if forever:
        if stop is None:
            stop, note = _horizon(found, forever, [o.component for o in out], tz)
            notes, cut = (note,), stop - timedelta(days=1)
        calendar = _calendar(calendars, endless)
        out.extend(Occurrence(c) for c in _occurrences(name, calendar, start or _earliest(calendar, tz), stop))
    days = sum(
        max(1, (as_date(o.component.end, tz) - as_date(o.component.start, tz)).days) for o in out if dated(o.component)
    )
    if len(out) + days > MAX_ITEMS:
        raise too_many(name)
    return Expansion(out, notes, cut)


def _calendar(calendars: list[Calendar], events: list[Component]) -> Calendar:
    """The calendar's zones and these events, for the library to expand (only icalendar's components repeat)."""
    from icalendar import Calendar as Library

    out = Library()
    for component in (c for calendar in calendars for c in calendar.walk("VTIMEZONE")):
        out.add_component(component)
    for component in events:
        out.add_component(component)
    return out


def _horizon(found: Collected, forever: set[str], lone: list[Component], tz: tzinfo) -> tuple[date, str]:
    """Where events that repeat forever stop without --end: the end of the other events, within bounds."""
    ends = [as_date(c.end if "DTEND" in c or "DURATION" in c else c.start, tz) for c in lone]
    masters = [found.series[uid].master for uid in forever]
    starts = [as_date(m["DTSTART"].dt, tz) for m in masters if m is not None]
    horizon = max(ends) + timedelta(days=1) if ends else min(starts) + UNBOUNDED
    horizon = min(horizon, min(starts) + FOREVER_AT_MOST)
    note = (
        f"Events that repeat forever are expanded up to {horizon - timedelta(days=1)}"
        f"{' (the end of the other events)' if ends and horizon == max(ends) + timedelta(days=1) else ''}"
        "; choose another end with --end."
    )
    return horizon, note


def _within(component: Component, start: date | None, stop: date | None, tz: tzinfo) -> bool:
    """Whether a lone event overlaps the days asked for (all of them when none are)."""
    if start is None and stop is None:
        return True
    first = as_date(component.start, tz)
    last = as_date(component.end, tz) if "DTEND" in component or "DURATION" in component else first
    if isinstance(component.start, datetime) and last > first:
        last = as_date(component.end - timedelta(microseconds=1), tz)
    elif not isinstance(component.start, datetime) and last > first:
        last -= timedelta(days=1)
    return (stop is None or first < stop) and (start is None or last >= start)


def _earliest(calendar: Calendar, tz: tzinfo) -> date:
    """The day before the first DTSTART: the library's search for the first occurrence widens its
    window while it finds none, so starting far earlier makes that window years wide."""
    events: list[Component] = calendar.walk("VEVENT")
    return min(as_date(c["DTSTART"].dt, tz) for c in events) - timedelta(days=1)


def _occurrences(name: str, calendar: Calendar, start: date, stop: date | None) -> Iterator[Component]:
    from recurring_ical_events import CalendarQuery

    try:
        query = CalendarQuery(calendar, components=("VEVENT",))
        # One window: `after` and `all` page through windows that shrink to 15 minutes while they
        # find occurrences, each expanding the rule from its start again (minutes per year of an
        # hourly rule). A rule with COUNT or UNTIL stops by itself well within BOUNDED_SPAN.
        yield from itertools.islice(query.between(start, stop or start + BOUNDED_SPAN), MAX_ITEMS + 1)
    except CalendarError:
        raise
    except Exception as exc:  # the library's InvalidCalendar, PeriodEndBeforeStart, BadRuleStringFormat...
        message = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise CalendarError(f"{name}: cannot expand a repeating event: {message}") from None
