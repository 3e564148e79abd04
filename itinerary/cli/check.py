"""`itinerary check`: the traps of a draft, most severe first; the exit code says whether it passes."""

from __future__ import annotations

from typing import Annotated

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, ProgrammeArg
from itinerary.cli.output import console, emit_json, say


@app.command()
def check(
    programme_file: ProgrammeArg,
    format: FormatOpt = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the check too.")] = False,
) -> None:
    """Clashes, impossible hops between venues and the other traps of a draft, most severe first.

    Exit 0 when there are no errors (warnings and infos allowed), 1 when there are errors
    (or warnings, with --strict), 2 when the file cannot be loaded.
    """
    programme = options.programme(programme_file, warnings=False)
    from itinerary import serialize
    from itinerary.checks import run_checks
    from itinerary.load.times import CLOCKS_GO_BACK
    from itinerary.render import findings as view

    # The loader's warnings, but for the times in a DST fold: the `dst` check reports those as findings.
    for warning in programme.warnings:
        if CLOCKS_GO_BACK not in warning.message:
            say(str(warning))

    found = run_checks(programme)
    if format is Format.json:
        emit_json(view.as_json(found, serialize.programme_head(programme)))
    else:
        from itinerary.render.paint import show

        out = console()
        show(out, view.render(found, str(programme_file), strict, out.width))
    raise typer.Exit(view.exit_code(found, strict))
