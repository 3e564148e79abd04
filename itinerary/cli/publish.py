"""`itinerary publish`: calendars participants subscribe to once, kept current in a folder or on a CalDAV server."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, ProgrammeArg
from itinerary.cli.output import emit_json, fail, fail_all, say

if TYPE_CHECKING:
    from itinerary.model import Programme
    from itinerary.publish.caldav import Summary
    from itinerary.publish.folder import Outcome

ToOpt = Annotated[
    Path | None,
    typer.Option(
        "--to", metavar="DIR", help="A folder for a web server: a feed per participant and group, and index.html."
    ),
]
BaseOpt = Annotated[
    str | None,
    typer.Option("--base-url", metavar="URL", help="With --to: the address DIR is served at (webcal:// links)."),
]
CaldavOpt = Annotated[
    str | None,
    typer.Option(
        "--caldav",
        metavar="URL",
        help="A CalDAV account's calendar home: a calendar per participant. User and password from "
        "ITINERARY_CALDAV_USER and ITINERARY_CALDAV_PASSWORD, or the netrc file.",
    ),
]
NetrcOpt = Annotated[
    Path | None, typer.Option("--netrc", metavar="FILE", help="With --caldav: a netrc file (default: ~/.netrc).")
]
ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Replace files this tool did not write, and events edited on the server."),
]


@app.command()
def publish(
    programme_file: ProgrammeArg,
    to: ToOpt = None,
    base_url: BaseOpt = None,
    caldav: CaldavOpt = None,
    netrc: NetrcOpt = None,
    force: ForceOpt = False,
    format: FormatOpt = Format.text,
) -> None:
    """Keep each participant's calendar current where they subscribe once: a folder or a CalDAV server.

    Publishing a revision replaces changed events in place (SEQUENCE moves only for them),
    deletes cancelled ones and the calendars of participants who left. Exit 0 when all is
    published, 1 when something edited on the server was left alone (see --force), 2 when
    nothing could be published.
    """
    if (to is None) == (caldav is None):
        fail("give either --to DIR (a folder for a web server) or --caldav URL (a CalDAV server)")
    if base_url is not None and to is None:
        fail("--base-url is used only with --to")
    if netrc is not None and caldav is None:
        fail("--netrc is used only with --caldav")
    programme = options.programme(programme_file)
    if to is not None:
        _to_folder(programme, to, base_url, force, format)
    else:
        _to_caldav(programme, str(caldav), netrc, force, format)


def _to_folder(programme: Programme, to: Path, base_url: str | None, force: bool, format: Format) -> None:
    from itinerary.export import ics
    from itinerary.publish import folder
    from itinerary.publish.index import base_url as checked_base

    try:
        base = checked_base(base_url) if base_url is not None else None
        done = folder.publish(programme, to, base=base, stamp=ics.stamp(programme), force=force)
    except ValueError as exc:
        fail(str(exc))
    except folder.PublishError as exc:
        fail_all(str(exc).splitlines())
    _warn_unbumped(programme, list(done.unbumped))
    if format is Format.json:
        emit_json(_folder_json(to, done))
        return
    from itinerary.visible import visible

    sys.stdout.write(
        f"Published {len(done.feeds)} calendars of {visible(programme.title, one_line=True)} to {to}: {len(done.written)} files written, "
        f"{len(done.unchanged)} unchanged, {len(done.removed)} removed.\n"
    )
    for name in done.removed:
        sys.stdout.write(f"  removed {name}\n")


def _folder_json(to: Path, done: Outcome) -> dict[str, Any]:
    feeds = [{"who": f.ref, "kind": f.kind, "name": f.name, "calendar": f.calendar, "page": f.page} for f in done.feeds]
    return {
        "folder": str(to),
        "feeds": feeds,
        "written": list(done.written),
        "unchanged": list(done.unchanged),
        "removed": list(done.removed),
        "unbumped": list(done.unbumped),
    }


def _to_caldav(programme: Programme, url: str, netrc: Path | None, force: bool, format: Format) -> None:
    from itinerary.export import ics
    from itinerary.publish import caldav
    from itinerary.publish.credentials import CredentialsError, credentials, server_url
    from itinerary.publish.dav import Client, DavError

    try:
        checked = server_url(url)
        user, password = credentials(checked, file=netrc)
        summary = caldav.publish(Client(checked, user, password), programme, stamp=ics.stamp(programme), force=force)
    except (ValueError, CredentialsError, DavError) as exc:
        fail(str(exc))
    _warn_unbumped(programme, sorted(set(summary.unbumped)))
    for conflict in summary.conflicts:
        say(f"itinerary: {conflict}")
    if format is Format.json:
        emit_json(_caldav_json(checked, summary))
    else:
        _caldav_text(programme, summary)
    if summary.conflicts:
        raise typer.Exit(1)


def _caldav_json(url: str, summary: Summary) -> dict[str, Any]:
    return {
        "server": url,
        "created": summary.created,
        "updated": summary.updated,
        "deleted": summary.deleted,
        "unchanged": summary.unchanged,
        "conflicts": summary.conflicts,
        "calendars_created": summary.collections_created,
        "calendars_deleted": summary.collections_deleted,
    }


def _caldav_text(programme: Programme, summary: Summary) -> None:
    from itinerary.visible import visible

    counts = (
        f"{len(summary.created)} created, {len(summary.updated)} updated, {len(summary.deleted)} deleted, "
        f"{summary.unchanged} unchanged"
    )
    sys.stdout.write(f"Published {visible(programme.title, one_line=True)}: events {counts}.\n")
    for label, names in (
        ("new calendar", summary.collections_created),
        ("deleted calendar", summary.collections_deleted),
    ):
        for name in names:
            sys.stdout.write(f"  {label} {visible(name, one_line=True)}\n")
    for label, lines in (("updated", summary.updated), ("deleted", summary.deleted)):
        for line in lines:
            sys.stdout.write(f"  {label} {visible(line, one_line=True)}\n")


def _warn_unbumped(programme: Programme, titles: list[str]) -> None:
    from itinerary.cli.export import warn_unbumped

    warn_unbumped(programme, titles)
