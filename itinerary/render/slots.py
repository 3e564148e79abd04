"""`itinerary slots`: where a meeting still fits, best first, for the terminal or as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from itinerary import serialize
from itinerary.checks import words
from itinerary.checks.timeline import labels
from itinerary.model import Programme
from itinerary.slots import Request, Slot

if TYPE_CHECKING:
    from rich.console import RenderableType


def _hours(request: Request) -> str:
    return "–".join(f"{m // 60:02d}:{m % 60:02d}" for m in request.hours)


def render(
    programme: Programme, request: Request, found: Sequence[Slot], names: str, limit: int
) -> list[RenderableType]:
    from itinerary.render.rows import Cell, Column, Rows
    from itinerary.render.text import Text

    length = words.duration(request.length)
    where = f" at {request.venue.name}" if request.venue else ""
    out: list[RenderableType] = [Text(f"{length}{where} for {names}, within {_hours(request)}", style="bold cyan")]
    if not found:
        out.append(Text("no window is long enough on the days asked, travel included", style="yellow"))
        return out
    table = Rows((Column(), Column()))
    for slot in found[: limit or None]:
        start = slot.start
        body = Text(f"at {slot.venue.name}" if slot.venue else "(no venue known)", style="bold")
        body.append(f"\n{_moving(programme, slot)} · ", style="dim")
        body.append(_note(slot, request), style="yellow" if slot.unchecked else "dim")
        if slot.skips:
            body.append(f"\nonly if they skip what is optional for them: {'; '.join(slot.skips)}", style="yellow")
        if slot.all_day:
            body.append(f"\nthat day, all day: {'; '.join(slot.all_day)}", style="yellow")
        when = f"{words.day(start)}  {start:%H:%M}–{slot.end.astimezone(start.tzinfo):%H:%M} {start.tzname()}"
        table.add_text_row(Cell.of(when), last=body)
    out.append(table)
    if limit and len(found) > limit:
        out.append(Text(f"{len(found) - limit} more (--limit 0 shows all)", style="dim"))
    return out


def _moving(programme: Programme, slot: Slot) -> str:
    if not slot.moving:
        return "nobody moves"
    return "moving: " + ", ".join(labels(programme, slot.moving))


def _note(slot: Slot, request: Request) -> str:
    if slot.unchecked:
        return "travel not checked: " + "; ".join(slot.unchecked)
    return f"{words.duration(slot.span - request.length)} to spare"


def as_json(programme: Programme, request: Request, found: Sequence[Slot], limit: int) -> dict[str, Any]:
    return {
        "programme": serialize.programme_head(programme),
        "who": sorted(request.people),
        "length_minutes": words.minutes(request.length),
        "hours": _hours(request),
        "venue": serialize.venue(request.venue),
        "slots": [
            {
                "start": serialize.instant(s.start),
                "end": serialize.instant(s.end),
                "latest_start": serialize.instant(s.end - request.length),
                "venue": serialize.venue(s.venue),
                "moving": sorted(s.moving),
                "spare_minutes": words.minutes(s.span - request.length),
                "unchecked": list(s.unchecked),
                "all_day": list(s.all_day),
                "skips_optional": list(s.skips),
            }
            for s in found[: limit or None]
        ],
        "more": max(0, len(found) - limit) if limit else 0,
    }
