"""A calendar itinerary's own export wrote: its UIDs carry event ids, its descriptions legs and stays."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time

from itinerary.importer.draft import Item, Place
from itinerary.importer.ics.props import Component
from itinerary.model import Kind
from itinerary.timeutil import parse_hhmm, tzid, zone

OUR_HEAD = ("From: ", "Departs ", "To: ", "Arrives ", "Check-in ", "End time estimated", "Starts ", "Ends ", "Who: ")
"""The lines itinerary's export puts before an event's notes in DESCRIPTION."""

_STAY = re.compile(
    r"\w+ \d+ \w+ (?P<in_time>\d\d:\d\d) \S+ \((?P<in_zone>[^()]+)\), check-out "
    r"\w+ \d+ \w+ (?P<out_time>\d\d:\d\d) \S+ \((?P<out_zone>[^()]+)\)"
)


def our_programme(data: bytes) -> str | None:
    """The programme id when itinerary's own export wrote the calendar (its UIDs then carry event ids)."""
    from itinerary.export.ics import owner

    return owner(data[:65536])


def ours_item(ours: str, item: Item, component: Component, description: str, comments: list[str]) -> Item:
    """Undo what the export folded into the calendar: the event id, legs, stays, estimated ends, notes."""
    from itinerary.export.ics import identity

    found = identity(item.uid)
    event_id = found[1] if found and found[0] == ours else None
    url = str(component.get("URL", "")).strip()
    values, notes = _head_lines(description)
    place = item.place
    origin = destination = None
    if "From: " in values or "To: " in values:
        origin = _our_place(values.get("From: "), place, url)
        destination = _our_place(values.get("To: "), place, url)
        place = None
    elif place is not None and url:
        place = replace(place, url=url)
    if item.kind is Kind.HOTEL and "Check-in " in values:
        stay = _our_stay(values["Check-in "], item)
        if stay is not None:
            start, end = stay
            item = replace(
                item, start=start, end=end, dated=False, start_zone=tzid(start.tzinfo), end_zone=tzid(end.tzinfo)
            )
    if "Who: " in values and not item.people:
        comments.append(f"who, in the calendar's description: {values['Who: ']}")
    return replace(
        item,
        place=place,
        origin=origin,
        destination=destination,
        notes=notes.strip(),
        event_id=event_id,
        estimated="End time estimated" in values,
        comments=tuple(comments),
    )


def _head_lines(description: str) -> tuple[dict[str, str], str]:
    """The export's lines before the notes (by their prefix), and the notes; all notes when there are none."""
    head, _, notes = description.partition("\n\n")
    lines = head.split("\n") if head else []
    if not lines or not all(line.startswith(OUR_HEAD) for line in lines):
        lines, notes = [], description
    return {prefix: line[len(prefix) :] for line in lines for prefix in OUR_HEAD if line.startswith(prefix)}, notes


def _our_place(text: str | None, location: Place | None, url: str) -> Place | None:
    if not text:
        return None
    if location is not None and location.key == Place(text).key:
        return replace(location, url=url)
    return Place(" ".join(text.split()))


def _our_stay(text: str, item: Item) -> tuple[datetime, datetime] | None:
    """Check-in and check-out instants from the export's 'Check-in Mon 05 Oct 15:00 JST (Asia/Tokyo), ...'."""
    match = _STAY.fullmatch(text.strip())
    if not match or not item.dated:
        return None
    try:
        in_zone, out_zone = zone(match["in_zone"]), zone(match["out_zone"])
        in_hhmm, out_hhmm = parse_hhmm(match["in_time"]), parse_hhmm(match["out_time"])
    except ValueError:
        return None
    first, last = item.start.date(), item.end.date()
    start = datetime.combine(first, time(*in_hhmm), in_zone)
    end = datetime.combine(last, time(*out_hhmm), out_zone)
    return (start, end) if end > start else None
