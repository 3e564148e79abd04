"""The keys that let a programme say what real ones say: time TBC, status, optional, excursions, number, contact,
the new kinds and the road-speed settings; each read from a file, each mistake told in one line."""

from __future__ import annotations

import pytest
from conftest import DATA

from itinerary.load import LoadError, load, loads
from itinerary.model import Contact, Kind

HEAD = """\
programme: {id: t, title: T, timezone: Europe/Berlin, start: 2030-06-03, end: 2030-06-05}
groups: {delegation: Delegation, secretariat: Secretariat}
participants:
  - {name: Ann, group: delegation}
  - {name: Sue, group: secretariat}
venues:
  hotel: {name: Hotel, geo: [52.52, 13.405]}
  pier: {name: Pier, geo: [52.51, 13.41], timezone: Europe/Berlin}
days:
  2030-06-03:
"""


def events(lines: str):
    return loads(HEAD + lines, "t.yaml").events


def errors_of(lines: str) -> list[str]:
    with pytest.raises(LoadError) as info:
        loads(HEAD + lines, "t.yaml")
    return [str(d) for d in info.value.diagnostics]


@pytest.mark.parametrize("written", ["TBC", "tbc", "TBA", "TBD", "to be confirmed", "To Be  Confirmed"])
def test_a_time_to_be_confirmed_is_the_whole_day_booking_no_one(written):
    (event,) = events(f"    - {{time: {written}, title: Courtesy call}}\n")
    assert event.tbc and event.all_day and not event.end_estimated
    assert (f"{event.start:%Y-%m-%d %H:%M}", f"{event.end:%Y-%m-%d %H:%M}") == ("2030-06-03 00:00", "2030-06-04 00:00")


def test_tbc_is_no_time_for_a_hotel_and_no_companion_for_depart():
    assert errors_of("    - {kind: hotel, time: TBC, title: Hotel, venue: hotel, until: 2030-06-04}\n") == [
        "t.yaml:11:27: error: days.2030-06-03[0].time: 'TBC' is not a time of day (HH:MM)"
    ]
    assert errors_of("    - {kind: train, time: TBC, depart: '09:00', title: T, from: hotel, to: pier}\n") == [
        "t.yaml:11:32: error: days.2030-06-03[0]: give either `time` or `depart`/`arrive`, not both"
    ]


def test_status_tentative_and_a_status_misspelt():
    (event,) = events("    - {time: '19:00-21:00', title: Dinner, status: Tentative}\n")
    assert event.tentative
    (event,) = events("    - {time: '19:00-21:00', title: Dinner, status: confirmed}\n")
    assert not event.tentative
    (event,) = events("    - {time: '19:00-21:00', title: Dinner, status: ~}\n")
    assert not event.tentative
    assert errors_of("    - {time: '19:00-21:00', title: Dinner, status: tentativ}\n") == [
        "t.yaml:11:52: error: days.2030-06-03[0].status: unknown status 'tentativ' (did you mean 'tentative'?); "
        "one of confirmed, tentative"
    ]


def test_optional_people_are_the_events_people_too():
    (event,) = events("    - {time: '19:00-21:00', title: Reception, who: [delegation], optional: [secretariat]}\n")
    programme = loads(HEAD + "    - {time: '19:00-21:00', title: Reception, who: [delegation], optional: [sue]}\n")
    assert event.who == ("delegation", "secretariat") and event.optional == ("secretariat",)
    assert programme.attendees(programme.events[0]) == {"ann", "sue"}
    assert programme.optional(programme.events[0]) == {"sue"}
    everyone = loads(HEAD + "    - {time: '09:00-11:00', title: Tour, optional: true}\n")
    assert everyone.optional(everyone.events[0]) == {"ann", "sue"}
    assert errors_of("    - {time: '09:00-11:00', title: Tour, optional: [secretariet]}\n") == [
        "t.yaml:11:53: error: days.2030-06-03[0].optional: unknown participant or group 'secretariet' "
        "(did you mean 'secretariat'?)"
    ]


def test_the_new_legs_take_from_to_and_a_number():
    for kind in ("bus", "coach", "ferry", "metro", "tram", "walk"):
        (event,) = events(
            f"    - {{time: '10:00-10:20', kind: {kind}, title: Go, from: hotel, to: pier, number: '12'}}\n"
        )
        assert event.kind is Kind(kind) and event.kind.is_leg and event.number == "12"
    assert errors_of("    - {time: '10:00-11:00', title: Meeting, number: LH 710}\n") == [
        "t.yaml:11:45: error: days.2030-06-03[0]: `number` is for legs (a flight, train or bus number), not a meeting"
    ]


def test_a_contact_as_a_mapping_or_one_line():
    (event,) = events("    - {time: '10:00-11:00', title: M, contact: {name: Ms Sato, phone: '+49 30 123'}}\n")
    assert event.contact == Contact("Ms Sato", "+49 30 123") and str(event.contact) == "Ms Sato, +49 30 123"
    (event,) = events("    - {time: '10:00-11:00', title: M, contact: Boat office +49 30 5}\n")
    assert event.contact == Contact("Boat office +49 30 5")
    assert errors_of("    - {time: '10:00-11:00', title: M, contact: {}}\n") == [
        "t.yaml:11:48: error: days.2030-06-03[0].contact: give the contact a `name`, a `phone` or an `email`"
    ]
    assert errors_of("    - {time: '10:00-11:00', title: M, contact: {mobile: '1'}}\n") == [
        "t.yaml:11:49: error: days.2030-06-03[0].contact.mobile: unknown key"
    ]


def test_an_excursion_leaves_from_one_venue_and_returns_to_another_or_the_same():
    (trip,) = events("    - {time: '09:00-17:00', kind: excursion, title: Trip, from: hotel, to: pier}\n")
    assert (trip.place_at_start.id, trip.place_at_end.id) == ("hotel", "pier")
    (round_trip,) = events("    - {time: '09:00-17:00', kind: excursion, title: Trip, from: hotel}\n")
    assert (round_trip.place_at_start.id, round_trip.place_at_end.id) == ("hotel", "hotel")
    (estimated,) = events("    - {time: '09:00', kind: excursion, title: Trip, from: hotel}\n")
    assert estimated.duration.total_seconds() == 4 * 3600 and not estimated.kind.is_leg
    assert errors_of("    - {time: '09:00', title: Talk, from: hotel}\n") == [
        "t.yaml:11:36: error: days.2030-06-03[0]: `from`/`to` are for legs (train, flight, bus...) and excursions, "
        "not a meeting; use `venue`"
    ]


def test_a_venue_remembers_whether_its_zone_was_written():
    programme = loads(HEAD + "    - {time: '10:00-10:20', kind: walk, title: Go, from: hotel, to: pier}\n")
    assert not programme.venues["hotel"].zone_written and programme.venues["pier"].zone_written


def test_road_speed_settings_and_the_new_travel_modes():
    text = HEAD.replace("end: 2030-06-05}", "end: 2030-06-05, travel_defaults: {city_km: 5, road_kmh: 90}}").replace(
        "days:", "travel:\n  - {between: [hotel, pier], minutes: 12, mode: ferry}\ndays:"
    )
    programme = loads(text + "    - {time: '10:00-11:00', title: M}\n")
    settings = programme.travel_settings
    assert (settings.city_km, settings.road_kmh, programme.travel[0].mode) == (5, 90, "ferry")
    bad = HEAD.replace("end: 2030-06-05}", "end: 2030-06-05, travel_defaults: {road_kmh: 0}}")
    with pytest.raises(LoadError) as info:
        loads(bad + "    - {time: '10:00-11:00', title: M}\n", "t.yaml")
    assert [str(d) for d in info.value.diagnostics] == [
        "t.yaml:1:119: error: programme.travel_defaults.road_kmh: 0 is out of range: between 0.5 and 1000 km/h"
    ]


@pytest.mark.parametrize("name", ["tbc", "optional", "excursion", "untimed", "zone-labels"])
def test_the_format_examples_load(name):
    assert load(DATA / "format" / f"{name}.yaml").events
