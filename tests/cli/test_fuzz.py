"""Whatever the file, every command ends cleanly (issue 11).

Programmes and calendars are generated, and the real ones under schedules/ and
tests/data/ are mutated (lines dropped, doubled, swapped, values replaced by the
nastiest ones known, files cut short). Each case runs every command in process and
must: exit 0, 1 or 2, never 3 (an internal error); print no control character (the
terminal would obey it); say each error on a line of its own; and write nothing
half-way (no temporary file left, no output beside a refusal, every written file
whole). A few hundred cases run with the suite; ITINERARY_FUZZ_EXAMPLES=N runs N per
test, on a random seed, for a longer search.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import yaml
from conftest import DATA, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from itinerary.cli import app

EXTENDED = int(os.environ.get("ITINERARY_FUZZ_EXAMPLES", "0") or 0)


def fuzz(normal: int):
    """Hypothesis settings: `normal` cases on a fixed seed in the suite, ITINERARY_FUZZ_EXAMPLES on a random one."""
    return settings(
        max_examples=EXTENDED or normal,
        derandomize=not EXTENDED,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
LINE = re.compile(r"^(itinerary: |.+:\d+(:\d+)?: (error|warning): )")
runner = CliRunner()

# -- what a hostile or careless file holds ------------------------------------------------------

NASTY_TEXT = [
    "",
    " ",
    "\x1b]0;pwned\x07",
    "\x1b[2J\x1b[H",
    "a\nb",
    "line\r\nbreak",
    "[bold]x[/]",
    "<script>x</script>",
    "\u202eevil",
    "\x9b31m",
    "~",
    "null",
    "programme",
    "All day",
    "\t",
    "x" * 200,
    "東京駅",
    "Zoë Ødegård",
    "\\",
    "'\"",
    "http://x\r\nX: y",
]
ZONES = [
    "Europe/Brussels",
    "Asia/Tokyo",
    "America/Los_Angeles",
    "UTC",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Australia/Lord_Howe",
    "America/St_Johns",
    "Asia/Kolkata",
    "Europe/Dublin",
    "Africa/Casablanca",
    "Antarctica/Troll",
    "localtime",
    "Factory",
    "posix/Europe/Paris",
    "Mars/Olympus",
    "",
]
EDGE_DAYS = [
    date(1, 1, 1),
    date(999, 12, 31),
    date(1000, 1, 1),
    date(8999, 12, 31),
    date(9999, 12, 31),
    date(2024, 3, 31),  # clocks go forward in Europe
    date(2024, 10, 27),  # and back
    date(2024, 2, 29),
]
TIMES = [
    "09:00",
    "09:00-10:00",
    "23:00-01:00",
    "00:00-24:00",
    "24:00",
    "02:30",
    "02:30-03:30",
    "25:00",
    "9:30",
    "12:00-11:00",
    "10:00-10:00",
    "",
    "noon",
    "00:00-00:00",
]
NUMBERS = ["0", "-1", "1e308", "1e-320", "99999999999999999999", "1.5", "nan", ".inf", "-0", "2147483648", "4.5"]
KINDS = ["meeting", "visit", "meal", "train", "flight", "transfer", "hotel", "reception", "free", "other", "bus"]


def mostly(good, bad):
    """`good` three times in four: a case must get past the first error to reach the code behind it."""
    return st.one_of(good, good, good, bad)


WORDS = ["Visit", "Lunch at Argo", "Hall", "Ann Smith", "Bo", "Meeting", "Zoë Ødegård", "東京駅"]
text = mostly(st.sampled_from(WORDS), st.one_of(st.sampled_from(NASTY_TEXT), st.text(max_size=12)))
ident = mostly(st.sampled_from(["a", "b", "c", "ann", "bo", "g"]), st.sampled_from(["programme", "x y", "A", ""]))
day = mostly(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.sampled_from(EDGE_DAYS))
zone = mostly(st.sampled_from(ZONES[:12]), st.sampled_from(ZONES[12:]))
time_of_day = mostly(st.sampled_from(TIMES[:4]), st.sampled_from(TIMES))
number = mostly(
    st.integers(0, 120).map(str),
    st.one_of(st.sampled_from(NUMBERS), st.integers(-5, 10**6), st.floats(allow_nan=True)),
)


def maybe(strategy):
    """A key's value, or the key left out (None is dropped when the document is built)."""
    return st.one_of(st.none(), strategy)


SAFE_TEXT = st.one_of(
    st.sampled_from(WORDS), st.sampled_from([t for t in NASTY_TEXT if t.strip() not in ("", "~", "null")])
)


@st.composite
def programme_documents(draw) -> dict:
    """A programme as its YAML would hold it: half of them well formed but for nasty text (titles, names,
    notes), the other half with nasty values anywhere, a field in four."""
    hostile = draw(st.booleans())

    def choose(good, bad):
        return mostly(good, bad) if hostile else good

    def pick(good, bad):
        return draw(choose(good, bad))

    words = text if hostile else SAFE_TEXT
    start = pick(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), day)
    try:
        end = start + timedelta(days=draw(st.integers(-1 if hostile else 0, 4)))
    except OverflowError:
        end = start
    head = {
        "id": pick(st.just("visit"), text),
        "title": draw(words),
        "timezone": pick(st.sampled_from(ZONES[:12]), zone),
        "start": start,
        "end": end,
        "revision": draw(maybe(choose(st.integers(0, 9).map(str), number))),
        "city": draw(maybe(words)),
        "travel_defaults": draw(
            maybe(
                st.dictionaries(
                    st.sampled_from(["detour_factor", "walk_kmh", "taxi_kmh", "buffer_minutes"]),
                    number if hostile else st.integers(1, 9).map(str),
                )
            )
        ),
        "day_parts": draw(
            maybe(
                st.dictionaries(words, choose(st.sampled_from(["08:00-12:00", "13:00-18:00"]), time_of_day), max_size=2)
            )
        ),
    }
    group_ids = pick(st.lists(st.sampled_from(["g", "h"]), unique=True), st.lists(ident, max_size=2))
    groups = {g: draw(words) for g in group_ids}
    known_groups = st.lists(st.sampled_from(group_ids), max_size=2) if group_ids else st.just([])
    people = []
    for index in range(draw(st.integers(0, 3))):
        person = {"name": draw(words), "id": pick(st.just(f"p{index}"), ident)}
        person["groups"] = pick(known_groups, st.lists(ident, max_size=3))
        person["email"] = draw(maybe(choose(st.just("a@example.org"), text)))
        person["title"] = draw(maybe(words))
        people.append(_dropped(person))
    venues = {}
    for ident_ in pick(st.lists(st.sampled_from(["a", "b", "c"]), unique=True), st.lists(ident, max_size=3)):
        venue = {"name": draw(words), "address": draw(maybe(words))}
        venue["geo"] = draw(
            maybe(
                choose(st.tuples(st.floats(-90, 90), st.floats(-180, 180)).map(list), st.lists(st.floats(), max_size=3))
            )
        )
        venue["timezone"] = draw(maybe(choose(st.sampled_from(ZONES[:12]), zone)))
        venue["url"] = draw(maybe(choose(st.just("https://example.org/x"), text)))
        venue["transfer_minutes"] = draw(maybe(choose(st.integers(0, 60).map(str), number)))
        venues[ident_] = _dropped(venue)
    places = ident if hostile else st.sampled_from(list(venues)) if venues else st.none()
    people_ids = [p.get("id", "") for p in people] + list(groups)
    whom = (
        st.lists(st.sampled_from(people_ids), max_size=2) if people_ids and not hostile else st.lists(ident, max_size=2)
    )
    events = draw(st.lists(event_documents(words, places, whom, hostile, start), max_size=5))
    days = {pick(st.just(start), day): events} if events else {}
    travel = []
    if len(venues) >= 2 or hostile:
        for _ in range(draw(st.integers(0, 2))):
            travel.append(
                {
                    "between": draw(st.lists(places, min_size=2, max_size=2)),
                    "minutes": pick(st.integers(1, 90).map(str), number),
                }
            )
    document = {"programme": _dropped(head), "groups": groups, "participants": people, "venues": venues}
    document.update({"travel": travel, "days": days})
    return document


@st.composite
def event_documents(draw, words, places, whom, hostile: bool, start: date) -> dict:
    kind = draw(st.sampled_from(KINDS[:10]))
    event = {
        "title": draw(words),
        "kind": draw(mostly(st.just(kind), text)) if hostile else kind,
        "notes": draw(maybe(words)),
        "venue": draw(maybe(places)),
        "who": draw(maybe(whom)),
        "id": draw(maybe(text)) if hostile else None,
    }
    times = time_of_day if hostile else st.sampled_from(TIMES[:4])
    shape = draw(st.sampled_from(["time", "time", "depart", "all_day", "hotel"]))
    if kind == "hotel" or shape == "hotel":
        event.update({"kind": "hotel", "until": draw(day), "time": draw(maybe(times))})
        if not hostile:
            event["until"] = start + timedelta(days=draw(st.integers(1, 3)))
    elif shape == "time":
        event["time"] = draw(times)
    elif shape == "depart":
        clock = time_of_day if hostile else st.sampled_from(["06:15", "09:00", "23:30"])
        event.update({"depart": draw(clock), "arrive": draw(maybe(clock))})
        if kind in ("train", "flight", "transfer"):
            event.update({"from": draw(maybe(places)), "to": draw(maybe(places)), "venue": None})
    else:
        event["all_day"] = True
    return _dropped(event)


def _dropped(mapping: dict) -> dict:
    return {key: value for key, value in mapping.items() if value is not None}


def dump(document: dict) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)


# -- calendars ------------------------------------------------------------------------------------

ICS_TIMES = [
    "20300506T100000Z",
    "20300506T100000",
    "TZID=Europe/Paris:20300506T100000",
    "TZID=Nowhere/Else:20300506T100000",
    "VALUE=DATE:20300506",
    "20241027T023000",
    "99991231T235959Z",
    "00010101T000000",
    "VALUE=DATE:99991231",
    "20300506",
    "garbage",
]


def ics_time(value: str, prop: str) -> str:
    params, _, stamp = value.rpartition(":")
    return f"{prop};{params}:{stamp}" if params else f"{prop}:{value}"


def ics_text(value: str) -> str:
    """TEXT as RFC 5545 escapes it; a line break of any kind as \n."""
    escaped = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return "\\n".join(escaped.splitlines()) if escaped.splitlines() else escaped


@st.composite
def calendar_documents(draw) -> str:
    """A calendar of a few VEVENTs as clients write them: half of them well formed but for nasty text, the
    other half with nasty times, lengths and places too."""
    hostile = draw(st.booleans())
    times = st.sampled_from(ICS_TIMES if hostile else ICS_TIMES[:3])
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fuzz//EN"]
    if draw(st.booleans()):
        lines.append(f"X-WR-CALNAME:{ics_text(draw(text))}")
    for index in range(draw(st.integers(1, 4))):
        uid = draw(st.sampled_from([str(index), "0", "same@x"])) if hostile else str(index)
        lines += ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20300101T000000Z"]
        start = draw(times)
        lines.append(ics_time(start, "DTSTART"))
        end = draw(st.sampled_from(["DTEND", "DURATION", "none"]))
        if end == "DTEND":
            lines.append(ics_time(draw(times) if hostile else start.replace("T10", "T11"), "DTEND"))
        elif end == "DURATION":
            spans = ["PT1H", "PT90M"] + (["P1D", "PT0S", "-PT1H", "P999999W"] if hostile else [])
            lines.append(f"DURATION:{draw(st.sampled_from(spans))}")
        lines.append(f"SUMMARY:{ics_text(draw(text))}")
        for prop in ("LOCATION", "DESCRIPTION"):
            if draw(st.booleans()):
                lines.append(f"{prop}:{ics_text(draw(text))}")
        if draw(st.booleans()):
            lines.append(f"CATEGORIES:{draw(st.sampled_from(KINDS))}")
        if draw(st.booleans()):
            rule = draw(st.sampled_from(["FREQ=DAILY;COUNT=3", "FREQ=YEARLY", "FREQ=WEEKLY;UNTIL=20300601T000000Z"]))
            lines.append(f"RRULE:{rule}")
        if draw(st.booleans()):
            name = " ".join(draw(st.sampled_from(NASTY_TEXT)).replace('"', "'").split()) or "Ann"
            lines.append(f'ATTENDEE;CN="{name}":mailto:{draw(st.sampled_from(["a", "b"]))}@example.org')
        if draw(st.booleans()):
            lines.append(f"GEO:{draw(st.sampled_from(['50.8;4.3', '91;200', 'x;y', '1e308;0']))}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(f"{line}\r\n" for line in lines)


# -- mutations of the real files -----------------------------------------------------------------

SOURCES = sorted(
    [*ROOT.glob("schedules/*.yaml"), *DATA.rglob("*.yaml"), *DATA.rglob("*.ics")],
    key=lambda p: (p.stat().st_size > 8000, str(p)),  # the large ones last, so that shrinking favours small files
)
NASTY_YAML = [
    "9999-12-31",
    "0001-01-01",
    "1e308",
    "99999999999999999999",
    "24:00",
    "23:00-01:00",
    '"\\e]0;x\\a"',
    '"a\\nb"',
    "|",
    "[",
    "{",
    "&a",
    "*a",
    "<<",
    "~",
    "''",
    "localtime",
    "-1",
    "true",
    "hotel",
    "2024-03-31 02:30 Europe/Brussels",
    "[a, b]",
    "{x: 1}",
    "\t",
]
NASTY_ICS = [
    "99991231T235959",
    "00010101",
    "20241027T023000",
    "",
    "FREQ=SECONDLY;COUNT=100000",
    "FREQ=DAILY",
    "PT0S",
    "-P1D",
    "P9999999W",
    "\x1b[2J",
    "x;y",
    "hotel",
    "mailto:",
    "BEGIN:VEVENT",
]


@st.composite
def mutated_files(draw) -> tuple[str, str, Path]:
    """(suffix, text, original): a real file with one to three of its lines mangled."""
    source = draw(st.sampled_from(SOURCES))
    is_ics = source.suffix == ".ics"
    original = source.read_text(encoding="utf-8", errors="replace")
    lines = original.splitlines(keepends=True) or [""]
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        operation = draw(
            st.sampled_from(["delete", "double", "swap", "value", "value", "value", "insert", "indent", "cut", "drop"])
        )
        if operation == "delete" and len(lines) > 1:
            del lines[index]
        elif operation == "double":
            lines.insert(index, line)
        elif operation == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], line
        elif operation == "value":
            separator = ":" if is_ics else ": "
            key, found, _ = line.partition(separator)
            nasty = draw(st.sampled_from(NASTY_ICS if is_ics else NASTY_YAML))
            ending = "\r\n" if line.endswith("\r\n") else "\n"
            lines[index] = f"{key}{separator}{nasty}{ending}" if found else f"{line.rstrip()}{nasty}{ending}"
        elif operation == "insert":
            lines.insert(index, draw(st.sampled_from(NASTY_ICS if is_ics else NASTY_YAML)) + "\n")
        elif operation == "indent":
            lines[index] = line[2:] if line.startswith("  ") and draw(st.booleans()) else "  " + line
        elif operation == "cut":
            lines[index] = line[: draw(st.integers(0, len(line)))]
            del lines[index + 1 :]
        elif operation == "drop" and is_ics:  # the end of an event: DTEND, DURATION
            lines = [x for x in lines if not x.startswith(("DTEND", "DURATION"))] or lines
    return source.suffix, "".join(lines), source


# -- running every command -----------------------------------------------------------------------


def commands(path: Path, folder: Path, other: Path) -> list[tuple[list[str], Path | None]]:
    """Every command on `path`, each with the file or folder it writes (None: it writes to standard output)."""
    p = str(path)
    return [
        (["agenda", p], None),
        (["agenda", p, "--format", "json", "--tz", "Pacific/Kiritimati"], None),
        (["participants", p], None),
        (["participants", p, "--format", "json"], None),
        (["grid", p], None),
        (["grid", p, "--format", "json", "--tz", "America/Los_Angeles"], None),
        (["check", p, "--format", "json", "--strict"], None),
        (["print", p, "-o", str(folder / "page.html")], folder / "page.html"),
        (["export", p, "--out", str(folder / "calendars")], folder / "calendars"),
        (["export", p, "-o", "-"], None),
        (["diff", str(other), p], None),
        (["next", p, "--at", "2030-05-06 10:00"], None),
        (["slots", p], None),
    ]


def run_every_command(path: Path, folder: Path, other: Path) -> None:
    """Every command; when `check` cannot read the file, the others read it the same way and only those
    that would write something (and agenda, for its message) run: what they must not do is write."""
    readable = outcome(["check", str(path)], None, folder) != 2
    for args, target in commands(path, folder, other):
        if readable or target is not None or args[0] == "agenda":
            outcome(args, target, folder, data_out=args[:1] == ["export"] and "-" in args)
    if path.suffix == ".ics":
        imported = folder / "imported.yaml"
        code = outcome(["import", str(path), "-o", str(imported)], imported, folder, keep=True)
        if code == 0:  # what import writes loads
            assert outcome(["check", str(imported)], None, folder) in (0, 1), imported.read_text()


def outcome(args: list[str], target: Path | None, folder: Path, data_out: bool = False, keep: bool = False) -> int:
    """Run one command; assert every rule of the module's docstring; its exit code."""
    result = runner.invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"internal error (exit 3) in {args}: {result.exception!r}") from result.exception
    code = result.exit_code
    assert code in (0, 1, 2), (args, code, result.output)
    shown = result.stderr if data_out else result.stdout + result.stderr
    assert not CONTROL.search(shown), (args, shown)
    for line in result.stderr.splitlines():
        assert LINE.match(line), (args, line)
    if code == 2:
        assert result.stderr.strip(), (args, "exit 2 without a word")
    leftovers = [p.name for p in folder.rglob(".*.tmp")]
    assert not leftovers, (args, leftovers)
    if target is not None:
        _whole_or_absent(args, target, code, keep)
    return code


def _whole_or_absent(args: list[str], target: Path, code: int, keep: bool) -> None:
    written = sorted(target.glob("*.ics")) if target.suffix == "" else [target] if target.exists() else []
    if code == 2:
        assert not written, (args, "written despite exit 2", written)
        return
    for path in written:
        data = path.read_bytes()
        if path.suffix == ".ics":
            assert data.startswith(b"BEGIN:VCALENDAR") and data.endswith(b"END:VCALENDAR\r\n"), (args, path)
        elif path.suffix == ".html":
            assert data.rstrip().endswith(b"</html>"), (args, path)
        else:
            assert data.endswith(b"\n"), (args, path)
    for path in [] if keep else written:  # the next command of the same case starts from nothing
        path.unlink()


def run_case(suffix: str, content: str | bytes, other: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / f"case{suffix}"
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8", newline="")
        else:
            path.write_bytes(content)
        run_every_command(path, folder, other)


BASE = DATA / "load" / "minimal.yaml"


@fuzz(normal=60)
@given(programme_documents())
def test_generated_programmes(document):
    run_case(".yaml", dump(document), BASE)


@fuzz(normal=60)
@given(calendar_documents())
def test_generated_calendars(calendar):
    run_case(".ics", calendar, DATA / "import" / "single.ics")


@fuzz(normal=80)
@given(mutated_files())
def test_mutated_real_files(case):
    suffix, content, original = case
    run_case(suffix, content, original)
