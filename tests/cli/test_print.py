"""`itinerary print` as a user runs it: where the page goes, and what it never replaces."""

from __future__ import annotations

from conftest import JAPAN
from typer.testing import CliRunner

runner = CliRunner()


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
