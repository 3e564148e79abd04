from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime

import pytest
from conftest import DATA, JAPAN, ROOT, assert_golden, render_text
from rich.cells import cell_len
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.load import load
from itinerary.model import DEFAULT_DAY_PARTS, DayPart
from itinerary.render import grid
from itinerary.timeutil import zone

runner = CliRunner()
TOKYO = zone("Asia/Tokyo")
CJK = DATA / "grid" / "cjk.yaml"


def grid_text(programme, width: int, who: str | None = None, tz: str = "Asia/Tokyo") -> str:
    table = grid.build(programme, programme.events_for(who), zone(tz))
    return render_text(grid.render(programme, table, width, who), width)


def cell(table: grid.Grid, day: str, part: str) -> list[grid.Entry]:
    row = [p.name for p in table.rows].index(part)
    column = next(c for c in table.columns if c.day.date == date.fromisoformat(day))
    return list(column.cells[row])


# --- layout on the Japan visit ------------------------------------------------------------------


def test_japan_grid_at_120_columns(japan):
    text = grid_text(japan, 120)
    assert_golden("grid-japan-120.txt", text)
    assert max(cell_len(line) for line in text.splitlines()) <= 120


def test_japan_grid_at_80_columns(japan):
    text = grid_text(japan, 80)
    assert_golden("grid-japan-80.txt", text)
    assert max(cell_len(line) for line in text.splitlines()) <= 80


def test_wide_terminal_shows_the_week_in_one_band(japan):
    text = grid_text(japan, 200)
    header = next(line for line in text.splitlines() if "Sun 4 Oct" in line)
    for day in ("Mon 5 Oct", "Tue 6 Oct", "Wed 7 Oct", "Thu 8 Oct", "Fri 9 Oct"):
        assert day in header
    assert text.count("┌") == 1


def test_bands_keep_columns_wide():
    assert [len(b) for b in grid.bands(6, 200, 9)] == [6]
    assert [len(b) for b in grid.bands(6, 120, 9)] == [3, 3]  # 4 would fit: 2 even bands are better than 4 + 2
    assert [len(b) for b in grid.bands(6, 80, 9)] == [2, 2, 2]
    assert [len(b) for b in grid.bands(6, 30, 9)] == [1] * 6  # never fewer than one day
    assert [list(b) for b in grid.bands(5, 80, 9)] == [[0, 1], [2, 3], [4]]
    assert grid.bands(0, 80, 9) == []


def test_rows_are_the_files_day_parts(japan):
    table = grid.build(japan, japan.events, TOKYO)
    assert [(p.name, p.start_hour, p.end_hour) for p in table.rows] == [
        ("Morning", 8, 12),
        ("Lunch", 12, 13),
        ("Afternoon", 13, 18),
        ("Evening", 18, 24),
    ]
    assert [c.day.date.day for c in table.columns] == [4, 5, 6, 7, 8, 9]


def test_trains_read_from_station_to_station(japan):
    table = grid.build(japan, japan.events, TOKYO)
    morning = cell(table, "2009-10-07", "Morning")
    train = next(e for e in morning if e.event.kind.value == "train")
    assert (train.time, train.leg) == ("09:03", grid.Leg("Tokyo Station", "10:33", "Hamamatsu Station"))
    assert train.title == "Shinkansen HIKARI 465"
    back = next(e for e in cell(table, "2009-10-07", "Afternoon") if e.title == "Shinkansen HIKARI 476")
    assert back.leg == grid.Leg("Hamamatsu Station", "17:40", "Tokyo Station")
    text = grid_text(japan, 400)  # wide enough for a leg on one line
    assert "09:03 Tokyo Station -> 10:33 Hamamatsu Station" in text
    assert re.search(r"16:10 +Hamamatsu Station -> 17:40 Tokyo Station", text)


def test_cells_in_time_order_with_estimated_arrivals_marked(japan):
    table = grid.build(japan, japan.events, TOKYO)
    titles = [e.title for e in cell(table, "2009-10-07", "Morning")]
    assert titles == [
        "Transport to Tokyo station",
        "Shinkansen HIKARI 465",
        "Meeting with Hamamatsu Chamber of Commerce and Industry",  # cut at ", including ..."
    ]
    transfer = cell(table, "2009-10-07", "Morning")[0]
    assert transfer.leg is not None and transfer.leg.arrive == "~09:00"
    assert "~ arrival estimated" in grid_text(japan, 120)


def test_hotel_shows_check_in_and_check_out(japan):
    table = grid.build(japan, japan.events, TOKYO)
    check_in = [e for e in cell(table, "2009-10-05", "Afternoon") if e.title.startswith("Check-in")]
    check_out = [e for e in cell(table, "2009-10-09", "Morning") if e.title.startswith("Check-out")]
    assert [(e.time, e.title) for e in check_in] == [("15:00", "Check-in Grand Prince Hotel Akasaka")]
    assert [(e.time, e.title) for e in check_out] == [("08:00", "Check-out Grand Prince Hotel Akasaka")]
    # check-out comes before the flight it makes room for
    assert [e.title for e in cell(table, "2009-10-09", "Morning")][:2] == [
        "Check-out Grand Prince Hotel Akasaka",
        "Departure from Tokyo",
    ]


def test_times_in_the_readers_zone_move_events_between_parts(japan):
    tokyo = grid.build(japan, japan.events, TOKYO)
    assert [e.title for e in cell(tokyo, "2009-10-04", "Evening")] == ["Departure from European cities"]
    # In Brussels the flight leaves at 14:00, in the afternoon, as the seed's grid has it.
    brussels = grid.build(japan, japan.events, zone("Europe/Brussels"))
    leaving = cell(brussels, "2009-10-04", "Afternoon")
    assert [(e.time, e.title) for e in leaving] == [("14:00", "Departure from European cities")]
    assert leaving[0].leg is not None and leaving[0].leg.arrive == "04:30+1"


def test_spans_where_the_file_gives_an_end(japan):
    table = grid.build(japan, japan.events, TOKYO)
    meeting = cell(table, "2009-10-06", "Morning")[0]
    assert (meeting.start, meeting.end, meeting.time) == ("09:30", "12:00", "09:30-12:00")
    lunch = cell(table, "2009-10-06", "Lunch")[0]
    assert (lunch.time, lunch.title) == ("12:30", "Lunch at Elio")  # no end in the file: start only


def test_who_shows_only_their_events(japan):
    text = grid_text(japan, 400, who="barbara-rhode")
    assert "for Barbara Rhode" in text
    assert "Welcome session with EU Delegation" in text
    assert "Dinner at Umayu Akasaka" in text
    assert "HIKARI" not in text and "METI, MEXT" not in text


# --- parts, titles, CJK ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hhmm", "part"),
    [("00:30", "Morning"), ("07:59", "Morning"), ("11:59", "Morning"), ("12:00", "Lunch"), ("23:59", "Evening")],
)
def test_default_parts(hhmm, part):
    hour, minute = map(int, hhmm.split(":"))
    instant = datetime(2009, 10, 6, hour, minute, tzinfo=TOKYO)
    assert DEFAULT_DAY_PARTS[grid.part_index(DEFAULT_DAY_PARTS, instant, TOKYO)].name == part


def test_times_outside_the_parts():
    parts = (DayPart("A", 8, 12), DayPart("B", 13, 18), DayPart("C", 18, 22))
    at = lambda h, m=0: grid.part_index(parts, datetime(2009, 10, 6, h, m, tzinfo=TOKYO), TOKYO)  # noqa: E731
    assert at(6) == 0  # before the first part: the first
    assert at(12, 20) == 1  # in a gap: the next part
    assert at(23) == 2  # after the last: the last


def test_short_title():
    assert grid.short_title("Lunch at Elio") == "Lunch at Elio"
    assert (
        grid.short_title("Meeting with Mr. Masahiro Arimatsu, Director for Science & Technology Policy, Cabinet Office")
        == "Meeting with Mr. Masahiro Arimatsu"
    )
    long_without_break = "Meeting with the EU-Japan Centre for Industrial Cooperation"
    assert grid.short_title(long_without_break) == long_without_break


def test_all_day_row_only_when_needed(japan):
    assert "All day" not in [p.name for p in grid.build(japan, japan.events, TOKYO).rows]
    programme = load(CJK)
    table = grid.build(programme, programme.events, TOKYO)
    assert [p.name for p in table.rows] == ["All day", "朝", "Afternoon", "夜"]
    assert [(e.time, e.title) for e in cell(table, "2009-10-07", "All day")] == [("all day", "自由行動 free day")]
    assert [e.title for e in cell(table, "2009-10-06", "朝")] == ["朝食会（ホテル）", "新幹線ひかり465号"]
    assert [e.title for e in cell(table, "2009-10-06", "Afternoon")] == ["Lunch in the gap between parts"]
    assert [e.title for e in cell(table, "2009-10-06", "夜")] == ["Late call after the last part"]


@pytest.mark.parametrize("width", [60, 80, 120])
def test_cjk_text_keeps_the_columns_aligned(width):
    """Double-width characters count as two cells: every border of a table lines up."""
    programme = load(CJK)
    text = grid_text(programme, width)
    assert "新幹線ひかり465号" in text and "東京駅 -> 10:33 浜松駅" in text
    tables: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("┌"):
            tables.append([])
        if tables and line and line[0] in "┌│├└":
            tables[-1].append(line)
    assert tables
    for table in tables:
        widths = {cell_len(line) for line in table}
        assert len(widths) == 1, table
        assert widths.pop() <= width

        def borders(line: str) -> list[int]:
            # cell offsets of the column rules, counting wide characters as two
            return [cell_len(line[:i]) for i, ch in enumerate(line) if ch in "│┼├┤┬┴┌┐└┘"]

        assert len({tuple(borders(line)) for line in table}) == 1, table


# --- the command ----------------------------------------------------------------------------------


def test_grid_json(japan):
    result = runner.invoke(app, ["grid", str(JAPAN), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["programme"]["id"] == "ecpg-japan-2009" and data["timezone"] == "Asia/Tokyo"
    assert [r["name"] for r in data["rows"]] == ["Morning", "Lunch", "Afternoon", "Evening"]
    assert [d["date"] for d in data["days"]] == [f"2009-10-0{n}" for n in range(4, 10)]
    wednesday = data["days"][3]
    assert wednesday["weekday"] == "Wednesday" and wednesday["cities"] == ["Hamamatsu"]
    train = wednesday["cells"]["Morning"][1]
    assert train["leg"] == {"from": "Tokyo Station", "arrive": "10:33", "to": "Hamamatsu Station"}
    assert (train["kind"], train["time"], train["at"]) == ("train", "09:03", "2009-10-07T09:03+09:00")
    assert train["event"] == "2009-10-07/shinkansen-hikari-465"
    long = data["days"][2]["cells"]["Afternoon"][1]
    assert long["title"] == "Meeting with Mr. Masahiro Arimatsu"
    assert long["full_title"].startswith("Meeting with Mr. Masahiro Arimatsu, Director")


def test_grid_command_wraps_to_the_terminal(japan):
    result = runner.invoke(app, ["grid", str(JAPAN)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80
    assert result.stdout.count("┌") == 3


def test_grid_bad_who_is_one_line():
    result = runner.invoke(app, ["grid", str(JAPAN), "--who", "tea-petrn"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "itinerary: --who: no participant or group 'tea-petrn' in ECPG Study Visit to Japan (did you mean 'tea-petrin'?)"
    ]


def test_grid_as_a_real_process():
    env = {**os.environ, "COLUMNS": "400", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "itinerary", "grid", str(JAPAN), "--who", "tea-petrin"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout
    assert "09:03 Tokyo Station -> 10:33 Hamamatsu Station" in done.stdout
    assert "for Tea Petrin" in done.stdout


def test_a_visit_over_new_year_says_both_years_in_its_title(tmp_path):
    source = tmp_path / "ny.yaml"
    source.write_text(
        "programme: {id: ny, title: New Year visit, timezone: Europe/Vienna, start: 2029-12-30, end: 2030-01-02}\n"
        'days:\n  2029-12-30: [{time: "10:00-11:00", title: Arrival briefing}]\n'
    )
    result = CliRunner().invoke(app, ["grid", str(source), "--tz", "Europe/Vienna"])
    assert result.exit_code == 0, result.output
    assert "30 Dec 2029 – 02 Jan 2030" in result.output
