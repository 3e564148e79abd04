"""A calendar made into a programme file, loaded back and checked against what the calendar said.

The loader is the judge of the file the importer writes: every conversion loads
its own text and compares each event's instants with the calendar's, so a file
that would not load, or would load at other times, is a bug reported as such and
never reaches the user.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import NamedTuple

from itinerary.importer.draft import Draft, Item, Options, utc
from itinerary.importer.emit import Expect, Written, write
from itinerary.model import Programme, Source


class Converted(NamedTuple):
    draft: Draft
    written: Written
    programme: Programme
    """Loaded from the written text; each event's source is its VEVENT's line in the calendar."""

    @property
    def text(self) -> str:
        return self.written.text


def convert(data: bytes, name: str, options: Options | None = None) -> Converted:
    """The calendar `data` (file `name`) as programme text and as a loaded Programme; CalendarError if it is not one."""
    from itinerary.importer import ics

    draft = ics.read(data, name, options)
    written, programme = _written(draft, name)
    elsewhere = _estimated_elsewhere(programme, written)
    if elsewhere:
        draft = replace(draft, items=tuple(_as_given(i) if id(i) in elsewhere else i for i in draft.items))
        written, programme = _written(draft, name)
    _verify(programme, written)
    return Converted(draft, written, _pointing_at(programme, name, written.lines))


def _written(draft: Draft, name: str) -> tuple[Written, Programme]:
    from itinerary.load import LoadError, loads

    written = write(draft)
    try:
        return written, loads(written.text, f"{name} (imported)")
    except LoadError as exc:
        raise RuntimeError(f"the programme written from {name} does not load: {exc.diagnostics[0]}") from None


def _estimated_elsewhere(programme: Programme, written: Written) -> set[int]:
    """The items (by identity) whose estimated end the loader puts elsewhere than the calendar: it cuts an
    estimate at the next item of the event's people, and who they are the calendar may not say (or one
    person's calendar lacks the item of another that cut it)."""
    out = set()
    for event in programme.events:
        estimate = written.expected[event.id].estimate if event.id in written.expected else None
        if estimate is not None and utc(event.end) != utc(estimate):
            out.add(id(written.items[event.id]))
    return out


def _as_given(item: Item) -> Item:
    note = "its end in the calendar is an estimate (the programme gave none), written as an end: estimated again here, it would move"
    return item._replace(estimated=False, comments=(*item.comments, note))


def _pointing_at(programme: Programme, name: str, lines: Mapping[str, int]) -> Programme:
    """Sources in the calendar, not in text nobody sees: an event's VEVENT, a participant's first event."""
    events = tuple(replace(event, source=Source(name, lines.get(event.id, 0) or 1)) for event in programme.events)
    first: dict[str, Source] = {}
    for event in events:
        for ref in event.who or ():
            first.setdefault(ref, event.source)
    participants = {
        ident: replace(person, source=first.get(ident, Source(name, 1)))
        for ident, person in programme.participants.items()
    }
    return replace(programme, source=Source(name, 1), events=events, participants=participants)


def _verify(programme: Programme, written: Written) -> None:
    """Every event loads at the instants (or on the dates) the calendar gives it."""
    if len(programme.events) != len(written.expected):
        raise RuntimeError(f"{len(written.expected)} events written, {len(programme.events)} loaded")
    for event in programme.events:
        expect = written.expected.get(event.id)
        if expect is None or not _matches(event.start, event.end, expect):
            raise RuntimeError(f"event {event.id!r} loads at {event.start}-{event.end}, not as written ({expect})")


def _matches(start: datetime, end: datetime, expect: Expect) -> bool:
    if isinstance(expect.start, datetime):
        return utc(start) == utc(expect.start) and (
            expect.end is None or (isinstance(expect.end, datetime) and utc(end) == utc(expect.end))
        )
    first = start.date()
    last = max(end.date(), first + timedelta(days=1))
    assert isinstance(expect.end, date)
    return first == expect.start and last == expect.end
