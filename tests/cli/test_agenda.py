"""`itinerary agenda` as a user runs it: options, errors, text and JSON alike."""

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
