"""The `itinerary` command itself: its name, --version, and the entry point that keeps tracebacks from users.

Each command lives in a module of its own beside this one (`agenda.py`, `export.py`...)
and registers itself on `app`; `itinerary/cli/__init__.py` lists them.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

EXIT_CODES = """\
Exit codes: 0 success; 1 findings (`check`: errors, or warnings with --strict;
`diff`: the versions differ; `publish`: an event edited on the server was left
alone); 2 the input could not be used (a file that does not load, a bad option,
a server that refused); 3 an internal error (a bug: please report it)."""

app = typer.Typer(
    name="itinerary",
    help=f"Plan study visits and delegations from one programme file.\n\n{EXIT_CODES}",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from itinerary import version_line

        sys.stdout.write(version_line())
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Plan study visits and delegations from one programme file."""


def main() -> None:
    """Entry point: no traceback reaches the user unless ITINERARY_DEBUG is set."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("itinerary: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("ITINERARY_DEBUG"):
            raise
        from itinerary.cli.output import say

        say(f"itinerary: internal error: {type(exc).__name__}: {exc} (set ITINERARY_DEBUG=1 for details)")
        sys.exit(3)
