"""What the loader says about a zone that is no place, YAML it does not take, and a file that is odd (issue 11)."""

from __future__ import annotations

import re

import pytest
from conftest import load_errors as errors_of
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.load import LoadError, loads

PROGRAMME = """\
programme:
  id: t
  title: T
  timezone: Europe/Paris
  start: 2024-03-30
  end: 2024-03-31
groups:
  g: G
participants:
  - id: ann
    name: Ann
    group: g
venues:
  a:
    name: A
days:
  2024-03-30:
    - time: "09:00-10:00"
      title: One
      venue: a
"""


@pytest.mark.parametrize("name", ["localtime", "posixrules", "Factory", "posix/Europe/Paris", "right/Europe/Paris"])
def test_only_real_iana_zone_names(name):
    (error,) = errors_of(PROGRAMME.replace("Europe/Paris", name))
    assert error.startswith(f"t.yaml:4:13: error: programme.timezone: unknown time zone {name!r}"), error
    if "/" in name:
        assert error.endswith("(did you mean 'Europe/Paris'?)"), error
    else:
        assert "Europe/Brussels" in error  # an example of what to write instead
    assert loads(PROGRAMME.replace("Europe/Paris", "Etc/GMT-9"), "t.yaml").timezone == "Etc/GMT-9"


def test_tz_option_takes_only_real_zone_names(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(PROGRAMME, encoding="utf-8")
    result = CliRunner().invoke(app, ["agenda", str(path), "--tz", "posix/Asia/Tokyo"])
    assert result.exit_code == 2 and "did you mean 'Asia/Tokyo'?" in result.stderr, result.output


def test_merge_key_is_named():
    text = PROGRAMME.replace("  a:\n    name: A\n", "  base: &base\n    name: A\n  a:\n    <<: *base\n")
    errors = errors_of(text)
    assert any(
        re.match(r"t\.yaml:17:5: error: venues\.a\.<<: YAML merge keys \(<<\) are not read: write the keys out", e)
        for e in errors
    ), errors


def test_tab_indentation_is_named():
    (error,) = errors_of(PROGRAMME.replace("    name: Ann\n", "\tname: Ann\n"))
    assert error.startswith("t.yaml:11:1: error: YAML syntax: ") and "a tab" in error and "spaces" in error, error


@pytest.mark.parametrize(("char", "name"), [("\x1b", "U+001B"), ("\x07", "U+0007"), ("\x9b", "U+009B")])
def test_a_control_character_is_named_with_its_line(char, name):
    (error,) = errors_of(PROGRAMME.replace("      title: One\n", f"      title: One{char}x\n"))
    assert error.startswith("t.yaml:19:17: error: YAML syntax: "), error
    assert name in error and "position" not in error, error


def test_a_control_character_is_one_line_with_exit_2(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_bytes(PROGRAMME.replace("title: One", "title: One\x1b[2J").encode())
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert re.match(r".*c\.yaml:19:17: error: YAML syntax: .*U\+001B", line), line
    assert "\x1b" not in result.stderr


def warnings_of(text: str) -> list[str]:
    return [str(w) for w in loads(text, "t.yaml").warnings]


@pytest.mark.parametrize("ident", ["programme"])
def test_a_participant_named_like_an_output_file_is_a_warning(ident):
    (warning,) = warnings_of(PROGRAMME.replace("  - id: ann\n", f"  - id: {ident}\n"))
    assert re.match(rf"t\.yaml:10:9: warning: participants\[0\]\.id: {ident!r} .*programme\.ics", warning), warning


def test_a_group_listed_twice_is_a_warning():
    (warning,) = warnings_of(PROGRAMME.replace("    group: g\n", "    groups: [g, g]\n"))
    assert re.match(r"t\.yaml:12:17: warning: participants\[0\]\.groups: group 'g' is listed twice", warning)


@pytest.mark.parametrize("key", ["20240330", "2024-W13-6", "2024-090"])
def test_a_day_not_written_yyyy_mm_dd_is_a_warning(key):
    text = PROGRAMME.replace("  2024-03-30:\n", f"  {key}:\n")
    try:
        warnings = warnings_of(text)
    except LoadError as exc:  # a form this Python does not read as a date: refused, which is also fine
        assert "YYYY-MM-DD" in str(exc)
        return
    (warning,) = warnings
    assert re.match(rf"t\.yaml:17:3: warning: days\.{key}: write the day as 2024-03-30 \(YYYY-MM-DD\)", warning)


def test_the_warned_name_is_the_whole_programme_calendar_export_writes():
    from itinerary.export.ics import filename
    from itinerary.load.people import WHOLE_PROGRAMME

    assert filename(None) == f"{WHOLE_PROGRAMME}.ics"


def test_check_shows_the_loader_warnings_but_not_twice_the_dst_ones(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(PROGRAMME.replace("    group: g\n", "    groups: [g, g]\n"), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert "group 'g' is listed twice" in result.stderr, result.output
    from conftest import DATA

    dst = CliRunner().invoke(app, ["check", str(DATA / "check" / "dst.yaml")])
    assert "happens twice" not in dst.stderr and "Z502" in dst.stdout
