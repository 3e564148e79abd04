"""`estimated-end`: a check leaned on an end the file does not give."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.gaps import Gap, gaps
from itinerary.checks.overlap import overlaps
from itinerary.checks.timeline import in_file_order, labels
from itinerary.model import DEFAULT_DURATION, Event, Programme


def estimated_end(programme: Programme) -> Iterator[Finding]:
    """An event with a default end, when a check's verdict rests on that end.

    It does when the event overlaps a later one, or when what follows it (for someone)
    leaves less slack, after the trip, than the event's default duration: had the event
    taken twice as long as the default, the verdict would differ.
    """
    home = programme.timezone
    leaned: dict[int, tuple[Event, Event, timedelta, set[str]]] = {}

    def lean(before: Event, after: Event, slack: timedelta, who: frozenset[str]) -> None:
        key = id(before)
        if key not in leaned or slack < leaned[key][2]:
            leaned[key] = (before, after, slack, set(leaned[key][3]) if key in leaned else set())
        leaned[key][3].update(who)

    for gap in gaps(programme):
        if gap.before.end_estimated and gap.slack < DEFAULT_DURATION[gap.before.kind] and not _cut_here(gap):
            lean(gap.before, gap.after, gap.slack, gap.participants)
    for pair in overlaps(programme):
        if pair.first.end_estimated and pair.first.start < pair.second.start:
            lean(pair.first, pair.second, pair.second.start - pair.first.end, pair.participants)
    for event, after, slack, who in sorted(leaned.values(), key=lambda item: (item[0].start, item[0].id)):
        if slack < timedelta(0):
            margin = f"{words.duration(-slack)} short"
        else:
            margin = f"{words.duration(slack)} to spare" if slack else "no time to spare"
        field = _fix(event)
        yield Finding(
            code="E801",
            severity="info",
            kind="estimated-end",
            message=(
                f"{words.estimated(event, home)}; {words.title(after)} follows at "
                f"{words.clock(after.start, home)} on {words.day(after.start)}, {margin} on that guess"
            ),
            suggestion=f"give it its real end: {field}",
            sources=(event.source, after.source),
            events=(event.id, after.id),
            participants=labels(programme, who),
            participant_ids=in_file_order(programme, who),
        )


def _fix(event: Event) -> str:
    """What to write, as the file would have it: the start is a wall time in the event's own zone."""
    if event.kind.is_leg:
        return "an `arrive:` time (or `time: HH:MM-HH:MM`)"
    return f'time: "{event.start:%H:%M}-HH:MM"'


def _cut_here(gap: Gap) -> bool:
    """The item ends where the next begins, at the same place: the programme says when it ends, nothing is guessed."""
    cut = gap.before.duration < DEFAULT_DURATION[gap.before.kind] and gap.before.end == gap.after.start
    return cut and gap.trip is not None and gap.trip.minutes == 0
