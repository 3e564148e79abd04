"""The `itinerary` command: parse arguments, load, hand the model to a renderer, set the exit code.

Heavy modules (rich, icalendar, the checks) are imported inside the commands that use
them, so that `itinerary agenda` pays only for what it prints.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from itinerary.model import Programme, Venue

T = TypeVar("T")

EXIT_CODES = """\
Exit codes: 0 success; 1 findings (`check`: errors, or warnings with --strict;
`diff`: the versions differ); 2 the input could not be used (a file that does
not load, a bad option); 3 an internal error (a bug: please report it)."""

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
        from itinerary import __version__

        sys.stdout.write(f"itinerary {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Plan study visits and delegations from one programme file."""


class Format(str, Enum):
    text = "text"
    json = "json"


ProgrammeArg = Annotated[Path, typer.Argument(help="The programme file (YAML).", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="text for people, json for scripts.")]
WhoOpt = Annotated[str | None, typer.Option("--who", "-w", help="Only what this participant or group attends (an id).")]
TzOpt = Annotated[
    str | None,
    typer.Option(
        "--tz", help="Show every time in this zone (IANA name); default: local time where each item takes place."
    ),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, and out."""
    sys.stderr.write(f"itinerary: {message}\n")
    raise typer.Exit(code)


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(stderr=stderr, highlight=False, soft_wrap=False)
    return Console(file=_TrimmedLines(stream), highlight=False, soft_wrap=False)  # type: ignore[arg-type]


class _TrimmedLines:
    """Into a pipe or a file, lines without the blanks rich pads table cells with."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.pending = ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        if lines:
            self.out.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.out.write(self.pending)
            self.pending = ""
        self.out.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return int(self.out.fileno())


def load(path: Path, *, warnings: bool = True) -> Programme:
    """The programme in `path`, or its errors on stderr and exit 2; `warnings=False` leaves the loader's warnings out."""
    from itinerary.load import LoadError
    from itinerary.load import load as load_file

    try:
        programme = load_file(path)
    except LoadError as exc:
        for diagnostic in exc.diagnostics:
            sys.stderr.write(f"{diagnostic}\n")
        count = len(exc.diagnostics)
        if count > 1:
            sys.stderr.write(f"itinerary: {path}: {count} errors, nothing done\n")
        raise typer.Exit(2) from None
    if warnings:
        for warning in programme.warnings:
            sys.stderr.write(f"{warning}\n")
    return programme


def resolve_who(programme: Programme, who: str | None) -> str | None:
    """An id, or what a person would type: 'Tea Petrin', 'ECPG', 'Delegation of ECPG'."""
    if who is None:
        return None
    found = match_who(who, programme)
    if found is not None:
        return found
    from itinerary.timeutil import slug

    wanted = slug(who)
    import difflib

    known = list(programme.participants) + list(programme.groups)
    close = difflib.get_close_matches(wanted or who, known, n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    fail(f"--who: no participant or group {who!r} in {programme.title}{hint}")


def resolve_tz(programme: Programme, name: str | None) -> tzinfo:
    from itinerary.timeutil import zone

    try:
        return zone(programme.timezone if name is None else name)
    except ValueError:
        unknown_tz(name)


def view_tz(programme: Programme, name: str | None) -> tzinfo | None:
    """The zone of --tz; without it None: each item is read where it takes place (local days)."""
    return None if name is None else resolve_tz(programme, name)


def unknown_tz(name: str | None) -> NoReturn:
    from itinerary.load import zone_hint

    fail(f"--tz: unknown time zone {name!r}{zone_hint(name or '')}")


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


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
    programme = read_programme(programme_file)
    ref = resolve_who(programme, who)
    zone = view_tz(programme, tz)
    only = day_of(programme, day, zone or resolve_tz(programme, None))
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


@app.command()
def participants(programme_file: ProgrammeArg, format: FormatOpt = Format.text) -> None:
    """Who takes part, by group: name, title, organisation."""
    programme = read_programme(programme_file)
    from itinerary.render import participants as view

    if format is Format.json:
        emit_json(view.as_json(programme))
        return
    console().print(view.table(programme))


@app.command()
def grid(programme_file: ProgrammeArg, who: WhoOpt = None, tz: TzOpt = None, format: FormatOpt = Format.text) -> None:
    """The week at a glance: a column per day, a row per part of the day (as the file's day_parts)."""
    programme = read_programme(programme_file)
    ref = resolve_who(programme, who)
    zone = view_tz(programme, tz)
    from itinerary.render import grid as view

    table = view.build(programme, programme.events_for(ref), zone)
    if format is Format.json:
        emit_json(view.as_json(programme, table, ref))
        return
    out = console()
    for renderable in view.render(programme, table, out.width, ref):
        out.print(renderable)


@app.command("print")
def print_page(
    programme_file: ProgrammeArg,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the page here (default: standard output).")
    ] = None,
    who: WhoOpt = None,
    tz: TzOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file this tool did not write.")] = False,
) -> None:
    """One self-contained HTML page to print on A4 or read on a phone: the week, every day, people, places.

    The findings of `itinerary check`, if any, head the page in a box marked DRAFT. An
    existing output file is replaced only if this tool wrote it (or with --force).
    """
    programme = read_programme(programme_file)
    ref = resolve_who(programme, who)
    zone = view_tz(programme, tz)
    from itinerary import outfile
    from itinerary.render import html as view

    if output is not None:
        problem = outfile.refusal(output, force, view.is_ours)
        if problem:
            fail(problem)
    page = view.page(programme, zone, ref, source_name=programme_file.name)
    if output is None:
        sys.stdout.write(page.text)
        return
    try:
        outfile.write_atomic(output, page.text)
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror or exc}")
    draft = f" (draft: {page.findings} finding{'s' if page.findings != 1 else ''} of `itinerary check`)"
    sys.stderr.write(f"itinerary: wrote {output}{draft if page.findings else ''}\n")


@app.command()
def export(
    programme_file: ProgrammeArg,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help="Write DIR/<participant-id>.ics for each participant and DIR/programme.ics (with --who: DIR/<id>.ics).",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write one calendar, the --who selection or every event, to FILE ('-': standard output).",
        ),
    ] = None,
    who: WhoOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files this tool did not write.")] = False,
    invite: Annotated[
        bool,
        typer.Option(
            "--invite",
            help="Add ORGANIZER and ATTENDEE (those with an email): clients then treat events as invitations.",
        ),
    ] = False,
    organizer: Annotated[
        str | None,
        typer.Option("--organizer", metavar="'NAME <MAIL>'", help="With --invite: who invites.", show_default=False),
    ] = None,
    format: FormatOpt = Format.text,
) -> None:
    """Calendars (.ics) for every calendar program; importing a revised programme updates events, never duplicates them."""
    if (out is None) == (output is None):
        fail("give either --out DIR (a calendar per participant) or -o FILE (one calendar)")
    if invite and not organizer:
        fail("--invite needs --organizer 'Name <mail@example.org>' (invitations come from someone)")
    if organizer and not invite:
        fail("--organizer is used only with --invite")
    if output == "-" and format is Format.json:
        fail("--format json lists the files written; with -o - the calendar itself goes to standard output")
    programme = load(programme_file)
    ref = resolve_who(programme, who)
    from itinerary import outfile
    from itinerary.export import ics
    from itinerary.render import written as view

    try:
        stamp = ics.stamp(programme)
        invitation = ics.Invite.parse(organizer) if organizer else None
        refs: list[str | None] | None = [ref] if ref is not None or output is not None else None
        calendars = ics.calendars(programme, refs, stamp=stamp, invite=invitation)
    except ValueError as exc:
        fail(str(exc))
    if output == "-":
        sys.stdout.buffer.write(calendars[0].data)
        sys.stdout.flush()
        return
    if out is not None:
        if out.exists() and not out.is_dir():
            fail(f"--out {out}: not a directory")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"--out {out}: cannot create: {exc.strerror or exc}")
        targets = [(out / c.filename, c) for c in calendars]
    else:
        targets = [(Path(str(output)), calendars[0])]
    problems = [outfile.refusal(path, force, lambda p: ics.is_ours(p, programme.id)) for path, _ in targets]
    for index, (path, _) in enumerate(targets):
        other = ics.written_for(path) if problems[index] and path.is_file() else None
        if other is not None:
            problems[index] = (
                f"{path}: exists and was not written by itinerary for this programme (it is a calendar of "
                f"{other!r}, not {programme.id!r}); use --force to overwrite it"
            )
    for problem in filter(None, problems):
        sys.stderr.write(f"itinerary: {problem}\n")
    if any(problems):
        raise typer.Exit(2)
    rows = []
    for path, calendar in targets:
        status = "new" if not path.exists() else "updated"
        try:
            if status == "updated" and path.read_bytes() == calendar.data:
                status = "unchanged"
            else:
                outfile.write_atomic(path, calendar.data.decode("utf-8"))
        except OSError as exc:
            fail(f"{path}: cannot write: {exc.strerror or exc}")
        rows.append(view.Written(str(path), calendar.ref, calendar.name, calendar.events, status))
    if format is Format.json:
        emit_json(view.as_json(programme, rows))
        return
    console().print(view.table(programme, rows))


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
    programme = checkable(programme_file)
    from itinerary import serialize
    from itinerary.checks import run_checks
    from itinerary.render import findings as view

    found = run_checks(programme)
    if format is Format.json:
        emit_json(view.as_json(found, serialize.programme_head(programme)))
    else:
        out = console()
        for renderable in view.render(found, str(programme_file), strict, out.width):
            out.print(renderable)
    raise typer.Exit(view.exit_code(found, strict))


def checkable(path: Path) -> Programme:
    """What `check` checks: the programme file, loaded (exit 2 with the loader's errors if it does not load).

    The checks see only the model, so another format (a calendar) is checked by
    converting it to a Programme here. The loader's warnings (DST folds) are not
    printed: the `dst` check reports them as findings.
    """
    from itinerary.formats import is_calendar

    if is_calendar(path):
        from itinerary.importer.convert import one_timeline

        return one_timeline(import_file(path).programme)
    return load(path, warnings=False)


def read_programme(path: Path, *, warnings: bool = True) -> Programme:
    """A programme file, or a calendar (.ics) converted in memory as `itinerary import` would write it."""
    from itinerary.formats import is_calendar

    if not is_calendar(path):
        return load(path, warnings=warnings)
    programme: Programme = import_file(path).programme
    return programme


def import_file(path: Path, options: Any = None) -> Any:
    """`importer.convert` on a file: exit 2 with one line when it cannot be read or is not a calendar."""
    from itinerary.importer import CalendarError, convert

    try:
        data = path.read_bytes()
    except IsADirectoryError:
        fail(f"{path}: is a directory, not a calendar")
    except OSError as exc:
        fail(f"{path}: cannot read: {exc.strerror or exc}")
    try:
        return convert(data, str(path), options)
    except CalendarError as exc:
        fail(str(exc))


CalendarArg = Annotated[Path, typer.Argument(help="The calendar file (.ics).", show_default=False)]


def parse_day(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: {value!r} is not a date (YYYY-MM-DD)")


@app.command("import")
def import_calendar(
    calendar_file: CalendarArg,
    output: Annotated[
        str,
        typer.Option("--output", "-o", metavar="FILE", help="Write the programme file here ('-': standard output)."),
    ] = "-",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz",
            metavar="ZONE",
            help="The programme's zone, also for floating times; default: the calendar's most used.",
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="YYYY-MM-DD", help="Only events from this day.", show_default=False),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option(
            "--end",
            metavar="YYYY-MM-DD",
            help="Only events up to this day, inclusive; repeating events stop here.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """A calendar (.ics) from Google, Outlook, Apple, Thunderbird... as a programme file to edit.

    Repeating events are expanded, cancelled ones left out; venues come from LOCATION
    (and GEO), participants from ATTENDEE. A comment in the file says what could not
    be carried over. An existing file is never overwritten without --force.
    """
    from itinerary.importer import Options

    first, last = parse_day("--start", start), parse_day("--end", end)
    if first and last and last < first:
        fail(f"--end {last} is before --start {first}")
    if tz is not None:
        from itinerary.timeutil import is_zone

        if not is_zone(tz):
            unknown_tz(tz)
    target = None if output == "-" else Path(output)
    if target is not None:
        from itinerary import outfile

        problem = outfile.refusal(target, force, lambda _: False)
        if problem:
            fail(problem if not target.exists() or target.is_dir() else f"{target}: exists; use --force to replace it")
    converted = import_file(calendar_file, Options(timezone=tz, start=first, end=last))
    if target is None:
        sys.stdout.write(converted.text)
        return
    from itinerary import outfile

    try:
        outfile.write_atomic(target, converted.text)
    except OSError as exc:
        fail(f"{target}: cannot write: {exc.strerror or exc}")
    from itinerary.checks.words import plural

    written = converted.written
    sys.stderr.write(
        f"itinerary: wrote {target}: {plural(written.events, 'event')}, {plural(written.venues, 'venue')}, "
        f"{plural(written.participants, 'participant')} (see its comments for what the calendar could not say)\n"
    )


@app.command()
def diff(
    old_file: Annotated[Path, typer.Argument(help="The earlier version (programme file or .ics).", show_default=False)],
    new_file: Annotated[Path, typer.Argument(help="The later version (programme file or .ics).", show_default=False)],
    who: WhoOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """What changed between two versions, per participant: added, cancelled, moved, new venue, attendance.

    Events are matched by identity (their `id`, else day and title), as calendar UIDs are.
    Exit 0 when nothing changed (for --who: nothing that concerns them), 1 when something did.
    """
    old = read_programme(old_file)
    new = read_programme(new_file)
    from itinerary.diff import compare
    from itinerary.render import diff as view

    found = compare(old, new)
    if who is not None:
        who = diff_who(old, new, who)
        if not found.members(who) and who not in old.groups and who not in new.groups:
            import difflib

            known = list(dict.fromkeys([*new.participants, *new.groups, *old.participants, *old.groups]))
            close = [k for k in known if k.startswith(who)][:1] or difflib.get_close_matches(
                who, known, n=1, cutoff=0.5
            )
            fail(
                f"--who: no participant or group {who!r} in either version"
                + (f" (did you mean {close[0]!r}?)" if close else "")
            )
        found = found.only(who)
    if format is Format.json:
        emit_json(view.as_json(found, str(old_file), str(new_file), who))
    else:
        out = console()
        for line in view.render(found, str(old_file), str(new_file), who):
            out.print(line, soft_wrap=True)
    raise typer.Exit(1 if found.changed else 0)


def diff_who(old: Programme, new: Programme, who: str) -> str:
    """`--who` of `diff`: an id in either version, or a name as a person types it (as `resolve_who`)."""
    found = match_who(who, new, old)
    return who if found is None else found


def match_who(who: str, *programmes: Programme) -> str | None:
    """The id `who` means: an id in one of the programmes (first looked for in all), else a slugged id or name."""
    from itinerary.timeutil import slug

    for programme in programmes:
        if who in programme.participants or who in programme.groups:
            return who
    for programme in programmes:
        names = {slug(p.name): p.id for p in programme.participants.values()}
        names.update({slug(g.name): g.id for g in programme.groups.values()})
        for candidate in (slug(who), names.get(slug(who))):
            if candidate and (candidate in programme.participants or candidate in programme.groups):
                return candidate
    return None


def day_of(programme: Programme, text: str | None, zone: tzinfo) -> date | None:
    """`--day` as a date of the visit: a date, or a word (today, tomorrow, wed) read on the clock in `zone`.

    Without --tz, "today" is the programme's today: its zone is the default at the edge.
    """
    if text is None:
        return None
    from itinerary import clock

    choice = parsed("--day", partial(clock.day_word, programme=programme, today=now(zone).date()), text)
    if choice.note:
        sys.stderr.write(f"itinerary: {choice.note}\n")
    return choice.day


AtOpt = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="MOMENT",
        help="The moment to look from: 'YYYY-MM-DD HH:MM' (in --tz, else the programme's zone; an offset or a zone "
        "may follow). Default: now.",
    ),
]


@app.command("next")
def next_events(
    programme_file: ProgrammeArg,
    who: WhoOpt = None,
    at: AtOpt = None,
    count: Annotated[int, typer.Option("--count", "-n", min=1, help="How many of the next events to show.")] = 1,
    tz: TzOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """What is under way now, what comes next, and when to leave for it (with check's travel estimates).

    Times are shown where they are (or go next), unless --tz says otherwise.
    """
    programme = read_programme(programme_file)
    ref = resolve_who(programme, who)
    asked = view_tz(programme, tz)
    from itinerary import clock
    from itinerary.upcoming import local_zone, upcoming

    read_in = asked or resolve_tz(programme, None)
    moment = now(read_in) if at is None else parsed("--at", partial(clock.moment, tz=read_in), at)
    seen = upcoming(programme, programme.events_for(ref), moment, count)
    zone = asked or local_zone(seen) or read_in
    from itinerary.render import upcoming as view

    if format is Format.json:
        emit_json(view.as_json(programme, seen, zone, ref))
        return
    out = console()
    for renderable in view.render(programme, seen, zone, display_name(programme, ref)):
        out.print(renderable)


@app.command()
def slots(
    programme_file: ProgrammeArg,
    who: Annotated[
        list[str] | None,
        typer.Option(
            "--who",
            "-w",
            metavar="NAME",
            help="A participant or group, by id or name; repeat for more. Default: everyone.",
        ),
    ] = None,
    day: Annotated[
        list[str] | None,
        typer.Option(
            "--day",
            "-d",
            metavar="DAY",
            help="A day (YYYY-MM-DD, today, tomorrow, wed); repeat for more. Default: every day.",
        ),
    ] = None,
    length: Annotated[
        str, typer.Option("--length", "-l", metavar="LENGTH", help="How long the meeting lasts: 60, 90min, 1h30.")
    ] = "60",
    hours: Annotated[
        str, typer.Option("--hours", metavar="HH:MM-HH:MM", help="Working hours, local to the day.")
    ] = "09:00-18:00",
    venue: Annotated[
        str | None, typer.Option("--venue", metavar="VENUE", help="Only at this venue (id or name).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Show at most this many (0: all).")] = 10,
    format: FormatOpt = Format.text,
) -> None:
    """Free windows where a meeting of --length still fits for all of --who, travel there and back included.

    Without --venue, every place one of them is at that day is tried; windows where
    fewer people have to move come first, then those with most time to spare.
    """
    programme = read_programme(programme_file)
    from itinerary import slots as core

    refs = [resolve_who(programme, name) for name in who or []]
    days = (
        tuple(
            dict.fromkeys(d for d in (day_of(programme, text, resolve_tz(programme, None)) for text in day or []) if d)
        )
        or programme.days()
    )
    request = core.Request(
        people=_people(programme, refs),
        days=days,
        length=parsed("--length", core.parse_length, length),
        hours=parsed("--hours", core.parse_hours, hours),
        venue=None if venue is None else parsed("--venue", partial(find_venue, programme), venue),
    )
    found = core.find(programme, request)
    from itinerary.render import slots as view

    if format is Format.json:
        emit_json(view.as_json(programme, request, found, limit))
        return
    names = ", ".join(display_name(programme, r) for r in refs if r) or "everyone"
    out = console()
    for renderable in view.render(programme, request, found, names, limit):
        out.print(renderable)


def _people(programme: Programme, refs: list[str | None]) -> frozenset[str]:
    from itinerary.slots import EVERYONE

    if not programme.participants:
        return frozenset([EVERYONE])
    chosen = [r for r in refs if r]
    return programme.expand(chosen) if chosen else frozenset(programme.participants)


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


def find_venue(programme: Programme, text: str) -> Venue:
    """`--venue`: an id, or a name as written (case and accents aside)."""
    from itinerary.timeutil import slug

    for venue in programme.venues.values():
        if text in (venue.id, venue.name) or slug(text) in (venue.id, slug(venue.name)):
            return venue
    import difflib

    close = difflib.get_close_matches(text, [v.name for v in programme.venues.values()], n=1, cutoff=0.5)
    raise ValueError(f"no venue {text!r} in {programme.title}" + (f" (did you mean {close[0]!r}?)" if close else ""))


def display_name(programme: Programme, ref: str | None) -> str:
    if ref is None:
        return ""
    if ref in programme.participants:
        return programme.participants[ref].name
    return programme.groups[ref].name if ref in programme.groups else ref


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
        sys.stderr.write(
            f"itinerary: internal error: {type(exc).__name__}: {exc} (set ITINERARY_DEBUG=1 for details)\n"
        )
        sys.exit(3)
