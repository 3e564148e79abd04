"""Rows of cells laid out as rich's borderless `Table.grid` lays them out, at a fraction of its cost.

The agenda of a long programme is thousands of rows; rich measures, wraps and pads
every cell through several layers of renderables, which took seconds. Here the
columns are measured once, only the last column wraps (with rich's own line
breaking), and each line is written as styled segments: the same characters in the
same styles as rich's table. A terminal too narrow for the fixed columns falls back
to rich's table itself.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from rich.console import Console, ConsoleOptions
    from rich.segment import Segment
    from rich.style import Style
    from rich.table import Table

    from itinerary.render.text import Text

    Run = tuple[str, Style | str]
    """A run of text and its style: a name as rich reads it ('bold cyan'), or one of rich's styles."""

PAD = 2
"""Cells between columns: `Table.grid(padding=(0, 2))`, whose padding collapses between neighbours."""


class Cell(NamedTuple):
    """A cell's lines, each of one style, under a base style for the whole cell."""

    lines: tuple[tuple[str, str], ...]
    style: str = ""

    @classmethod
    def of(cls, text: str, style: str = "") -> Cell:
        return cls((("", text),), style)


class Column(NamedTuple):
    min_width: int = 0
    style: str = ""


class Rows:
    """A borderless grid: every column but the last keeps its cells on one line; the last wraps."""

    __slots__ = ("columns", "rows")

    def __init__(self, columns: tuple[Column, ...]) -> None:
        self.columns = columns
        self.rows: list[tuple[Cell | Text, ...]] = []
        """The last cell of a row may be a rich Text, of several styles in a line (see `runs`)."""

    def add_row(self, *cells: Cell) -> None:
        """A row; control characters in its text are shown, not obeyed (as `render.text.Text` does)."""
        from itinerary.visible import visible

        if not "".join([text for cell in cells for _, text in cell.lines]).isprintable():  # rarely
            cells = tuple(Cell(tuple((s, visible(t)) for s, t in c.lines), c.style) for c in cells)
        self.rows.append(cells)

    def add_text_row(self, *fixed: Cell, last: Text) -> None:
        """A row whose last cell is a Text (which shows control characters itself)."""
        self.add_row(*fixed)
        self.rows[-1] = (*self.rows[-1], last)

    def layout(self, width: int) -> tuple[list[int], int] | None:
        """The fixed columns' widths (padding included) and the last one's in `width` cells, or None where
        rich's table must lay the rows out (a terminal too narrow, a fixed cell of several lines)."""
        fixed = [
            max(column.min_width, _widest([_first(row[n]) for row in self.rows])) + PAD
            for n, column in enumerate(self.columns[:-1])
        ]
        natural = _widest([line for row in self.rows for line in _lines(row[-1])])
        room = width - sum(fixed)
        if room < 1 or any(_lines(row[n]) != [_first(row[n])] for row in self.rows for n in range(len(fixed))):
            return None
        return fixed, min(max(natural, 1), room)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        laid = self.layout(options.max_width)
        if laid is None:
            yield from console.render(self.table(), options)
            return
        yield from _plain(console, _segments(console, self.runs(console, *laid)))

    def written(self, console: Console) -> str | None:
        """The rows as `console` writes them (see render.paint), or None where rich's table lays them out."""
        laid = self.layout(console.width)
        return None if laid is None else _painted(console, self.runs(console, *laid))

    def runs(self, console: Console, fixed: list[int], width: int) -> Iterator[list[Run]]:
        """Each line as runs of (text, style name): the fixed cells (blank under a row's first line), then
        the last column's line padded to `width`, in the styles rich's table gives them."""
        names = [column.style for column in self.columns]
        under: list[Run] = [(" " * size, names[n]) for n, size in enumerate(fixed)]
        pads = [(" " * PAD, name) for name in names]
        for row in self.rows:
            last = row[-1]
            lead: list[Run] = []
            for n, size in enumerate(fixed):
                cell = row[n]
                assert isinstance(cell, Cell)
                lead.append((_fit(cell.lines[0][1], size - PAD), _join(names[n], cell.style)))
                lead.append(pads[n])
            if not isinstance(last, Cell):
                for segments in _text_lines(console, last, width):
                    yield [*lead, *((segment.text, segment.style or "") for segment in segments)]
                    lead = under
                continue
            for line_style, written in last.lines:
                name = _join(last.style, line_style)
                for text in written.split("\n") if "\n" in written else (written,):
                    for piece, blank in wrap(console, text, width, name):
                        line = [*lead, (piece, name)]
                        if blank:
                            line.append((" " * blank, last.style))
                        yield line
                        lead = under

    def table(self) -> Table:
        """The same rows as rich's own table (for a terminal too narrow to lay them out here)."""
        from rich.table import Table

        from itinerary.render.text import Text

        table = Table.grid(padding=(0, PAD))
        for n, column in enumerate(self.columns):
            last = n == len(self.columns) - 1
            table.add_column(no_wrap=not last, style=column.style or None, min_width=column.min_width or None)
        for row in self.rows:
            cells: list[Text] = []
            for cell in row:
                if not isinstance(cell, Cell):
                    cells.append(cell)
                    continue
                text = Text(style=cell.style)
                for number, (line_style, line) in enumerate(cell.lines):
                    if number:
                        text.append("\n")
                    text.append(line, style=line_style or None)
                cells.append(text)
            table.add_row(*cells)
        return table


class Lines(NamedTuple):
    """Lines already wrapped, each a run of (text, style): printed as they are, where rich would wrap
    them again. A line wider than the terminal is wrapped as rich wraps a Text. Control characters
    are shown, not obeyed (as `render.text.Text` does)."""

    lines: list[list[tuple[str, str]]]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        yield from _plain(console, self.segments(console, options))

    def segments(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for line in self.runs(options.max_width):
            if isinstance(line, list):
                yield from _segments(console, [line])
            else:
                yield from console.render(line, options)

    def written(self, console: Console) -> str:
        """The lines as `console` writes them (see render.paint); one too wide is wrapped by rich."""
        from itinerary.render.paint import painted_segments

        out: list[str] = []
        plain: list[list[Run]] = []
        for line in self.runs(console.width):
            if isinstance(line, list):
                plain.append(line)
                continue
            out.append(_painted(console, plain))
            plain = []
            out.append(painted_segments(console, console.render(line, console.options)))
        out.append(_painted(console, plain))
        return "".join(out)

    def runs(self, width: int) -> Iterator[list[Run] | Text]:
        """Each line as runs of (text, style name), or as a Text for rich to wrap where wider than `width`."""
        from itinerary.render.text import Text
        from itinerary.visible import visible

        for written in self.lines:
            line: list[Run] = [(visible(text), name) for text, name in written]
            if _width("".join(text for text, _ in line)) > width:
                folded = Text()
                for run, name in line:
                    folded.append(run, style=name)
                yield folded
            else:
                yield line


def _join(first: str, second: str) -> str:
    """Two style names as one ('bold yellow'), either may be empty."""
    return f"{first} {second}" if first and second else first or second


def _segments(console: Console, lines: Iterable[list[Run]]) -> Iterator[Segment]:
    """The runs as rich's segments, a style looked up once per name."""
    from rich.segment import Segment
    from rich.style import Style

    styles: dict[Style | str, Style] = {}
    newline = Segment.line()
    for line in lines:
        for text, name in line:
            style = styles.get(name)
            if style is None:
                style = styles[name] = (
                    name if isinstance(name, Style) else console.get_style(name) if name else Style.null()
                )
            yield Segment(text, style)
        yield newline


def _painted(console: Console, lines: Iterable[list[Run]]) -> str:
    """The runs as `console` writes them: each line ends in a newline."""
    if console.color_system is None:
        return "".join(["".join([text for text, _ in line]) + "\n" for line in lines])
    from itinerary.render.paint import painter

    paint = painter(console)
    return "".join(["".join([paint(text, name) for text, name in line]) + "\n" for line in lines])


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


def rstrip_end(piece: str, width: int) -> str:
    """A wrapped line without the trailing blanks beyond `width`, as rich's `Text.rstrip_end` drops them
    (counted in characters, not cells)."""
    if len(piece) <= width:
        return piece
    blanks = len(piece) - len(piece.rstrip())
    return piece[: len(piece) - min(blanks, len(piece) - width)]


def _width(text: str) -> int:
    """Terminal cells of `text`: its length when it is ASCII (control characters are escaped by then)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _widest(texts: list[str]) -> int:
    """The most terminal cells any of `texts` takes (0 for none)."""
    if "".join(texts).isascii():
        return max(map(len, texts), default=0)
    return max(map(_width, texts), default=0)


def _lines(cell: Cell | Text) -> list[str]:
    if not isinstance(cell, Cell):
        return cell.plain.splitlines()  # as rich measures a Text
    return [line for _, text in cell.lines for line in text.split("\n")]


def _first(cell: Cell | Text) -> str:
    return cell.lines[0][1] if isinstance(cell, Cell) else cell.plain


def _text_lines(console: Console, text: Text, width: int) -> list[list[Segment]]:
    """A Text in the wrapping column, in lines of `width` cells: the segments rich's table renders it
    in (left-justified, an over-long word cut with an ellipsis)."""
    options = console.options.update(
        width=width, justify="left", overflow="ellipsis", no_wrap=False, height=None, highlight=False
    )
    return console.render_lines(text, options, pad=True)


@lru_cache(maxsize=4096)
def _fit(text: str, width: int) -> str:
    """One line in `width` cells as a no-wrap column shows it: padded, or cut with an ellipsis."""
    if text.isascii() and len(text) <= width:
        return text + " " * (width - len(text))
    from rich.cells import set_cell_size

    size = _width(text)
    if size > width:
        return set_cell_size(text, width - 1) + "…"
    return text + " " * (width - size)


def wrap(console: Console, text: str, width: int, style: Style | str) -> list[tuple[str, int]]:
    """A line of the wrapping column in lines of `width` cells, broken where rich's table breaks it:
    (text, blank cells to pad it with)."""
    if text.isascii() and len(text) <= width and "\t" not in text:  # nothing to break: most lines
        return [(text, width - len(text))]
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
        piece = rstrip_end(text[start:end], width)
        size = _width(piece)
        if size > width:
            out.append((set_cell_size(piece, width - 1) + "…", 0))
        else:
            out.append((piece, width - size))
    return out


class Boxed(NamedTuple):
    """A table of a label column and day columns in a square box with a line between rows, as rich's
    `Table(box=SQUARE, show_lines=True, width=...)` draws it when every day column gets `width` cells:
    the body cells come as lines already wrapped to it, so only the headers and labels are wrapped here.
    Any other case (a terminal too narrow for the columns, a line too long) is rich's table itself."""

    label_width: int
    width: int
    heads: list[Text]
    """The day columns' headings."""
    rows: list[tuple[Text, list[list[list[Run]]]]]
    """Each row: its label, and each day's cell as lines of (text, style) runs."""
    table_width: int

    def fits(self, width: int) -> bool:
        count = len(self.heads)
        return self.table_width == self.label_width + 4 + count * (self.width + 3) <= width and all(
            runs_width(line) <= self.width for _, cells in self.rows for c in cells for line in c
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        if not self.fits(options.max_width):
            yield from console.render(self.table(), options)
            return
        yield from _plain(console, _segments(console, self.runs(console)))

    def written(self, console: Console) -> str | None:
        """The box as `console` writes it (see render.paint), or None where rich's table draws it."""
        return _painted(console, self.runs(console)) if self.fits(console.width) else None

    def runs(self, console: Console) -> Iterator[list[Run]]:
        """Each line of the box as (text, style) runs, in the styles rich's table gives them."""
        from itinerary.render.text import Text

        widths = [self.label_width, *([self.width] * len(self.heads))]

        def rule(left: str, middle: str, right: str) -> list[Run]:
            return [(left + middle.join("─" * (w + 2) for w in widths) + right, "")]

        yield rule("┌", "┬", "┐")
        heads = [_wrapped(console, Text(""), widths[0], "ellipsis", no_wrap=True)]
        heads += [_wrapped(console, head, self.width, "fold") for head in self.heads]
        yield from _cells(heads, widths, console.get_style("table.header"))
        for label, cells in self.rows:
            yield rule("├", "┼", "┤")
            lines = [_wrapped(console, label, widths[0], "ellipsis", no_wrap=True)]
            lines += [[(line, self.width - runs_width(line)) for line in cell] for cell in cells]
            yield from _cells(lines, widths, None)
        yield rule("└", "┴", "┘")

    def table(self) -> Table:
        from rich import box
        from rich.table import Table

        table = Table(box=box.SQUARE, show_lines=True, width=self.table_width, padding=(0, 1))
        table.add_column("", no_wrap=True, width=self.label_width)
        for head in self.heads:
            table.add_column(head, ratio=1, overflow="fold", min_width=1)
        for label, cells in self.rows:
            table.add_row(label, *map(as_text, cells))
        return table


def as_text(lines: Iterable[Iterable[Run]]) -> Text:
    """Lines of runs as one rich Text, for the places where rich must still lay them out."""
    from itinerary.render.text import Text

    text = Text()
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        for run, style in line:
            text.append(run, style=style or None)
    return text


def runs_width(line: Iterable[Run]) -> int:
    """Terminal cells of a line of runs."""
    return _width("".join([text for text, _ in line]))


def _wrapped(
    console: Console, text: Text, width: int, overflow: str, no_wrap: bool = False
) -> list[tuple[list[Run], int]]:
    """A heading or a label as rich's table cell wraps it: lines of runs, each padded in the text's style."""
    from itinerary.render.text import Text

    lines = text.wrap(console, width, justify="left", overflow=overflow, no_wrap=no_wrap)  # type: ignore[arg-type]
    # Through join, as rich's own Text does: a line's base style becomes a span (render leaves it out).
    return [([(s.text, s.style or "") for s in Text("\n").join([line]).render(console)], 0) for line in lines]


def _cells(cells: list[list[tuple[list[Run], int]]], widths: list[int], style: Style | None) -> Iterator[list[Run]]:
    """One row of the box: each cell's lines between a blank either side, shorter cells filled with blanks."""
    bar: Run = ("│", "")
    blank: Run = (" ", style or "")
    for number in range(max(len(cell) for cell in cells)):
        line = [bar]
        for cell, width in zip(cells, widths, strict=True):
            line.append(blank)
            if number < len(cell):
                runs, room = cell[number]
                if style is None:
                    line += runs
                else:
                    line += [(text, style + own if own else style) for text, own in runs]  # type: ignore[operator]
                if room:
                    line.append((" " * room, style or ""))
            else:
                line.append((" " * width, style or ""))
            line.append(blank)
            line.append(bar)
        yield line
