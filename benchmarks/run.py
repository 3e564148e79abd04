"""The project's benchmark: wall times of real CLI runs and of the core on synthetic programmes.

    python -m benchmarks.run            # issue 12's goals, as ratios to floors (benchmarks/goals.py)
    python -m benchmarks.run --big      # the same, with 50,000 events (growth, peak memory)
    python -m benchmarks.run load cli   # sections in detail, in process
    python -m benchmarks.run all        # every section

Figures go in issue notes; tests never assert on time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.synth import programme

ROOT = Path(__file__).resolve().parent.parent
JAPAN = ROOT / "schedules" / "ecpg-japan-2009.yaml"
SIZES = (500, 5000, 50000)


def best_of(fn: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def report(label: str, best: float, median: float) -> None:
    print(f"{label:<58} best {best * 1000:8.1f} ms   median {median * 1000:8.1f} ms")


def synthetic(tmp: Path, events: int) -> Path:
    path = tmp / f"synthetic-{events}.yaml"
    if not path.exists():
        path.write_text(programme(events=events, participants=300, individual_every=20), encoding="utf-8")
    return path


def cli(args: list[str]) -> Callable[[], object]:
    exe = [sys.executable, "-m", "itinerary", *args]
    # As on a user's machine: bytecode cached (pip compiles it on install), so startup is not compile time.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return lambda: subprocess.run(exe, check=False, capture_output=True, cwd=ROOT, env=env)


def bench_cli(tmp: Path) -> None:
    print("# CLI, whole process (python startup included)")
    for args in (["agenda", str(JAPAN)], ["agenda", str(JAPAN), "--format", "json"], ["participants", str(JAPAN)]):
        report("itinerary " + " ".join(a if a != str(JAPAN) else "japan.yaml" for a in args), *best_of(cli(args), 7))


def bench_load(tmp: Path) -> None:
    from itinerary.load import load

    print("# load (parse + validate + build the model), in process")
    report("japan", *best_of(lambda: load(JAPAN)))
    for n in SIZES:
        path = synthetic(tmp, n)
        report(f"{n} events, 300 participants", *best_of(lambda p=path: load(p), 3 if n < 50000 else 1))


SECTIONS: dict[str, Callable[[Path], None]] = {"cli": bench_cli, "load": bench_load}


def register(name: str) -> Callable[[Callable[[Path], None]], Callable[[Path], None]]:
    def wrap(fn: Callable[[Path], None]) -> Callable[[Path], None]:
        SECTIONS[name] = fn
        return fn

    return wrap


def main() -> None:
    import benchmarks.sections  # noqa: F401  (more sections register themselves)
    from benchmarks import run as imported

    # Run as `python -m benchmarks.run`, this module is __main__ and the sections
    # registered with the imported benchmarks.run: take theirs too.
    SECTIONS.update(imported.SECTIONS)
    names = [a for a in sys.argv[1:] if not a.startswith("-") and not a.isdigit()]
    if not names:
        from benchmarks import goals

        goals.main(sys.argv[1:])
        return
    chosen = list(SECTIONS) if names == ["all"] else names
    with tempfile.TemporaryDirectory() as tmp:
        for name in chosen:
            SECTIONS[name](Path(tmp))
            print()


if __name__ == "__main__":
    main()
