"""`clash`: someone is in two events at once."""

from __future__ import annotations

from collections.abc import Iterator

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.timeline import labels, overlaps
from itinerary.model import Programme


def clash(programme: Programme) -> Iterator[Finding]:
    """One finding per overlapping pair, naming everyone in both.

    Worked out per participant (groups expanded), so parallel sessions of two groups
    are fine and one person in both is not. Background items (hotel stays) never clash.
    An overlap that exists only because the first event's end is a default is a warning.
    """
    home = programme.timezone
    for pair in overlaps(programme):
        a, b = pair.first, pair.second
        overlap = min(a.end, b.end) - b.start
        guessed = a.end_estimated and a.start < b.start
        who = labels(programme, pair.participants)
        message = (
            f"{words.title(a)} ({words.span(a, home)}) and {words.title(b)} ({words.span(b, home)}) "
            f"overlap by {words.duration(overlap)} on {words.day(b.start)}"
        )
        if guessed:
            message += f"; {words.estimated(a, home)}"
        whole_day = [e for e in (a, b) if e.all_day]
        if whole_day:
            suggestion = (
                f"take {', '.join(who)} out of one of them, or mark {words.title(whole_day[0])} "
                "`background: true` if it leaves room for other items"
            )
        elif a.start == b.start:
            suggestion = f"move one of them, or take {', '.join(who)} out of one of them"
        else:
            suggestion = (
                f"start {words.title(b)} at {words.clock_near(a.end, b.start, home)} or later, "
                f"end {words.title(a)} by {words.clock_near(b.start, a.end, home)}, "
                f"or take {', '.join(who)} out of one of them"
            )
        yield Finding(
            code="C101",
            severity="warning" if guessed else "error",
            kind="clash",
            message=message,
            suggestion=suggestion,
            sources=(a.source, b.source),
            events=(a.id, b.id),
            participants=who,
        )
