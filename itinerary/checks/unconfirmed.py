"""`unconfirmed`: what the programme does not know yet - times to be confirmed, tentative events."""

from __future__ import annotations

from collections.abc import Iterator

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.timeline import in_file_order, labels
from itinerary.model import Event, Programme


def unconfirmed(programme: Programme) -> Iterator[Finding]:
    """One finding listing every item still open, in the order of the programme, until none is.

    An info: an open item is no mistake, but the organiser wants the list before sending.
    """
    open_items = [e for e in programme.events if e.tbc or e.tentative]
    if not open_items:
        return
    people: set[str] = set()
    for event in open_items:
        people |= programme.attendees(event)
    listed = "; ".join(_item(event, programme.timezone) for event in open_items)
    yield Finding(
        code="U901",
        severity="info",
        kind="unconfirmed",
        message=f"{words.plural(len(open_items), 'item')} not confirmed yet: {listed}",
        suggestion=_fix(open_items),
        sources=tuple(e.source for e in open_items),
        events=tuple(e.id for e in open_items),
        participants=labels(programme, people),
        participant_ids=in_file_order(programme, people),
    )


def _item(event: Event, home: str) -> str:
    what = []
    if event.tbc:
        what.append("time to be confirmed")
    if event.tentative:
        what.append("tentative")
    when = words.day(event.start) if event.all_day else f"{words.day(event.start)} {words.clock(event.start, home)}"
    return f"{words.title(event)} ({when}): {', '.join(what)}"


def _fix(items: list[Event]) -> str:
    fixes = []
    if any(e.tbc for e in items):
        fixes.append('give each its time (time: "HH:MM-HH:MM") once it is known')
    if any(e.tentative for e in items):
        fixes.append("drop `status: tentative` once it is confirmed")
    return ", and ".join(fixes)
