"""Benchmark sections beyond load and CLI; each registers itself with `benchmarks.run.register`."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.run import JAPAN, SIZES, best_of, cli, register, report, synthetic

if TYPE_CHECKING:
    from itinerary.model import Programme


# -- issue 3: itinerary check ------------------------------------------------------------------------


@register("check")
def bench_check(tmp: Path) -> None:
    """run_checks on models already loaded (loading is the `load` section's concern), and each check alone."""
    from itinerary.checks import CHECKS, run_checks
    from itinerary.load import load

    def fresh(programme: Programme) -> list[object]:
        # A copy, so that nothing worked out for an earlier run is reused.
        return list(run_checks(dataclasses.replace(programme)))

    print("# check (run_checks on the loaded model, in process)")
    japan = load(JAPAN)
    report(f"japan ({len(fresh(japan))} findings)", *best_of(lambda: fresh(japan)))
    for n in SIZES:
        programme = load(synthetic(tmp, n))
        found = fresh(programme)
        report(f"{n} events, 300 participants ({len(found)} findings)", *best_of(lambda p=programme: fresh(p), 3))
        if n == SIZES[-1]:
            copy = dataclasses.replace(programme)
            for check in CHECKS:
                t0 = time.perf_counter()
                list(check(copy))
                print(
                    f"  {check.__name__:<20} {(time.perf_counter() - t0) * 1000:8.1f} ms (work shared with later checks counted here)"
                )


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


# -- issue 4: itinerary export ----------------------------------------------------------------------


@register("export")
def bench_export(tmp: Path) -> None:
    """Every participant's calendar plus the programme's, in process and as the whole command."""
    from datetime import UTC, datetime

    from itinerary.export import ics
    from itinerary.load import load

    print("# export (an .ics per participant + programme.ics)")
    stamp = datetime(2030, 1, 1, tzinfo=UTC)
    japan = load(JAPAN)
    files = ics.calendars(japan, stamp=stamp)
    label = f"japan, in process ({len(files)} calendars, {sum(len(f.data) for f in files) // 1024} KiB)"
    report(label, *best_of(lambda: ics.calendars(japan, stamp=stamp)))
    out = str(tmp / "export-japan")
    report(
        "itinerary export japan.yaml --out DIR (whole process)", *best_of(cli(["export", str(JAPAN), "--out", out]), 7)
    )
    big = synthetic(tmp, 5000)
    programme = load(big)
    files = ics.calendars(programme, stamp=stamp)
    size = sum(len(f.data) for f in files) / 1e6
    label = f"5000 events x 300 people, in process ({len(files)} files, {sum(f.events for f in files)} VEVENTs, {size:.0f} MB)"
    report(label, *best_of(lambda: ics.calendars(programme, stamp=stamp), 3))
    out = str(tmp / "export-5000")
    report(
        "itinerary export synthetic-5000.yaml --out DIR (whole process)",
        *best_of(cli(["export", str(big), "--out", out]), 3),
    )
