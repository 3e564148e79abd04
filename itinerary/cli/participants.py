"""`itinerary participants`: who takes part."""

from __future__ import annotations

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, ProgrammeArg
from itinerary.cli.output import console, emit_json


@app.command()
def participants(programme_file: ProgrammeArg, format: FormatOpt = Format.text) -> None:
    """Who takes part, by group: name, title, organisation."""
    programme = options.programme(programme_file)
    from itinerary.render import participants as view

    if format is Format.json:
        emit_json(view.as_json(programme))
        return
    from itinerary.render.paint import show

    show(console(), [view.table(programme)])
