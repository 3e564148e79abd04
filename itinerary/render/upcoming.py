"""`itinerary next`: now, next and when to leave, for the terminal or as JSON."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from itinerary import serialize
from itinerary.checks import words
from itinerary.checks.timeline import labels
from itinerary.model import Event, Programme
from itinerary.render.agenda import own_zone_note, place, span
from itinerary.timeutil import long_day, zone_key
from itinerary.upcoming import Departure, Upcoming

if TYPE_CHECKING:
    from rich.console import RenderableType

    from itinerary.render.text import Text

LABEL_WIDTH = len("Leave  ")


def render(programme: Programme, seen: Upcoming, tz: tzinfo, who_name: str) -> list[RenderableType]:
    from itinerary.render.rows import Cell, Column, Rows
    from itinerary.render.text import Text

    at = seen.at.astimezone(tz)
    head = f"{long_day(at.date())} {at:%H:%M} {at.tzname()}" + (f" · {who_name}" if who_name else "")
    table = Rows((Column(LABEL_WIDTH - 2, "bold"), Column()))
    table.add_text_row(Cell.of("Now"), last=_now(seen, tz))
    for number, event in enumerate(seen.next):
        table.add_text_row(Cell.of("Next" if number == 0 else ""), last=_event(programme, event, tz, seen.at))
    if not seen.next:
        table.add_text_row(Cell.of("Next"), last=Text("nothing more in the programme", style="dim"))
    if seen.departure is not None:
        table.add_text_row(Cell.of("Leave"), last=_leave(seen.departure, seen, tz))
    return [Text(head, style="bold cyan"), table]


def _now(seen: Upcoming, tz: tzinfo) -> Text:
    from itinerary.render.text import Text

    if seen.running:
        text = Text()
        for number, event in enumerate(seen.running):
            text.append(("\n" if number else "") + f"{_span(event, tz, seen.at)}  ")
            text.append(event.title, style="bold")
            if event.kind.is_leg and event.place_at_end is not None:
                text.append(f"\non the way to {event.place_at_end.name}, arriving {_arrival(event, tz)}")
            elif event.venue is not None:
                text.append(f"\nat {event.venue.name}")
        return text
    if seen.where is None:
        return Text("nothing scheduled", style="dim")
    since = seen.came_from
    text = Text(f"free, at {seen.where.name}")
    if since is not None and since.kind.value != "hotel":
        text.append(f" since {_clock(since.end, tz, seen.at, since.end_estimated)} ({since.title})", style="dim")
    return text


def _event(programme: Programme, event: Event, tz: tzinfo, at: datetime) -> Text:
    from itinerary.render.text import Text

    text = Text(f"{_span(event, tz, at)}  ")
    text.append(event.kind.value, style="magenta")
    text.append("  ")
    text.append(event.title, style="bold")
    if event.tentative:
        text.append("  tentative", style="yellow")
    optional = programme.optional(event)
    if optional:
        text.append(f"  optional for {', '.join(labels(programme, optional))}", style="yellow")
    if event.route is not None:
        origin, destination = event.route
        text.append(f"\n{origin} → {destination} {_arrival(event, tz)}")
    elif event.venue is not None:
        text.append("\n" + place(event.venue))
    note = own_zone_note(event, tz)
    if note:
        text.append("\n" + note, style="yellow")
    text.append(f"\nwho: {programme.who_label(event)}", style="dim")
    return text


def _leave(departure: Departure, seen: Upcoming, tz: tzinfo) -> Text:
    from itinerary.render.text import Text

    if departure.by is None:
        text = Text("")
        if departure.target is not None and departure.arrive_by is not None:
            minutes = departure.target.transfer_minutes
            text.append(f"be at {departure.target.name} by {_clock(departure.arrive_by, tz, seen.at)}")
            text.append(f" ({minutes} min to change there); " if minutes else "; ")
        text.append(f"when to leave cannot be told: {departure.reason}", style="yellow")
        return text
    assert departure.origin is not None and departure.target is not None and departure.leg is not None
    by = _clock(departure.by, tz, seen.at)
    target = seen.next[0]
    if not departure.moves:
        if target.kind.is_leg:
            change = f" ({departure.leg.trip.explain()})" if departure.leg.trip and departure.leg.trip.needed else ""
            return Text(f"be at {departure.origin.name} by {by}{change}: the {target.kind.value} leaves from there")
        running = seen.running[-1] if seen.running else None
        if running is not None and running.kind.is_leg:
            return Text(f"no need: the {running.kind.value} gets there, arriving {_arrival(running, tz)}")
        return Text(f"no travel: they are at {departure.origin.name} already")
    trip = departure.leg.trip
    assert trip is not None
    text = Text()
    if departure.by < seen.at:
        late = words.minutes(seen.at - departure.by)
        arrive = seen.at + timedelta(minutes=trip.needed)
        text.append(f"late: should have left {departure.origin.name} by {by} ({late} min ago)", style="bold red")
        text.append(f"; leaving now arrives about {_clock(arrive, tz, seen.at)}")
    else:
        left = words.duration(departure.by - seen.at)
        text.append(f"leave {departure.origin.name} by {by}", style="bold green")
        text.append(f" (in {left})")
        running = seen.running[-1] if seen.running else None
        if running is not None and not running.kind.is_leg and departure.by < running.end:
            text.append(f", before {running.title} ends", style="yellow")
    text.append(f"\n{trip.explain()} to {departure.target.name}")
    for line in (departure.target.address, departure.target.local_address):
        if line:
            text.append("\n" + line, style="bold" if line == departure.target.local_address else "")
    return text


def _span(event: Event, tz: tzinfo, at: datetime) -> str:
    return span(event, tz, at.astimezone(tz).date())


def _arrival(event: Event, tz: tzinfo) -> str:
    """The end as the arrival's own clock reads it, with its zone where that is not the one shown."""
    mark = "~" if event.end_estimated else ""
    if zone_key(event.end.tzinfo) == zone_key(tz):
        return f"{mark}{event.end:%H:%M}"
    return f"{mark}{event.end:%a %H:%M} {event.end.tzname()}"


def _clock(instant: datetime, tz: tzinfo, at: datetime, estimated: bool = False) -> str:
    """'12:40', with the date when it is not the day of `at`."""
    local, today = instant.astimezone(tz), at.astimezone(tz).date()
    mark = "~" if estimated else ""
    return f"{mark}{local:%H:%M}" if local.date() == today else f"{words.day(local)} {mark}{local:%H:%M}"


def as_json(programme: Programme, seen: Upcoming, tz: tzinfo, who: str | None) -> dict[str, Any]:
    departure = seen.departure
    return {
        "programme": serialize.programme_head(programme),
        "at": serialize.instant(seen.at, tz),
        "timezone": zone_key(tz),
        "who": who,
        "running": [serialize.event(programme, e, tz) for e in seen.running],
        "where": serialize.venue(seen.where),
        "next": [serialize.event(programme, e, tz) for e in seen.next],
        "leave": None if departure is None else _departure_json(departure, seen, tz),
    }


def _departure_json(departure: Departure, seen: Upcoming, tz: tzinfo) -> dict[str, Any]:
    trip = departure.leg.trip if departure.leg is not None else None
    return {
        "from": serialize.venue(departure.origin),
        "to": serialize.venue(departure.target),
        "by": serialize.instant(departure.by, tz) if departure.by is not None else None,
        "arrive_by": serialize.instant(departure.arrive_by, tz) if departure.arrive_by is not None else None,
        "late": departure.by is not None and departure.by < seen.at,
        "moves": departure.moves,
        "trip": None
        if trip is None
        else {
            "minutes": trip.minutes,
            "mode": trip.mode,
            "km": trip.km,
            "needed": trip.needed,
            "explain": trip.explain(),
        },
        "reason": departure.reason,
    }
