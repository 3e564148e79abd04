"""Where an item written with a start only ends.

Real programmes are written a start time per line ("08:15 Luggage outside rooms",
"08:45 Depart hotel", "09:00 Call on the Governor"): each item lasts until the next
one begins. So an item without an end takes its kind's default duration, cut short
where the next item of any of its people starts sooner. The end stays marked
estimated; items sharing a start are not cut by each other (that is a real clash),
and an excursion is not cut by the visits it holds.
"""

from __future__ import annotations

from dataclasses import replace

from itinerary.model import Event, Kind, Programme

EVERYONE = "*"


def end_at_next(programme: Programme) -> Programme:
    """The programme with every estimated end cut at the next start of any of its people."""
    events = programme.events
    people = [_people(programme, event) for event in events]
    out = list(events)
    for i, event in enumerate(events):
        if not event.end_estimated or event.all_day or event.background or event.kind is Kind.EXCURSION:
            continue
        for j in range(i + 1, len(events)):
            after = events[j]
            if after.start >= event.end:
                break
            if after.start == event.start or after.all_day or after.background:
                continue
            if _share(people[i], people[j]):
                out[i] = replace(event, end=after.start)
                break
    if out == list(events):
        return programme
    out.sort(key=lambda e: (e.start, e.end))
    return replace(programme, events=tuple(out))


def _people(programme: Programme, event: Event) -> frozenset[str]:
    """Who is in the event; in a file without participants, the ids it names (or everyone)."""
    if programme.participants:
        return programme.attendees(event)
    return frozenset(event.who) if event.who is not None else frozenset((EVERYONE,))


def _share(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b) or EVERYONE in a or EVERYONE in b
