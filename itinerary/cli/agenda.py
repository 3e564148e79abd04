"""`itinerary agenda`: the programme day by day."""

from __future__ import annotations

from typing import Annotated

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, ProgrammeArg, TzOpt, WhoOpt
from itinerary.cli.output import console, emit_json, fail


@app.command()
def agenda(
    programme_file: ProgrammeArg,
    day: Annotated[
        str | None,
        typer.Option(
            "--day", "-d", metavar="DAY", help="Only this day: YYYY-MM-DD, today, tomorrow, or a weekday (wed)."
        ),
    ] = None,
    who: WhoOpt = None,
    tz: TzOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """The programme day by day: times, places with addresses, who attends."""
    programme = options.programme(programme_file)
    ref = options.who(programme, who)
    zone = options.zone(programme, tz)
    only = options.day_of(programme, day, zone)
    events = programme.events_for(ref)
    from itinerary.render import agenda as view

    if (
        only is not None
        and not (programme.start <= only <= programme.end)
        and not any(view.local_date(e.start, zone) == only for e in events)
    ):
        fail(f"--day: {only} is outside the programme ({programme.start} to {programme.end})")
    if format is Format.json:
        emit_json(view.as_json(programme, events, zone, only, ref))
        return
    view.print_agenda(console(), programme, events, zone, only, ref)
