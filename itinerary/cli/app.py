"""The `itinerary` command itself: its name, --version, and the entry point that keeps tracebacks from users.

Each command lives in a module of its own beside this one (`agenda.py`, `export.py`...)
and registers itself on `app`; `itinerary/cli/__init__.py` lists them.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any, NoReturn, TextIO

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


class _QuietPipe:
    """Standard output that ends the program with exit 0 when its reader goes away (`| head -1`).

    Click turns a broken pipe into exit 1, which a script reads as a failure; here it is
    caught where the write happens, before click sees it.
    """

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def write(self, text: str) -> int:
        try:
            return self._out.write(text)
        except BrokenPipeError:
            _reader_gone()

    def flush(self) -> None:
        try:
            self._out.flush()
        except BrokenPipeError:
            _reader_gone()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._out, name)


def _reader_gone() -> NoReturn:
    # What is still buffered goes nowhere, so that the interpreter's last flush cannot fail again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno() if sys.__stdout__ else 1)
    raise SystemExit(0)


def main() -> None:
    """Entry point: no traceback reaches the user unless ITINERARY_DEBUG is set."""
    sys.stdout = _QuietPipe(sys.stdout)
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
