"""`itinerary check` from the outside: text blocks, JSON against its schema, exit codes, the Japan visit's golden."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import JAPAN, ROOT, TESTS, assert_golden, plain_env
from typer.testing import CliRunner

from itinerary.cli import app

runner = CliRunner()
DATA = TESTS / "data" / "check"
SCHEMA = ROOT / "docs" / "check.schema.json"
COLOUR = r"\x1b\[[0-9;]*?(3[0-7]|9[0-7]|38;[25];[0-9;]+)m"


def run(*args: object, env: dict[str, str] | None = None):
    return runner.invoke(app, ["check", *(str(a) for a in args)], env={"COLUMNS": "100", **(env or {})})


def validate(data: object) -> None:
    import jsonschema

    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(data)


@pytest.mark.parametrize(
    ("name", "code", "strict_code"),
    [
        ("clash-ok", 0, 0),  # nothing found
        ("estimated-end", 0, 0),  # infos only
        ("no-lodging", 0, 1),  # a warning: fails only with --strict
        ("clash", 1, 1),  # errors
    ],
)
def test_exit_codes(name, code, strict_code):
    assert run(DATA / f"{name}.yaml").exit_code == code
    assert run(DATA / f"{name}.yaml", "--strict").exit_code == strict_code
    assert run(DATA / f"{name}.yaml", "--format", "json", "--strict").exit_code == strict_code


def test_unloadable_file_exit_2_with_the_loaders_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((DATA / "clash.yaml").read_text(encoding="utf-8").replace("venue: hall", "venue: hal"))
    result = run(bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    errors = result.stderr.splitlines()
    assert errors[0].startswith(f"{bad}:22:") and "unknown venue 'hal' (did you mean 'hall'?)" in errors[0]
    assert errors[-1] == f"itinerary: {bad}: 5 errors, nothing done"
    assert run(bad, "--format", "json").exit_code == 2


def test_missing_file_and_bad_option_exit_2(tmp_path):
    missing = run(tmp_path / "nope.yaml")
    assert missing.exit_code == 2 and "cannot read" in missing.stderr and "Traceback" not in missing.stderr
    assert run(DATA / "clash.yaml", "--format", "xml").exit_code == 2


def test_text_blocks_and_summary():
    result = run(DATA / "travel-gap.yaml")
    assert result.exit_code == 1
    blocks = result.stdout.strip().split("\n\n")
    assert len(blocks) == 5 + 1  # five findings, then the summary
    first = blocks[0].splitlines()
    assert first[0].startswith("error T202 travel-gap: 'South two' ends 10:00 at South")
    at = next(n for n, line in enumerate(first) if line.startswith("  at:  "))
    assert " ".join(first[at : at + 2]).split()[1:3] == [
        f"{DATA / 'travel-gap.yaml'}:31,",
        f"{DATA / 'travel-gap.yaml'}:32",
    ]
    assert "  who: Team" in first
    assert any(line.startswith("  fix: start 'North two' at 10:28 or later") for line in first)
    assert [b.split()[0] for b in blocks[:5]] == ["error", "error", "warning", "warning", "info"]
    # The summary wraps at the terminal's width, where depends on how long the checkout's path is.
    assert " ".join(blocks[-1].split()) == f"{DATA / 'travel-gap.yaml'}: 2 errors, 2 warnings, 1 info; the check fails"
    assert all(len(line) <= 100 for line in result.stdout.splitlines() if "/" not in line)


def test_nothing_found():
    result = run(DATA / "clash-ok.yaml")
    assert result.stdout == f"{DATA / 'clash-ok.yaml'}: no findings; the check passes\n"


@pytest.mark.parametrize("name", ["clash", "travel-gap", "no-lodging", "dst", "unattended", "clash-ok"])
def test_json_matches_the_schema(name):
    result = run(DATA / f"{name}.yaml", "--format", "json")
    data = json.loads(result.stdout)
    validate(data)
    severities = [f["severity"] for f in data["findings"]]
    assert data["summary"] == {s + "s": severities.count(s) for s in ("error", "warning", "info")}
    assert data["programme"]["id"] == name


def test_json_fields_of_a_finding():
    data = json.loads(run(DATA / "clash.yaml", "--format", "json").stdout)
    first = data["findings"][0]
    assert first == {
        "code": "C101",
        "severity": "error",
        "kind": "clash",
        "message": "'Red session' (09:00-10:30) and 'Blue session' (10:00-11:00) overlap by 30 min on Mon 4 Mar 2030",
        "suggestion": "start 'Blue session' at 10:30 or later, end 'Red session' by 10:00, "
        "or take Cy Both out of one of them",
        "file": str(DATA / "clash.yaml"),
        "line": 22,
        "sources": [
            {"file": str(DATA / "clash.yaml"), "line": 22, "column": 7},
            {"file": str(DATA / "clash.yaml"), "line": 23, "column": 7},
        ],
        "events": ["2030-03-04/red-session", "2030-03-04/blue-session"],
        "participants": ["Cy Both"],
        "participant_ids": ["cy-both"],
    }


def test_schema_rejects_what_it_should():
    import jsonschema

    data = json.loads(run(DATA / "clash.yaml", "--format", "json").stdout)
    data["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_dst_warning_said_once():
    """The loader's DST warning is not printed as well: the dst check reports it."""
    result = run(DATA / "dst.yaml")
    assert result.stderr == ""
    assert result.stdout.count("happens twice") == 3


# -- the Japan visit ------------------------------------------------------------------------------------------


def test_japan_golden(monkeypatch):
    """Reviewed: the Hamamatsu hop (13:55 -> 14:10, 8.6 km) is the one error; see the issue."""
    monkeypatch.chdir(ROOT)
    result = run("schedules/ecpg-japan-2009.yaml")
    assert result.exit_code == 1
    assert_golden("check-japan.txt", result.stdout)


def test_japan_findings():
    data = json.loads(run(JAPAN, "--format", "json").stdout)
    validate(data)
    assert data["summary"] == {"errors": 1, "warnings": 1, "infos": 11}
    (error,) = [f for f in data["findings"] if f["severity"] == "error"]
    assert error["code"] == "T202" and error["participants"] == ["Delegation of ECPG"]
    assert "needs 31 min (21 min by taxi for 8.6 km + 10 min buffer), has 15 min" in error["message"]
    assert error["suggestion"].startswith("start 'Visit to Hamamatsu Photonics K.K.' at 14:26 or later (14:16")
    assert {f["kind"] for f in data["findings"]} == {"travel-gap", "estimated-end"}


# -- as a real process -------------------------------------------------------------------------------------------


def test_real_process_exit_codes_and_colour():
    args = [sys.executable, "-m", "itinerary", "check", str(JAPAN)]
    piped = subprocess.run(args, capture_output=True, text=True, env=plain_env(), check=False)
    assert piped.returncode == 1, piped.stderr
    assert "\x1b[" not in piped.stdout and piped.stdout.startswith("error T202 travel-gap:")
    coloured = subprocess.run(args, capture_output=True, text=True, env=plain_env(FORCE_COLOR="1"), check=False)
    assert re.search(COLOUR, coloured.stdout)
    plain = subprocess.run(
        args, capture_output=True, text=True, env=plain_env(FORCE_COLOR="1", NO_COLOR="1"), check=False
    )
    assert not re.search(COLOUR, plain.stdout)
    ok = subprocess.run(
        [sys.executable, "-m", "itinerary", "check", str(DATA / "clash-ok.yaml"), "--format", "json"],
        capture_output=True, text=True, env=plain_env(), check=False,
    )  # fmt: skip
    assert ok.returncode == 0 and json.loads(ok.stdout)["summary"] == {"errors": 0, "warnings": 0, "infos": 0}
