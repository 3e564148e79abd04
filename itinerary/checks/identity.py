"""`identity`: events that only their place in the file tells apart, whose identity a reordering would swap."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.timeline import in_file_order, labels
from itinerary.model import Event, Programme
from itinerary.timeutil import name_key


def fragile_identity(programme: Programme) -> Iterator[Finding]:
    """Events without an `id`, on one day, with one title, starting and ending together (parallel sessions).

    Repeats of a title are numbered in time order, which survives any reordering of the file,
    except between such twins: swapping them in the file swaps their ids, and so the calendar
    entries of the people in each. A warning: nothing is wrong yet, but an edit away from it.
    """
    twins: dict[tuple[str, datetime, datetime], list[Event]] = {}
    for event in programme.events:
        if not event.explicit_id:
            key = (name_key(event.title), event.start.astimezone(UTC), event.end.astimezone(UTC))
            twins.setdefault(key, []).append(event)
    for events in twins.values():
        if len(events) < 2:
            continue
        people: set[str] = set()
        for event in events:
            people |= programme.attendees(event)
        first = events[0]
        yield Finding(
            code="I001",
            severity="warning",
            kind="identity",
            message=(
                f"{len(events)} events {words.title(first)} on {words.day(first.start)} start and end together: "
                "only their order in the file tells them apart, so reordering them would swap their identity "
                "(and the calendar entries of who attends each)"
            ),
            suggestion="give each an `id` (a word of your choice, e.g. `id: workshop-room-a`)",
            sources=tuple(e.source for e in events),
            events=tuple(e.id for e in events),
            participants=labels(programme, people),
            participant_ids=in_file_order(programme, people),
        )
