"""`slots` as a user runs it: text, JSON and the errors of each option."""

from __future__ import annotations

import json

from conftest import JAPAN
from typer.testing import CliRunner

from itinerary.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def test_slots_text_json_and_errors():
    text = run(
        "slots", JAPAN, "--who", "Barbara Rhode", "--day", "wed", "--hours", "08:00-21:00", "--venue", "eu-japan-centre"
    )
    assert text.exit_code == 0, text.output
    assert "Wed 7 Oct 2009  08:00–19:00 JST" in text.stdout
    data = json.loads(run("slots", JAPAN, "--who", "ecpg", "--day", "2009-10-07", "--format", "json").stdout)
    assert data["who"] == sorted(data["who"]) and len(data["who"]) == 8
    assert all(not ("10:33" < s["start"][11:16] < "16:10") for s in data["slots"])
    for args, word in (
        (["--length", "a while"], "--length"),
        (["--hours", "18:00-09:00"], "hours"),
        (["--venue", "Tokyo Statoin"], "did you mean 'Tokyo Station'"),
        (["--who", "nobody-here"], "--who"),
    ):
        bad = run("slots", JAPAN, *args)
        assert bad.exit_code == 2 and word in bad.stderr, (args, bad.output)
