"""`itinerary diff`: what changed between two versions, per participant."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from itinerary.cli import options
from itinerary.cli.app import app
from itinerary.cli.options import Format, FormatOpt, WhoOpt
from itinerary.cli.output import console, emit_json, fail

if TYPE_CHECKING:
    from itinerary.model import Programme

OldArg = Annotated[
    Path, typer.Argument(metavar="OLD", help="The earlier version (programme file or .ics).", show_default=False)
]
NewArg = Annotated[
    Path, typer.Argument(metavar="NEW", help="The later version (programme file or .ics).", show_default=False)
]


@app.command()
def diff(old_file: OldArg, new_file: NewArg, who: WhoOpt = None, format: FormatOpt = Format.text) -> None:
    """What changed between two versions, per participant: added, cancelled, moved, new venue, attendance.

    Events are matched by identity (their `id`, else day and title), as calendar UIDs are.
    Exit 0 when nothing changed (for --who: nothing that concerns them), 1 when something did.
    """
    old = options.programme(old_file)
    new = options.programme(new_file)
    from itinerary.diff import compare
    from itinerary.render import diff as view

    found = compare(old, new)
    if who is not None:
        who = _who(old, new, who)
        if not found.members(who) and who not in old.groups and who not in new.groups:
            close = new.closest(who) or old.closest(who)
            hint = f" (did you mean {close!r}?)" if close else ""
            fail(f"--who: no participant or group {who!r} in either version{hint}")
        found = found.only(who)
    if format is Format.json:
        emit_json(view.as_json(found, str(old_file), str(new_file), who))
    else:
        out = console()
        for line in view.render(found, str(old_file), str(new_file), who):
            out.print(line, soft_wrap=True)
    raise typer.Exit(1 if found.changed else 0)


def _who(old: Programme, new: Programme, typed: str) -> str:
    """`--who` of `diff`: an id in either version, else what the later version (or the earlier) finds for it."""
    if any(typed in p.participants or typed in p.groups for p in (new, old)):
        return typed
    return new.find(typed) or old.find(typed) or typed
