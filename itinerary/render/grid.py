"""The week at a glance, as the seed's Attachment I draws it: a column per day, a row per part of the day.

`build` makes the grid as plain data (the HTML page draws it too); `render` lays it out
for a terminal, wrapping the days into bands rather than crushing the columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import lru_cache
from math import ceil
from typing import TYPE_CHECKING, Any

from itinerary import serialize
from itinerary.model import DayPart, Event, Kind, Programme
from itinerary.render.agenda import ESTIMATED, USUAL_HOURS, clock, times_in, usual_hours
from itinerary.select import Day, by_day, local_date
from itinerary.timeutil import days_span, wall, zone_key

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console, RenderableType

    from itinerary.render.rows import Run
    from itinerary.render.text import Text

ALL_DAY = DayPart("All day", 0, 24)
"""A leading row, only when something has no time (a free day)."""

ARROW = "->"
"""ASCII: '→' is of ambiguous width, two cells in many CJK terminals, which breaks the columns."""

MIN_DAY_WIDTH = 24
"""Below this a day's column reads worse than a second band of days."""


@dataclass(frozen=True, slots=True)
class Leg:
    origin: str
    arrive: str
    """The arrival clock, '10:33', '~09:00' when estimated, '11:30+1' on a later day."""
    destination: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One line (or two, for a leg) in a cell."""

    event: Event
    start: str
    """'09:30', or 'all day'."""
    end: str
    """'12:00' where the file gives the end (and the event is no leg), else ''."""
    title: str
    """Short: a long title is cut at its first comma or bracket (the agenda has it whole)."""
    leg: Leg | None = None
    at: datetime | None = None
    """The instant that places it in the grid: the start, or the check-out of a hotel."""

    @property
    def time(self) -> str:
        return f"{self.start}-{self.end}" if self.end else self.start


@dataclass(frozen=True, slots=True)
class Column:
    day: Day
    cells: tuple[tuple[Entry, ...], ...]
    """One tuple of entries per row of the grid."""


@dataclass(frozen=True, slots=True)
class Grid:
    rows: tuple[DayPart, ...]
    columns: tuple[Column, ...]
    tz: tzinfo | None
    """None: each event in its own zone (local days)."""


def short_title(title: str, limit: int = 40) -> str:
    """'Meeting with Mr. X, Director for ...' -> 'Meeting with Mr. X'; short titles stay whole."""
    if len(title) <= limit:
        return title
    cuts = [i for i in (title.find(sep, 12) for sep in (", ", " (", " - ", " – ", "; ")) if i > 0]
    return title[: min(cuts)] if cuts else title


def part_index(parts: tuple[DayPart, ...], instant: datetime, tz: tzinfo | None) -> int:
    """The part a time falls in; before the first part counts as the first, in a gap as the next."""
    local = wall(instant, tz)
    minutes = local.hour * 60 + local.minute
    for index, part in enumerate(parts):
        if minutes < part.end_hour * 60:
            return index
    return len(parts) - 1


def entries(event: Event, tz: tzinfo | None, day: date) -> list[Entry]:
    """What a day's cell shows of an event that starts on it (a hotel also shows its check-out)."""
    title = short_title(event.title) + (" (tentative)" if event.tentative else "")
    if event.all_day:
        return [Entry(event, "TBC" if event.tbc else "all day", "", title, at=event.start)]
    start = clock(event.start, tz, day)
    if event.kind is Kind.HOTEL:
        return [
            Entry(event, (ESTIMATED if event.check_in_usual else "") + start, "", f"Check-in {title}", at=event.start)
        ]
    if event.route is not None:
        arrive = (ESTIMATED if event.end_estimated else "") + clock(event.end, tz, day)
        leg = Leg(event.route[0], arrive, event.route[1])
        return [Entry(event, start, "", title, leg, at=event.start)]
    end = "" if event.end_estimated else clock(event.end, tz, day)
    return [Entry(event, start, end, title, at=event.start)]


MEAL_ROWS = ("breakfast", "brunch", "lunch", "dinner", "supper", "meal")
"""Rows named for a meal: a `meal` goes in the nearest one rather than the part its start falls in."""

MEAL_REACH = 90
"""Minutes from a meal row's hours within which a meal belongs to it (a lunch at 13:30)."""


def row_of(parts: tuple[DayPart, ...], event: Event, tz: tzinfo | None) -> int:
    """The part an event sits in: where its start falls, but a meal in the meal row nearest its start."""
    index = part_index(parts, event.start, tz)
    if event.kind is not Kind.MEAL:
        return index
    local = wall(event.start, tz)
    minutes = local.hour * 60 + local.minute
    near = [(max(part.start_hour * 60 - minutes, minutes - part.end_hour * 60, 0), n) for n, part in meal_rows(parts)]
    distance, nearest = min(near, default=(MEAL_REACH + 1, index))
    return nearest if distance <= MEAL_REACH else index


@lru_cache(maxsize=64)
def meal_rows(parts: tuple[DayPart, ...]) -> tuple[tuple[int, DayPart], ...]:
    """The parts named for a meal, with their index: read once, not for every meal placed."""
    return tuple((n, part) for n, part in enumerate(parts) if any(word in part.name.lower() for word in MEAL_ROWS))


def check_out(event: Event, tz: tzinfo | None) -> Entry:
    usual = ESTIMATED if event.check_out_usual else ""
    return Entry(event, usual + clock(event.end, tz), "", f"Check-out {short_title(event.title)}", at=event.end)


Placed = tuple[tuple[int, Entry], ...]
"""(row, entry) pairs: where an event's entries go in a day's column."""


class Placing:
    """Where an event goes in a grid of one programme read in one zone: its entries, each with its row."""

    def __init__(self, programme: Programme, tz: tzinfo | None) -> None:
        self.programme = programme
        self.tz = tz
        self.parts = tuple(programme.day_parts)

    def on(self, event: Event, day: date, untimed: bool) -> Placed:
        """The entries of an event on the day it starts (`untimed`: the grid leads with a row for items
        without a time)."""
        row = 0 if event.all_day else row_of(self.parts, event, self.tz) + int(untimed)
        return tuple((row, entry) for entry in entries(event, self.tz, day))

    def out(self, event: Event, untimed: bool) -> tuple[date, int, Entry]:
        """A timed hotel stay's check-out: its day, row and entry."""
        day = local_date(event.end, self.tz)
        return day, part_index(self.parts, event.end, self.tz) + int(untimed), check_out(event, self.tz)


class KeptPlacing(Placing):
    """A placing that keeps what it worked out, for the grids of one programme read in one zone: a folder's
    publish draws one per participant and group, each of mostly the same events.

    Kept by identity, each entry holding its event, so an id is not reused while its entry stands.
    """

    def __init__(self, programme: Programme, tz: tzinfo | None) -> None:
        super().__init__(programme, tz)
        self._on: dict[tuple[int, date, bool], tuple[Event, Placed]] = {}
        self._out: dict[tuple[int, bool], tuple[Event, date, int, Entry]] = {}

    def on(self, event: Event, day: date, untimed: bool) -> Placed:
        known = self._on.get((id(event), day, untimed))
        if known is None or known[0] is not event:
            known = self._on[id(event), day, untimed] = (event, super().on(event, day, untimed))
        return known[1]

    def out(self, event: Event, untimed: bool) -> tuple[date, int, Entry]:
        known = self._out.get((id(event), untimed))
        if known is None or known[0] is not event:
            known = self._out[id(event), untimed] = (event, *super().out(event, untimed))
        return known[1:]


def build(programme: Programme, events: tuple[Event, ...], tz: tzinfo | None, placing: Placing | None = None) -> Grid:
    """Every day of the visit (and any day an event falls on in `tz`), by part of the day.

    `placing` (a KeptPlacing, kept between grids of the same programme and zone) saves placing each event anew.
    """
    placing = placing or Placing(programme, tz)
    if placing.programme is not programme or placing.tz != tz:
        raise ValueError("placing is for another programme or zone")
    days = by_day(programme, events, tz)
    untimed = any(e.all_day for e in events)
    rows = (untimed_row(placing.parts), *placing.parts) if untimed else placing.parts
    placed: dict[date, list[list[Entry]]] = {day.date: [[] for _ in rows] for day in days}
    for day in days:
        column = placed[day.date]
        for event in day.events:
            for row, entry in placing.on(event, day.date, untimed):
                column[row].append(entry)
            if event.kind is Kind.HOTEL and not event.all_day:
                out_day, row, entry = placing.out(event, untimed)
                if out_day in placed:
                    placed[out_day][row].append(entry)
    columns = []
    for day in days:
        cells = tuple(tuple(sorted(cell, key=lambda e: (e.at, e.event.end))) for cell in placed[day.date])
        columns.append(Column(day, cells))
    return Grid(rows, tuple(columns), tz)


def untimed_row(parts: tuple[DayPart, ...]) -> DayPart:
    """The leading row for items without a time, named unlike every part of the file's day (rows are keyed by name)."""
    names = {part.name for part in parts}
    name = ALL_DAY.name
    while name in names:
        name += " (no time)"
    return _UNTIMED.setdefault(name, DayPart(name, 0, 24))


_UNTIMED = {ALL_DAY.name: ALL_DAY}


def hours(part: DayPart) -> str:
    return f"{part.start_hour}-{part.end_hour}" if part is not _UNTIMED.get(part.name) else ""


def column_heading(day: Day) -> str:
    return f"{day.date:%a} {day.date.day} {day.date:%b}"


def bands(count: int, width: int, label_width: int, minimum: int = MIN_DAY_WIDTH) -> list[range]:
    """Split `count` days into as few even bands as let every column keep `minimum` cells.

    A rich table with a box and one cell of padding either side takes `label + 4 + n x (w + 3)` cells.
    """
    fit = max(1, (width - label_width - 4) // (minimum + 3))
    if count <= 0:
        return []
    band_count = ceil(count / fit)
    per_band = ceil(count / band_count)
    return [range(start, min(start + per_band, count)) for start in range(0, count, per_band)]


def hanging(when: list[Run], body: list[list[Run]], gutter: int) -> list[list[Run]]:
    """`body` (lines of runs, wrapped) beside its times, continuation lines indented past them: the cell's lines.

    Done by hand rather than with a table per cell: rich lays out a nested table per cell
    some twenty times slower, which shows on a programme of thousands of events.
    """
    from itinerary.render.rows import runs_width

    out = []
    for row in range(max(len(body), len(when))):
        stamp = when[row] if row < len(when) else ("", "")
        line = [stamp]
        if row < len(body):
            line.append((" " * (gutter - runs_width([stamp]) + 1), ""))
            line += body[row]
        out.append(line)
    return out


def render(programme: Programme, grid: Grid, width: int, who: str | None = None) -> list[RenderableType]:
    """Title, then one table per band of days."""
    from rich.cells import cell_len
    from rich.console import Console

    from itinerary.render.rows import Boxed
    from itinerary.render.text import Text

    out: list[RenderableType] = [_title(programme, grid, who)]
    label_width = max([cell_len(p.name) for p in grid.rows] + [cell_len(hours(p)) for p in grid.rows] + [1])
    measure = Console(width=width, color_system=None)
    split = bands(len(grid.columns), width, label_width)
    # Every band as wide as a full one would be, so that a short last band keeps the columns' width.
    per_band = max((len(b) for b in split), default=1)
    day_width = max(MIN_DAY_WIDTH, (width - label_width - 4) // per_band - 3)
    for band in split:
        columns = [grid.columns[i] for i in band]
        rows = []
        for index, part in enumerate(grid.rows):
            label = Text(part.name, style="bold")
            if hours(part):
                label.append("\n" + hours(part), style="dim")
            rows.append((label, [cell_lines(column.cells[index], day_width, measure) for column in columns]))
        table_width = min(width, label_width + 4 + len(columns) * (day_width + 3))
        out.append(Text(""))
        out.append(Boxed(label_width, day_width, [_heading(column) for column in columns], rows, table_width))
    if any(e.leg.arrive.startswith(ESTIMATED) for c in grid.columns for cell in c.cells for e in cell if e.leg):
        out.append(Text(f"{ESTIMATED} arrival estimated: the kind's default, or the next item's start if sooner"))
    if any(usual_hours(entry.event) for column in grid.columns for cell in column.cells for entry in cell):
        out.append(Text(USUAL_HOURS))
    return out


def _title(programme: Programme, grid: Grid, who: str | None) -> Text:
    from itinerary.render.text import Text

    title = Text(programme.title, style="bold")
    title.append(f"  {days_span(programme.start, programme.end)}")
    title.append(f"  {times_in(programme, (e for c in grid.columns for e in c.day.events), grid.tz)}", style="dim")
    if who:
        title.append(f"  for {programme.name_of(who)}", style="dim")
    return title


def _heading(column: Column) -> Text:
    from itinerary.render.text import Text

    head = Text(column_heading(column.day), style="bold")
    if column.day.cities:
        head.append("\n" + ", ".join(column.day.cities), style="dim")
    return head


def cell_lines(entries: Sequence[Entry], width: int, console: Console) -> list[list[Run]]:
    """A cell of the grid as lines of `width` cells at most, each a list of (text, style) runs: each entry's
    times, and beside them what it is."""
    from itinerary.render.rows import runs_width
    from itinerary.visible import visible

    gutter = max((runs_width([(x, "")]) for e in entries for x in (e.start, f"-{e.end}" if e.end else "")), default=0)
    lines: list[list[Run]] = []
    for entry in entries:
        body: list[list[Run]]
        if entry.leg is not None:
            leg = entry.leg
            body = [
                [
                    (visible(f"{leg.origin} {ARROW} "), ""),
                    (visible(leg.arrive), "cyan"),
                    (visible(f" {leg.destination}"), ""),
                ],
                [(visible(entry.title), "dim")],
            ]
        else:
            body = [[(visible(entry.title), "")]]
        when: list[Run] = [(visible(entry.start), "cyan")]
        if entry.end:
            when.append((visible(f"-{entry.end}"), "dim cyan"))
        lines += hanging(when, _wrapped(body, max(1, width - gutter - 1), console), gutter)
    return lines


def _wrapped(body: list[list[Run]], width: int, console: Console) -> list[list[Run]]:
    """The body's lines folded to `width` cells as rich wraps a Text (overflow fold): ASCII lines that fit
    stay as they are; any other is wrapped by rich."""
    if all(0 < len(plain := "".join(t for t, _ in line)) <= width and plain.isascii() for line in body):
        return body
    from itinerary.render.rows import as_text

    wrapped = as_text(body).wrap(console, width, overflow="fold")
    return [[(s.text, s.style or "") for s in line.render(console)] for line in wrapped]


def entry_json(programme: Programme, entry: Entry, tz: tzinfo | None) -> dict[str, Any]:
    leg = entry.leg
    return {
        "event": entry.event.id,
        "kind": entry.event.kind.value,
        "time": entry.time,
        "start": entry.start,
        "end": entry.end or None,
        "title": entry.title,
        "full_title": entry.event.title,
        "at": serialize.instant(entry.at, tz) if entry.at else None,
        "leg": {"from": leg.origin, "arrive": leg.arrive, "to": leg.destination} if leg else None,
        "who_label": programme.who_label(entry.event),
    }


def as_json(programme: Programme, grid: Grid, who: str | None = None) -> dict[str, Any]:
    return {
        "programme": serialize.programme_head(programme),
        "timezone": zone_key(grid.tz) if grid.tz is not None else programme.timezone,
        "local_times": grid.tz is None,
        "who": who,
        "rows": [{"name": p.name, "start_hour": p.start_hour, "end_hour": p.end_hour} for p in grid.rows],
        "days": [
            {
                "date": column.day.date.isoformat(),
                "weekday": f"{column.day.date:%A}",
                "cities": list(column.day.cities),
                "cells": {
                    part.name: [entry_json(programme, e, grid.tz) for e in cell]
                    for part, cell in zip(grid.rows, column.cells, strict=True)
                },
            }
            for column in grid.columns
        ],
    }
