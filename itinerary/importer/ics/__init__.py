"""A calendar file (.ics) read into a `Draft`: what any calendar program exports, as plain facts.

The edge where iCalendar's freedoms end: floating times get the programme's zone, UTC
times stay instants, a zone a VTIMEZONE defines under a private name is converted,
repeating events are expanded (recurring-ical-events does RRULE, RDATE, EXDATE and
RECURRENCE-ID overrides right), cancelled occurrences are left out, and a file that is
not a calendar, or a broken one, is refused in one line that says where. Our reader
reads what it reads exactly as icalendar does; icalendar and recurring-ical-events are
imported only for the rest (repeating events, private zones, broken values).

    text     bytes -> text, unfolded lines, BEGIN/END nesting, the parse
    reader   RFC 5545 read as icalendar reads it, for the calendars it can (ours among them)
    rules    what a VEVENT must get right (a broken one refuses the file)
    series   VEVENTs by UID: master and overrides; what is left out
    zones    TZIDs -> IANA names, private zones matched, the programme's zone
    expand   every occurrence in the range asked for
    items    one occurrence -> Item (times, kind, place, people)
    ours     undoing what itinerary's own export folded into a calendar
    props    a property's values, an event's length, its days
    head     the draft's title, dates and notes
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

from itinerary.importer.draft import CalendarError, Draft, Item, Options
from itinerary.importer.ics.zones import iana, match_zone
from itinerary.timeutil import slug

if TYPE_CHECKING:
    from itinerary.importer.ics.props import Calendar
    from itinerary.importer.ics.text import Block

__all__ = ["iana", "match_zone", "read"]


def read(data: bytes, name: str, options: Options | None = None) -> Draft:
    """The calendar in `data` (the bytes of file `name`) as a Draft, or CalendarError."""
    from itinerary.importer.ics.ours import our_programme
    from itinerary.importer.ics.text import decode, parse, structure

    options = options or Options()
    text = decode(data, name)
    blocks = structure(text, name)
    with warnings.catch_warnings():
        # icalendar warns on stderr when it guesses a zone; the file's comments say what was read how.
        warnings.simplefilter("ignore")
        calendars = parse(text, name)
        return _draft(name, options, blocks, calendars, our_programme(data, calendars))


def _draft(name: str, options: Options, blocks: list[Block], calendars: list[Calendar], ours: str | None) -> Draft:
    """Pass 1 gathers and checks the events, then the zone is chosen, then every occurrence is read."""
    from itinerary.importer.ics.expand import MAX_ITEMS, expand, too_many
    from itinerary.importer.ics.head import date_range, reading_notes, title
    from itinerary.importer.ics.items import Context, Tally, item, name_occurrences
    from itinerary.importer.ics.series import collect
    from itinerary.importer.ics.zones import choose_zone

    found = collect(name, calendars, blocks, ours is not None)
    chosen = choose_zone([component for component, _ in found.events], calendars, options, ours is not None)
    expansion = expand(name, calendars, found, options, chosen.tz)
    ctx = Context(name, chosen.name, chosen.tz, chosen.aliases, found.series, ours)
    tally = Tally()
    items: list[Item] = []
    for one in expansion.occurrences:
        made = item(ctx, tally, one.component, one.line)
        if made is not None:
            items.append(made)
        if len(items) > MAX_ITEMS:
            raise too_many(name)
    items = name_occurrences(items)
    if not items:
        cancelled = f" ({len(tally.cancelled)} cancelled)" if tally.cancelled else ""
        ranged = " in the range asked for" if options.start or options.end else ""
        raise CalendarError(f"{name}: no events to import{ranged}{cancelled}")
    first, last = date_range(items, options, chosen.tz)
    calendar_title = title(calendars, name)
    notes = (*chosen.notes, *expansion.notes, *reading_notes(tally, chosen.name, found.left_out))
    return Draft(
        name=name,
        programme_id=ours or slug(calendar_title) or "imported",
        title=calendar_title,
        timezone=chosen.name,
        start=first,
        end=last,
        items=tuple(items),
        revision=found.sequence if ours else 0,
        notes=notes,
        ours=ours is not None,
        cut=expansion.cut,
    )
