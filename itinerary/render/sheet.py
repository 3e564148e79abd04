"""A titled table with a box and a header row, drawn as rich's `Table` draws it, without its cost.

Rich measures and renders every cell through several layers of renderables: a few
hundred participants took a quarter of a second, and a table that has to wrap (the
participants of a real visit in 80 columns) costs rich's table module and its layout
at every start. Here the columns get the widths rich's table gives them (`widths`),
each cell is folded as rich folds a Text, and the lines are written with rich's own box
characters. What this does not lay out itself (a title or heading wider than its
column, a line break in a cell, a terminal too narrow for a column of one character) is
rich's table itself.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table

    from itinerary.render.rows import Run

PAD = 2
"""A space either side of every cell."""


class Format(NamedTuple):
    """How a column shows its cells, as rich's `Table.add_column` takes it."""

    justify: str = "left"
    """'left' or 'right'."""
    no_wrap: bool = False
    overflow: str = "fold"


FOLD = Format()


class Sheet(NamedTuple):
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[tuple[str, ...], bool]]
    """Each row's cells (shown as written: control characters escaped), and whether a line follows it."""
    formats: tuple[Format, ...] = ()
    """Each column's; every column folds its cells where none is given."""

    def format(self, column: int) -> Format:
        return self.formats[column] if self.formats else FOLD

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table()

    def table(self) -> Table:
        from rich.table import Table

        from itinerary.render.text import Text

        # Text, never str: rich would read `[bold]` or `:smile:` in a name as markup.
        table = Table(title=Text(self.title), title_justify="left", show_lines=False)
        for number, column in enumerate(self.headers):
            justify, no_wrap, overflow = self.format(number)
            table.add_column(Text(column), justify=justify, no_wrap=no_wrap, overflow=overflow)  # type: ignore[arg-type]
        for cells, end_section in self.rows:
            table.add_row(*(Text(cell) for cell in cells), end_section=end_section)
        return table

    def written(self, console: Console) -> str | None:
        """The table as `console` writes it (see render.paint), or None where rich must lay it out."""
        from itinerary.render.rows import _painted, _widest, _width
        from itinerary.visible import visible

        rows = [([visible(cell) for cell in cells], end) for cells, end in self.rows]
        title = visible(self.title)
        texts = [title, *self.headers, *(cell for cells, _ in rows for cell in cells)]
        if any("\n" in text for text in texts):
            return None
        natural = [_widest([head, *(cells[n] for cells, _ in rows)]) for n, head in enumerate(self.headers)]
        found = widths(console.width, natural, [not self.format(n).no_wrap for n in range(len(natural))])
        if (
            found is None
            # Only folded cells are wrapped here: any other column must show its cells whole.
            or any(self.format(n) != FOLD and natural[n] + PAD > width for n, width in enumerate(found))
            or _width(title) > sum(found) + len(found) + 1
            or any(_width(head) > width - PAD for head, width in zip(self.headers, found, strict=True))
        ):
            return None
        return _painted(console, self.lines(console, title, rows, found))

    def lines(
        self, console: Console, title: str, rows: list[tuple[list[str], bool]], widths: list[int]
    ) -> Iterator[list[Run]]:
        from rich.box import HEAVY_HEAD

        from itinerary.render.rows import _width

        box = HEAVY_HEAD.substitute(console.options, safe=console.safe_box)
        yield [(title + " " * (sum(widths) + len(widths) + 1 - _width(title)), "")]
        yield [(box.get_top(widths), "")]
        header = console.get_style("table.header")
        line: list[Run] = [(box.head_left, "")]
        for number, (head, width) in enumerate(zip(self.headers, widths, strict=True)):
            if number:
                line.append((box.head_vertical, ""))
            line += [(" ", header), (self.align(number, head, width - PAD), header), (" ", header)]
        yield [*line, (box.head_right, "")]
        yield [(box.get_row(widths, "head"), "")]
        for index, (cells, end_section) in enumerate(rows):
            last = index == len(rows) - 1
            left, middle, right = (
                (box.foot_left, box.foot_vertical, box.foot_right)
                if last
                else (box.mid_left, box.mid_vertical, box.mid_right)
            )
            folded = [
                fold(cell, width - PAD) if self.format(number) == FOLD else [self.align(number, cell, width - PAD)]
                for number, (cell, width) in enumerate(zip(cells, widths, strict=True))
            ]
            for number in range(max(map(len, folded))):
                padded = (
                    f" {cell[number]} " if number < len(cell) else " " * width
                    for cell, width in zip(folded, widths, strict=True)
                )
                yield [(left + middle.join(padded) + right, "")]
            if end_section and not last:
                yield [(box.get_row(widths, "row"), "")]
        yield [(box.get_bottom(widths), "")]

    def align(self, column: int, text: str, width: int) -> str:
        """A cell's text that fits its column, padded on the side its column's justify says."""
        from itinerary.render.rows import _width

        if self.format(column).justify == "right":
            text = text.rstrip()  # as rich's right justify does
            return " " * (width - _width(text)) + text
        return text + " " * (width - _width(text))


def widths(console_width: int, natural: list[int], wrapable: list[bool] | None = None) -> list[int] | None:
    """Each column's width (padding included) as rich's `Table` works it out for cells of `natural`
    widest lines, or None where a column would get no room for a character.

    As `Table._calculate_column_widths`: the widest of the columns that may wrap (all, unless
    `wrapable` says) give up cells in turn until the table fits, then every column evenly as a
    last resort.
    """
    room = console_width - len(natural) - 1  # the box's edges and the lines between columns
    if room - PAD < 1:
        return None
    found = [min(width + PAD, room) for width in natural]
    if sum(found) > room:
        found = _collapse(found, room, [True] * len(found) if wrapable is None else wrapable)
        if sum(found) > room:
            found = _reduce(sum(found) - room, [1] * len(found), found, found)
        found = [min(width + PAD, given) for width, given in zip(natural, found, strict=True)]
    return found if min(found, default=0) > PAD else None


def _collapse(widths: list[int], room: int, wrapable: list[bool]) -> list[int]:
    """`Table._collapse_widths`: the widest columns that may wrap shrink to the next widest until the
    table fits."""
    excess = sum(widths) - room
    if not any(wrapable):
        return widths
    while sum(widths) and excess > 0:
        widest = max(width for width, wraps in zip(widths, wrapable, strict=True) if wraps)
        second = max(width if wraps and width != widest else 0 for width, wraps in zip(widths, wrapable, strict=True))
        ratios = [1 if width == widest and wraps else 0 for width, wraps in zip(widths, wrapable, strict=True)]
        if not any(ratios) or not widest - second:
            break
        widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """rich's `ratio_reduce`: `total` taken from `values` in proportion to `ratios`, at most `maximums`."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result: list[int] = []
    for ratio, most, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            taken = min(most, round(ratio * remaining / total_ratio))
            result.append(value - taken)
            remaining -= taken
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def fold(text: str, width: int) -> list[str]:
    """A cell's text in lines of exactly `width` cells, broken where rich breaks a Text with
    `overflow="fold"`: between words, and inside a word longer than the line."""
    from itinerary.render.rows import _width, rstrip_end

    if text.isascii() and len(text) <= width:  # nothing to break: most cells
        return [text + " " * (width - len(text))]
    from rich._wrap import divide_line
    from rich.cells import set_cell_size

    out = []
    for start, end in pairwise([0, *divide_line(text, width, fold=True), len(text)]):
        piece = rstrip_end(text[start:end], width)
        size = _width(piece)
        out.append(set_cell_size(piece, width) if size > width else piece + " " * (width - size))
    return out
