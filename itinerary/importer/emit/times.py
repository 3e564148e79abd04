"""How each time is written so that it loads as the same instant: `time`, `depart`/`arrive`, `until`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import NamedTuple

from itinerary.importer.draft import Item, utc
from itinerary.importer.emit.venues import VenueEntry
from itinerary.importer.emit.yamltext import scalar
from itinerary.model import DEFAULT_DURATION, HOTEL_CHECK_IN, HOTEL_CHECK_OUT, Kind
from itinerary.timeutil import WallTime, duration, localize, zone, zone_name


class Expect(NamedTuple):
    """What an event must load as: the same instants (or, for whole days, the same dates)."""

    start: datetime | date
    end: datetime | date | None
    """None: the loader's usual length for the kind."""
    estimate: datetime | None = None
    """For an end our export marked estimated, written without it: where the calendar ends it. The loader
    estimates again from the next item of the event's people, and a file without them may end it elsewhere."""


@dataclass
class EventEntry:
    """An event as it will be written: the day it goes under, its fields in order, its comments, and what
    it must load as."""

    item: Item
    day: date
    fields: list[tuple[str, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    expect: Expect | None = None


def zone_label(tz: tzinfo) -> str:
    """The zone as a stamp writes it after the time (UTC for a zone without a name)."""
    return zone_name(tz) or "UTC"


def readable(instant: datetime, tz: tzinfo) -> bool:
    """Whether the wall time of `instant` in `tz`, read back as the loader reads it, is `instant`."""
    wall = instant.astimezone(tz)
    value, status = localize(wall.date(), (wall.hour, wall.minute), tz)
    return status is not WallTime.GAP and utc(value) == utc(instant)


def stamp_text(instant: datetime, tz: tzinfo, read_in: tzinfo, *, with_date: bool) -> str:
    """'[YYYY-MM-DD] HH:MM [Zone]' in `tz`, or in UTC where `tz` cannot say it (the second of two
    readings as clocks go back); the zone is written only where it is not the one the loader reads in."""
    if not readable(instant, tz):
        tz = UTC
    wall = instant.astimezone(tz)
    text = f"{wall:%Y-%m-%d %H:%M}" if with_date else f"{wall:%H:%M}"
    return text if zone_label(tz) == zone_label(read_in) else f"{text} {zone_label(tz)}"


def event_entry(item: Item, venues: Mapping[str, VenueEntry], programme_zone: tzinfo) -> EventEntry:
    """The event's place and time fields, the day it goes under, and what it must load as."""
    venue = venues[item.place.key] if item.place else None
    origin = venues[item.origin.key] if item.origin else None
    destination = venues[item.destination.key] if item.destination else None
    if (origin or destination) and not item.kind.has_ends:
        venue, origin, destination = venue or origin or destination, None, None
    start_venue, end_venue = origin or venue, destination or venue
    read_start = zone(start_venue.timezone) if start_venue and start_venue.timezone else programme_zone
    read_end = zone(end_venue.timezone) if end_venue and end_venue.timezone else programme_zone
    place_fields: list[tuple[str, str]] = []
    if venue:
        place_fields.append(("venue", scalar(venue.id)))
    if origin:
        place_fields.append(("from", scalar(origin.id)))
    if destination:
        place_fields.append(("to", scalar(destination.id)))
    start = item.start.replace(second=0, microsecond=0)
    end = item.end.replace(second=0, microsecond=0)
    comments = []
    if not item.dated and (utc(start) != utc(item.start) or utc(end) != utc(item.end)):
        comments.append("times in the calendar have seconds: written to the minute")
    if item.kind is Kind.HOTEL:
        if item.no_end:  # a stay needs a check-out: one night, as the loader's default length for a hotel
            end = start + DEFAULT_DURATION[Kind.HOTEL]
            comments.append("the calendar gives no check-out: one night assumed")
        event = stay_entry(item, start, end, read_start)
    elif item.dated:
        day = item.start.date()
        written = ("time", "TBC") if item.tbc else ("all_day", "true")
        event = EventEntry(item, day, [written], expect=Expect(day, day + timedelta(days=1)))
    elif item.estimated or item.no_end:
        if item.no_end:
            comments.append(
                f"the calendar gives no length: the usual {duration(DEFAULT_DURATION[item.kind], clock=True)} assumed"
            )
        event = start_only(item, start, read_start)
    else:
        event = span_entry(item, start, end, read_start, read_end)
    event.fields[:0] = place_fields
    event.comments.extend(comments)
    return event


def start_only(item: Item, start: datetime, read_start: tzinfo) -> EventEntry:
    """A start without an end: the loader gives the kind's usual length."""
    expect = Expect(start, None, item.end if item.estimated else None)
    if readable(start, read_start):
        wall = start.astimezone(read_start)
        return EventEntry(item, wall.date(), [("time", f'"{wall:%H:%M}"')], expect=expect)
    stamp = stamp_text(start, UTC, read_start, with_date=False)
    return EventEntry(item, start.astimezone(UTC).date(), [("depart", f'"{stamp}"')], expect=expect)


def span_entry(item: Item, start: datetime, end: datetime, read_start: tzinfo, read_end: tzinfo) -> EventEntry:
    """`time: HH:MM-HH:MM` where the loader reads it back as these instants, else `depart`/`arrive` stamps."""
    expect = Expect(start, end)
    own_start = zone(item.start_zone) if item.start_zone else read_start
    own_end = zone(item.end_zone) if item.end_zone else read_end
    if (
        zone_label(own_start) == zone_label(read_start) == zone_label(read_end) == zone_label(own_end)
        and readable(start, read_start)
        and readable(end, read_end)
    ):
        first, second = start.astimezone(read_start), end.astimezone(read_end)
        day = first.date()
        # As the loader reads "HH:MM-HH:MM": the end on the start's day, else the next; a gap on
        # the start's day is an error there, even when the next day would do.
        loaded, status = localize(day, (second.hour, second.minute), read_end)
        if status is not WallTime.GAP and utc(loaded) <= utc(start):
            loaded, status = localize(day + timedelta(days=1), (second.hour, second.minute), read_end)
        if status is not WallTime.GAP and utc(loaded) == utc(end) and utc(end) > utc(start):
            return EventEntry(item, day, [("time", f'"{first:%H:%M}-{second:%H:%M}"')], expect=expect)
    depart = stamp_text(start, own_start, read_start, with_date=False)
    start_tz = own_start if readable(start, own_start) else UTC
    arrive = stamp_text(end, own_end, read_end, with_date=True)
    fields = [("depart", f'"{depart}"'), ("arrive", f'"{arrive}"')]
    if utc(end) == utc(start):
        return start_only(item, start, read_start)
    return EventEntry(item, start.astimezone(start_tz).date(), fields, expect=expect)


def stay_entry(item: Item, start: datetime, end: datetime, read_in: tzinfo) -> EventEntry:
    """A hotel: check-in on the day it goes under, `until` the check-out; whole days keep their dates."""
    if item.dated:
        first, last = item.start.date(), item.end.date()
        return EventEntry(item, first, [("until", f'"{last.isoformat()}"')], expect=Expect(first, last))
    wall_in = start.astimezone(read_in)
    fields = []
    if (wall_in.hour, wall_in.minute) != HOTEL_CHECK_IN:
        fields.append(("time", f'"{wall_in:%H:%M}"'))
    # Check-in has no zone of its own: read in the venue's, as the loader does (the first reading in a fold).
    loaded_in, _ = localize(wall_in.date(), (wall_in.hour, wall_in.minute), read_in)
    wall_out = end.astimezone(read_in)
    if readable(end, read_in) and (wall_out.hour, wall_out.minute) == HOTEL_CHECK_OUT:
        until = f"{wall_out:%Y-%m-%d}"
    else:
        until = stamp_text(end, read_in, read_in, with_date=True)
    fields.append(("until", f'"{until}"'))
    return EventEntry(item, wall_in.date(), fields, expect=Expect(loaded_in, end))
