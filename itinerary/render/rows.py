"""Rows of cells laid out as rich's borderless `Table.grid` lays them out, at a fraction of its cost.

The agenda of a long programme is thousands of rows; rich measures, wraps and pads
every cell through several layers of renderables, which took seconds. Here the
columns are measured once, only the last column wraps (with rich's own line
breaking), and each line is written as styled segments: the same characters in the
same styles as rich's table. A terminal too narrow for the fixed columns falls back
to rich's table itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from rich.console import Console, ConsoleOptions
    from rich.segment import Segment
    from rich.style import Style
    from rich.table import Table

    from itinerary.render.text import Text

PAD = 2
"""Cells between columns: `Table.grid(padding=(0, 2))`, whose padding collapses between neighbours."""


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's lines, each of one style, under a base style for the whole cell."""

    lines: tuple[tuple[str, str], ...]
    style: str = ""

    @classmethod
    def of(cls, text: str, style: str = "") -> Cell:
        return cls((("", text),), style)


@dataclass(frozen=True, slots=True)
class Column:
    min_width: int = 0
    style: str = ""


@dataclass
class Rows:
    """A borderless grid: every column but the last keeps its cells on one line; the last wraps."""

    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)

    def add_row(self, *cells: Cell) -> None:
        """A row; control characters in its text are shown, not obeyed (as `render.text.Text` does)."""
        from itinerary.visible import visible

        self.rows.append(tuple(Cell(tuple((s, visible(t)) for s, t in c.lines), c.style) for c in cells))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:

        fixed = [
            max([column.min_width, *(_width(row[n].lines[0][1]) for row in self.rows)]) + PAD
            for n, column in enumerate(self.columns[:-1])
        ]
        natural = max((_width(line) for row in self.rows for line in _lines(row[-1])), default=0)
        room = options.max_width - sum(fixed)
        if room < 1 or any(len(row[n].lines) != 1 for row in self.rows for n in range(len(fixed))):
            yield from console.render(self.table(), options)
            return
        yield from _plain(console, self.segments(console, fixed, min(max(natural, 1), room)))

    def segments(self, console: Console, fixed: list[int], width: int) -> Iterator[Segment]:
        from rich.segment import Segment
        from rich.style import Style

        styles: dict[tuple[str, ...], Style] = {}

        def style(*names: str) -> Style:
            found = styles.get(names)
            if found is None:
                key = " ".join(n for n in names if n)
                found = styles[names] = console.get_style(key) if key else Style.null()
            return found

        newline = Segment.line()
        for row in self.rows:
            last = row[-1]
            base = style(last.style)
            lines = [
                (style(last.style, line_style), piece)
                for line_style, written in last.lines
                for text in written.split("\n")
                for piece in wrap(console, text, width, style(last.style, line_style))
            ]
            for index, (body_style, (body, blank)) in enumerate(lines):
                for n, size in enumerate(fixed):
                    column = self.columns[n].style
                    if index:
                        yield Segment(" " * size, style(column))
                        continue
                    cell = row[n]
                    text = _fit(cell.lines[0][1], size - PAD)
                    yield Segment(text, style(column, cell.style))
                    yield Segment(" " * PAD, style(column))
                yield Segment(body, body_style)
                if blank:
                    yield Segment(" " * blank, base)
                yield newline

    def table(self) -> Table:
        """The same rows as rich's own table (for a terminal too narrow to lay them out here)."""
        from rich.table import Table

        from itinerary.render.text import Text

        table = Table.grid(padding=(0, PAD))
        for n, column in enumerate(self.columns):
            last = n == len(self.columns) - 1
            table.add_column(no_wrap=not last, style=column.style or None, min_width=column.min_width or None)
        for row in self.rows:
            cells = []
            for cell in row:
                text = Text(style=cell.style)
                for number, (line_style, line) in enumerate(cell.lines):
                    if number:
                        text.append("\n")
                    text.append(line, style=line_style or None)
                cells.append(text)
            table.add_row(*cells)
        return table


@dataclass(frozen=True, slots=True)
class Lines:
    """Lines already wrapped, each a run of (text, style): printed as they are, where rich would wrap
    them again. A line wider than the terminal is wrapped as rich wraps a Text. Control characters
    are shown, not obeyed (as `render.text.Text` does)."""

    lines: list[list[tuple[str, str]]]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        yield from _plain(console, self.segments(console, options))

    def segments(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        from itinerary.render.text import Text
        from itinerary.visible import visible

        styles: dict[str, Style] = {}
        newline = Segment.line()
        for written in self.lines:
            line = [(visible(text), name) for text, name in written]
            if _width("".join(text for text, _ in line)) > options.max_width:
                folded = Text()
                for run, name in line:
                    folded.append(run, style=name)
                yield from console.render(folded, options)
                continue
            for run, name in line:
                if name not in styles:
                    styles[name] = console.get_style(name)
                yield Segment(run, styles[name])
            yield newline


def _plain(console: Console, segments: Iterable[Segment]) -> Iterator[Segment]:
    """Without colour (into a pipe) styles write nothing: each line as one segment, which rich handles
    many times faster than a dozen. With colour, the segments as they are."""
    if console.color_system is not None:
        yield from segments
        return
    from rich.segment import Segment

    parts: list[str] = []
    for segment in segments:
        if segment.text == "\n":
            yield Segment("".join(parts))
            yield segment
            parts = []
        else:
            parts.append(segment.text)
    if parts:
        yield Segment("".join(parts))


def _width(text: str) -> int:
    """Terminal cells of `text`: its length when it is ASCII (control characters are escaped by then)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _lines(cell: Cell) -> list[str]:
    return [line for _, text in cell.lines for line in text.split("\n")]


def _fit(text: str, width: int) -> str:
    """One line in `width` cells as a no-wrap column shows it: padded, or cut with an ellipsis."""
    from rich.cells import set_cell_size

    size = _width(text)
    if size > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - size)


def wrap(console: Console, text: str, width: int, style: Style) -> list[tuple[str, int]]:
    """A line of the wrapping column in lines of `width` cells, broken where rich's table breaks it:
    (text, blank cells to pad it with)."""
    from rich._wrap import divide_line
    from rich.cells import set_cell_size

    if "\t" in text:
        from itinerary.render.text import Text

        lines = Text(text, style=style).wrap(console, width, justify="left", overflow="ellipsis")
        return [(line.plain, 0) for line in lines]
    fits = text.isascii() and len(text) <= width  # nothing to break: most lines
    offsets = [0, *([] if fits else divide_line(text, width, fold=False)), len(text)]
    out = []
    for start, end in pairwise(offsets):
        piece = text[start:end]
        if len(piece) > width:  # rich drops trailing blanks beyond the width (counted in characters)
            excess = len(piece) - width
            blanks = len(piece) - len(piece.rstrip())
            piece = piece[: len(piece) - min(blanks, excess)]
        size = _width(piece)
        if size > width:
            out.append((set_cell_size(piece, width - 1) + "…", 0))
        else:
            out.append((piece, width - size))
    return out


@dataclass(frozen=True, slots=True)
class Boxed:
    """A table of a label column and day columns in a square box with a line between rows, as rich's
    `Table(box=SQUARE, show_lines=True, width=...)` draws it when every day column gets `width` cells:
    the body cells come as lines already wrapped to it, so only the headers and labels are wrapped here.
    Any other case (a terminal too narrow for the columns, a line too long) is rich's table itself."""

    label_width: int
    width: int
    heads: list[Text]
    """The day columns' headings."""
    rows: list[tuple[Text, list[list[Text]]]]
    """Each row: its label, and each day's cell as lines."""
    table_width: int

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:

        count = len(self.heads)
        fits = self.table_width == self.label_width + 4 + count * (self.width + 3) <= options.max_width
        if not fits or any(_width(line.plain) > self.width for _, cells in self.rows for c in cells for line in c):
            yield from console.render(self.table(), options)
            return
        yield from _plain(console, self.segments(console))

    def segments(self, console: Console) -> Iterator[Segment]:
        from rich.segment import Segment

        from itinerary.render.text import Text

        widths = [self.label_width, *([self.width] * len(self.heads))]
        line = Segment.line()

        def rule(left: str, middle: str, right: str) -> Iterator[Segment]:
            yield Segment(left + middle.join("─" * (w + 2) for w in widths) + right)
            yield line

        header = console.get_style("table.header")
        yield from rule("┌", "┬", "┐")
        heads = [_wrapped(console, Text(""), widths[0], "ellipsis", no_wrap=True)]
        heads += [_wrapped(console, head, self.width, "fold") for head in self.heads]
        yield from _cells(heads, widths, header)
        for label, cells in self.rows:
            yield from rule("├", "┼", "┤")
            lines = [_wrapped(console, label, widths[0], "ellipsis", no_wrap=True)]
            lines += [[(part.render(console), self.width - part.cell_len) for part in cell] for cell in cells]
            yield from _cells(lines, widths, None)
        yield from rule("└", "┴", "┘")

    def table(self) -> Table:
        from rich import box
        from rich.table import Table

        from itinerary.render.text import Text

        table = Table(box=box.SQUARE, show_lines=True, width=self.table_width, padding=(0, 1))
        table.add_column("", no_wrap=True, width=self.label_width)
        for head in self.heads:
            table.add_column(head, ratio=1, overflow="fold", min_width=1)
        for label, cells in self.rows:
            joined = []
            for cell in cells:
                text = Text()
                for number, part in enumerate(cell):
                    if number:
                        text.append("\n")
                    text.append_text(part)
                joined.append(text)
            table.add_row(label, *joined)
        return table


def _wrapped(
    console: Console, text: Text, width: int, overflow: str, no_wrap: bool = False
) -> list[tuple[Iterable[Segment], int]]:
    """A heading or a label as rich's table cell wraps it: lines of segments, each padded in the text's style."""
    from itinerary.render.text import Text

    lines = text.wrap(console, width, justify="left", overflow=overflow, no_wrap=no_wrap)  # type: ignore[arg-type]
    # Through join, as rich's own Text does: a line's base style becomes a span (render leaves it out).
    return [(list(Text("\n").join([line]).render(console)), 0) for line in lines]


def _cells(
    cells: list[list[tuple[Iterable[Segment], int]]], widths: list[int], style: Style | None
) -> Iterator[Segment]:
    """One row of the box: each cell's lines between a blank either side, shorter cells filled with blanks."""
    from rich.segment import Segment

    bar = Segment("│")
    blank = Segment(" ", style)
    for number in range(max(len(cell) for cell in cells)):
        yield bar
        for cell, width in zip(cells, widths, strict=True):
            yield blank
            if number < len(cell):
                segments, room = cell[number]
                for segment in segments:
                    yield Segment(
                        segment.text, style + segment.style if style and segment.style else style or segment.style
                    )
                if room:
                    yield Segment(" " * room, style)
            else:
                yield Segment(" " * width, style)
            yield blank
            yield bar
        yield Segment.line()
