"""`no-lodging`: a visitor who spends a night of the visit with no hotel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.timeline import Timeline, in_file_order, labels, timelines
from itinerary.model import Event, Kind, Programme
from itinerary.timeutil import zone

NIGHT_HOUR = 3
"""A night counts as covered when a stay runs through 03:00 of the next morning."""


def no_lodging(programme: Programme) -> Iterator[Finding]:
    """A visitor who is at the visit across a night that no hotel stay of theirs covers.

    Only visitors are checked: participants with a hotel stay somewhere in the
    programme, or whose first item is a flight, train, coach or ferry (they arrive). Others are taken
    to live there. A night is checked when the participant has events before and after
    it, is not on a leg at 03:00 (a night flight or sleeper train), and did not end the
    evening at a venue in another zone (at home, before flying out).
    """
    tz = zone(programme.timezone)
    nights = [
        (day, datetime(day.year, day.month, day.day, NIGHT_HOUR, tzinfo=tz) + timedelta(days=1))
        for day in programme.days()
    ]
    missing: dict[date, tuple[Event, set[str], list[Event]]] = {}
    for timeline in timelines(programme):
        if not _visitor(timeline):
            continue
        for day, evening, stays in _uncovered(timeline, nights, programme.timezone):
            if day not in missing:
                missing[day] = (evening, set(), stays)
            missing[day][1].update(timeline.participants)
    for day, (evening, who, stays) in sorted(missing.items(), key=lambda item: item[0]):
        yield _finding(programme, day, evening, who, stays)


def _uncovered(
    timeline: Timeline, nights: list[tuple[date, datetime]], home: str
) -> Iterator[tuple[date, Event, list[Event]]]:
    """Each night of one timeline no stay covers: the day, that evening's last event, and the stays."""
    stays = [e for e in timeline.events if e.kind is Kind.HOTEL]
    busy = [e for e in timeline.busy() if not e.all_day]
    if not busy:
        return
    legs = [e for e in busy if e.kind.is_leg]
    by_end = sorted(busy, key=lambda e: e.end)
    ended, evening = 0, None
    for day, night in nights:
        # The nights come in order, so one pass over the events by end finds each evening's last event.
        while ended < len(by_end) and by_end[ended].end <= night:
            evening, ended = by_end[ended], ended + 1
        if evening is None or busy[-1].start < night:
            continue
        if any(e.start <= night < e.end for e in legs):
            continue
        place = evening.place_at_end
        if place is not None and place.timezone != home:
            continue
        if any(s.start <= night < s.end for s in stays):
            continue
        yield day, evening, stays


def _finding(programme: Programme, day: date, evening: Event, who: set[str], stays: list[Event]) -> Finding:
    following = day + timedelta(days=1)
    closing = [s for s in stays if s.end.date() == day]
    suggestion = (
        f"extend {words.title(closing[-1])} to `until: {following}`"
        if closing
        else f"add a `kind: hotel` stay under {day} with `until: {following}`"
    )
    return Finding(
        code="L401",
        severity="warning",
        kind="no-lodging",
        message=(
            f"no hotel for the night of {words.day(day)} to {words.day(following)}: "
            f"the day ends with {words.title(evening)} "
            f"and the programme goes on the next day"
        ),
        suggestion=suggestion,
        sources=(evening.source,),
        events=(evening.id,),
        participants=labels(programme, who),
        participant_ids=in_file_order(programme, who),
    )


def _visitor(timeline: Timeline) -> bool:
    if any(e.kind is Kind.HOTEL for e in timeline.events):
        return True
    busy = [e for e in timeline.busy() if not e.all_day]
    return bool(busy) and busy[0].kind in (Kind.FLIGHT, Kind.TRAIN, Kind.COACH, Kind.FERRY)
