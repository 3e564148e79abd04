"""`itinerary import`: a calendar (.ics) as a programme file to edit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.output import fail, say, write_file

if TYPE_CHECKING:
    from itinerary.importer import Converted, Options

CalendarArg = Annotated[Path, typer.Argument(metavar="FILE", help="The calendar file (.ics).", show_default=False)]
OutputOpt = Annotated[
    str,
    typer.Option("--output", "-o", metavar="FILE", help="Write the programme file here ('-': standard output)."),
]
TzOpt = Annotated[
    str | None,
    typer.Option(
        "--tz", metavar="ZONE", help="The programme's zone, also for floating times; default: the calendar's most used."
    ),
]
StartOpt = Annotated[
    str | None,
    typer.Option("--start", metavar="YYYY-MM-DD", help="Only events from this day.", show_default=False),
]
EndOpt = Annotated[
    str | None,
    typer.Option(
        "--end",
        metavar="YYYY-MM-DD",
        help="Only events up to this day, inclusive; repeating events stop here.",
        show_default=False,
    ),
]


@app.command("import")
def import_calendar(
    calendar_file: CalendarArg,
    output: OutputOpt = "-",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    tz: TzOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
) -> None:
    """A calendar (.ics) from Google, Outlook, Apple, Thunderbird... as a programme file to edit.

    Repeating events are expanded, cancelled ones left out; venues come from LOCATION
    (and GEO), participants from ATTENDEE. A comment in the file says what could not
    be carried over. An existing file is never overwritten without --force.
    """
    from itinerary.importer import Options

    first, last = options.day("--start", start), options.day("--end", end)
    if first and last and last < first:
        fail(f"--end {last} is before --start {first}")
    if tz is not None:
        from itinerary.timeutil import is_zone

        if not is_zone(tz):
            options.unknown_zone(tz)
    target = None if output == "-" else Path(output)
    if target is not None:
        from itinerary import outfile

        problem = outfile.refusal(target, force, lambda _: False)
        if problem:
            fail(problem if not target.exists() or target.is_dir() else f"{target}: exists; use --force to replace it")
    converted = _convert(calendar_file, Options(timezone=tz, start=first, end=last))
    if target is None:
        sys.stdout.write(converted.text)
        return
    write_file(target, converted.text)
    from itinerary.checks.words import plural

    written = converted.written
    say(
        f"itinerary: wrote {target}: {plural(written.events, 'event')}, {plural(written.venues, 'venue')}, "
        f"{plural(written.participants, 'participant')} (see its comments for what the calendar could not say)"
    )


def _convert(path: Path, choices: Options) -> Converted:
    from itinerary.formats import CALENDAR, ReadError

    try:
        return CALENDAR.convert(path, str(path), choices)
    except ReadError as exc:
        options.unreadable(path, exc)
