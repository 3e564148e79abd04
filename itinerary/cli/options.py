"""What the commands share: their arguments and options as declared, and the values typed made into the library's.

A command's own options are declared in its module; those used by several live here,
so that `--who` or `--tz` reads and behaves the same in every command.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from itinerary.cli.app import settled
from itinerary.cli.output import fail, say

if TYPE_CHECKING:
    from itinerary.formats import ReadError
    from itinerary.model import Programme

T = TypeVar("T")


class Format(str, Enum):
    text = "text"
    json = "json"


ProgrammeArg = Annotated[
    Path,
    typer.Argument(
        metavar="FILE", help="The programme file (YAML), or a calendar (.ics) read as one.", show_default=False
    ),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="text for people, json for scripts.")]
WhoOpt = Annotated[
    str | None,
    typer.Option(
        "--who",
        "-w",
        metavar="NAME",
        help="Only what this participant or group attends: an id, or a name as written ('Tea Petrin', 'ECPG').",
    ),
]
TzOpt = Annotated[
    str | None,
    typer.Option(
        "--tz",
        metavar="ZONE",
        help="Show every time in this zone (IANA name); default: local time where each item takes place.",
    ),
]


def programme(path: Path, *, warnings: bool = True) -> Programme:
    """The programme in `path`, whatever its format, or every error on stderr and exit 2.

    `warnings=False` leaves the loader's warnings out.
    """
    from itinerary import read
    from itinerary.formats import ReadError

    # What reading makes, the modules imported for it included, is acyclic: freed as soon as it is
    # dropped, or kept for the whole command. The cycle collector need not scan it, then or after.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        found = read(path)
    except ReadError as exc:
        unreadable(path, exc)
    finally:
        if was_enabled:
            gc.enable()
    settled()
    if warnings:
        for warning in found.warnings:
            say(str(warning))
    return found


def unreadable(path: Path, error: ReadError) -> NoReturn:
    """Every reason `path` could not be read, a line each, and exit 2."""
    for diagnostic in error.diagnostics:
        say(str(diagnostic))
    count = len(error.diagnostics)
    if count > 1:
        say(f"itinerary: {path}: {count} errors, nothing done")
    raise typer.Exit(2)


def who(programme: Programme, typed: str | None) -> str | None:
    """The participant or group id `--who` means (see Programme.find), or one line and exit 2."""
    if typed is None:
        return None
    found = programme.find(typed)
    if found is not None:
        return found
    close = programme.closest(typed)
    hint = f" (did you mean {close!r}?)" if close else ""
    fail(f"--who: no participant or group {typed!r} in {programme.title}{hint}")


def zone(programme: Programme, name: str | None) -> tzinfo | None:
    """The zone of --tz; without it None: each event is read where it takes place (local days)."""
    from itinerary.timeutil import zone as find_zone

    if name is None:
        return None
    try:
        return find_zone(name)
    except ValueError:
        unknown_zone(name)


def home(programme: Programme) -> tzinfo:
    """The programme's own zone (the loader has checked its name)."""
    from itinerary.timeutil import zone as find_zone

    return find_zone(programme.timezone)


def unknown_zone(name: str | None) -> NoReturn:
    from itinerary.load import zone_hint

    fail(f"--tz: unknown time zone {name!r}{zone_hint(name or '')}")


def day(option: str, value: str | None) -> date | None:
    """A YYYY-MM-DD option as a date, or one line and exit 2."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: {value!r} is not a date (YYYY-MM-DD)")


def day_of(programme: Programme, text: str | None, zone: tzinfo | None) -> date | None:
    """`--day` as a date of the visit: a date, or a word (today, tomorrow, wed) read on the clock in `zone`.

    Without --tz, "today" is the programme's today: its zone is the default at the edge.
    """
    if text is None:
        return None
    from itinerary import clock

    zone = zone or home(programme)
    choice = parsed("--day", partial(clock.day_word, programme=programme, today=now(zone).date()), text)
    if choice.note:
        say(f"itinerary: {choice.note}")
    return choice.day


def now(zone: tzinfo) -> datetime:
    """The clock, in `zone` (or ITINERARY_NOW's moment)."""
    from itinerary import clock

    try:
        return clock.now(zone)
    except ValueError as exc:
        fail(str(exc))


def parsed(option: str, parse: Callable[[str], T], text: str) -> T:
    """`parse(text)`, or exit 2 naming the option."""
    try:
        return parse(text)
    except ValueError as exc:
        fail(f"{option}: {exc}")


def display_name(programme: Programme, ref: str | None) -> str:
    return programme.name_of(ref) if ref is not None else ""
