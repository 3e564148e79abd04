"""A `Draft` written as a programme file: the YAML a person would have written, with comments where it differs.

Decides what the calendar leaves open: venue and participant ids (slugs), each
event's identity (itinerary's own UIDs give back the programme's ids; another
calendar's UIDs become explicit ids, so that its next draft is matched event by
event), and how each time is written so that it loads as the same instant: `time`
where a wall-clock span in the venue's zone says it, `depart`/`arrive` with a date
and a zone where it does not.

    yamltext  scalars, quoted strings, literal blocks and comments as YAML
    venues    one venue per LOCATION, with an id, name, address and zone
    people    ATTENDEEs as participants and groups, with ids
    events    the `days:` section and each event's id
    times     `time`, `depart`/`arrive` and `until`, written to load as the same instants
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from typing import NamedTuple

from itinerary.importer.draft import Draft, Item
from itinerary.importer.emit.events import whole_days, write_days
from itinerary.importer.emit.people import people_of
from itinerary.importer.emit.times import Expect
from itinerary.importer.emit.venues import venues_of, write_venue
from itinerary.importer.emit.yamltext import Lines, scalar
from itinerary.timeutil import slug

__all__ = ["Expect", "Written", "write"]


class Written(NamedTuple):
    text: str
    lines: Mapping[str, int]
    """Event id -> line of its VEVENT in the calendar."""
    expected: Mapping[str, Expect]
    items: Mapping[str, Item]
    """Event id -> the item it was written from."""
    events: int
    venues: int
    participants: int


def write(draft: Draft) -> Written:
    """The programme file's text for `draft`, and what each of its events must load as."""
    items = whole_days(draft.items)
    venues = venues_of(items, draft.timezone)
    people, groups = people_of(items)
    out = Lines()
    write_head(out, draft)
    if groups:
        out.line("groups:")
        for person, ident in groups.items():
            out.line(f"  {scalar(ident)}: {scalar(person.name)}")
        out.blank()
    if people:
        out.line("participants:")
        for person, ident in people.items():
            out.line(f"  - name: {scalar(person.name)}")
            if ident != slug(person.name):
                out.line(f"    id: {scalar(ident)}")
            if person.email:
                out.line(f"    email: {scalar(person.email)}")
        out.blank()
    if venues:
        out.line("venues:")
        for venue in venues.values():
            write_venue(out, venue)
        out.blank()
    lines, expected, written = write_days(out, draft, items, venues, {**people, **groups})
    return Written(out.text(), lines, expected, written, len(expected), len(venues), len(people))


def write_head(out: Lines, draft: Draft) -> None:
    out.comment(
        "", f"Imported by `itinerary import` from {PurePath(draft.name).name}. Review it before sending it out."
    )
    for note in draft.notes:
        out.comment("", note)
    if not draft.ours:
        out.comment(
            "",
            "Each event's `id` is its UID in the calendar, so that the next draft of this calendar, imported "
            "too, is compared event by event by `itinerary diff`. Events without ATTENDEEs are for everyone.",
        )
    out.blank()
    out.line("programme:")
    out.line(f"  id: {scalar(draft.programme_id)}")
    out.line(f"  title: {scalar(draft.title)}")
    out.line(f"  timezone: {draft.timezone}")
    out.line(f"  start: {draft.start.isoformat()}")
    out.line(f"  end: {draft.end.isoformat()}")
    if draft.revision:
        out.line(f"  revision: {draft.revision}")
    out.blank()
