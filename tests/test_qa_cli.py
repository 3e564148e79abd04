"""Found in QA: the command line treats text and JSON alike."""

from __future__ import annotations

from conftest import JAPAN
from typer.testing import CliRunner

from itinerary.cli import app

runner = CliRunner()


def test_agenda_day_outside_the_programme_fails_in_json_too():
    text = runner.invoke(app, ["agenda", str(JAPAN), "--day", "2009-10-03"])
    data = runner.invoke(app, ["agenda", str(JAPAN), "--day", "2009-10-03", "--format", "json"])
    assert text.exit_code == 2
    assert data.exit_code == 2, data.stdout
    assert data.stdout == ""
    assert "--day: 2009-10-03 is outside the programme" in data.stderr


def test_print_refuses_an_output_that_is_no_regular_file(tmp_path):
    """A pipe or a device is not replaced by a file (with --force neither), and reading its head does not hang."""
    import os
    import stat
    import subprocess
    import sys

    pipe = tmp_path / "pipe.html"
    os.mkfifo(pipe)
    for extra in ([], ["--force"]):
        done = subprocess.run(
            [sys.executable, "-m", "itinerary", "print", str(JAPAN), "-o", str(pipe), *extra],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert done.returncode == 2, done.stderr
        assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.html"]
