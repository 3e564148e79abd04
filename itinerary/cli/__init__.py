"""The `itinerary` command line: a module per command, each a short function that reads its options,
calls the library (itinerary.read, the checks, renderers, exporters) and prints.

    app.py         the Typer app, --version, main() (exit codes, no tracebacks)
    options.py     options shared by commands (--who, --tz, --format, the FILE argument) made into values
    output.py      one-line errors, the console, JSON, writing a file
    agenda.py ...  one module per command

Heavy modules (rich, icalendar, the checks) are imported inside the commands that use
them, so that `itinerary agenda` pays only for what it prints and `--version` for nothing.
A new command is a new module here, named in COMMANDS below.
"""

from __future__ import annotations

from importlib import import_module

from itinerary.cli.app import app, main

COMMANDS = (
    "agenda",
    "participants",
    "grid",
    "print_page",
    "export",
    "publish",
    "check",
    "import_calendar",
    "diff",
    "next_events",
    "slots",
)
"""The modules of the commands, registered in this order, the order of `itinerary --help`: everyday ones first."""

for _module in COMMANDS:
    import_module(f"itinerary.cli.{_module}")

__all__ = ["app", "main"]
