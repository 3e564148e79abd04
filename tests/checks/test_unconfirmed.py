"""Times to be confirmed never clash and are left out of the travel check; U901 lists what is still open."""

from __future__ import annotations

from conftest import DATA

from itinerary.checks import run_checks
from itinerary.load import load

TBC = DATA / "format" / "tbc.yaml"


def test_courtesy_calls_without_a_time_book_no_one():
    found = run_checks(load(TBC))
    # The working session (09:00-12:00) would clash with every call held as the whole day.
    assert [f.code for f in found] == ["U901"]


def test_one_finding_lists_every_open_item_in_order():
    (found,) = [f for f in run_checks(load(TBC)) if f.code == "U901"]
    assert found.severity == "info" and found.kind == "unconfirmed"
    assert found.message.startswith("4 items not confirmed yet: 'Courtesy call on the Minister' (Tue 9 Apr 2030): ")
    assert found.events == (
        "2030-04-09/courtesy-call-on-the-minister",
        "2030-04-09/courtesy-call-on-the-mayor",
        "2030-04-09/courtesy-call-on-the-president-of-the-region",
        "2030-04-09/courtesy-call-on-the-ambassador",
    )
    assert [s.line for s in found.sources] == [22, 23, 24, 25]
    assert found.participants == ("Delegation",)
    assert found.suggestion == 'give each its time (time: "HH:MM-HH:MM") once it is known'


def test_a_tentative_event_is_listed_and_nothing_once_all_is_confirmed():
    (found,) = [f for f in run_checks(load(DATA / "format" / "optional.yaml")) if f.code == "U901"]
    assert found.message == "1 item not confirmed yet: 'Dinner with the Mayor' (Mon 16 Sep 2030 20:30): tentative"
    assert found.suggestion == "drop `status: tentative` once it is confirmed"
    assert [f for f in run_checks(load(DATA / "check" / "unconfirmed-ok.yaml"))] == []
