"""Every check of `itinerary check`, in the order they run, and how they run."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence

from itinerary.checks.attendance import idle_participant, unattended
from itinerary.checks.clash import clash
from itinerary.checks.estimated import estimated_end
from itinerary.checks.finding import Finding, rank
from itinerary.checks.identity import fragile_identity
from itinerary.checks.legs import leg_duration
from itinerary.checks.lodging import no_lodging
from itinerary.checks.timeline import one_timeline
from itinerary.checks.times import dst, odd_hour, outside_dates
from itinerary.checks.travel_gap import travel_gap
from itinerary.checks.unconfirmed import unconfirmed
from itinerary.model import Programme

Check = Callable[[Programme], Iterable[Finding]]

CHECKS: list[Check] = [
    clash,
    travel_gap,
    leg_duration,
    outside_dates,
    no_lodging,
    dst,
    odd_hour,
    unattended,
    idle_participant,
    estimated_end,
    unconfirmed,
    fragile_identity,
]


def run_checks(programme: Programme, checks: Sequence[Check] | None = None) -> list[Finding]:
    """Every finding of every check (or of `checks`), most severe first, then in the order of the file."""
    programme = one_timeline(programme)
    found: list[Finding] = []
    # What the checks make (timelines, pairs, findings) holds no cycles: freed as it is dropped. The cycle
    # collector would only scan it again and again as it grows (on 50,000 events, a third of the time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for check in CHECKS if checks is None else checks:
            found.extend(check(programme))
    finally:
        if was_enabled:
            gc.enable()
    found.sort(key=rank)
    return found
