"""`leg-duration`: a flight, train, bus or ferry whose duration cannot be right for its distance.

Most often a venue without `timezone:` at the far end of a flight: its times are read in
the programme's zone, and a 3-hour flight becomes an 18-hour one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from itinerary import travel
from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.checks.timeline import in_file_order, labels
from itinerary.model import Event, Kind, Programme, Venue


@dataclass(frozen=True, slots=True)
class Pace:
    """How fast a service of a kind goes over the great circle: `slack` covers stops, connections and
    check-in that a written leg may include."""

    fastest_kmh: float
    slowest_kmh: float
    slack: timedelta

    def bounds(self, km: float) -> tuple[timedelta, timedelta]:
        return timedelta(hours=km / self.fastest_kmh), timedelta(hours=km / self.slowest_kmh) + self.slack


@dataclass(frozen=True, slots=True)
class Paces:
    noun: str
    possible: Pace
    """What no real service does: beyond it a leg is flagged whatever the cause."""
    usual: Pace
    """What services usually do: beyond it a leg is flagged only when a venue's zone explains it."""


PACES = {
    Kind.FLIGHT: Paces("flight", Pace(1200, 450, timedelta(hours=6)), Pace(1000, 700, timedelta(hours=3))),
    Kind.TRAIN: Paces("train", Pace(350, 25, timedelta(hours=5)), Pace(300, 40, timedelta(hours=3))),
    Kind.BUS: Paces("bus", Pace(110, 20, timedelta(hours=5)), Pace(100, 40, timedelta(hours=2))),
    Kind.COACH: Paces("coach", Pace(110, 20, timedelta(hours=5)), Pace(100, 40, timedelta(hours=2))),
    Kind.FERRY: Paces("ferry", Pace(80, 10, timedelta(hours=5)), Pace(60, 15, timedelta(hours=2))),
}
"""Wide on purpose: a leg flagged here is wrong, not merely slow. Jet streams give airliners up to
about 1,200 km/h over the ground; a one-stop flight with a long detour written as one leg stays
under the slow bound; the slowest trains (the Trans-Siberian, 44 km/h over the great circle;
mountain railways, a few hours for a hundred km) stay well within theirs."""

ROUNDING = timedelta(minutes=10)
"""Times are written to the minute and short legs round coarsely: never flag what that explains."""

FAR_FROM_LONGITUDE = timedelta(hours=3, minutes=30)
"""A zone's offset this far from the sun's time at a place's longitude is not that place's zone
(western China, 3 h from its longitude, is the widest real case)."""


def leg_duration(programme: Programme) -> Iterator[Finding]:
    """A leg with both ends located and a written arrival, whose duration no service of its kind could have,
    or none usually has when a venue's zone is far from where it is."""
    for event in programme.events:
        paces = PACES.get(event.kind)
        a, b = event.origin, event.destination
        if (
            paces is None
            or event.end_estimated
            or event.all_day
            or a is None
            or b is None
            or a.geo is None
            or b.geo is None
        ):
            continue
        km = travel.great_circle_km(a.geo, b.geo)
        possible, usual = paces.possible.bounds(km), paces.usual.bounds(km)
        if _within(event.duration, usual):
            continue
        zone_cause = _zone_cause(event)
        if _within(event.duration, possible) and zone_cause is None:
            continue
        yield _finding(
            programme,
            event,
            km,
            _bound(event.duration, paces.noun, possible, usual),
            zone_cause or _cause(event, possible),
        )


def _within(duration: timedelta, bounds: tuple[timedelta, timedelta]) -> bool:
    return duration + ROUNDING >= bounds[0] and duration <= bounds[1]


def _bound(
    duration: timedelta, noun: str, possible: tuple[timedelta, timedelta], usual: tuple[timedelta, timedelta]
) -> str:
    if duration + ROUNDING < possible[0]:
        return f"faster than any {noun} (at least {words.duration(possible[0])})"
    if duration > possible[1]:
        return f"slower than any {noun} of that distance (at most {words.duration(possible[1])})"
    if duration + ROUNDING < usual[0]:
        return f"faster than {noun}s go (usually at least {words.duration(usual[0])})"
    return f"slower than {noun}s of that distance take (usually at most {words.duration(usual[1])})"


def _finding(programme: Programme, event: Event, km: float, bound: str, cause: tuple[str, str]) -> Finding:
    why, fix = cause
    return Finding(
        code="T204",
        severity="warning",
        kind="leg-duration",
        message=(
            f"{words.title(event)} takes {words.duration(event.duration)} for {km:,.0f} km "
            f"({_place(event.origin)} to {_place(event.destination)}): {bound}; {why}"
        ),
        suggestion=fix,
        sources=(event.source,),
        events=(event.id,),
        participants=labels(programme, programme.attendees(event)),
        participant_ids=in_file_order(programme, programme.attendees(event)),
    )


def _place(venue: Venue | None) -> str:
    return venue.name if venue is not None else "?"


def _zone_cause(event: Event) -> tuple[str, str] | None:
    """(why, what to do) when an end's zone cannot be where the venue is; None when both can."""
    for venue, instant in ((event.origin, event.start), (event.destination, event.end)):
        if venue is not None and venue.geo is not None and _far_from_longitude(venue.geo[1], instant):
            sun = round(venue.geo[1] / 15)
            if not venue.zone_written:
                why = (
                    f"{venue.name} has no `timezone:`, so its times are read in the programme's "
                    f"{venue.timezone} ({words.offset(instant)})"
                )
            else:
                why = f"{venue.name} has `timezone: {venue.timezone}` ({words.offset(instant)})"
            side = "E" if venue.geo[1] >= 0 else "W"
            return (
                f"likely cause: {why}, far from its longitude ({abs(venue.geo[1]):.1f}° {side}, about UTC{sun:+d})",
                f"give {venue.name} the `timezone:` of where it is (an IANA name)",
            )
    return None


def _cause(event: Event, possible: tuple[timedelta, timedelta]) -> tuple[str, str]:
    """(why, what to do) when the zones are sound: an arrival a day late, else a time written wrong."""
    if event.duration > possible[1] and _within(event.duration - timedelta(days=1), possible):
        return "likely cause: the arrival a day late", "check the date of `arrive:`"
    return "likely cause: a time or zone written wrong", "check the times of both ends and the zones they are in"


def _far_from_longitude(longitude: float, instant: datetime) -> bool:
    offset = instant.utcoffset() or timedelta(0)
    return abs(offset - timedelta(hours=longitude / 15)) > FAR_FROM_LONGITUDE
