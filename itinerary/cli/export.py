"""`itinerary export`: calendars (.ics), a file per participant or one file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, ProgrammeArg, WhoOpt
from itinerary.cli.output import console, emit_json, fail, fail_all, say, say_links

if TYPE_CHECKING:
    from itinerary.model import Programme

OutOpt = Annotated[
    Path | None,
    typer.Option(
        "--out",
        metavar="DIR",
        help="Write DIR/<participant-id>.ics for each participant and DIR/programme.ics (with --who: DIR/<id>.ics).",
    ),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write one calendar, the --who selection or every event, to FILE ('-': standard output).",
    ),
]
InviteOpt = Annotated[
    bool,
    typer.Option(
        "--invite", help="Add ORGANIZER and ATTENDEE (those with an email): clients then treat events as invitations."
    ),
]
OrganizerOpt = Annotated[
    str | None,
    typer.Option("--organizer", metavar="'NAME <MAIL>'", help="With --invite: who invites.", show_default=False),
]


def _usage(out: Path | None, output: str | None, invite: bool, organizer: str | None, format: Format) -> None:
    """Options that contradict each other, refused before anything is read."""
    if (out is None) == (output is None):
        fail("give either --out DIR (a calendar per participant) or -o FILE (one calendar)")
    if invite and not organizer:
        fail("--invite needs --organizer 'Name <mail@example.org>' (invitations come from someone)")
    if organizer and not invite:
        fail("--organizer is used only with --invite")
    if output == "-" and format is Format.json:
        fail("--format json lists the files written; with -o - the calendar itself goes to standard output")


@app.command()
def export(
    programme_file: ProgrammeArg,
    out: OutOpt = None,
    output: OutputOpt = None,
    who: WhoOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files this tool did not write.")] = False,
    invite: InviteOpt = False,
    organizer: OrganizerOpt = None,
    format: FormatOpt = Format.text,
) -> None:
    """Calendars (.ics) for every calendar program; importing a revised programme updates events, never duplicates them."""
    _usage(out, output, invite, organizer, format)
    programme = options.programme(programme_file)
    ref = options.who(programme, who)
    from itinerary.export import files, ics
    from itinerary.render import written as view

    try:
        invitation = ics.Invite.parse(organizer) if organizer else None
    except ValueError as exc:
        fail(str(exc))
    try:
        if output == "-":
            sys.stdout.buffer.write(next(iter(files.build(programme, ref, invite=invitation))).data)
            sys.stdout.flush()
            return
        file = None if output is None else Path(output)
        before = files.already_written(programme, folder=out, file=file)
        planned = files.plan(programme, folder=out, file=file, ref=ref, force=force, invite=invitation, previous=before)
        rows = files.write(planned)
        say_links([p.path for p in planned])
        warn_unbumped(programme, planned.unbumped())
    except files.ExportError as exc:
        fail_all(exc.problems)
    if format is Format.json:
        emit_json(view.as_json(programme, rows))
        return
    from itinerary.render.paint import show

    show(console(), [view.table(programme, rows)])


def warn_unbumped(programme: Programme, titles: list[str]) -> None:
    """Changed events went out with a higher SEQUENCE, but the organiser may have meant a new revision."""
    if not titles:
        return
    count = f"{len(titles)} event{'s' if len(titles) != 1 else ''}"
    shown = ", ".join(titles[:5]) + (", ..." if len(titles) > 5 else "")
    say(
        f"itinerary: warning: {count} changed but `revision` is still {programme.revision} "
        f"(bump it when you send a new version): {shown}"
    )
