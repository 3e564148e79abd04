from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import JAPAN, ROOT, plain_env
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from itinerary.cli import app, output

runner = CliRunner()
COLOUR = r"\x1b\[[0-9;]*?(3[0-7]|9[0-7]|38;[25];[0-9;]+)m"


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def test_agenda_of_one_day():
    result = run("agenda", JAPAN, "--day", "2009-10-07")
    assert result.exit_code == 0, result.output
    assert "Wednesday 7 October 2009" in result.stdout
    assert "Shinkansen HIKARI 465" in result.stdout
    assert "Tuesday" not in result.stdout


def test_agenda_who_group_and_person():
    person = run("agenda", JAPAN, "--who", "aiko-higuchi")
    assert person.exit_code == 0
    assert "Dinner at Zipangu Akasaka" in person.stdout and "HIKARI" not in person.stdout
    assert "for Aiko Higuchi, times in Asia/Tokyo" in person.stdout
    group = run("agenda", JAPAN, "--who", "eu-japan-centre", "--format", "json")
    titles = [e["title"] for d in json.loads(group.stdout)["days"] for e in d["events"]]
    assert "Meeting with the EU-Japan Centre for Industrial Cooperation" in titles
    assert "Dinner at Zipangu Akasaka" in titles  # two of its members are there


@pytest.mark.parametrize("typed", ["Aiko Higuchi", "aiko higuchi", "AIKO-HIGUCHI"])
def test_who_as_a_person_types_it(typed):
    result = run("agenda", JAPAN, "--who", typed, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["who"] == "aiko-higuchi"


def test_who_group_by_name_or_upper_case():
    for typed in ("ECPG", "Delegation of ECPG"):
        assert json.loads(run("agenda", JAPAN, "--who", typed, "--format", "json").stdout)["who"] == "ecpg"


def test_agenda_tz():
    result = run("agenda", JAPAN, "--tz", "Europe/Brussels", "--day", "2009-10-06", "--format", "json")
    data = json.loads(result.stdout)
    assert data["timezone"] == "Europe/Brussels"
    first = data["days"][0]["events"][0]
    assert first["start"] == "2009-10-06T02:30+02:00" and first["start_local"] == "2009-10-06T09:30+09:00"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--who", "barbara"],
            "--who: no participant or group 'barbara' in ECPG Study Visit to Japan (did you mean 'barbara-rhode'?)",
        ),
        (["--tz", "Europe/Bruxelles"], "--tz: unknown time zone 'Europe/Bruxelles'"),
        (["--tz", ""], "--tz: unknown time zone ''"),
        (["--day", "2009-13-01"], "--day: '2009-13-01' is not a day (YYYY-MM-DD, today, tomorrow"),
        (["--day", "2010-01-01"], "--day: 2010-01-01 is outside the programme (2009-10-04 to 2009-10-09)"),
    ],
)
def test_bad_options_one_line_exit_2(args, message):
    result = run("agenda", JAPAN, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("itinerary: " + message), result.stderr


def test_broken_file_exit_2_all_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        JAPAN.read_text(encoding="utf-8").replace("venue: mext", "venue: mxt").replace("kind: train", "kind: trian")
    )
    result = run("agenda", bad)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 3  # one venue, two trains
    assert any("unknown venue 'mxt' (did you mean 'mext'?)" in line for line in errors)
    assert result.stderr.splitlines()[-1] == f"itinerary: {bad}: 3 errors, nothing done"


def test_participants_table_and_json():
    result = run("participants", JAPAN, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for name in ("Maciej Dzierżanowski", "Tea Petrin", "Aiko Higuchi", "Gdańsk Institute for Market Economics"):
        assert name in result.stdout
    data = json.loads(run("participants", JAPAN, "--format", "json").stdout)
    assert len(data["participants"]) == 13
    emily = next(p for p in data["participants"] if p["id"] == "emily-wise")
    assert emily["group_names"] == ["Delegation of ECPG", "ECPG Secretariat"]


def test_version():
    from itinerary import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"itinerary {__version__}\n"


def test_version_alone_is_answered_without_typer():
    """--version is what scripts ask first; typer is most of a command's start-up."""
    from itinerary import __version__

    code = (
        "import sys; from itinerary.__main__ import main; main(); print(sorted({'typer', 'rich'} & set(sys.modules)))"
    )
    found = subprocess.run([sys.executable, "-c", code, "--version"], capture_output=True, text=True, cwd=ROOT)
    assert found.returncode == 0, found.stderr
    assert found.stdout == f"itinerary {__version__}\n[]\n"


def test_help_documents_exit_codes():
    result = run("--help")
    assert result.exit_code == 0
    assert "Exit codes: 0 success" in result.stdout


def test_real_process_agenda_plain_when_piped():
    done = subprocess.run(
        [sys.executable, "-m", "itinerary", "agenda", str(JAPAN), "--day", "2009-10-07"],
        capture_output=True, text=True, cwd=ROOT, env=plain_env(), check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout  # no colour into a pipe
    assert "09:03–10:33" in done.stdout


def test_real_process_colour_on_terminal_unless_no_color():
    args = [sys.executable, "-m", "itinerary", "agenda", str(JAPAN), "--day", "2009-10-07"]
    coloured = subprocess.run(args, capture_output=True, text=True, env=plain_env(FORCE_COLOR="1"), check=False)
    assert "\x1b[" in coloured.stdout
    plain = subprocess.run(
        args, capture_output=True, text=True, env=plain_env(FORCE_COLOR="1", NO_COLOR="1"), check=False
    )
    assert re.search(COLOUR, coloured.stdout)
    assert not re.search(COLOUR, plain.stdout)  # NO_COLOR: bold and dim may stay, colours go


def test_real_process_bad_file_no_traceback(tmp_path):
    bad = tmp_path / "x.yaml"
    bad.write_bytes(b"programme: [\n")
    done = subprocess.run(
        [sys.executable, "-m", "itinerary", "agenda", str(bad)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{bad}:2:1: error: YAML syntax")


def test_piped_output_has_no_trailing_blanks():
    done = subprocess.run(
        [sys.executable, "-m", "itinerary", "agenda", str(JAPAN)],
        capture_output=True, text=True, env=plain_env(), check=False,
    )  # fmt: skip
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert len(lines) > 100
    assert [line for line in lines if line != line.rstrip()] == []


def test_a_calendar_draft_reads_like_a_programme(tmp_path):
    calendar = tmp_path / "hosts-draft.ics"
    assert run("export", JAPAN, "-o", calendar).exit_code == 0
    day = run("agenda", calendar, "--day", "2009-10-07")
    assert day.exit_code == 0, day.stderr
    assert "09:03–10:33" in day.stdout and "Shinkansen HIKARI 465" in day.stdout
    assert run("grid", calendar, "--format", "json").exit_code == 0
    page = tmp_path / "draft.html"
    assert run("print", calendar, "-o", page).exit_code == 0
    assert "HIKARI 476" in page.read_text(encoding="utf-8")
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2020\n")
    result = run("agenda", broken)
    assert result.exit_code == 2 and "END:VEVENT is missing" in result.stderr


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_json_is_written_as_the_standard_library_writes_it(value):
    """--format json goes through orjson for speed; scripts see the same text as json.dumps(indent=2) gives."""
    assert output.json_text(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("exponent", range(-12, 20))
def test_json_floats_of_every_size_are_written_as_json_writes_them(exponent):
    values = [sign * mantissa * 10.0**exponent for sign in (1, -1) for mantissa in (1, 1.5, 3.14159265358979, 7)]
    assert output.json_text(values) == json.dumps(values, ensure_ascii=False, indent=2) + "\n"


def test_the_command_line_starts_without_the_library():
    """Every command module is imported at start-up: none may import the model, a reader or a renderer there."""
    code = "import sys, itinerary.cli; print(' '.join(sorted(m for m in sys.modules if m.startswith('itinerary'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = done.stdout.split()
    assert [m for m in loaded if not m.startswith("itinerary.cli")] == ["itinerary"], loaded


@pytest.mark.parametrize("args", [["agenda"], ["check", "--format", "json"], ["print"]])
def test_a_reader_that_goes_away_is_no_failure(args):
    """`itinerary agenda p.yaml | head -1`: exit 0 and nothing on stderr (click alone exits 1)."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    try:
        done = subprocess.run(
            [sys.executable, "-m", "itinerary", args[0], str(JAPAN), *args[1:]],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["agenda", JAPAN, "--format", "xml"], "'xml' is not one of 'text', 'json'"),
        (["next", JAPAN, "-n", "0"], "0 is not in the range x>=1"),
        (["agenda"], "Missing argument 'FILE'"),
        (["agenda", JAPAN, "--bogus"], "No such option: --bogus"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_a_usage_error_is_one_line_that_says_where_help_is(args, named):
    result = run(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("itinerary: ") and named in lines[0] and "--help')" in lines[0]
    assert result.stdout == ""


def test_a_usage_error_in_a_real_process_is_one_line():
    done = subprocess.run(
        [sys.executable, "-m", "itinerary", "slots", str(JAPAN), "--format", "yaml"],
        capture_output=True,
        text=True,
        env=plain_env(),
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert done.stdout == "" and done.stderr.count("\n") == 1
    assert "'yaml' is not one of" in done.stderr and "slots --help')" in done.stderr


def test_no_command_still_prints_the_help():
    result = run()
    assert result.exit_code == 2
    assert "Commands:" in result.stdout + result.stderr
