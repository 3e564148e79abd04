"""`next`: now, next and leave-by on the Japan visit, checked by hand against the programme and `check`."""

from __future__ import annotations

from datetime import datetime

import pytest

from itinerary.timeutil import zone
from itinerary.upcoming import upcoming

TOKYO = zone("Asia/Tokyo")


def at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2009, 10, day, hour, minute, tzinfo=TOKYO)


def seen(japan, who, moment, count=1):
    return upcoming(japan, japan.events_for(who), moment, count)


def test_before_breakfast_at_the_hotel(japan):
    # Night of 6 to 7 October at the Grand Prince Hotel Akasaka; the 08:30 transport leaves from it.
    got = seen(japan, "ecpg", at(7, 7, 30))
    assert got.running == () and got.where is not None and got.where.id == "grand-prince-akasaka"
    assert [e.title for e in got.next] == ["Transport to Tokyo station"]
    assert got.departure is not None and got.departure.by == at(7, 8, 30) and not got.departure.moves


def test_between_meetings_in_hamamatsu(japan):
    # The 11:00 meeting at the Grand Hotel has no end (1 h default); the transfer leaves from there at 12:40.
    got = seen(japan, "tea-petrin", at(7, 12, 30))
    assert got.where is not None and got.where.id == "grand-hotel-hamamatsu"
    assert got.came_from is not None and got.came_from.title.startswith("Meeting with Hamamatsu Chamber")
    assert got.next[0].title == "Depart from Grand Hotel"
    assert got.departure is not None and got.departure.by == at(7, 12, 40)


def test_on_the_way(japan):
    got = seen(japan, "ecpg", at(7, 12, 45))
    assert [e.title for e in got.running] == ["Depart from Grand Hotel"] and got.where is None
    assert got.next[0].venue is not None and got.next[0].venue.id == "hama-med"
    assert got.departure is not None and not got.departure.moves


def test_leave_by_uses_the_same_trip_as_check(japan):
    # check: hama-med -> Hamamatsu Photonics needs 31 min (21 min by taxi for 8.6 km + 10 min buffer),
    # so for the 14:10 visit they leave by 13:39; at 13:20 the 13:55 meeting is still on.
    got = seen(japan, "ecpg", at(7, 13, 20))
    departure = got.departure
    assert departure is not None and departure.moves and departure.leg is not None and departure.leg.trip is not None
    assert departure.by == at(7, 13, 39)
    assert departure.leg.trip.explain() == "21 min by taxi for 8.6 km + 10 min buffer"
    assert departure.origin is not None and departure.origin.id == "hama-med"
    assert departure.target is not None and departure.target.id == "hamamatsu-photonics"
    late = seen(japan, "ecpg", at(7, 13, 56)).departure
    assert late is not None and late.by == at(7, 13, 39) and late.by < at(7, 13, 56)


def test_a_meeting_without_venue_says_why_there_is_no_leave_by(japan):
    got = seen(japan, "ecpg", at(8, 9, 30))
    assert got.departure is not None and got.departure.by is None
    assert "Libertas" in got.departure.reason and "no venue" in got.departure.reason


def test_someone_who_lives_in_the_city(japan):
    # Barbara Rhode has nothing on Wednesday until the 19:00 reception, and no hotel: where she is is not known.
    got = seen(japan, "barbara-rhode", at(7, 12, 0))
    assert got.running == () and got.where is None
    assert got.next[0].title == "Joint dinner/reception with METI"
    assert got.departure is not None and got.departure.by is None


@pytest.mark.parametrize("count", [1, 3])
def test_count_and_the_end_of_the_programme(japan, count):
    assert len(seen(japan, "ecpg", at(7, 7, 0), count).next) == count
    last = seen(japan, "ecpg", datetime(2009, 10, 10, 12, 0, tzinfo=TOKYO))
    assert last.next == () and last.departure is None


def test_leave_by_from_the_travel_table():
    from conftest import DATA

    from itinerary.load import load

    brussels = load(DATA / "slots" / "brussels.yaml")
    tz = zone("Europe/Brussels")
    got = upcoming(brussels, brussels.events_for("ann"), datetime(2024, 5, 14, 11, 0, tzinfo=tz))
    assert got.where is not None and got.where.id == "office"
    departure = got.departure
    assert departure is not None and departure.by == datetime(2024, 5, 14, 11, 30, tzinfo=tz)
    assert departure.leg is not None and departure.leg.trip is not None
    assert departure.leg.trip.explain().startswith("20 min by taxi (travel table, line ")
