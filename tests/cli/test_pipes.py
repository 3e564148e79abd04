"""A programme from a pipe or from standard input, and `print -o -` to standard output (issue 11)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from conftest import DATA, JAPAN
from typer.testing import CliRunner

from itinerary.cli import app

CALENDAR = DATA / "import" / "single.ics"
runner = CliRunner()


def through_a_pipe(command: str, data: bytes, *after: str) -> subprocess.CompletedProcess[str]:
    """`itinerary COMMAND /dev/fd/N AFTER...`, N a pipe fed with `data`: as the shell's `<(...)` gives it."""
    read, write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "itinerary", command, f"/dev/fd/{read}", *after],
        pass_fds=(read,),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    os.close(read)

    def feed() -> None:
        try:
            os.write(write, data)
        except BrokenPipeError:
            pass
        finally:
            os.close(write)

    threading.Thread(target=feed, daemon=True).start()
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_diff_reads_a_programme_from_a_pipe():
    done = through_a_pipe("diff", JAPAN.read_bytes(), str(JAPAN))
    assert done.returncode == 0, done.stderr


def test_agenda_reads_a_calendar_from_a_pipe():
    done = through_a_pipe("agenda", CALENDAR.read_bytes())
    assert done.returncode == 0, done.stderr
    assert "Welcome meeting at DG Enterprise" in done.stdout


def test_dash_is_standard_input_for_a_programme_and_a_calendar():
    for source, expected in ((JAPAN, "ECPG Study Visit to Japan"), (CALENDAR, "Welcome meeting")):
        result = runner.invoke(app, ["agenda", "-"], input=source.read_bytes())
        assert result.exit_code == 0, result.output
        assert expected in result.stdout


def test_print_dash_o_dash_writes_to_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["print", str(JAPAN), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")
    assert not (tmp_path / "-").exists()
