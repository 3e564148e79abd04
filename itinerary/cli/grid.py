"""`itinerary grid`: the week at a glance."""

from __future__ import annotations

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, ProgrammeArg, TzOpt, WhoOpt
from itinerary.cli.output import console, emit_json


@app.command()
def grid(programme_file: ProgrammeArg, who: WhoOpt = None, tz: TzOpt = None, format: FormatOpt = Format.text) -> None:
    """The week at a glance: a column per day, a row per part of the day (as the file's day_parts)."""
    programme = options.programme(programme_file)
    ref = options.who(programme, who)
    zone = options.zone(programme, tz)
    from itinerary.render import grid as view

    table = view.build(programme, programme.events_for(ref), zone)
    if format is Format.json:
        emit_json(view.as_json(programme, table, ref))
        return
    from itinerary.render.paint import show

    out = console()
    show(out, view.render(programme, table, out.width, ref))
