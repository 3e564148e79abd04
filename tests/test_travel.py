"""Travel times: great-circle distance, the walk/taxi estimate, the file's table, transfer times, the buffer."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itinerary import travel
from itinerary.model import Event, Kind, Participant, Programme, Source, TravelSettings, TravelTime, Venue

SRC = Source("t.yaml", 1)
lat = st.floats(-89.9, 89.9, allow_nan=False)
lon = st.floats(-180, 180, allow_nan=False)


def venue(ident: str, geo: tuple[float, float] | None = None, transfer: int = 0) -> Venue:
    return Venue(ident, ident.title(), "Europe/Brussels", SRC, geo=geo, transfer_minutes=transfer)


def test_great_circle_known_distances():
    # One degree of latitude is 1/360 of a meridian: 111.2 km on the mean sphere.
    assert travel.great_circle_km((50.0, 4.0), (51.0, 4.0)) == pytest.approx(2 * math.pi * 6371.0088 / 360, rel=1e-9)
    # Brussels Grand-Place to Paris Notre-Dame: about 264 km.
    assert travel.great_circle_km((50.8467, 4.3525), (48.8530, 2.3499)) == pytest.approx(264, abs=2)
    # Antipodes: half the circumference.
    assert travel.great_circle_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(math.pi * 6371.0088)


@given(a=st.tuples(lat, lon), b=st.tuples(lat, lon), c=st.tuples(lat, lon))
def test_great_circle_is_a_distance(a, b, c):
    ab = travel.great_circle_km(a, b)
    assert ab >= 0
    assert ab == pytest.approx(travel.great_circle_km(b, a), abs=1e-6)
    assert travel.great_circle_km(a, a) == pytest.approx(0, abs=1e-6)
    assert ab <= travel.great_circle_km(a, c) + travel.great_circle_km(c, b) + 1e-6
    assert ab <= math.pi * travel.EARTH_RADIUS_KM + 1e-6


def test_walk_within_a_kilometre_else_taxi():
    settings = TravelSettings()  # detour 1.3, walk 4.5 km/h up to 1 km, taxi 25 km/h
    near = (50.0, 4.0), (50.005, 4.0)  # 0.556 km -> 0.72 km of road: walk, 9.6 -> 10 min
    minutes, mode, road = travel.estimate(*near, settings)
    assert (mode, minutes) == ("walk", 10) and road == pytest.approx(0.7228, abs=1e-3)
    far = (50.0, 4.0), (50.05, 4.0)  # 5.56 km -> 7.23 km: taxi, 17.35 -> 18 min
    minutes, mode, road = travel.estimate(*far, settings)
    assert (mode, minutes) == ("taxi", 18) and road == pytest.approx(7.228, abs=1e-3)
    slow = TravelSettings(detour_factor=1.0, taxi_kmh=10, walk_max_km=0.1)
    assert travel.estimate(*far, slow)[:2] == (34, "taxi")  # 5.56 km at 10 km/h = 33.4 min


def _exact_minutes(road: float, mode: str, settings: TravelSettings) -> float:
    if mode == "walk":
        return road / settings.walk_kmh * 60
    if mode == "taxi":
        return road / settings.taxi_kmh * 60
    return (settings.city_km / settings.taxi_kmh + (road - settings.city_km) / settings.road_kmh) * 60


@given(a=st.tuples(lat, lon), b=st.tuples(lat, lon))
def test_estimate_rounds_up(a, b):
    settings = TravelSettings()
    minutes, mode, road = travel.estimate(a, b, settings)
    exact = _exact_minutes(road, mode, settings)
    assert exact - 1e-6 <= minutes < exact + 1
    assert (mode == "walk") == (road <= settings.walk_max_km)
    assert (mode == "road") == (road > settings.city_km)


@given(km=st.lists(st.floats(0.0, 5000.0), min_size=2, max_size=2))
def test_estimate_never_shrinks_with_distance_when_driving(km):
    # Driving beyond a city is faster than in it, but a longer drive never takes less time.
    settings = TravelSettings(walk_max_km=0.0)
    near, far = sorted(km)
    a = (0.0, 0.0)
    degrees = 360 / (2 * math.pi * travel.EARTH_RADIUS_KM * settings.detour_factor)
    assert (
        travel.estimate(a, (near * degrees, 0.0), settings)[0] <= travel.estimate(a, (far * degrees, 0.0), settings)[0]
    )


def test_beyond_a_city_the_road_is_faster_than_the_taxi():
    settings = TravelSettings(detour_factor=1.0)  # taxi 25 km/h for 10 km, then 70 km/h
    degrees = 77 / (2 * math.pi * travel.EARTH_RADIUS_KM / 360)
    minutes, mode, road = travel.estimate((35.0, 139.0), (35.0 + degrees, 139.0), settings)
    # 10 km / 25 km/h = 24 min, 67 km / 70 km/h = 57.4 min: 82 min, not the 185 of city speed
    assert (mode, minutes) == ("road", 82) and road == pytest.approx(77)
    slow_road = TravelSettings(detour_factor=1.0, city_km=5, road_kmh=50)
    # 5 km / 25 = 12 min, 72 km / 50 = 86.4 min
    assert travel.estimate((35.0, 139.0), (35.0 + degrees, 139.0), slow_road)[:2] == (99, "road")


def test_table_either_direction_beats_the_estimate():
    a, b = venue("hotel", (50.0, 4.0)), venue("mext", (50.05, 4.0))
    entries = travel.table_of((TravelTime("mext", "hotel", 7, "metro", Source("t.yaml", 30)),))
    trip = travel.trip(a, b, TravelSettings(), entries)
    assert trip is not None
    assert (trip.minutes, trip.mode, trip.km, trip.needed) == (7, "metro", None, 17)
    assert trip.explain() == "7 min by metro (travel table, line 30) + 10 min buffer"


def test_transfer_minutes_at_either_end_and_buffer():
    station, office = venue("station", (50.0, 4.0), transfer=15), venue("office", (50.005, 4.0))
    trip = travel.trip(station, office, TravelSettings(buffer_minutes=5), {})
    assert trip is not None
    assert (trip.minutes, trip.bare, trip.needed) == (10, 25, 30)
    assert trip.explain() == "10 min on foot for 0.7 km + 15 min to change at Station + 5 min buffer"
    back = travel.trip(office, station, TravelSettings(buffer_minutes=5), {})
    assert back is not None and back.needed == trip.needed


def test_same_place_needs_only_its_transfer_time():
    station = venue("station", (50.0, 4.0), transfer=15)
    trip = travel.trip(station, station, TravelSettings(), {})
    assert trip is not None and (trip.needed, trip.bare, trip.buffer) == (15, 15, 0)
    hall = venue("hall")
    same = travel.trip(hall, hall, TravelSettings(), {})
    assert same is not None and same.needed == 0  # no coordinates needed to stay put


def test_unknown_without_coordinates():
    a, b = venue("a", (50.0, 4.0)), venue("b")
    assert travel.trip(a, b, TravelSettings(), {}) is None
    assert travel.unknown(a, b, {}) == (b,)
    entries = travel.table_of((TravelTime("a", "b", 5, "walk", SRC),))
    assert travel.unknown(a, b, entries) == ()
    assert travel.trip(a, b, TravelSettings(), entries) is not None


def test_first_table_entry_wins():
    entries = travel.table_of((TravelTime("a", "b", 5, "walk", SRC), TravelTime("b", "a", 50, "taxi", SRC)))
    assert entries[frozenset(("a", "b"))].minutes == 5


@settings(max_examples=150, deadline=None)
@given(
    a=st.tuples(st.floats(-60, 60), st.floats(-179, 179)),
    delta=st.tuples(st.floats(-0.2, 0.2), st.floats(-0.2, 0.2)),
    buffer=st.integers(0, 30),
    transfer=st.integers(0, 20),
)
def test_a_gap_of_exactly_the_trip_passes_and_a_minute_less_does_not(a, delta, buffer, transfer):
    from itinerary.checks import run_checks
    from itinerary.checks.travel_gap import travel_gap

    b = (a[0] + delta[0], a[1] + delta[1])
    here, there = venue("here", a), venue("there", b, transfer=transfer)
    settings_ = TravelSettings(buffer_minutes=buffer)
    trip = travel.trip(here, there, settings_, {})
    assert trip is not None
    start = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)

    def programme(gap: int) -> Programme:
        first = Event("one", Kind.MEETING, "One", start, start + timedelta(hours=1), SRC, venue=here)
        second_start = first.end + timedelta(minutes=gap)
        second = Event("two", Kind.MEETING, "Two", second_start, second_start + timedelta(hours=1), SRC, venue=there)
        people = {"p": Participant("p", "P", (), SRC)}
        return Programme(
            "p", "P", "UTC", start.date(), start.date(), SRC, {}, people, {}, (first, second), travel_settings=settings_
        )

    assert list(travel_gap(programme(trip.needed))) == []
    if trip.needed > 0:
        (short,) = list(travel_gap(programme(trip.needed - 1)))
        assert short.code == ("T202" if trip.needed - 1 < trip.bare else "T201")
        assert f"needs {trip.needed} min" in short.message
    assert [f.kind for f in run_checks(programme(trip.needed))] == []
