"""`clash`: someone is in two events at once."""

from __future__ import annotations

from collections.abc import Iterator

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.overlap import Overlap, overlaps
from itinerary.checks.timeline import in_file_order, labels, optional_in
from itinerary.model import Programme


def clash(programme: Programme) -> Iterator[Finding]:
    """One finding per overlapping pair, naming everyone in both.

    Worked out per participant (groups expanded), so parallel sessions of two groups
    are fine and one person in both is not. Background items (hotel stays) never clash.
    An overlap that exists only because the first event's end is a default is a warning.
    Those for whom one of the two is optional are no hard booking: a warning of its own (C102).
    """
    for pair in overlaps(programme):
        soft = optional_in(programme, pair.participants, pair.first, pair.second)
        hard = pair.participants - soft
        if hard:
            yield _finding(programme, pair, hard, optional=False)
        if soft:
            yield _finding(programme, pair, soft, optional=True)


def _finding(programme: Programme, pair: Overlap, people: frozenset[str], *, optional: bool) -> Finding:
    home = programme.timezone
    a, b = pair.first, pair.second
    overlap = min(a.end, b.end) - b.start
    guessed = a.end_estimated and a.start < b.start
    who = labels(programme, people)
    message = (
        f"{words.title(a)} ({words.span(a, home)}) and {words.title(b)} ({words.span(b, home)}) "
        f"overlap by {words.duration(overlap)} on {words.day(b.start)}"
    )
    if optional:
        message += "; " + words.optional_for([e for e in (a, b) if programme.optional(e) & people], who)
    if guessed:
        message += f"; {words.estimated(a, home)}"
    return Finding(
        code="C102" if optional else "C101",
        severity="warning" if guessed or optional else "error",
        kind="clash",
        message=message,
        suggestion=_suggestion(pair, who, home, optional),
        sources=(a.source, b.source),
        events=(a.id, b.id),
        participants=who,
        participant_ids=in_file_order(programme, people),
    )


def _suggestion(pair: Overlap, who: tuple[str, ...], home: str, optional: bool) -> str:
    a, b = pair.first, pair.second
    if optional:
        return f"tell {', '.join(who)} which of the two to go to, or move one of them"
    whole_day = [e for e in (a, b) if e.all_day]
    if whole_day:
        return (
            f"take {', '.join(who)} out of one of them, or mark {words.title(whole_day[0])} "
            "`background: true` if it leaves room for other items"
        )
    if a.start == b.start:
        return f"move one of them, or take {', '.join(who)} out of one of them"
    return (
        f"start {words.title(b)} at {words.clock_near(a.end, b.start, home)} or later, "
        f"end {words.title(a)} by {words.clock_near(b.start, a.end, home)}, "
        f"or take {', '.join(who)} out of one of them"
    )
