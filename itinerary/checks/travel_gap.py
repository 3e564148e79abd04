"""`travel-gap`: not enough time to get from one event to the next."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.gaps import Gap, gaps
from itinerary.checks.timeline import in_file_order, labels, optional_in
from itinerary.model import Programme


def travel_gap(programme: Programme) -> Iterator[Finding]:
    """Between consecutive events at different places, the gap must hold the trip plus the buffer.

    A warning when only the buffer is eaten into; an error when not even the trip fits
    (a warning again if that rests on a default end, or if one of the two is optional
    for everyone concerned). Overlapping events are a clash,
    not a travel gap. When the trip cannot be told (no venue, no coordinates), an info,
    for gaps within a day only: overnight, people go back to their hotel.
    """
    home = programme.timezone
    for gap in gaps(programme):
        if gap.free < timedelta(0):
            continue
        if gap.trip is None:
            if gap.unknown and _same_day(gap):
                yield _unknown(programme, gap, home)
            continue
        needed = timedelta(minutes=gap.trip.needed)
        if gap.free >= needed:
            continue
        yield _short(programme, gap, home)


def _same_day(gap: Gap) -> bool:
    start = gap.after.start
    return gap.before.end.astimezone(start.tzinfo).date() == start.date()


def _where(event_place: object) -> str:
    return f" at {getattr(event_place, 'name', '')}" if event_place is not None else ""


def _short(programme: Programme, gap: Gap, home: str) -> Finding:
    a, b, trip = gap.before, gap.after, gap.trip
    assert trip is not None
    impossible = gap.free < timedelta(minutes=trip.bare)
    guessed = a.end_estimated
    optional = optional_in(programme, gap.participants, a, b) == gap.participants
    message = (
        f"{words.title(a)} ends {words.clock(a.end, home)}{_where(a.place_at_end)}, "
        f"{words.title(b)} starts {words.clock(b.start, home)}{_where(b.place_at_start)} on {words.day(b.start)}: "
        f"needs {trip.needed} min ({trip.explain()}), has {words.minutes(gap.free)} min"
    )
    if impossible:
        message += ", not even enough for the trip" if trip.buffer else ""
    if guessed:
        message += f"; {words.estimated(a, home)}"
    if optional:
        who = labels(programme, gap.participants)
        message += "; " + words.optional_for([e for e in (a, b) if programme.optional(e) & gap.participants], who)
    latest_end = b.start - timedelta(minutes=trip.needed)
    earliest_start = a.end + timedelta(minutes=trip.needed)
    suggestion = f"start {words.title(b)} at {words.clock_near(earliest_start, b.start, home)} or later"
    if impossible and trip.buffer:
        bare_start = a.end + timedelta(minutes=trip.bare)
        suggestion += f" ({words.clock_near(bare_start, b.start, home)} leaves no buffer)"
    suggestion += f", or end {words.title(a)} by {words.clock_near(latest_end, a.end, home)}"
    if trip.km is not None and trip.km > 100:
        suggestion += ", or add the train or flight in between"
    return Finding(
        code="T202" if impossible else "T201",
        severity="error" if impossible and not guessed and not optional else "warning",
        kind="travel-gap",
        message=message,
        suggestion=suggestion,
        sources=(a.source, b.source),
        events=(a.id, b.id),
        participants=labels(programme, gap.participants),
        participant_ids=in_file_order(programme, gap.participants),
    )


def _unknown(programme: Programme, gap: Gap, home: str) -> Finding:
    a, b = gap.before, gap.after
    return Finding(
        code="T203",
        severity="info",
        kind="travel-gap",
        message=(
            f"the {words.minutes(gap.free)} min from {words.title(a)} (ends {words.clock(a.end, home)}) "
            f"to {words.title(b)} (starts {words.clock(b.start, home)}) on {words.day(b.start)} "
            f"could not be checked: {'; '.join(gap.unknown)}"
        ),
        suggestion=_unknown_fix(gap),
        sources=(a.source, b.source),
        events=(a.id, b.id),
        participants=labels(programme, gap.participants),
        participant_ids=in_file_order(programme, gap.participants),
    )


def _unknown_fix(gap: Gap) -> str:
    """What would let the trip be told: a venue for an event without one, coordinates for a venue without."""
    fixes = []
    for event, end, key in ((gap.before, gap.before.place_at_end, "to"), (gap.after, gap.after.place_at_start, "from")):
        if end is None:
            fixes.append(f"give {words.title(event)} a `{key if event.kind.has_ends else 'venue'}:`")
    places = (gap.before.place_at_end, gap.after.place_at_start)
    if any(place is not None and place.geo is None for place in places):
        fixes.append("give the venue `geo: [lat, lon]`, or the pair an entry in `travel:`")
    return "; ".join(fixes) or "give the venue `geo: [lat, lon]`, or the pair an entry in `travel:`"
