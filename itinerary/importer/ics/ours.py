"""A calendar itinerary's own export wrote: its UIDs carry event ids, its X-ITINERARY-* properties the rest.

Ours whatever server it went through: a CalDAV server or a calendar program writes its
own PRODID and drops the calendar's UID, but keeps each event's UID and X- properties.
What the export says in DESCRIPTION is for people and is never parsed: legs, stays,
estimated ends, notes and who attends come back from `xprops`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from itinerary import xprops
from itinerary.importer.draft import Item, Place
from itinerary.importer.ics.props import Calendar, Component
from itinerary.model import Contact, Kind
from itinerary.timeutil import tzid


def our_programme(data: bytes, calendars: Sequence[Calendar]) -> str | None:
    """The programme id when itinerary's export wrote the calendar: by its head (PRODID and calendar UID),
    else by its events' UIDs, the programme most of them name."""
    from itinerary.export.ics import owner, programme_of

    found = owner(data[:65536])
    if found is not None:
        return found
    named: Counter[str] = Counter()
    for calendar in calendars:
        for component in calendar.walk("VEVENT"):
            programme_id = programme_of(str(component.get("UID", "")))
            if programme_id is not None:
                named[programme_id] += 1
    return named.most_common(1)[0][0] if named else None


def ours_item(ours: str, item: Item, component: Component, description: str, comments: list[str]) -> Item:
    """Undo what the export folded into the calendar: the event id, legs, stays, estimated ends, notes."""
    from itinerary.export.ics import identity, programme_of

    facts = xprops.read(component)
    url = str(component.get("URL", "")).strip()
    if facts is None:  # an event of someone else's in our calendar, or from an export before X-ITINERARY-*
        found = identity(item.uid)
        event_id = found[1] if found and found[0] == ours else None
        notes = f"{description}\n\nLink: {url}".strip() if url else description
        return item._replace(notes=notes, event_id=event_id, comments=tuple(comments))
    place, origin, destination = item.place, None, None
    if facts.origin or facts.destination:
        origin = _our_place(facts.origin, facts.origin_geo, place, url)
        destination = _our_place(facts.destination, facts.destination_geo, place, url)
        place = _our_place(facts.venue, facts.venue_geo, place, url)
    elif place is not None and url:
        place = place._replace(url=url)
    item = _stay(item, facts)
    if facts.who and not item.people:
        comments.append(f"who, in the calendar: {facts.who}")
    return item._replace(
        place=place,
        origin=origin,
        destination=destination,
        notes=facts.notes.strip(),
        event_id=facts.event_id if programme_of(item.uid) == ours else None,
        estimated=facts.estimated_end,
        tentative=facts.tentative,
        background=facts.background,
        tbc=facts.tbc and item.dated,
        number=facts.number,
        contact=Contact(*facts.contact) if any(facts.contact) else None,
        comments=tuple(comments),
    )


def _stay(item: Item, facts: xprops.Facts) -> Item:
    """A hotel stay, shown as whole days, gets its check-in and check-out instants back."""
    start, end = facts.check_in, facts.check_out
    if item.kind is not Kind.HOTEL or start is None or end is None or end <= start:
        return item
    return item._replace(start=start, end=end, dated=False, start_zone=tzid(start.tzinfo), end_zone=tzid(end.tzinfo))


def _our_place(text: str, geo: tuple[float, float] | None, location: Place | None, url: str) -> Place | None:
    """A place our export named in X-ITINERARY-*: LOCATION's own (with its URL) when it is that one."""
    if not text:
        return None
    if location is not None and location.key == Place(text).key:
        return location._replace(url=url, geo=location.geo or geo)
    return Place(" ".join(text.split()), geo)
