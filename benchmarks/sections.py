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
        copy = dataclasses.replace(programme)
        return html.page(copy, zone(programme.timezone), who, findings=run_checks(copy)).text

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


# -- issue 6: itinerary import and itinerary diff -----------------------------------------------------


def _repeating_calendar(series: int = 50, count: int = 100) -> bytes:
    """A calendar of `series` daily events of `count` occurrences each, with an EXDATE and an override apiece."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    for n in range(series):
        hour = 7 + n % 12
        lines += [
            "BEGIN:VEVENT", f"UID:series-{n}@bench", f"SUMMARY:Series {n}",
            f"DTSTART;TZID=Europe/Brussels:20300304T{hour:02d}0000",
            f"DTEND;TZID=Europe/Brussels:20300304T{hour:02d}4500",
            f"RRULE:FREQ=DAILY;COUNT={count}", f"EXDATE;TZID=Europe/Brussels:20300306T{hour:02d}0000",
            f"LOCATION:Venue {n % 20}\\, Rue {n} 1\\, Brussels", "END:VEVENT",
            "BEGIN:VEVENT", f"UID:series-{n}@bench", f"SUMMARY:Series {n} (moved)",
            f"RECURRENCE-ID;TZID=Europe/Brussels:20300310T{hour:02d}0000",
            f"DTSTART;TZID=Europe/Brussels:20300310T{hour:02d}3000",
            f"DTEND;TZID=Europe/Brussels:20300310T{hour + 1:02d}0000", "END:VEVENT",
        ]  # fmt: skip
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


@register("import")
def bench_import(tmp: Path) -> None:
    """A calendar made into a programme file, loaded back and verified (convert), in process and whole."""
    from datetime import UTC, datetime

    from itinerary.export import ics
    from itinerary.importer import convert
    from itinerary.load import load

    print("# import (read + expand + write YAML + load it back + verify instants)")
    stamp = datetime(2030, 1, 1, tzinfo=UTC)
    japan = load(JAPAN)
    data = ics.calendar(japan, japan.events, stamp=stamp)
    report(
        f"japan exported ({len(data) // 1024} KiB, {len(japan.events)} events)",
        *best_of(lambda: convert(data, "j.ics")),
    )
    path = tmp / "japan.ics"
    path.write_bytes(data)
    report("itinerary import japan.ics (whole process)", *best_of(cli(["import", str(path)]), 7))
    repeating = _repeating_calendar()
    events = len(convert(repeating, "r.ics").programme.events)
    report(
        f"50 daily series x 100, EXDATE + override each ({events} events)",
        *best_of(lambda: convert(repeating, "r.ics"), 3),
    )
    for n in (5000,):
        programme = load(synthetic(tmp, n))
        big = ics.calendar(programme, programme.events, stamp=stamp)
        label = f"{n} events exported ({len(big) // 1024} KiB)"
        report(label, *best_of(lambda b=big: convert(b, "big.ics"), 3))


@register("diff")
def bench_diff(tmp: Path) -> None:
    """compare() and the per-participant text, on models already loaded; and the whole command on the Japan visit."""
    from datetime import timedelta

    from itinerary.diff import compare
    from itinerary.load import load
    from itinerary.render import diff as view

    def changed(programme: Programme, every: int) -> Programme:
        """Every `every`-th event half an hour later, every (3 x every)-th gone."""
        events = tuple(
            dataclasses.replace(e, start=e.start + timedelta(minutes=30), end=e.end + timedelta(minutes=30))
            if n % every == 0
            else e
            for n, e in enumerate(programme.events)
            if n % (3 * every) != 1
        )
        return dataclasses.replace(programme, events=events)

    def both(old: Programme, new: Programme) -> int:
        return len(view.lines(compare(old, new), "old", "new"))

    print("# diff (compare + text by participant, in process)")
    japan = load(JAPAN)
    moved = changed(japan, 5)
    report(f"japan, {len(compare(japan, moved).events)} events changed", *best_of(lambda: both(japan, moved)))
    for n in SIZES[1:]:
        programme = load(synthetic(tmp, n))
        other = changed(programme, 10)
        found = compare(programme, other)
        label = f"{n} events, 300 participants, {len(found.events)} changed ({both(programme, other)} lines)"
        report(label, *best_of(lambda p=programme, o=other: both(p, o), 3))
    v3 = tmp / "japan-v3.yaml"
    v3.write_text(
        JAPAN.read_text(encoding="utf-8").replace(
            '"12:30"\n      title: Lunch at Elio', '"13:00"\n      title: Lunch at Elio'
        ),
        encoding="utf-8",
    )
    report("itinerary diff japan.yaml japan-v3.yaml (whole process)", *best_of(cli(["diff", str(JAPAN), str(v3)]), 7))
