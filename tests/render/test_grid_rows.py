"""A part of the day named like the grid's row for items without a time loses nothing (issue 11)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from itinerary.cli import app

PROGRAMME = """\
programme:
  id: t
  title: T
  timezone: Europe/Brussels
  start: 2030-05-06
  end: 2030-05-06
  day_parts:
    All day: "08:00-18:00"
    Evening: "18:00-24:00"
days:
  2030-05-06:
    - all_day: true
      title: Free day
      kind: free
    - time: "10:00-11:00"
      title: Meeting
"""


def test_grid_json_keeps_an_all_day_item_and_a_part_named_all_day(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(PROGRAMME, encoding="utf-8")
    result = CliRunner().invoke(app, ["grid", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["rows"]) == 3 and len({row["name"] for row in data["rows"]}) == 3
    titles = [e["full_title"] for cell in data["days"][0]["cells"].values() for e in cell]
    assert sorted(titles) == ["Free day", "Meeting"]
    text = CliRunner().invoke(app, ["grid", str(path)]).stdout
    assert "Free day" in text and "Meeting" in text
