"""`itinerary import` and `itinerary check FILE.ics` as a user runs them: files written or refused, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import DATA, ROOT, plain_env
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.load import load

runner = CliRunner()
IMPORT = DATA / "import"


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_import_to_stdout_by_default_and_with_dash():
    default = run("import", IMPORT / "single.ics")
    dash = run("import", IMPORT / "single.ics", "-o", "-")
    assert default.exit_code == dash.exit_code == 0
    assert default.stdout == dash.stdout
    assert "title: Welcome meeting at DG Enterprise" in default.stdout
    assert default.stderr == ""


def test_import_writes_a_file_that_loads_and_never_overwrites_without_force(tmp_path):
    target = tmp_path / "draft.yaml"
    first = run("import", IMPORT / "recurring.ics", "-o", target)
    assert first.exit_code == 0, first.output
    assert first.stderr.startswith(f"itinerary: wrote {target}: 8 events, 1 venue, 0 participants")
    programme = load(target)
    assert len(programme.events) == 8
    target.write_text("# my edits\n", encoding="utf-8")
    again = run("import", IMPORT / "recurring.ics", "-o", target)
    assert again.exit_code == 2
    assert again.stderr == f"itinerary: {target}: exists; use --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "# my edits\n"
    forced = run("import", IMPORT / "recurring.ics", "-o", target, "--force")
    assert forced.exit_code == 0 and len(load(target).events) == 8
    assert [p.name for p in tmp_path.iterdir()] == ["draft.yaml"]  # no temporary file left behind


def test_import_options_zone_and_range(tmp_path):
    result = run("import", IMPORT / "floating.ics", "--tz", "Asia/Tokyo")
    assert result.exit_code == 0
    assert "timezone: Asia/Tokyo" in result.stdout and 'time: "13:10-13:55"' in result.stdout
    ranged = run("import", IMPORT / "recurring.ics", "--start", "2009-10-08", "--end", "2009-10-08")
    assert ranged.exit_code == 0
    assert "start: 2009-10-08" in ranged.stdout and "2009-10-05" not in ranged.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tz", "Asia/Tokio"], "itinerary: --tz: unknown time zone 'Asia/Tokio' (did you mean 'Asia/Tokyo'?)\n"),
        (["--start", "2009-13-01"], "itinerary: --start: '2009-13-01' is not a date (YYYY-MM-DD)\n"),
        (
            ["--start", "2009-10-08", "--end", "2009-10-07"],
            "itinerary: --end 2009-10-07 is before --start 2009-10-08\n",
        ),
    ],
)
def test_import_bad_options(args, message):
    result = run("import", IMPORT / "single.ics", *args)
    assert result.exit_code == 2
    assert result.stderr == message


BAD = {
    "missing-end.ics": "missing-end.ics:4: BEGIN:VEVENT is not closed",
    "bad-date.ics": "bad-date.ics:12: DTSTART: not a valid date or time",
    "undefined-tzid.ics": "undefined-tzid.ics:12: DTSTART: TZID 'Hamamatsu Local Time' is defined nowhere",
    "not-a-calendar.ics": "not-a-calendar.ics: not a calendar",
    "empty.ics": "empty.ics: no events to import",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_calendars_exit_2_in_one_line_and_write_nothing(name, tmp_path):
    target = tmp_path / "draft.yaml"
    result = run("import", IMPORT / name, "-o", target)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"itinerary: {IMPORT / name}")
    assert BAD[name] in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not target.exists()


def test_binary_missing_and_folder_inputs(tmp_path):
    binary = tmp_path / "photo.ics"
    binary.write_bytes(bytes(range(256)) * 4)
    result = run("import", binary)
    assert (result.exit_code, result.stderr) == (
        2,
        f"itinerary: {binary}: binary data, not a calendar (expected an iCalendar .ics text file)\n",
    )
    missing = run("import", tmp_path / "nowhere.ics")
    assert missing.exit_code == 2 and "cannot read: No such file or directory" in missing.stderr
    folder = run("import", tmp_path)
    assert (folder.exit_code, folder.stderr) == (2, f"itinerary: {tmp_path}: is a directory, not a calendar\n")
    nowhere = run("import", IMPORT / "single.ics", "-o", tmp_path / "no" / "such" / "draft.yaml")
    assert nowhere.exit_code == 2 and "no such directory" in nowhere.stderr


def test_check_a_calendar_finds_the_clash_and_points_at_its_lines():
    result = run("check", IMPORT / "clash.ics")
    assert result.exit_code == 1
    assert "error C101 clash: 'Meeting with METI' (09:30-12:00)" in result.stdout
    as_json = run("check", IMPORT / "clash.ics", "--format", "json")
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    assert data["programme"]["id"] == "hosts-draft-with-a-clash"
    (finding,) = data["findings"]
    assert finding["code"] == "C101" and finding["events"] == ["meti", "cabinet"]
    assert [(s["file"], s["line"]) for s in finding["sources"]] == [  # each VEVENT's line in the calendar
        (str(IMPORT / "clash.ics"), 5),
        (str(IMPORT / "clash.ics"), 14),
    ]


def test_check_a_clean_calendar_passes_and_a_broken_one_exits_2():
    clean = run("check", IMPORT / "single.ics")
    assert clean.exit_code == 0, clean.output
    assert "no findings; the check passes" in " ".join(clean.stdout.split())
    broken = run("check", IMPORT / "undefined-tzid.ics")
    assert broken.exit_code == 2
    assert broken.stderr.count("\n") == 1 and "is defined nowhere" in broken.stderr


def test_a_calendar_is_known_by_its_first_line_whatever_its_name(tmp_path):
    renamed = tmp_path / "draft.txt"
    renamed.write_bytes((IMPORT / "clash.ics").read_bytes())
    assert run("check", renamed).exit_code == 1


def test_real_process_import_then_agenda_and_check(tmp_path):
    env = plain_env()
    target = tmp_path / "draft.yaml"

    def itinerary(*args: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "itinerary", *map(str, args)],
            capture_output=True, text=True, cwd=ROOT, env=env, check=False,
        )  # fmt: skip

    done = itinerary("import", IMPORT / "tzid.ics", "-o", target)
    assert done.returncode == 0, done.stderr
    agenda = itinerary("agenda", target, "--day", "2009-10-06")
    assert agenda.returncode == 0, agenda.stderr
    assert "09:30–12:00" in agenda.stdout and "Meeting with METI" in agenda.stdout
    bad = itinerary("import", IMPORT / "missing-end.ics", "-o", tmp_path / "bad.yaml")
    assert bad.returncode == 2 and bad.stdout == "" and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("itinerary: ") and bad.stderr.count("\n") == 1
    assert not (tmp_path / "bad.yaml").exists()
    check = itinerary("check", IMPORT / "clash.ics")
    assert check.returncode == 1 and "C101" in check.stdout


@pytest.mark.parametrize("calendar", ["clash.ics", "single.ics", "tzid.ics"])
def test_import_then_check_finds_what_check_of_the_calendar_finds(tmp_path, calendar):
    source = DATA / "import" / calendar
    direct = run("check", source, "--format", "json")
    written = tmp_path / "imported.yaml"
    assert run("import", source, "-o", written).exit_code == 0
    imported = run("check", written, "--format", "json")
    assert imported.exit_code == direct.exit_code, imported.output

    def said(result):
        return sorted(
            (f["code"], f["message"], tuple(f["participants"])) for f in json.loads(result.stdout)["findings"]
        )

    assert said(imported) == said(direct)
    if calendar == "clash.ics":
        assert [code for code, _, _ in said(direct)] == ["C101"]
