"""A hotel stay without hours shows the usual check-in and check-out as assumed (~), not as written."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.load import load

DATA = Path(__file__).resolve().parent.parent / "data" / "render" / "stay-hours.yaml"


def run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, str(DATA)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_model_knows_which_hours_are_the_usual_ones():
    stays = {e.title: e for e in load(DATA).events}
    assert (stays["Hotel Regent"].check_in_usual, stays["Hotel Regent"].check_out_usual) == (False, False)
    assert (stays["Hotel Atlantic"].check_in_usual, stays["Hotel Atlantic"].check_out_usual) == (True, True)


def test_agenda_marks_the_usual_hours():
    text = run("agenda")
    assert "check-in Mon 23 Oct 22:00, check-out Wed 25 Oct 09:00" in text
    assert "check-in Wed 25 Oct ~15:00, check-out Thu 26 Oct ~11:00" in text
    assert "~15:00–~11:00+1" in text and "22:00–09:00+2" in text


def test_grid_marks_the_usual_hours():
    text = run("grid")
    assert "22:00 Check-in Hotel Regent" in " ".join(text.split())
    assert "~15:00 Check-in Hotel Atlantic" in " ".join(text.split())
    assert "~11:00 Check-out Hotel Atlantic" in " ".join(text.split())


def test_the_printed_page_marks_the_usual_hours(tmp_path: Path):
    CliRunner().invoke(app, ["print", str(DATA), "-o", str(tmp_path / "p.html")])
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "check-in Wed 25 Oct ~15:00, check-out Thu 26 Oct ~11:00" in page
    assert "check-in Mon 23 Oct 22:00, check-out Wed 25 Oct 09:00" in page


def test_the_legend_says_what_the_mark_means_only_where_it_is_used(tmp_path: Path):
    assert "check-in, check-out: the usual hour, the file gives none" in run("agenda")
    assert "check-in, check-out: the usual hour, the file gives none" in " ".join(run("grid").split())
    explicit = tmp_path / "explicit.yaml"
    text = DATA.read_text(encoding="utf-8").replace("until: 2006-10-26}", 'time: "19:30", until: "2006-10-26 08:00"}')
    explicit.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["agenda", str(explicit)])
    assert result.exit_code == 0 and "usual hour" not in result.stdout
