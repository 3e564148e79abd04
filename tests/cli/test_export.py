"""`itinerary export`: files per participant, one calendar to a file or stdout, and never over a user's file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import DATA, JAPAN, ROOT
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.export import ics
from itinerary.load import load

runner = CliRunner()
EPOCH = {"SOURCE_DATE_EPOCH": "1254355200"}  # 2009-10-01T00:00:00Z
AUTUMN = DATA / "export" / "autumn.yaml"


def run(*args, env=None):
    return runner.invoke(app, ["export", *map(str, args)], env={**EPOCH, **(env or {})})


def test_out_writes_a_calendar_per_participant_and_the_programme(tmp_path, japan):
    out = tmp_path / "out"
    result = run(JAPAN, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    written = {f["file"]: f for f in data["files"]}
    names = {f"{p}.ics" for p in japan.participants} | {"programme.ics"}
    assert {p.name for p in out.iterdir()} == names
    assert set(written) == {str(out / n) for n in names}
    assert all(f["status"] == "new" for f in data["files"])
    tea = written[str(out / "tea-petrin.ics")]
    assert tea["who"] == "tea-petrin" and tea["events"] == len(japan.events_for("tea-petrin"))
    assert written[str(out / "programme.ics")]["events"] == len(japan.events)
    assert ics.owner((out / "akira-kimura.ics").read_bytes()) == japan.id


def test_the_table_says_what_was_written_and_a_second_run_changes_nothing(tmp_path):
    first = run(JAPAN, "--out", tmp_path)
    assert first.exit_code == 0, first.output
    assert "Tea Petrin" in first.stdout and "tea-petrin.ics" in first.stdout and "new" in first.stdout
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    second = run(JAPAN, "--out", tmp_path, "--format", "json")
    assert {f["status"] for f in json.loads(second.stdout)["files"]} == {"unchanged"}
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == before


def test_who_with_out_writes_that_one_file(tmp_path):
    result = run(JAPAN, "--who", "tea-petrin", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["tea-petrin.ics"]


def test_a_group_to_stdout(japan):
    result = run(JAPAN, "--who", "ecpg", "-o", "-")
    assert result.exit_code == 0, result.output
    data = result.stdout_bytes
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and data.endswith(b"END:VCALENDAR\r\n")
    assert b"X-WR-CALNAME:ECPG Study Visit to Japan \xe2\x80\x94 Delegation of ECPG\r\n" in data
    assert data.count(b"BEGIN:VEVENT") == len(japan.events_for("ecpg"))
    assert b"DTSTAMP:20091001T000000Z" in data


def test_output_file_and_a_revised_programme_updates_it(tmp_path):
    target = tmp_path / "ecpg.ics"
    assert run(JAPAN, "--who", "ecpg", "-o", target).exit_code == 0
    revised = tmp_path / "japan.yaml"
    revised.write_text(JAPAN.read_text(encoding="utf-8").replace("revision: 1\n", "revision: 2\n"), encoding="utf-8")
    result = run(revised, "--who", "ecpg", "-o", target, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["files"][0]["status"] == "updated"
    # The calendar says revision 2, but no event changed: each keeps its SEQUENCE (issue 10).
    assert b"revision 2" in target.read_bytes()
    assert b"SEQUENCE:1\r\n" in target.read_bytes() and b"SEQUENCE:2\r\n" not in target.read_bytes()


def test_refuses_to_overwrite_a_file_it_did_not_write(tmp_path):
    mine = tmp_path / "tea-petrin.ics"
    mine.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//Someone//Else//EN\r\nEND:VCALENDAR\r\n")
    result = run(JAPAN, "--out", tmp_path)
    assert result.exit_code == 2
    assert "tea-petrin.ics: exists and was not written by itinerary; use --force" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["tea-petrin.ics"]  # nothing written at all
    assert b"Someone" in mine.read_bytes()
    forced = run(JAPAN, "--out", tmp_path, "--force")
    assert forced.exit_code == 0, forced.output
    assert ics.owner(mine.read_bytes()) == "ecpg-japan-2009"


def test_refuses_a_calendar_of_another_programme(tmp_path):
    target = tmp_path / "cal.ics"
    assert run(AUTUMN, "-o", target).exit_code == 0
    result = run(JAPAN, "-o", target)
    assert result.exit_code == 2 and "not written by itinerary" in result.stderr
    assert ics.owner(target.read_bytes()) == "autumn-2030"


def test_no_temporary_files_are_left_behind(tmp_path):
    assert run(JAPAN, "--out", tmp_path).exit_code == 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_invite_adds_organizer_and_attendees_with_an_email(tmp_path):
    target = tmp_path / "team.ics"
    result = run(AUTUMN, "--who", "team", "-o", target, "--invite", "--organizer", "Org <org@example.org>")
    assert result.exit_code == 0, result.output
    data = target.read_bytes()
    assert b"ORGANIZER;CN=Org:mailto:org@example.org" in data
    assert b"mailto:ann@example.org" in data and b"METHOD:PUBLISH" in data
    plain = tmp_path / "plain.ics"
    assert run(AUTUMN, "--who", "team", "-o", plain).exit_code == 0
    assert b"ATTENDEE" not in plain.read_bytes() and b"ORGANIZER" not in plain.read_bytes()


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        ([], {}, "give either --out DIR (a calendar per participant) or -o FILE (one calendar)"),
        (["--out", "x", "-o", "y.ics"], {}, "give either --out DIR"),
        (["-o", "-", "--invite"], {}, "--invite needs --organizer"),
        (["-o", "-", "--organizer", "a@example.org"], {}, "--organizer is used only with --invite"),
        (["-o", "-", "--invite", "--organizer", "nobody"], {}, "'nobody' is not an email address"),
        (["-o", "-", "--who", "tea"], {}, "--who: no participant or group 'tea'"),
        (["-o", "-"], {"SOURCE_DATE_EPOCH": "soon"}, "SOURCE_DATE_EPOCH='soon' is not a whole number of seconds"),
        (["-o", "-"], {"SOURCE_DATE_EPOCH": "-5"}, "SOURCE_DATE_EPOCH='-5' is before 1970"),
        (["-o", "-", "--format", "json"], {}, "with -o - the calendar itself goes to standard output"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args, env, message):
    result = run(JAPAN, *args, env=env)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("itinerary: ") and message in lines[0], result.stderr
    assert result.stdout == ""


def test_out_must_be_a_directory(tmp_path):
    plain = tmp_path / "file"
    plain.write_text("", encoding="utf-8")
    result = run(JAPAN, "--out", plain)
    assert result.exit_code == 2 and "not a directory" in result.stderr


def test_output_into_a_missing_folder_or_onto_a_folder(tmp_path):
    missing = run(JAPAN, "-o", tmp_path / "nope" / "x.ics")
    assert missing.exit_code == 2 and "no such directory" in missing.stderr
    folder = run(JAPAN, "-o", tmp_path)
    assert folder.exit_code == 2 and "is a directory" in folder.stderr


def test_a_file_that_does_not_load_exits_2(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("programme: {id: x}\n", encoding="utf-8")
    result = run(broken, "-o", "-")
    assert result.exit_code == 2 and result.stdout == ""


def test_as_a_real_process_twice_byte_identical(tmp_path):
    env = {**os.environ, **EPOCH, "NO_COLOR": "1"}
    outputs = []
    for name in ("a", "b"):
        done = subprocess.run(
            [sys.executable, "-m", "itinerary", "export", str(JAPAN), "--out", str(tmp_path / name)],
            capture_output=True,
            cwd=ROOT,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        assert b"\x1b[" not in done.stdout and b"programme.ics" in done.stdout
        outputs.append({p.name: p.read_bytes() for p in (tmp_path / name).iterdir()})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == len(load(JAPAN).participants) + 1


def test_a_calendar_draft_exports_as_a_programme_does(tmp_path):
    draft = DATA / "import" / "clash.ics"
    one = run(draft, "-o", tmp_path / "one.ics")
    assert one.exit_code == 0, one.output
    assert ics.owner((tmp_path / "one.ics").read_bytes()) is not None
    each = run(draft, "--out", tmp_path / "out", "--format", "json")
    assert each.exit_code == 0, each.output
    assert [f["status"] for f in json.loads(each.stdout)["files"]] == ["new"]
    assert run(DATA / "import" / "not-a-calendar.ics", "-o", "-").exit_code == 2


def _split_escapes(data: bytes) -> list[bytes]:
    """Physical lines that end inside an escape (`\\x` in text, `^x` in a parameter), read as a client that
    does not unfold first would: the state runs through each logical line."""
    found = []
    pending = False
    for line in data.split(b"\r\n"):
        if not line.startswith(b" "):
            pending = False
        index = 1 if line.startswith(b" ") else 0
        if pending:
            index += 1  # the escaped character, carried over
            pending = False
        while index < len(line):
            if line[index : index + 1] in (b"\\", b"^"):
                if index + 1 == len(line):
                    pending = True
                    found.append(line)
                index += 2
            else:
                index += 1
    return found


@pytest.mark.parametrize("offset", range(0, 6))
def test_a_fold_never_cuts_an_escaped_backslash_in_two(tmp_path, offset):
    source = JAPAN.read_text(encoding="utf-8").replace(
        "title: Rounding-up", "title: " + "x" * offset + "Rounding-up C:\\temp\\minutes\\" * 3, 1
    )  # a plain YAML scalar: each backslash is one, escaped as two in the calendar
    programme = tmp_path / "p.yaml"
    programme.write_text(source, encoding="utf-8")
    target = tmp_path / "p.ics"
    assert run(programme, "-o", target).exit_code == 0
    data = target.read_bytes()
    assert not _split_escapes(data)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    from icalendar import Calendar

    titles = [str(e["SUMMARY"]) for e in Calendar.from_ical(data).walk("VEVENT")]
    assert "x" * offset + "Rounding-up C:\\temp\\minutes\\" * 3 in titles


def test_a_calendar_of_another_programme_is_refused_saying_whose_it_is(tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text(JAPAN.read_text(encoding="utf-8").replace("id: ecpg-japan-2009", "id: other-visit", 1), "utf-8")
    target = tmp_path / "cal.ics"
    assert run(JAPAN, "-o", target).exit_code == 0
    result = run(other, "-o", target)
    assert result.exit_code == 2
    assert result.stderr == (
        f"itinerary: {target}: exists and was not written by itinerary for this programme (it is a calendar of "
        "'ecpg-japan-2009', not 'other-visit'); use --force to overwrite it\n"
    )


def test_a_change_exported_without_a_revision_bump_moves_its_sequence_and_warns(tmp_path):
    """The folder's calendars are what clients have: only the moved train gets a higher SEQUENCE."""
    from icalendar import Calendar

    out = tmp_path / "out"
    assert run(JAPAN, "--out", out).exit_code == 0
    moved = tmp_path / "moved.yaml"
    moved.write_text(JAPAN.read_text(encoding="utf-8").replace('"16:10-17:40"', '"16:30-18:00"'), encoding="utf-8")
    result = run(moved, "--out", out)
    assert result.exit_code == 0, result.output
    assert "1 event changed but `revision` is still 1" in result.stderr
    assert "Shinkansen HIKARI 476" in result.stderr
    events = Calendar.from_ical((out / "tea-petrin.ics").read_bytes()).walk("VEVENT")
    sequences = {str(e["SUMMARY"]): int(e["SEQUENCE"]) for e in events}
    assert sequences.pop("Shinkansen HIKARI 476") == 2
    assert set(sequences.values()) == {1}
    again = run(moved, "--out", out)
    assert again.exit_code == 0 and "revision" not in again.stderr  # nothing changed since: no warning
