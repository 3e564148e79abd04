"""`itinerary slots`: free windows where a meeting still fits, travel included."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Annotated

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, ProgrammeArg
from itinerary.cli.output import console, emit_json

if TYPE_CHECKING:
    from itinerary.model import Programme, Venue

WhoEachOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--who", "-w", metavar="NAME", help="A participant or group, by id or name; repeat for more. Default: everyone."
    ),
]
DayEachOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--day",
        "-d",
        metavar="DAY",
        help="A day (YYYY-MM-DD, today, tomorrow, wed); repeat for more. Default: every day.",
    ),
]
LengthOpt = Annotated[
    str, typer.Option("--length", "-l", metavar="LENGTH", help="How long the meeting lasts: 60, 90min, 1h30.")
]
HoursOpt = Annotated[str, typer.Option("--hours", metavar="HH:MM-HH:MM", help="Working hours, local to the day.")]
VenueOpt = Annotated[str | None, typer.Option("--venue", metavar="VENUE", help="Only at this venue (id or name).")]
LimitOpt = Annotated[int, typer.Option("--limit", metavar="N", min=0, help="Show at most this many (0: all).")]


@app.command()
def slots(
    programme_file: ProgrammeArg,
    who: WhoEachOpt = None,
    day: DayEachOpt = None,
    length: LengthOpt = "60",
    hours: HoursOpt = "09:00-18:00",
    venue: VenueOpt = None,
    limit: LimitOpt = 10,
    format: FormatOpt = Format.text,
) -> None:
    """Free windows where a meeting of --length still fits for all of --who, travel there and back included.

    Without --venue, every place one of them is at that day is tried; windows where
    fewer people have to move come first, then those with most time to spare.
    """
    programme = options.programme(programme_file)
    from itinerary import slots as core

    refs = [options.who(programme, name) for name in who or []]
    days = (
        tuple(dict.fromkeys(d for d in (options.day_of(programme, text, None) for text in day or []) if d))
        or programme.days()
    )
    request = core.Request(
        people=_people(programme, refs),
        days=days,
        length=options.parsed("--length", core.parse_length, length),
        hours=options.parsed("--hours", core.parse_hours, hours),
        venue=None if venue is None else options.parsed("--venue", partial(find_venue, programme), venue),
    )
    found = core.find(programme, request)
    from itinerary.render import slots as view

    if format is Format.json:
        emit_json(view.as_json(programme, request, found, limit))
        return
    names = ", ".join(programme.name_of(r) for r in refs if r) or "everyone"
    from itinerary.render.paint import show

    show(console(), view.render(programme, request, found, names, limit))


def _people(programme: Programme, refs: list[str | None]) -> frozenset[str]:
    from itinerary.slots import EVERYONE

    if not programme.participants:
        return frozenset([EVERYONE])
    chosen = [r for r in refs if r]
    return programme.expand(chosen) if chosen else frozenset(programme.participants)


def find_venue(programme: Programme, text: str) -> Venue:
    """`--venue`: an id, or a name as written (case and accents aside)."""
    from itinerary.load.hints import suggest
    from itinerary.timeutil import slug

    for venue in programme.venues.values():
        if text in (venue.id, venue.name) or slug(text) in (venue.id, slug(venue.name)):
            return venue
    hint = suggest(text, [v.name for v in programme.venues.values()])
    raise ValueError(f"no venue {text!r} in {programme.title}{hint}")
