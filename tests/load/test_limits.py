"""Values the loader used to accept and a command then choked on: refused at load, with file:line (issue 11)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import load_errors as errors_of
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.load import loads

HEAD = """\
programme:
  id: t
  title: T
  timezone: Europe/Brussels
  start: {start}
  end: {end}
{extra}venues:
  a:
    name: A
    geo: [50.84, 4.38]
  b:
    name: B
    geo: [50.90, 4.40]
participants:
  - id: ann
    name: Ann
days:
  {start}:
    - time: "09:00-10:00"
      title: One
      venue: a
    - time: "{second}"
      title: Two
      venue: b
"""


def programme(extra: str = "", start: str = "2024-03-30", end: str = "2024-03-31", second: str = "10:05-11:00") -> str:
    return HEAD.format(extra=extra, start=start, end=end, second=second)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("buffer_minutes", "99999999999999999999"),
        ("buffer_minutes", "100000"),
        ("taxi_kmh", "1e-300"),
        ("walk_kmh", "1e-320"),
        ("detour_factor", "1e308"),
        ("detour_factor", "0.5"),
        ("walk_max_km", "1e300"),
        ("taxi_kmh", "1e9"),
    ],
)
def test_travel_defaults_out_of_any_real_range_are_refused(key, value):
    (error,) = errors_of(programme(f"  travel_defaults:\n    {key}: {value}\n"))
    assert re.match(rf"t\.yaml:8:\d+: error: programme\.travel_defaults\.{key}: .* (between|at most) ", error), error


def test_real_travel_defaults_still_load():
    text = programme(
        "  travel_defaults:\n    detour_factor: 1.0\n    walk_kmh: 4\n    taxi_kmh: 120\n    buffer_minutes: 0\n"
    )
    assert loads(text, "t.yaml").travel_settings.taxi_kmh == 120


def test_travel_minutes_beyond_a_week_are_refused():
    text = programme() + "travel:\n  - between: [a, b]\n    minutes: 1000000000000000000\n"
    (error,) = errors_of(text)
    assert error.startswith("t.yaml:27:") and "travel[0].minutes" in error and "at most" in error


def test_transfer_minutes_beyond_a_day_are_refused():
    text = programme().replace("    name: B\n", "    name: B\n    transfer_minutes: 99999999999\n")
    (error,) = errors_of(text)
    assert "venues.b.transfer_minutes" in error and "at most" in error


def test_revision_beyond_what_a_calendar_holds_is_refused():
    (error,) = errors_of(programme("  revision: 2147483648\n"))
    assert error.startswith("t.yaml:7:") and "programme.revision" in error and "2147483647" in error
    assert loads(programme("  revision: 2147483647\n"), "t.yaml").revision == 2147483647


@pytest.mark.parametrize(
    ("start", "end", "second"),
    [
        ("9999-12-31", "9999-12-31", "23:00-01:00"),
        ("9999-12-31", "9999-12-31", "10:05-11:00"),
        ("0001-01-01", "0001-01-01", "10:05-11:00"),
    ],
)
def test_dates_at_the_edge_of_the_calendar_are_refused(start, end, second):
    errors = errors_of(programme(start=start, end=end, second=second))
    assert errors and all(re.match(r"t\.yaml:\d+:\d+: error: .*run from 1000-01-01 to 8999-12-31", e) for e in errors)


def test_a_hotel_until_the_end_of_time_is_refused():
    text = programme() + ""
    text = text.replace(
        '    - time: "09:00-10:00"\n', "    - kind: hotel\n      title: H\n      venue: a\n      until: 9999-12-31\n"
    ).replace("      title: One\n      venue: a\n", "", 1)
    errors = errors_of(text)
    assert any("until" in e and "8999-12-31" in e for e in errors), errors


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("    name: A\n", '    name: A\n    url: "http://x\\r\\nX-EVIL: 1"\n'),
        ("    name: Ann\n", '    name: Ann\n    email: "ann@example.org\\r\\nX: y"\n'),
        ("    name: Ann\n", '    name: Ann\n    email: "ann@exa\\x1bmple.org"\n'),
    ],
)
def test_url_and_email_with_a_line_break_or_control_character_are_refused(where, value):
    (error,) = errors_of(programme().replace(where, value, 1))
    assert re.match(r"t\.yaml:\d+:\d+: error: (venues\.a\.url|participants\[0\]\.email): ", error), error


def test_each_bad_value_is_one_line_with_file_line_and_exit_2(tmp_path):
    runner = CliRunner()
    cases = {
        "rev.yaml": programme("  revision: 4294967296\n"),
        "far.yaml": programme(start="9999-12-31", end="9999-12-31", second="23:00-01:00"),
        "taxi.yaml": programme("  travel_defaults:\n    taxi_kmh: 1e-300\n"),
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        for command in ("check", "agenda", "export"):
            args = [command, str(path)] + (["-o", str(tmp_path / "out.ics")] if command == "export" else [])
            result = runner.invoke(app, args)
            assert result.exit_code == 2, (name, command, result.output)
            *errors, last = result.stderr.splitlines()
            if errors:  # every problem of the file at once, then how many
                assert re.fullmatch(rf"itinerary: .*{name}: {len(errors)} errors, nothing done", last), last
            for line in errors or [last]:
                assert re.match(rf".*{name}:\d+:\d+: error: ", line), line
    assert not (tmp_path / "out.ics").exists()


def test_year_one_in_another_zone_is_not_an_internal_error(tmp_path):
    path = tmp_path / "y1.yaml"
    path.write_text(programme(start="1000-01-01", end="1000-01-01", second="00:10-01:00"), encoding="utf-8")
    for command in (["agenda", "--tz", "America/Los_Angeles"], ["grid", "--tz", "Pacific/Kiritimati"], ["check"]):
        done = subprocess.run(
            [sys.executable, "-m", "itinerary", command[0], str(path), *command[1:]], capture_output=True, text=True
        )
        assert done.returncode in (0, 1), done.stderr


def test_every_travel_default_has_bounds():
    """A key added without them would let 1e-300 km/h through to an overflow again."""
    from itinerary.load.head import TRAVEL_DEFAULT_BOUNDS, TRAVEL_DEFAULT_KEYS

    assert set(TRAVEL_DEFAULT_KEYS) - {"buffer_minutes"} == set(TRAVEL_DEFAULT_BOUNDS)
