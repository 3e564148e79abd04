"""What an export wrote, as a table for people or as data for scripts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itinerary import serialize
from itinerary.export.files import Written
from itinerary.model import Programme

if TYPE_CHECKING:
    from rich.table import Table


def who(programme: Programme, ref: str | None) -> str:
    if ref is None:
        return "everyone (whole programme)"
    return f"{programme.name_of(ref)} (group)" if ref in programme.groups else programme.name_of(ref)


def table(programme: Programme, rows: Sequence[Written]) -> Table:
    from rich.table import Table

    from itinerary.render.text import Text

    folders = sorted({str(Path(row.file).parent) for row in rows})
    where = f" in {folders[0]}" if len(folders) == 1 else ""
    title = Text(f"{programme.title}, revision {programme.revision}: calendars{where}")
    grid = Table(title=title, title_justify="left")
    grid.add_column(Text("File"), no_wrap=True)
    grid.add_column(Text("For"), overflow="fold")
    grid.add_column(Text("Events"), justify="right")
    grid.add_column(Text("Status"))
    for row in rows:
        name = Path(row.file).name if where else row.file
        grid.add_row(Text(name), Text(who(programme, row.ref)), Text(str(row.events)), Text(row.status))
    return grid


def as_json(programme: Programme, rows: Sequence[Written]) -> dict[str, Any]:
    return {
        "programme": serialize.programme_head(programme),
        "files": [{"file": r.file, "who": r.ref, "name": r.name, "events": r.events, "status": r.status} for r in rows],
    }
