"""A titled table with a box and a header row, drawn as rich's `Table` draws it, without its cost where nothing wraps.

Rich measures and renders every cell through several layers of renderables: a few
hundred participants took a quarter of a second. When every cell fits on one line
(the table's natural width fits the console), the lines are simple: each cell padded to
its column, rich's own box characters between. Anything else (a cell to wrap, a line
break in a cell) is rich's table itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.table import Table

    from itinerary.render.rows import Run


class Sheet(NamedTuple):
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[tuple[str, ...], bool]]
    """Each row's cells (shown as written: control characters escaped), and whether a line follows it."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table()

    def table(self) -> Table:
        from rich.table import Table

        from itinerary.render.text import Text

        # Text, never str: rich would read `[bold]` or `:smile:` in a name as markup.
        table = Table(title=Text(self.title), title_justify="left", show_lines=False)
        for column in self.headers:
            table.add_column(Text(column), overflow="fold")
        for cells, end_section in self.rows:
            table.add_row(*(Text(cell) for cell in cells), end_section=end_section)
        return table

    def written(self, console: Console) -> str | None:
        """The table as `console` writes it (see render.paint), or None where rich must lay it out."""
        from itinerary.render.rows import _painted, runs_width
        from itinerary.visible import visible

        rows = [([visible(cell) for cell in cells], end) for cells, end in self.rows]
        title = visible(self.title)
        widths = [runs_width([(head, "")]) for head in self.headers]
        for cells, _ in rows:
            widths = [max(width, runs_width([(cell, "")])) for width, cell in zip(widths, cells, strict=True)]
        table_width = sum(widths) + 3 * len(widths) + 1
        texts = [title, *self.headers, *(cell for cells, _ in rows for cell in cells)]
        if table_width > console.width or runs_width([(title, "")]) > table_width or any("\n" in t for t in texts):
            return None
        return _painted(console, self.lines(console, title, rows, [w + 2 for w in widths]))

    def lines(
        self, console: Console, title: str, rows: list[tuple[list[str], bool]], widths: list[int]
    ) -> Iterator[list[Run]]:
        from rich.box import HEAVY_HEAD

        from itinerary.render.rows import runs_width

        box = HEAVY_HEAD.substitute(console.options, safe=console.safe_box)
        yield [(title + " " * (sum(widths) + len(widths) + 1 - runs_width([(title, "")])), "")]
        yield [(box.get_top(widths), "")]
        header = console.get_style("table.header")
        line: list[Run] = [(box.head_left, "")]
        for number, (head, width) in enumerate(zip(self.headers, widths, strict=True)):
            if number:
                line.append((box.head_vertical, ""))
            line += [(" ", header), (head + " " * (width - 2 - runs_width([(head, "")])), header), (" ", header)]
        yield [*line, (box.head_right, "")]
        yield [(box.get_row(widths, "head"), "")]
        for index, (cells, end_section) in enumerate(rows):
            last = index == len(rows) - 1
            left, middle, right = (
                (box.foot_left, box.foot_vertical, box.foot_right)
                if last
                else (box.mid_left, box.mid_vertical, box.mid_right)
            )
            padded = (
                f" {cell}{' ' * (width - 2 - runs_width([(cell, '')]))} "
                for cell, width in zip(cells, widths, strict=True)
            )
            yield [(left + middle.join(padded) + right, "")]
            if end_section and not last:
                yield [(box.get_row(widths, "row"), "")]
        yield [(box.get_bottom(widths), "")]
