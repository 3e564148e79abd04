"""What the agenda, the grid and the printed page show of times to be confirmed, tentative events, optional
attendance, a leg's number, an event's contact, an excursion's two ends and a late lunch."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import DATA, render_text
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.load import load
from itinerary.render import agenda, grid, html

SHOWN = DATA / "format" / "shown.yaml"
runner = CliRunner()


def agenda_text() -> str:
    programme = load(SHOWN)
    return render_text(agenda.render(programme, programme.events, None))


def test_agenda_marks_what_is_open_and_says_who_is_optional():
    text = agenda_text()
    call = text[text.index("Courtesy call") : text.index("Working lunch")]
    assert "time TBC        meeting    Courtesy call on the Federal President" in text
    assert "time to be confirmed" in call
    reception = text[text.index("Reception at the Hofburg") : text.index("Tuesday")]
    assert "\n                             tentative\n" in reception
    assert "who: Delegation, Secretariat (optional for Secretariat)" in reception
    assert "contact: Protocol office, +43 1 534 22" in reception


def test_agenda_gives_a_legs_number_and_an_excursions_two_ends():
    text = agenda_text()
    assert "OS 901 · Vienna Airport 07:00 → Salzburg Airport 07:50" in text
    assert "Hotel Sacher Salzburg 09:00 → Hohensalzburg Fortress 12:30" in text
    assert "contact: Boat office +43 6138 2232" in text


def test_agenda_json_carries_the_new_fields():
    result = runner.invoke(app, ["agenda", str(SHOWN), "--format", "json"])
    assert result.exit_code == 0, result.output
    events = {e["title"]: e for day in json.loads(result.stdout)["days"] for e in day["events"]}
    call, reception = events["Courtesy call on the Federal President"], events["Reception at the Hofburg"]
    assert (call["time_tbc"], call["all_day"], call["tentative"]) == (True, True, False)
    assert (reception["tentative"], reception["optional"]) == (True, ["sue-secretary"])
    assert reception["contact"] == {"name": "Protocol office", "phone": "+43 1 534 22", "email": ""}
    assert events["Flight to Salzburg"]["number"] == "OS 901" and events["Flight to Salzburg"]["contact"] is None


def test_grid_puts_a_late_lunch_in_the_lunch_row_and_marks_tbc_and_tentative():
    programme = load(SHOWN)
    built = grid.build(programme, programme.events, None)
    rows = [part.name for part in built.rows]
    monday = built.columns[0]
    where = {entry.title: rows[n] for n, cell in enumerate(monday.cells) for entry in cell}
    assert where == {
        "Courtesy call on the Federal President": "All day",
        "Working lunch": "Lunch",  # 13:30, after the Lunch row's 12-13
        "Reception at the Hofburg (tentative)": "Evening",
    }
    (call,) = monday.cells[0]
    assert call.time == "TBC"


def test_a_meal_far_from_any_meal_row_stays_where_its_start_falls():
    text = SHOWN.read_text(encoding="utf-8").replace(
        'time: "13:30-14:30", title: Working lunch', 'time: "16:00-17:00", title: Working lunch'
    )
    from itinerary.load import loads

    programme = loads(text)
    built = grid.build(programme, programme.events, None)
    rows = [part.name for part in built.rows]
    where = {e.title: rows[n] for n, cell in enumerate(built.columns[0].cells) for e in cell}
    assert where["Working lunch"] == "Afternoon"  # 3 h after the Lunch row: tea, not lunch


def test_the_printed_page_shows_the_same():
    page = html.page(load(SHOWN), None).text
    assert '<p class="warn open">time to be confirmed</p>' in page
    assert '<p class="warn open">tentative</p>' in page
    assert "who: Delegation, Secretariat (optional for Secretariat)" in page
    assert "contact: Protocol office, +43 1 534 22" in page
    assert "OS 901 · Vienna Airport → Salzburg Airport" in page
    assert ">time TBC<" in page


def test_the_cli_prints_them_as_a_real_process():
    result = subprocess.run(
        [sys.executable, "-m", "itinerary", "grid", str(SHOWN)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "TBC Courtesy call" in result.stdout and "(tentative)" in result.stdout
