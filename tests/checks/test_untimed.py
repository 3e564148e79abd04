"""Untimed items (all day, or a time to be confirmed) never clash with each other."""

from __future__ import annotations

from conftest import DATA

from itinerary.checks import run_checks
from itinerary.load import load


def test_four_untimed_courtesy_calls_on_one_day_do_not_clash():
    found = [f for f in run_checks(load(DATA / "format" / "untimed.yaml")) if f.kind == "clash"]
    # The only clash is the real one, between the two timed items of the next day.
    assert [(f.code, f.events) for f in found] == [
        ("C101", ("2030-06-04/debriefing", "2030-06-04/press-briefing")),
    ]
