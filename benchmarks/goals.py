"""Issue 12's goals, each measured as a ratio to a floor timed in the same run.

    python -m benchmarks.run            # 5,000 events, start-up, --version  (a few minutes)
    python -m benchmarks.run --big      # also 50,000 events: growth per command and peak memory
    python -m benchmarks.run --rounds 5 # more repeats on a busy machine
    python -m benchmarks.run --startup  # only the start-up on the Japan visit (under a minute)

Every figure is a whole process, as a user runs it: the command and its floor run in
turns (command, floor, command, floor...) and the medians are compared, so that a
machine busy with other work slows both alike. Text output is measured into a pipe
and on a terminal (a pseudo-terminal of 120 x 40, as a user's); peak memory is the
child's maximum resident set, from wait4.

Floors:
- yaml: PyYAML's C safe_load of the file(s) the command reads;
- icalendar (export): reading the YAML, building every distinct event once with
  icalendar (one VTIMEZONE) and writing the same 301 files;
- icalendar (import): icalendar reading the calendar and decoding each event's fields,
  and writing them as YAML with PyYAML's C dumper;
- start-up: `python -c "import typer, rich.console"`;
- memory: PyYAML's C compose of the 50,000-event file (a node tree with line marks,
  what the loader must hold at least).
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.synth import programme as synthetic_programme

ROOT = Path(__file__).resolve().parent.parent
JAPAN = ROOT / "schedules" / "ecpg-japan-2009.yaml"
PARTICIPANTS = 300
INDIVIDUAL_EVERY = 20
"""Every 20th event also names one person: timelines stop being one per group, as in real programmes."""

RATIO_GOAL = 2.0
ICAL_GOAL = 1.5
GROWTH_GOAL = 11.0
STARTUP_GOAL = 1.5
MEMORY_GOAL = 2.0

# -- running a process -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sample:
    seconds: float
    peak_kib: int
    status: int


def _env(tty: bool) -> dict[str, str]:
    # As on a user's machine: bytecode cached (pip compiles it on install), so start-up is not compile time.
    drop = {"PYTHONDONTWRITEBYTECODE", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    if tty:
        env["TERM"] = env.get("TERM", "xterm-256color") if env.get("TERM", "dumb") != "dumb" else "xterm-256color"
    return env


def run(argv: Sequence[str], tty: bool = False) -> Sample:
    """One run of `argv`: wall time, peak memory, exit status. Output is read and thrown away."""
    if tty:
        reader, writer = pty.openpty()
        fcntl.ioctl(writer, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    else:
        reader, writer = os.pipe()
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(argv), stdin=subprocess.DEVNULL, stdout=writer, stderr=errors, cwd=ROOT, env=_env(tty)
        )
        os.close(writer)
        try:
            while os.read(reader, 1 << 16):
                pass
        except OSError:  # a pseudo-terminal says EIO once the child has closed it
            pass
        os.close(reader)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip().splitlines()
            raise RuntimeError(f"{' '.join(argv)}: exit {process.returncode}: {message[-1] if message else ''}")
    return Sample(elapsed, usage.ru_maxrss, process.returncode)


def itinerary(*args: str) -> list[str]:
    return [sys.executable, "-m", "itinerary", *args]


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


# -- floors ------------------------------------------------------------------------------------

YAML_FLOOR = """
import sys, yaml
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""

COMPOSE_FLOOR = """
import sys, yaml
trees = []  # every file's tree held at once: a command reading two (diff) holds both
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        trees.append(yaml.compose(handle, Loader=yaml.CSafeLoader))
"""

STARTUP_FLOOR = "import typer, rich.console"

EXPORT_FLOOR = """
import sys, yaml
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo
from icalendar import Calendar, Event, Timezone

with open(sys.argv[1], "rb") as handle:
    data = yaml.load(handle, Loader=yaml.CSafeLoader)
out = Path(sys.argv[2])
out.mkdir(exist_ok=True)
tz = ZoneInfo(data["programme"]["timezone"])
venues = data["venues"]
stamp = datetime(2030, 1, 1, tzinfo=ZoneInfo("UTC"))
first = min(data["days"])
vtimezone = Timezone.from_tzid(tz.key, first_date=date(first.year, 1, 1), last_date=date(first.year + 1, 1, 1)).to_ical()
members = {}
for person in data["participants"]:
    members.setdefault(person["group"], []).append(person["id"])
built = []
for day, items in data["days"].items():
    for n, item in enumerate(items):
        times = str(item["time"]).split("-")
        hour, minute = map(int, times[0].split(":"))
        start = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
        if len(times) > 1:
            hour, minute = map(int, times[1].split(":"))
            end = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
        else:
            end = datetime.combine(item["until"], start.time(), tz)
        venue = venues[item["venue"]]
        who = item.get("who", [])
        event = Event.new(
            uid=f"{day}_{n}@synthetic.itinerary", stamp=stamp, last_modified=stamp, sequence=0,
            summary=item["title"], start=start, end=end,
            location=f"{venue['name']}, {venue.get('address', '')}", description="Who: " + ", ".join(who),
            categories=[item.get("kind", "other")],
        )
        event.add("GEO", tuple(venue["geo"]))
        people = {p for ref in who for p in members.get(ref, [ref])} if who else None
        built.append((event.to_ical(), people))
head = b"BEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\nPRODID:-//floor//EN\\r\\n" + vtimezone
end = b"END:VCALENDAR\\r\\n"
(out / "programme.ics").write_bytes(head + b"".join(data for data, _ in built) + end)
for person in data["participants"]:
    pid = person["id"]
    body = b"".join(data for data, people in built if people is None or pid in people)
    (out / f"{pid}.ics").write_bytes(head + body + end)
"""

IMPORT_FLOOR = """
import sys, yaml
from icalendar import Calendar

with open(sys.argv[1], "rb") as handle:
    calendar = Calendar.from_ical(handle.read())
rows = []
for event in calendar.walk("VEVENT"):
    rows.append({
        "uid": str(event.get("UID")), "title": str(event.get("SUMMARY")),
        "start": event.decoded("DTSTART").isoformat(), "end": event.decoded("DTEND").isoformat(),
        "location": str(event.get("LOCATION", "")), "notes": str(event.get("DESCRIPTION", "")),
    })
sys.stdout.write(yaml.dump({"events": rows}, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False))
"""


# -- what is measured ----------------------------------------------------------------------------


@dataclass
class Files:
    """The inputs of one size: a programme, a revised copy of it (for diff), its calendar (for import)."""

    events: int
    yaml: Path
    revised: Path
    calendar: Path
    out: Path
    day: str
    """A day of the programme, for `next --at` and `slots --day`."""


@dataclass(frozen=True, slots=True)
class Case:
    """One command as a user runs it: `name` is the command, `mode` pipe, tty or json."""

    name: str
    mode: str
    args: Callable[[Files], list[str]]
    floor: str = "yaml"
    """Which floor it is held to: 'yaml' (the files it reads) or 'export'/'import' (icalendar)."""
    reads: Callable[[Files], list[Path]] = lambda f: [f.yaml]

    @property
    def label(self) -> str:
        return f"{self.name} ({self.mode})"


def _text_and_json(name: str, args: Callable[[Files], list[str]], **kw: object) -> list[Case]:
    return [
        Case(name, "pipe", args, **kw),  # type: ignore[arg-type]
        Case(name, "tty", args, **kw),  # type: ignore[arg-type]
        Case(name, "json", lambda f: [*args(f), "--format", "json"], **kw),  # type: ignore[arg-type]
    ]


def cases() -> list[Case]:
    both = {"reads": lambda f: [f.yaml, f.revised]}
    return [
        *_text_and_json("agenda", lambda f: ["agenda", str(f.yaml)]),
        *_text_and_json("participants", lambda f: ["participants", str(f.yaml)]),
        *_text_and_json("grid", lambda f: ["grid", str(f.yaml)]),
        *_text_and_json("check", lambda f: ["check", str(f.yaml)]),
        Case("print", "pipe", lambda f: ["print", str(f.yaml)]),
        Case("print", "file", lambda f: ["print", str(f.yaml), "-o", str(f.out / "programme.html"), "--force"]),
        *_text_and_json("diff", lambda f: ["diff", str(f.yaml), str(f.revised)], **both),
        Case("export", "pipe", lambda f: ["export", str(f.yaml), "--out", str(f.out / "ics")], floor="export"),
        Case("export", "tty", lambda f: ["export", str(f.yaml), "--out", str(f.out / "ics")], floor="export"),
        Case(
            "export",
            "json",
            lambda f: ["export", str(f.yaml), "--out", str(f.out / "ics"), "--format", "json"],
            floor="export",
        ),
        Case("import", "pipe", lambda f: ["import", str(f.calendar)], floor="import"),
        Case("publish", "pipe", lambda f: ["publish", str(f.yaml), "--to", str(f.out / "ics")], floor="export"),
        *_text_and_json("next", lambda f: ["next", str(f.yaml), "--at", f"{f.day} 10:00", "-n", "5"]),
        *_text_and_json("slots", lambda f: ["slots", str(f.yaml), "--day", f.day]),
    ]


def startup_cases(japan: Files) -> list[tuple[str, list[str]]]:
    """Every command on the Japan visit, and --version."""
    seen: dict[str, list[str]] = {}
    for case in cases():
        if case.mode == "pipe" and case.name not in seen:
            seen[case.name] = case.args(japan)
    return [(name, args) for name, args in seen.items()]


def commands() -> list[str]:
    """The commands the CLI has, so that one added without a benchmark is named as such."""
    try:
        import typer.main

        from itinerary.cli import app

        return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    except Exception:  # the CLI moved: the report says what it measured all the same
        return []


# -- preparing the files -------------------------------------------------------------------------


def revise(text: str) -> str:
    """A second version: the sessions at 08:00 half an hour later, every session 7 of a day dropped."""
    text = text.replace('time: "08:00-', 'time: "08:30-')
    return re.sub(r"    - title: Session \d+-7\n(?:      .*\n)+", "", text)


def prepare(tmp: Path, events: int) -> Files:
    folder = tmp / f"n{events}"
    folder.mkdir()
    path = folder / "programme.yaml"
    path.write_text(synthetic_programme(events, PARTICIPANTS, individual_every=INDIVIDUAL_EVERY), encoding="utf-8")
    return _files(folder, path, events, "2030-03-05")


def _files(folder: Path, path: Path, events: int, day: str) -> Files:
    revised = folder / "revised.yaml"
    revised.write_text(revise(path.read_text(encoding="utf-8")), encoding="utf-8")
    calendar = folder / "programme.ics"
    subprocess.run(itinerary("export", str(path), "-o", str(calendar), "--force"), check=True, capture_output=True)
    (folder / "out").mkdir()
    return Files(events, path, revised, calendar, folder / "out", day)


def japan(tmp: Path) -> Files:
    folder = tmp / "japan"
    folder.mkdir()
    files = _files(folder, JAPAN, 0, "2009-10-06")
    files.revised.write_text(
        JAPAN.read_text(encoding="utf-8").replace(
            '"12:30"\n      title: Lunch at Elio', '"13:00"\n      title: Lunch at Elio'
        ),
        encoding="utf-8",
    )
    return files


def floor_argv(case: Case, files: Files) -> list[str]:
    if case.floor == "export":
        return python(EXPORT_FLOOR, str(files.yaml), str(files.out / "floor"))
    if case.floor == "import":
        return python(IMPORT_FLOOR, str(files.calendar))
    return python(YAML_FLOOR, *map(str, case.reads(files)))


# -- measuring in turns ----------------------------------------------------------------------------


@dataclass
class Measured:
    samples: dict[str, list[Sample]] = field(default_factory=dict)

    def add(self, key: str, sample: Sample) -> None:
        self.samples.setdefault(key, []).append(sample)

    def median(self, key: str) -> float:
        return statistics.median(s.seconds for s in self.samples[key])

    def peak(self, key: str) -> int:
        return max(s.peak_kib for s in self.samples[key])


@dataclass(frozen=True, slots=True)
class Job:
    argv: list[str]
    tty: bool = False
    fresh: Path | None = None
    """A folder emptied before each run: calendars are written anew, not found unchanged."""


def measure(jobs: dict[str, Job], rounds: int) -> Measured:
    """Every job once per round, in the same order each round; floors are jobs like the others."""
    measured = Measured()
    for _ in range(rounds):
        for key, job in jobs.items():
            if job.fresh is not None:
                shutil.rmtree(job.fresh, ignore_errors=True)
            measured.add(key, run(job.argv, job.tty))
    return measured


def floor_key(case: Case, files: Files) -> str:
    return f"floor:{case.floor}:{len(case.reads(files))}"


def jobs_for(files: Files, chosen: list[Case]) -> dict[str, Job]:
    jobs: dict[str, Job] = {}
    for case in chosen:
        fresh = files.out / ("floor" if case.floor == "export" else "none")
        jobs.setdefault(floor_key(case, files), Job(floor_argv(case, files), fresh=fresh))
        fresh = files.out / ("ics" if case.floor == "export" else "none")
        jobs[case.label] = Job(itinerary(*case.args(files)), case.mode == "tty", fresh)
    return jobs


# -- the report ------------------------------------------------------------------------------------


class Report:
    def __init__(self) -> None:
        self.misses: list[str] = []

    def line(self, label: str, value: str, ratio: float, goal: float, floor: str) -> None:
        verdict = "ok" if ratio <= goal else "MISS"
        print(f"  {label:<26} {value:>10}  {ratio:6.2f}x {floor:<14} goal <= {goal:g}x  {verdict}")
        if ratio > goal:
            self.misses.append(f"{label}: {ratio:.2f}x {floor} (goal <= {goal:g}x)")


def seconds(value: float) -> str:
    return f"{value:.3f} s"


def measurable(files: Files) -> list[Case]:
    """The cases that can run on these files: `import` refuses a calendar over its size limit (20 MiB, which
    the 50,000-event export passes), and says so; that is its answer, not a time to compare."""
    from itinerary.importer.ics.text import MAX_BYTES

    size = files.calendar.stat().st_size
    if size <= MAX_BYTES:
        return cases()
    print(f"  import: not measured: the calendar of {files.events:,} events is {size / 2**20:.0f} MiB, over its limit")
    return [case for case in cases() if case.name != "import"]


def at_size(files: Files, rounds: int, report: Report, judge: bool = True) -> Measured:
    print(f"# {files.events:,} events x {PARTICIPANTS} participants: median of {rounds}, command and floor in turns")
    chosen = measurable(files)
    measured = measure(jobs_for(files, chosen), rounds)
    for key in sorted(k for k in measured.samples if k.startswith("floor:")):
        print(f"  {key:<26} {seconds(measured.median(key)):>10}")
    for case in chosen:
        floor = floor_key(case, files)
        goal = RATIO_GOAL if case.floor == "yaml" else ICAL_GOAL
        name = "yaml floor" if case.floor == "yaml" else "icalendar"
        ratio = measured.median(case.label) / measured.median(floor)
        label = f"{case.label} @{files.events}"
        if judge:
            report.line(label, seconds(measured.median(case.label)), ratio, goal, name)
        else:
            print(f"  {label:<26} {seconds(measured.median(case.label)):>10}  {ratio:6.2f}x {name}")
    return measured


def growth(small: Measured, big: Measured, big_files: Files, report: Report) -> None:
    print(f"# growth: {big_files.events:,} against 5,000 events (goal <= {GROWTH_GOAL:g}x)")
    for case in (c for c in cases() if c.label in big.samples):
        ratio = big.median(case.label) / small.median(case.label)
        report.line(f"{case.label} x10", seconds(big.median(case.label)), ratio, GROWTH_GOAL, "of 5,000")


def memory(big: Measured, big_files: Files, report: Report) -> None:
    """Against PyYAML's C compose of what the command reads: the file (or both, for diff), held at once."""
    floors: dict[int, int] = {}
    print(f"# peak memory at {big_files.events:,} events; floor: C compose of the YAML it reads")
    for case in (c for c in cases() if c.label in big.samples):
        reads = [str(path) for path in case.reads(big_files) if path.suffix == ".yaml"] or [str(big_files.yaml)]
        if len(reads) not in floors:
            floors[len(reads)] = measure({"compose": Job(python(COMPOSE_FLOOR, *reads))}, 1).peak("compose")
            print(f"  compose of {len(reads)} file(s)          {floors[len(reads)] / 1024:7.0f} MiB")
        peak = big.peak(case.label)
        ratio = peak / floors[len(reads)]
        report.line(f"{case.label} memory", f"{peak / 1024:.0f} MiB", ratio, MEMORY_GOAL, "of compose")


def startup(files: Files, rounds: int, report: Report) -> None:
    chosen = startup_cases(files)
    jobs = {"floor": Job(python(STARTUP_FLOOR))}
    jobs.update({name: Job(itinerary(*args), fresh=files.out / "ics") for name, args in chosen})
    jobs["--version"] = Job(itinerary("--version"))
    measured = measure(jobs, rounds)
    floor = measured.median("floor")
    print(f"# start-up on the Japan visit: median of {rounds}; floor `{STARTUP_FLOOR}` {seconds(floor)}")
    for name in [name for name, _ in chosen] + ["--version"]:
        report.line(name, seconds(measured.median(name)), measured.median(name) / floor, STARTUP_GOAL, "typer+rich")
    trace = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "itinerary", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in trace.stderr.splitlines() if "|" in line}
    heavy = sorted(m for m in ("typer", "click", "rich") if m in imported)
    print(f"  --version imports: {', '.join(heavy) if heavy else 'neither typer nor rich'}")
    if "typer" in imported:
        report.misses.append("--version: imports typer (goal: it does not)")
    missing = sorted(set(commands()) - {name for name, _ in chosen})
    for name in missing:
        print(f"  {name:<26} not measured: add it to benchmarks/goals.py cases()")
        report.misses.append(f"{name}: no benchmark")


def main(argv: Sequence[str]) -> None:
    big = "--big" in argv
    rounds = 3
    if "--rounds" in argv:
        rounds = int(argv[list(argv).index("--rounds") + 1])
    report = Report()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        print(f"# {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}: ratios, not seconds, are the figures")
        startup(japan(tmp), max(rounds, 5), report)
        if "--startup" in argv:
            print("\n# only start-up measured (--startup)")
            return
        small_files = prepare(tmp, 5000)
        small = at_size(small_files, rounds, report)
        if big:
            big_files = prepare(tmp, 50000)
            measured = at_size(big_files, max(1, rounds // 2), report, judge=False)
            growth(small, measured, big_files, report)
            memory(measured, big_files, report)
    print()
    if report.misses:
        print(f"# {len(report.misses)} goals missed")
        for miss in report.misses:
            print(f"MISS {miss}")
    else:
        print("# every goal met")
