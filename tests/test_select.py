"""Days are the local days where the group is (issue 9): agenda, grid and print without --tz."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from conftest import DATA
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.load import load
from itinerary.render import grid, html
from itinerary.select import by_day
from itinerary.timeutil import zone

PACIFIC = DATA / "days" / "pacific.yaml"
runner = CliRunner()


def titles(days):
    return {day.date.isoformat(): [e.title for e in day.events] for day in days}


def test_each_event_is_on_the_date_of_its_own_venue():
    programme = load(PACIFIC)
    days = titles(by_day(programme, programme.events, None))
    assert days["2024-05-10"] == ["Briefing before departure", "Bus to the airport"]
    assert days["2024-05-11"] == ["Flight to Hong Kong"]
    assert days["2024-05-15"] == []


def test_tz_still_converts_everything():
    programme = load(PACIFIC)
    days = titles(by_day(programme, programme.events, zone("Asia/Shanghai")))
    # 18:30 on Friday in Los Angeles is 09:30 on Saturday in Beijing
    assert days["2024-05-10"] == []
    assert days["2024-05-11"][:2] == ["Briefing before departure", "Bus to the airport"]


def test_a_days_city_comes_from_that_days_events():
    programme = load(PACIFIC)
    cities = {day.date.isoformat(): day.cities for day in by_day(programme, programme.events, None)}
    assert cities["2024-05-10"] == ("Los Angeles",)
    # only a check-out that day: it is spent in Beijing, not in the programme's `city: Strasbourg`
    assert cities["2024-05-15"] == ("Beijing",)


def test_agenda_shows_local_times_on_local_days():
    result = runner.invoke(app, ["agenda", str(PACIFIC)])
    assert result.exit_code == 0, result.output
    text = result.stdout
    friday = text[text.index("Friday 10 May 2024 · Los Angeles") : text.index("Saturday 11 May")]
    assert "18:30–20:00" in friday and "Briefing before departure" in friday
    assert "local time (PDT)" in friday
    assert "00:40–06:50+1" in text  # leaves Los Angeles on Saturday, lands in Hong Kong on Sunday
    assert "local times (PDT → HKT)" in text
    assert "local times where each item takes place (Asia/Shanghai unless marked)" in text


def test_agenda_with_tz_converts():
    result = runner.invoke(app, ["agenda", str(PACIFIC), "--tz", "Asia/Shanghai", "--day", "2024-05-11"])
    assert result.exit_code == 0, result.output
    assert "09:30–11:00" in result.stdout and "times in Asia/Shanghai" in result.stdout
    assert "local time Fri 18:30 PDT → Fri 20:00 PDT" in result.stdout


def test_grid_rows_are_the_local_part_of_the_day():
    programme = load(PACIFIC)
    table = grid.build(programme, programme.events, None)
    friday = next(c for c in table.columns if c.day.date == date(2024, 5, 10))
    rows = {part.name: [e.title for e in cell] for part, cell in zip(table.rows, friday.cells, strict=True)}
    assert rows["Evening"] == ["Briefing before departure", "Bus to the airport"]
    assert rows["Lunch"] == []
    last = next(c for c in table.columns if c.day.date == date(2024, 5, 15))
    assert last.day.cities == ("Beijing",)


def test_grid_json_says_times_are_local():
    result = runner.invoke(app, ["grid", str(PACIFIC), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["local_times"] is True
    friday = next(d for d in data["days"] if d["date"] == "2024-05-10")
    assert [e["time"] for e in friday["cells"]["Evening"]] == ["18:30-20:00", "21:30"]


def test_print_page_uses_local_days():
    programme = load(PACIFIC)
    text = html.page(programme, None).text
    friday = text[text.index('id="d-2024-05-10"') : text.index('id="d-2024-05-11"')]
    assert "Briefing before departure" in friday and "18:30" in friday


def test_print_as_a_subprocess():
    result = subprocess.run(
        [sys.executable, "-m", "itinerary", "print", str(PACIFIC)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    friday = result.stdout[result.stdout.index('id="d-2024-05-10"') : result.stdout.index('id="d-2024-05-11"')]
    assert "Bus to the airport" in friday


ALL_DAY = DATA / "days" / "all-day.yaml"


def test_an_all_day_item_keeps_its_date_under_tz():
    programme = load(ALL_DAY)
    for tz in ("America/New_York", "Pacific/Auckland"):
        days = titles(by_day(programme, programme.events, zone(tz)))
        assert days["2024-06-02"] == ["Free day"], tz
    result = runner.invoke(app, ["agenda", str(ALL_DAY), "--tz", "America/New_York", "--day", "2024-06-02"])
    assert result.exit_code == 0, result.output
    assert "all day" in result.stdout and "Free day" in result.stdout


def test_an_all_day_item_is_in_the_all_day_row_of_its_date_under_tz():
    programme = load(ALL_DAY)
    table = grid.build(programme, programme.events, zone("America/New_York"))
    cells = {c.day.date: [e.title for e in c.cells[0]] for c in table.columns}
    assert table.rows[0].name == "All day"
    assert cells[date(2024, 6, 2)] == ["Free day"]
