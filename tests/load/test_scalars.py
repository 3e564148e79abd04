"""A scalar's text read as a number, a truth value or a span of time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itinerary.load.scalars import span, span_or_start, to_bool, to_float, to_int


def test_whole_numbers_take_underscores_and_refuse_fractions():
    assert to_int(" 1_000 ") == 1000
    with pytest.raises(ValueError, match="not a whole number"):
        to_int("1.5")


@pytest.mark.parametrize("text", ["nan", "inf", "-inf", "1e999", "twelve"])
def test_numbers_are_finite(text):
    with pytest.raises(ValueError, match="not a number"):
        to_float(text)


def test_truth_values_as_people_write_them():
    assert [to_bool(t) for t in ("true", "Yes", "ON", "false", "no", "off", "")] == [True] * 3 + [False] * 4
    with pytest.raises(ValueError, match="not true or false"):
        to_bool("maybe")


@pytest.mark.parametrize("text", ["09:00-12:30", "09:00 – 12:30", "9.00—12.30", "09:00 to 12:30"])
def test_a_span_with_any_dash_or_to(text):
    assert span(text) == ((9, 0), (12, 30))
    assert span_or_start(text) == ((9, 0), (12, 30))


def test_a_start_alone_and_what_is_neither():
    assert span_or_start("18:00") == ((18, 0), None)
    with pytest.raises(ValueError, match="not a span of time"):
        span("18:00")
    with pytest.raises(ValueError, match="not a time"):
        span_or_start("09:00-10:00-11:00")


@given(st.integers(0, 23), st.integers(0, 59), st.integers(0, 23), st.integers(0, 59))
def test_every_written_span_reads_back(h1, m1, h2, m2):
    assert span(f"{h1:02d}:{m1:02d}-{h2}:{m2:02d}") == ((h1, m1), (h2, m2))
