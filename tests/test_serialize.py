"""The model as JSON data: instants with their offsets, each end of a leg in its own zone, and plain types only."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from itinerary import serialize
from itinerary.model import Kind


def test_an_instant_keeps_its_offset_and_moves_to_the_readers_zone():
    tokyo = datetime(2009, 10, 7, 9, 3, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert serialize.instant(tokyo) == "2009-10-07T09:03+09:00"
    assert serialize.instant(tokyo, ZoneInfo("Europe/Brussels")) == "2009-10-07T02:03+02:00"


def test_a_flight_in_the_readers_zone_keeps_each_end_local(japan):
    flight = next(e for e in japan.events if e.kind is Kind.FLIGHT)
    data = serialize.event(japan, flight, ZoneInfo("UTC"))
    assert data["start"].endswith("+00:00") and data["end"].endswith("+00:00")
    assert data["start_local"] == flight.start.isoformat(timespec="minutes")
    assert data["end_local"] == flight.end.isoformat(timespec="minutes")
    assert data["start_local"][-6:] != data["end_local"][-6:]  # leaves in one zone, lands in another
    assert data["from"]["id"] == flight.origin.id and data["to"]["id"] == flight.destination.id


def test_every_event_and_participant_is_plain_json(japan):
    events = [serialize.event(japan, e) for e in japan.events]
    people = [serialize.participant(japan, p) for p in japan.participants.values()]
    again = json.loads(json.dumps({"head": serialize.programme_head(japan), "events": events, "people": people}))
    assert again["head"] == {
        "id": "ecpg-japan-2009",
        "title": "ECPG Study Visit to Japan",
        "timezone": "Asia/Tokyo",
        "start": "2009-10-04",
        "end": "2009-10-09",
        "revision": japan.revision,
    }
    assert [e["id"] for e in again["events"]] == [e.id for e in japan.events]
    assert all(set(e["attendees"]) <= set(japan.participants) for e in again["events"])
    tea = next(p for p in again["people"] if p["id"] == "tea-petrin")
    assert tea["group_names"] == [japan.groups[g].name for g in japan.participants["tea-petrin"].groups]
