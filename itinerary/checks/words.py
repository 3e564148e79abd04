"""How findings say times and durations: wall-clock times as written in the file, numbers a reader can act on."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from itinerary.model import DEFAULT_DURATION, Event
from itinerary.timeutil import abbreviation, same_offset
from itinerary.timeutil import duration as duration
from itinerary.timeutil import minutes as minutes

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""English whatever the locale (strftime's %a and %b follow it), and cheaper than strftime."""


def clock(instant: datetime, home: str) -> str:
    """'13:55' in the instant's own zone, labelled ('13:55 JST') where its offset is not the programme's then."""
    text = f"{instant.hour:02d}:{instant.minute:02d}"
    return text if same_offset(instant, home) else f"{text} {abbreviation(instant)}"


def day(instant: datetime | date) -> str:
    """'Wed 7 Oct 2009', the wall date in the instant's own zone."""
    return f"{WEEKDAYS[instant.weekday()]} {instant.day} {MONTHS[instant.month - 1]} {instant.year}"


def stamp(instant: datetime, home: str) -> str:
    return f"{day(instant)} {clock(instant, home)}"


def clock_near(instant: datetime, near: datetime, home: str) -> str:
    """A clock time, with its date when that is not the date of `near` (a time the reader has in mind)."""
    if instant.astimezone(near.tzinfo).date() == near.date():
        return clock(instant, home)
    return stamp(instant, home)


def title(event: Event) -> str:
    return f"'{event.title}'"


def span(event: Event, home: str) -> str:
    """'09:30-12:00' ('09:30-12:00 JST' away from the programme's zone), '~' before an end the file does not give."""
    if event.all_day:
        return "all day"
    mark = "~" if event.end_estimated else ""
    start, end = event.start, event.end
    if end.date() != start.date() or end.utcoffset() != start.utcoffset() or end.tzname() != start.tzname():
        return f"{clock(start, home)}-{mark}{stamp(end, home)}"
    label = "" if same_offset(start, home) else f" {abbreviation(start)}"
    return f"{start.hour:02d}:{start.minute:02d}-{mark}{end.hour:02d}:{end.minute:02d}{label}"


def estimated(event: Event, home: str) -> str:
    """Why an end is what it is, when the file does not say."""
    default = DEFAULT_DURATION[event.kind]
    if event.duration < default:
        return f"{title(event)} has no end: taken as {clock(event.end, home)}, when the next item of its people starts"
    return f"{title(event)} has no end: taken as {clock(event.end, home)}, the {duration(default)} default for {event.kind.with_article}"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def optional_for(events: list[Event], who: tuple[str, ...]) -> str:
    """ "'Dinner' is optional for Secretariat", "'A' and 'B' are optional for ..."."""
    verb = "is" if len(events) == 1 else "are"
    return f"{' and '.join(title(e) for e in events)} {verb} optional for {', '.join(who)}"


def offset(instant: datetime) -> str:
    """'UTC+02:00', 'UTC-03:30': the offset from UTC of the instant's own zone at that instant."""
    value = instant.utcoffset() or timedelta(0)
    sign = "-" if value < timedelta(0) else "+"
    hours, mins = divmod(abs(int(value.total_seconds())) // 60, 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"
