"""An output file that is a symbolic link: the link is kept, the file it points to written, and the user told."""

from __future__ import annotations

from conftest import JAPAN
from typer.testing import CliRunner

from itinerary.cli import app

runner = CliRunner()


def test_export_writes_through_a_link_to_its_own_calendar_and_says_so(tmp_path):
    real = tmp_path / "real.ics"
    assert runner.invoke(app, ["export", str(JAPAN), "-o", str(real)]).exit_code == 0
    before = real.read_bytes()
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    result = runner.invoke(app, ["export", str(JAPAN), "-o", str(link), "--who", "tea-petrin"])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes() != before and b"Tea Petrin" in real.read_bytes()
    assert "link" in result.stderr and "real.ics" in result.stderr
    assert {p.name for p in tmp_path.iterdir()} == {"real.ics", "link.ics"}  # no copy beside the link


def test_print_writes_through_a_link_too(tmp_path):
    real = tmp_path / "page.html"
    assert runner.invoke(app, ["print", str(JAPAN), "-o", str(real)]).exit_code == 0
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    result = runner.invoke(app, ["print", str(JAPAN), "-o", str(link), "--who", "tea-petrin"])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and "Tea Petrin" in real.read_text()
    assert "link" in result.stderr
