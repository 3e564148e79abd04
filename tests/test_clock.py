"""`--day` words and `--at` moments: what a participant types on the day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itinerary import clock
from itinerary.timeutil import zone

TOKYO = zone("Asia/Tokyo")


@pytest.mark.parametrize(
    ("word", "today", "expected"),
    [
        ("today", date(2009, 10, 7), date(2009, 10, 7)),
        ("Tomorrow", date(2009, 10, 7), date(2009, 10, 8)),
        ("yesterday", date(2009, 10, 7), date(2009, 10, 6)),
        ("wed", date(2026, 12, 2), date(2009, 10, 7)),
        ("Wednesday", date(2026, 12, 2), date(2009, 10, 7)),
        ("2009-10-05", date(2026, 12, 2), date(2009, 10, 5)),
        # The visit runs Sunday 4 to Friday 9 October: a weekday asked on the Thursday is that week's.
        ("thu", date(2009, 10, 8), date(2009, 10, 8)),
    ],
)
def test_day_words(japan, word, today, expected):
    choice = clock.day_word(word, japan, today)
    assert choice.day == expected
    assert choice.note == ""


def test_today_outside_the_visit_says_so_and_shows_the_first_day(japan):
    choice = clock.day_word("today", japan, date(2026, 12, 2))
    assert choice.day == date(2009, 10, 4)
    assert "Wednesday 2 December 2026" in choice.note and "first day" in choice.note


def test_tomorrow_after_the_last_day(japan):
    assert clock.day_word("tomorrow", japan, date(2009, 10, 9)).note


@pytest.mark.parametrize("word", ["sat", "Saturday", "someday", "2009-13-01", "", "we"])
def test_words_that_name_no_day_of_the_visit(japan, word):
    with pytest.raises(ValueError):
        clock.day_word(word, japan, date(2009, 10, 7))


def test_a_moment_is_read_in_the_zone_given_unless_it_names_one():
    assert clock.moment("2009-10-07 12:30", TOKYO) == datetime(2009, 10, 7, 12, 30, tzinfo=TOKYO)
    assert clock.moment("2009-10-07T12:30", TOKYO) == datetime(2009, 10, 7, 12, 30, tzinfo=TOKYO)
    assert clock.moment("2009-10-07 05:30+02:00", TOKYO) == datetime(2009, 10, 7, 12, 30, tzinfo=TOKYO)
    paris = clock.moment("2009-10-07 05:30 Europe/Paris", TOKYO)
    assert paris == datetime(2009, 10, 7, 12, 30, tzinfo=TOKYO) and paris.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    "text",
    [
        "noon",
        "2009-10-07",
        "2009-02-30 10:00",
        "2009-10-07 25:00",
        "2009-10-07 10:00 Mars/Base",
        "2009-10-07 10:00 +99",
    ],
)
def test_moments_that_are_not(text):
    with pytest.raises(ValueError):
        clock.moment(text, TOKYO)


def test_a_moment_the_clocks_jump_over():
    with pytest.raises(ValueError, match="jump"):
        clock.moment("2024-03-31 02:30", zone("Europe/Brussels"))


def test_now_is_pinned_by_the_environment(monkeypatch):
    monkeypatch.setenv("ITINERARY_NOW", "2009-10-07 12:30")
    assert clock.now(TOKYO) == datetime(2009, 10, 7, 12, 30, tzinfo=TOKYO)
    monkeypatch.setenv("ITINERARY_NOW", "soon")
    with pytest.raises(ValueError, match="ITINERARY_NOW"):
        clock.now(TOKYO)
    monkeypatch.delenv("ITINERARY_NOW")
    assert abs(clock.now(TOKYO) - datetime.now(TOKYO)) < timedelta(minutes=1)


@settings(deadline=None)
@given(st.dates(min_value=date(2009, 10, 4), max_value=date(2009, 10, 9)))
def test_every_weekday_of_the_visit_is_found_from_inside_it(japan, today):
    for offset in range(6):
        day = japan.start + timedelta(days=offset)
        found = clock.day_word(f"{day:%A}", japan, today).day
        assert found.weekday() == day.weekday() and japan.start <= found <= japan.end
