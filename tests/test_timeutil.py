from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itinerary.timeutil import WallTime, classify, is_ambiguous, localize, parse_hhmm, slug, zone

ZONES = ["Europe/Brussels", "Asia/Tokyo", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "UTC"]


def test_slug_folds_diacritics_and_letters_that_do_not_decompose():
    assert slug("Maciej Dzierżanowski") == "maciej-dzierzanowski"
    assert slug("Ann Ødegård") == "ann-odegard"
    assert slug("Łódź  —  Gdańsk!") == "lodz-gdansk"


@pytest.mark.parametrize("text", ["9", "9:60", "25:00", "24:01", "noon", "12:3"])
def test_bad_times(text):
    with pytest.raises(ValueError):
        parse_hhmm(text)


def test_good_times():
    assert parse_hhmm("9:30") == (9, 30)
    assert parse_hhmm("09.30") == (9, 30)
    assert parse_hhmm("24:00") == (24, 0)


def test_gap_and_fold_in_brussels():
    tz = zone("Europe/Brussels")
    assert classify(datetime(2024, 3, 31, 2, 30), tz) is WallTime.GAP
    assert classify(datetime(2024, 10, 27, 2, 30), tz) is WallTime.FOLD
    assert classify(datetime(2024, 10, 27, 3, 30), tz) is WallTime.OK
    assert is_ambiguous(datetime(2024, 10, 27, 2, 30, tzinfo=tz))


def test_midnight_at_24():
    value, status = localize(date(2024, 1, 1), (24, 0), zone("UTC"))
    assert value == datetime(2024, 1, 2, tzinfo=zone("UTC")) and status is WallTime.OK


def test_unknown_zone():
    for name in ("Mars/Base", "", "../etc/passwd", " Europe/Brussels"):
        with pytest.raises(ValueError, match="unknown time zone"):
            zone(name)


@given(
    st.sampled_from(ZONES),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2037, 12, 31)),
)
def test_localize_keeps_the_wall_time_unless_it_is_a_gap(name, naive):
    tz = zone(name)
    naive = naive.replace(second=0, microsecond=0)
    value, status = localize(naive.date(), (naive.hour, naive.minute), tz)
    round_trip = value.astimezone(zone("UTC")).astimezone(tz).replace(tzinfo=None)
    if status is WallTime.GAP:
        assert round_trip != naive
    else:
        assert round_trip == naive
        assert value.utcoffset() is not None
        if status is WallTime.FOLD:
            later = value.replace(fold=1)
            assert later.astimezone(zone("UTC")) - value.astimezone(zone("UTC")) > timedelta(0)


def test_durations_in_words_and_as_on_a_clock():
    from datetime import timedelta

    from itinerary.timeutil import duration

    assert [duration(timedelta(minutes=m)) for m in (0, 45, 60, 90, 65, 24 * 60 + 120)] == [
        "0 min",
        "45 min",
        "1 h",
        "1 h 30 min",
        "1 h 5 min",
        "1 day 2 h",
    ]
    assert [duration(timedelta(minutes=m), clock=True) for m in (30, 60, 90, 65)] == [
        "30 min",
        "1 h",
        "1 h 30",
        "1 h 05",
    ]
    assert duration(timedelta(minutes=-90)) == "-1 h 30 min"


def test_a_zone_name_and_the_tzid_a_calendar_writes():
    from datetime import UTC, timedelta, timezone

    from itinerary.timeutil import tzid, zone, zone_key, zone_name

    assert (zone_name(zone("Asia/Tokyo")), tzid(zone("Asia/Tokyo"))) == ("Asia/Tokyo", "Asia/Tokyo")
    assert (zone_name(zone("UTC")), tzid(zone("UTC"))) == ("UTC", None)
    assert (zone_name(UTC), tzid(UTC), zone_key(UTC)) == (None, None, "UTC")
    assert zone_key(timezone(timedelta(hours=9))) == "UTC+09:00"


def test_a_span_of_days_names_the_first_year_when_it_is_not_the_last():
    from itinerary.timeutil import days_span

    assert days_span(date(2014, 4, 9), date(2014, 9, 9)) == "09 Apr – 09 Sep 2014"
    assert days_span(date(2029, 12, 28), date(2030, 1, 3)) == "28 Dec 2029 – 03 Jan 2030"


def test_name_key_is_slug_for_latin_and_keeps_other_scripts():
    from itinerary.timeutil import name_key, slug

    for text in ("Coffee break", "Visit to NEC (Tokyo)", "Maciej Dzierżanowski", "Straße 5"):
        assert name_key(text) == slug(text)
    assert name_key("東京都庁での会議") == "東京都庁での会議"
    assert name_key("Встреча с мэром") == "встреча-с-мэром"
    assert name_key("---") == name_key(" --- ") != name_key("***")  # no letter: a hash of the text
    assert name_key("---").startswith("h") and len(name_key("---")) == 9
