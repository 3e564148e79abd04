"""What an export wrote, as a table for people or as data for scripts."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itinerary import serialize
from itinerary.export.files import Written
from itinerary.model import Programme

if TYPE_CHECKING:
    from itinerary.render.sheet import Sheet


def who(programme: Programme, ref: str | None) -> str:
    if ref is None:
        return "everyone (whole programme)"
    return f"{programme.name_of(ref)} (group)" if ref in programme.groups else programme.name_of(ref)


def table(programme: Programme, rows: Sequence[Written]) -> Sheet:
    from itinerary.render.sheet import Format, Sheet

    folders = sorted({str(Path(row.file).parent) for row in rows})
    where = f" in {folders[0]}" if len(folders) == 1 else ""
    return Sheet(
        f"{programme.title}, revision {programme.revision}: calendars{where}",
        ("File", "For", "Events", "Status"),
        [
            ((Path(row.file).name if where else row.file, who(programme, row.ref), str(row.events), row.status), False)
            for row in rows
        ],
        (
            Format("left", True, "ellipsis"),
            Format(),
            Format("right", False, "ellipsis"),
            Format("left", False, "ellipsis"),
        ),
    )


def as_json(programme: Programme, rows: Sequence[Written]) -> dict[str, Any]:
    return {
        "programme": serialize.programme_head(programme),
        "files": [{"file": r.file, "who": r.ref, "name": r.name, "events": r.events, "status": r.status} for r in rows],
    }
