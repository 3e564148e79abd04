"""`agenda --day today` and `next` as a user runs them: in process and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import JAPAN
from typer.testing import CliRunner

from itinerary.cli import app

runner = CliRunner()
WEDNESDAY_NOON = {"ITINERARY_NOW": "2009-10-07 12:30"}


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def test_agenda_today_while_the_visit_runs():
    result = run("agenda", JAPAN, "--day", "today", env=WEDNESDAY_NOON)
    assert result.exit_code == 0, result.output
    assert "Wednesday 7 October 2009" in result.stdout and "Tuesday" not in result.stdout
    assert result.stderr == ""


def test_agenda_today_when_the_visit_is_not_running():
    result = run("agenda", JAPAN, "--day", "today", env={"ITINERARY_NOW": "2026-12-02 09:00"})
    assert result.exit_code == 0, result.output
    assert "Sunday 4 October 2009" in result.stdout and "Monday" not in result.stdout
    assert "not a day of the programme" in result.stderr and "first day" in result.stderr


def test_agenda_weekday_and_bad_words():
    assert "Thursday 8 October 2009" in run("agenda", JAPAN, "--day", "thu").stdout
    for word in ("sat", "someday"):
        bad = run("agenda", JAPAN, "--day", word)
        assert bad.exit_code == 2 and bad.stderr.startswith("itinerary: --day:"), bad.output
        assert len(bad.stderr.strip().splitlines()) == 1


def test_next_text_names_the_trip_and_the_address_for_the_driver():
    result = run("next", JAPAN, "--who", "ECPG", "--at", "2009-10-07 13:20")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Wednesday 7 October 2009 13:20 JST · Delegation of ECPG" in out
    assert "Meeting with Hamamatsu University School of Medicine" in out  # under way
    assert "leave Hamamatsu University School of Medicine by 13:39" in out
    assert "21 min by taxi for 8.6 km + 10 min buffer to Hamamatsu Photonics K.K." in out
    assert "静岡県浜松市中区砂山町325-6" in out


def test_next_json_and_the_clock_from_the_environment():
    result = run("next", JAPAN, "--who", "tea-petrin", "--format", "json", env={"ITINERARY_NOW": "2009-10-07 13:56"})
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["at"] == "2009-10-07T13:56+09:00" and data["who"] == "tea-petrin"
    assert [e["title"] for e in data["next"]] == ["Visit to Hamamatsu Photonics K.K."]
    leave = data["leave"]
    assert leave["by"] == "2009-10-07T13:39+09:00" and leave["late"] is True
    assert leave["trip"]["needed"] == 31 and leave["to"]["id"] == "hamamatsu-photonics"


def test_next_bad_moment_and_bad_clock():
    bad = run("next", JAPAN, "--at", "half past twelve")
    assert bad.exit_code == 2 and bad.stderr.startswith("itinerary: --at:")
    clock = run("next", JAPAN, env={"ITINERARY_NOW": "whenever"})
    assert clock.exit_code == 2 and "ITINERARY_NOW" in clock.stderr


def test_next_and_slots_read_a_calendar_draft(tmp_path):
    exported = run("export", JAPAN, "--who", "tea-petrin", "-o", tmp_path / "tea.ics")
    assert exported.exit_code == 0, exported.output
    found = run("next", tmp_path / "tea.ics", "--at", "2009-10-07 13:20", "--format", "json")
    assert found.exit_code == 0, found.output
    assert json.loads(found.stdout)["next"][0]["title"] == "Visit to Hamamatsu Photonics K.K."
    free = run("slots", tmp_path / "tea.ics", "--day", "2009-10-07", "--format", "json")
    assert free.exit_code == 0, free.output


def test_as_a_real_process():
    env = {"ITINERARY_NOW": "2009-10-07 12:30", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "itinerary", "next", str(JAPAN), "--who", "ecpg"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "be at Grand Hotel Hamamatsu by 12:40" in done.stdout and "\x1b[" not in done.stdout


def test_next_shows_the_time_where_they_are_unless_tz_says_otherwise():
    from conftest import ROOT

    gathering = ROOT / "schedules" / "global-gathering-la-2025.yaml"
    brisbane = run("next", gathering, "--at", "2025-07-10 18:00 Australia/Brisbane", "--format", "json")
    assert brisbane.exit_code == 0, brisbane.output
    data = json.loads(brisbane.stdout)
    assert data["timezone"] == "Australia/Brisbane" and data["at"] == "2025-07-10T18:00+10:00"
    asked = json.loads(
        run("next", gathering, "--at", "2025-07-10 18:00 Australia/Brisbane", "--tz", "UTC", "--format", "json").stdout
    )
    assert asked["timezone"] == "UTC" and asked["at"] == "2025-07-10T08:00+00:00"


def test_next_marks_what_is_optional():
    from conftest import DATA

    result = run("next", DATA / "slots" / "brussels.yaml", "--who", "ann", "--at", "2024-05-15 12:00")
    assert result.exit_code == 0, result.output
    assert "Museum visit  optional for The team" in result.stdout
    assert "leave Office by 13:30" in result.stdout


def test_an_unknown_start_still_counts_the_time_to_change_at_the_airport():
    from conftest import ROOT

    gathering = ROOT / "schedules" / "global-gathering-la-2025.yaml"
    result = run("next", gathering, "--at", "2025-07-13 18:00 America/Los_Angeles")
    assert result.exit_code == 0, result.output
    # The charter leaves LAX at 21:35 and the airport takes 60 min to change (its transfer_minutes).
    assert "be at Los Angeles International Airport by 20:35 (60 min to change there)" in " ".join(
        result.stdout.split()
    )
    data = json.loads(run("next", gathering, "--at", "2025-07-13 18:00 America/Los_Angeles", "--format", "json").stdout)
    assert data["leave"]["by"] is None and data["leave"]["arrive_by"] == "2025-07-13T20:35-07:00"
