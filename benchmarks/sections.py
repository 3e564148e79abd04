"""Benchmark sections beyond load and CLI; each registers itself with `benchmarks.run.register`."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.run import JAPAN, best_of, cli, register, report, synthetic

if TYPE_CHECKING:
    from itinerary.model import Programme


# -- issue 5: the week grid and the printed programme ------------------------------------------------


@register("grid")
def bench_grid(tmp: Path) -> None:
    """The week grid built and laid out for a 120-column terminal, on models already loaded."""
    from io import StringIO

    from rich.console import Console

    from itinerary.load import load
    from itinerary.render import grid
    from itinerary.timeutil import zone

    def draw(programme: Programme) -> str:
        out = StringIO()
        console = Console(file=out, width=120, color_system=None)
        table = grid.build(programme, programme.events, zone(programme.timezone))
        for renderable in grid.render(programme, table, 120):
            console.print(renderable)
        return out.getvalue()

    print("# grid (build + rich layout at 120 columns, in process)")
    japan = load(JAPAN)
    report("japan", *best_of(lambda: draw(japan)))
    big = load(synthetic(tmp, 5000))
    report("5000 events, 300 participants", *best_of(lambda: draw(big), 3))
    report("itinerary grid japan.yaml (whole process)", *best_of(cli(["grid", str(JAPAN)]), 7))


@register("print")
def bench_print(tmp: Path) -> None:
    """The printed programme's HTML (the checks it runs for the DRAFT box included), on models already loaded."""
    from itinerary.checks import run_checks
    from itinerary.load import load
    from itinerary.render import html
    from itinerary.timeutil import zone

    def page(programme: Programme, who: str | None = None) -> str:
        # A copy, so that nothing the checks worked out for an earlier run is reused.
        return html.page(dataclasses.replace(programme), zone(programme.timezone), who).text

    print("# print (HTML page, checks for the DRAFT box included, in process)")
    japan = load(JAPAN)
    report("japan", *best_of(lambda: page(japan)))
    report("japan --who tea-petrin", *best_of(lambda: page(japan, "tea-petrin")))
    big = load(synthetic(tmp, 5000))
    size = len(page(big).encode()) // 1024
    report(f"5000 events, 300 participants ({size} KiB)", *best_of(lambda: page(big), 3))
    report("  of which the checks", *best_of(lambda: run_checks(dataclasses.replace(big)), 3))
    out = tmp / "programme.html"
    report(
        "itinerary print japan.yaml -o page (whole process)", *best_of(cli(["print", str(JAPAN), "-o", str(out)]), 7)
    )
