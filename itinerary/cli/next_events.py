"""`itinerary next`: what is under way now, what comes next, and when to leave for it."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, ProgrammeArg, TzOpt, WhoOpt
from itinerary.cli.output import console, emit_json

AtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="MOMENT",
        help="The moment to look from: 'YYYY-MM-DD HH:MM' (in --tz, else the programme's zone; an offset or a zone "
        "may follow). Default: now.",
    ),
]


@app.command("next")
def next_events(
    programme_file: ProgrammeArg,
    who: WhoOpt = None,
    at: AtOpt = None,
    count: Annotated[
        int, typer.Option("--count", "-n", metavar="N", min=1, help="How many of the next events to show.")
    ] = 1,
    tz: TzOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """What is under way now, what comes next, and when to leave for it (with check's travel estimates).

    Times are shown where they are (or go next), unless --tz says otherwise.
    """
    programme = options.programme(programme_file)
    ref = options.who(programme, who)
    asked = options.zone(programme, tz)
    from itinerary import clock
    from itinerary.upcoming import local_zone, upcoming

    read_in = asked or options.home(programme)
    moment = options.now(read_in) if at is None else options.parsed("--at", partial(clock.moment, tz=read_in), at)
    seen = upcoming(programme, programme.events_for(ref), moment, count)
    zone = asked or local_zone(seen) or read_in
    from itinerary.render import upcoming as view

    if format is Format.json:
        emit_json(view.as_json(programme, seen, zone, ref))
        return
    from itinerary.render.paint import show

    show(console(), view.render(programme, seen, zone, options.display_name(programme, ref)))
