"""`itinerary print`: one HTML page to print or read on a phone."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import ProgrammeArg, TzOpt, WhoOpt
from itinerary.cli.output import fail, say, write_file


@app.command("print")
def print_page(
    programme_file: ProgrammeArg,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the page here ('-' or none: standard output)."),
    ] = None,
    who: WhoOpt = None,
    tz: TzOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file this tool did not write.")] = False,
) -> None:
    """One self-contained HTML page to print on A4 or read on a phone: the week, every day, people, places.

    The findings of `itinerary check`, if any, head the page in a box marked DRAFT. An
    existing output file is replaced only if this tool wrote it (or with --force).
    """
    if output is not None and str(output) == "-":
        output = None
    programme = options.programme(programme_file)
    ref = options.who(programme, who)
    zone = options.zone(programme, tz)
    from itinerary import outfile
    from itinerary.render import html as view

    if output is not None:
        problem = outfile.refusal(output, force, view.is_ours)
        if problem:
            fail(problem)
    from itinerary.checks import run_checks

    page = view.page(programme, zone, ref, source_name=programme_file.name, findings=run_checks(programme))
    if output is None:
        sys.stdout.write(page.text)
        return
    write_file(output, page.text)
    draft = f" (draft: {page.findings} finding{'s' if page.findings != 1 else ''} of `itinerary check`)"
    say(f"itinerary: wrote {output}{draft if page.findings else ''}")
