"""The daily agenda: what a participant reads each morning, in the terminal or as JSON."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from itinerary import serialize
from itinerary.model import Event, Kind, Programme, Venue
from itinerary.select import Day, by_day, local_date
from itinerary.timeutil import abbreviation, days_span, is_ambiguous, long_day, same_offset, wall, zone_key

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

ESTIMATED = "~"
TIME_WIDTH = len("  00:00–~00:00+1")
KIND_WIDTH = len("reception")


def clock(instant: datetime, tz: tzinfo | None, day: date | None = None) -> str:
    """'09:03', or '11:30+1' when the instant falls after `day` in `tz` (None: where it happens)."""
    local = wall(instant, tz)
    text = f"{local.hour:02d}:{local.minute:02d}"
    if day is not None and local.date() != day:
        delta = (local.date() - day).days
        text += f"{delta:+d}"
    return text


def span(event: Event, tz: tzinfo | None, day: date) -> str:
    if event.tbc:
        return "time TBC"
    if event.all_day:
        return "all day"
    start = (ESTIMATED if event.check_in_usual else "") + clock(event.start, tz, day)
    end = (ESTIMATED if event.end_estimated or event.check_out_usual else "") + clock(event.end, tz, day)
    return f"{start}–{end}"


def heading(day: Day) -> str:
    text = long_day(day.date)
    return f"{text} · {', '.join(day.cities)}" if day.cities else text


def own_zone_note(event: Event, tz: tzinfo | None, home: str = "") -> str:
    """Local wall times, where the event's own zone shows other clock times than the one the reader reads in.

    Read in local time (`tz` None), the times shown are the event's own: the note then names
    the zone, where its offset is not the programme's (`home`) or changes on the way. Hong Kong
    read in Shanghai time needs no note: the clocks say the same. An all-day item has no clock
    times: it stays on its own date in any zone.
    """
    if event.all_day:
        return ""
    if tz is None:
        if same_offset(event.start, home) and same_offset(event.end, home):
            return ""
        start_name, end_name = abbreviation(event.start), abbreviation(event.end)
        if start_name == end_name:
            return f"local time ({start_name})"
        return f"local times ({start_name} → {end_name})"
    if all(instant.utcoffset() == instant.astimezone(tz).utcoffset() for instant in (event.start, event.end)):
        return ""
    start = f"{event.start:%a %H:%M} {abbreviation(event.start)}"
    end = f"{event.end:%a %H:%M} {abbreviation(event.end)}"
    return f"local time {start} → {end}"


def place(venue: Venue) -> str:
    return f"{venue.name}, {venue.address}" if venue.address else venue.name


def detail_lines(programme: Programme, event: Event, tz: tzinfo | None, day: date) -> list[tuple[str, str]]:
    """(style, text) lines under an event's title."""
    lines: list[tuple[str, str]] = []
    if event.open_note:
        lines.append(("yellow", event.open_note))
    number = f"{event.number} · " if event.number else ""
    if event.route is not None:
        origin, destination = event.route
        if event.all_day:  # a leg whose time is to be confirmed: no clock times to give
            lines.append(("", f"{number}{origin} → {destination}"))
        else:
            arrive = (ESTIMATED if event.end_estimated else "") + clock(event.end, tz, day)
            lines.append(("", f"{number}{origin} {clock(event.start, tz, day)} → {destination} {arrive}"))
    elif number:
        lines.append(("", event.number))
    if event.venue:
        lines.append(("", place(event.venue)))
        if event.venue.local_address:
            lines.append(("bold", event.venue.local_address))
    if event.kind is Kind.HOTEL:
        lines.append(("", stay_hours(event)))
    note = own_zone_note(event, tz, programme.timezone)
    if note:
        lines.append(("yellow", note))
    if is_ambiguous(event.start) or is_ambiguous(event.end):
        lines.append(("yellow", "clocks go back around this time: the earlier of the two readings is meant"))
    lines.append(("dim", f"who: {programme.who_label(event)}"))
    if event.contact is not None:
        lines.append(("", f"contact: {event.contact}"))
    lines.extend(("italic", line) for line in paragraphs(event.notes))
    return lines


def paragraphs(notes: str) -> list[str]:
    """Notes line by line as written (an address, a list, a phone number each keep their line),
    as the printed page and the calendar keep them; runs of blank lines become one."""
    out: list[str] = []
    for raw in notes.strip("\n").splitlines():
        line = raw.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    return out


def times_in(programme: Programme, events: Iterable[Event], tz: tzinfo | None) -> str:
    """'times in Asia/Tokyo', or 'local times' when events in other zones are read in their own."""
    if tz is not None:
        return f"times in {zone_key(tz)}"
    zones = {zone_key(zone) for zone in {t.tzinfo for e in events for t in (e.start, e.end)}}
    if zones <= {programme.timezone}:
        return f"times in {programme.timezone}"
    return f"local times where each item takes place ({programme.timezone} unless marked)"


def render(
    programme: Programme,
    events: tuple[Event, ...],
    tz: tzinfo | None,
    only: date | None = None,
    who: str | None = None,
) -> list[RenderableType]:
    from itinerary.render.rows import Cell, Column, Rows
    from itinerary.render.text import Text

    out: list[RenderableType] = []
    out.append(Text(f"{programme.title}  {days_span(programme.start, programme.end)}", style="bold"))
    subtitle = times_in(programme, events, tz)
    if who:
        subtitle = f"for {programme.name_of(who)}, {subtitle}"
    out.append(Text(subtitle, style="dim"))
    estimated = False
    for day in by_day(programme, events, tz, only):
        out.append(Text(""))
        out.append(Text(heading(day), style="bold cyan"))
        if not day.events and not day.nights:
            out.append(Text("  nothing planned", style="dim"))
            continue
        table = Rows((Column(TIME_WIDTH), Column(KIND_WIDTH, "magenta"), Column()))
        for event in day.events:
            estimated = estimated or event.end_estimated
            body = (("", event.title), *detail_lines(programme, event, tz, day.date))
            table.add_row(Cell.of("  " + span(event, tz, day.date)), Cell.of(event.kind.value), Cell(body, "bold"))
        for stay in day.nights:
            table.add_row(Cell.of("  night", "dim"), Cell.of("hotel", "dim"), Cell.of(stay.title, "dim"))
        out.append(table)
    if estimated:
        out.append(Text(""))
        out.append(
            Text(
                f"{ESTIMATED} end estimated: the kind's default, or the next item's start if sooner",
                style="dim",
            )
        )
    if any(usual_hours(e) for e in events):
        out.append(Text(USUAL_HOURS, style="dim"))
    return out


def print_agenda(
    console: Console,
    programme: Programme,
    events: tuple[Event, ...],
    tz: tzinfo | None,
    only: date | None,
    who: str | None,
) -> None:
    from itinerary.render.paint import show

    show(console, render(programme, events, tz, only, who))


def as_json(
    programme: Programme,
    events: tuple[Event, ...],
    tz: tzinfo | None,
    only: date | None = None,
    who: str | None = None,
) -> dict[str, Any]:
    days = by_day(programme, events, tz, only)
    return {
        "programme": serialize.programme_head(programme),
        "timezone": zone_key(tz) if tz is not None else programme.timezone,
        "local_times": tz is None,
        "who": who,
        "days": [
            {
                "date": day.date.isoformat(),
                "weekday": f"{day.date:%A}",
                "cities": list(day.cities),
                "events": [serialize.event(programme, e, tz) for e in day.events],
                "nights": [e.id for e in day.nights],
            }
            for day in days
        ],
    }


__all__ = ["as_json", "local_date", "print_agenda", "render"]


USUAL_HOURS = f"{ESTIMATED} check-in, check-out: the usual hour, the file gives none"


def usual_hours(event: Event) -> bool:
    """Whether a hotel stay shows an hour the file does not give."""
    return event.check_in_usual or event.check_out_usual


def stay_hours(event: Event) -> str:
    """A hotel stay's check-in and check-out, the usual hours (not in the file) marked as assumed."""
    check_in = (ESTIMATED if event.check_in_usual else "") + f"{event.start:%H:%M}"
    check_out = (ESTIMATED if event.check_out_usual else "") + f"{event.end:%H:%M}"
    return f"check-in {event.start:%a %d %b} {check_in}, check-out {event.end:%a %d %b} {check_out}"
