"""Optional attendance is no hard booking: an overlap is a warning (C102), a travel gap a warning at most."""

from __future__ import annotations

from conftest import DATA

from itinerary.checks import run_checks
from itinerary.load import load, loads

OPTIONAL = DATA / "format" / "optional.yaml"


def test_an_overlap_with_an_optional_reception_is_a_warning_for_whom_it_is_optional():
    found = [f for f in run_checks(load(OPTIONAL)) if f.kind == "clash"]
    assert [(f.code, f.severity, f.participants) for f in found] == [("C102", "warning", ("Sue Secretary",))]
    assert found[0].message.endswith("; 'Reception at the Hofburg' is optional for Sue Secretary")


def test_without_optional_the_same_overlap_is_an_error():
    text = OPTIONAL.read_text(encoding="utf-8").replace(", optional: [secretariat]}", ", optional: []}")
    text = text.replace("who: [delegation], optional: []", "who: [delegation, secretariat]")
    found = [f for f in run_checks(loads(text, "firm.yaml")) if f.kind == "clash"]
    assert [(f.code, f.severity) for f in found] == [("C101", "error")]


def test_a_travel_gap_after_an_optional_tour_is_a_warning():
    (found,) = [f for f in run_checks(load(OPTIONAL)) if f.kind == "travel-gap"]
    assert (found.code, found.severity) == ("T202", "warning")
    assert found.message.endswith("'Tour of the old town' is optional for Ann Delegate, Sue Secretary")
    firm = OPTIONAL.read_text(encoding="utf-8").replace(", optional: true}", "}")
    (found,) = [f for f in run_checks(loads(firm, "firm.yaml")) if f.kind == "travel-gap"]
    assert (found.code, found.severity) == ("T202", "error")
