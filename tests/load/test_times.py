"""All-day items are whole days even where a midnight never happened (issue 9)."""

from __future__ import annotations

from datetime import UTC, date, timedelta

import pytest
from conftest import DATA
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.load import load

runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "days"),
    [
        ("all-day-cairo.yaml", (date(2024, 4, 25), date(2024, 4, 26))),
        ("all-day-sao-paulo.yaml", (date(2018, 11, 3), date(2018, 11, 4))),
    ],
)
def test_all_day_items_where_midnight_does_not_exist(name, days):
    programme = load(DATA / "load" / name)
    whole = [e for e in programme.events if e.all_day]
    assert [e.start.date() for e in whole] == list(days)
    first, second = whole
    assert first.end.astimezone(UTC) == second.start.astimezone(UTC), "one day ends where the next begins"
    assert second.start.hour == 1  # the clocks jumped from 00:00 to 01:00
    assert second.end.astimezone(UTC) - second.start.astimezone(UTC) == timedelta(hours=23)  # the short day
    assert second.duration == timedelta(hours=23) and first.duration == timedelta(hours=24)


def test_all_day_item_under_tz_is_on_its_own_date_without_a_clock_note():
    result = runner.invoke(app, ["agenda", str(DATA / "load" / "all-day-sao-paulo.yaml"), "--tz", "Asia/Tokyo"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    sunday = text[text.index("Sunday 4 November 2018") : text.index("Monday 5 November 2018")]
    assert "Election observers' briefing day" in sunday and "all day" in sunday
    assert "local time" not in sunday


ARRIVE = DATA / "load" / "arrive-bare.yaml"


def test_a_bare_arrival_is_the_first_such_time_after_departure():
    programme = load(ARRIVE)
    flight = next(e for e in programme.events if e.title == "Flight to Honolulu")
    assert flight.end.astimezone(UTC) - flight.start.astimezone(UTC) == timedelta(hours=7, minutes=10)
    assert flight.end.date() == date(2024, 5, 10)  # the calendar day before it left
    transfer = next(e for e in programme.events if e.title == "Transfer to the hotel")
    assert transfer.end.astimezone(UTC) - transfer.start.astimezone(UTC) == timedelta(minutes=45)


def test_a_bare_arrival_a_days_journey_away_asks_for_its_date():
    from itinerary.load import LoadError, loads

    text = ARRIVE.read_text(encoding="utf-8").replace('arrive: "14:15"', 'arrive: "12:30"')
    with pytest.raises(LoadError) as caught:
        loads(text, "arrive.yaml")
    (only,) = caught.value.diagnostics
    assert only.source is not None and only.source.line == 40
    assert only.message == (
        "days.2024-05-11[1].arrive: 12:30 is 23 h after departure at the earliest: "
        "write the date ('2024-05-11 12:30' or the day after) to say which day"
    )
