"""Checks on single events' times: outside the programme's dates, in a DST trap, at an odd hour."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from itinerary.checks import words
from itinerary.checks.finding import Finding, Severity
from itinerary.checks.timeline import in_file_order, labels
from itinerary.model import Event, Kind, Programme
from itinerary.timeutil import WallTime, abbreviation, classify, zone_key

ODD_HOURS_END = 6
"""Starts before 06:00 local time are odd (an AM/PM slip, usually)."""

SCHEDULED = frozenset((Kind.FLIGHT, Kind.TRAIN, Kind.BUS, Kind.COACH, Kind.FERRY))
"""Services that run on a timetable, early ones included: an early start is no slip."""


def _who(programme: Programme, event: Event) -> tuple[str, ...]:
    return labels(programme, programme.attendees(event))


def outside_dates(programme: Programme) -> Iterator[Finding]:
    """An event that starts before the first day or after the last, or (other than a leg) ends after it.

    Dates are the wall dates the event is written in; a flight may land the day after
    the programme ends.
    """
    first, last = programme.start, programme.end
    for event in programme.events:
        start = event.start.date()
        end = _last_moment(event.end).date()
        if start < first:
            off, bound, fix = (
                (first - start).days,
                f"before the programme starts ({first})",
                f"programme.start: {start}",
            )
            what = f"starts {words.day(event.start)}"
        elif start > last:
            off, bound, fix = (start - last).days, f"after the programme ends ({last})", f"programme.end: {start}"
            what = f"starts {words.day(event.start)}"
        elif end > last and not event.kind.is_leg:
            off, bound, fix = (end - last).days, f"after the programme ends ({last})", f"programme.end: {end}"
            what = f"ends {words.stamp(event.end, programme.timezone)}"
        else:
            continue
        yield Finding(
            code="D301",
            severity="error",
            kind="outside-dates",
            message=f"{words.title(event)} {what}, {words.plural(off, 'day')} {bound}",
            suggestion=f"move it into {first} to {last}, or set `{fix}`",
            sources=(event.source,),
            events=(event.id,),
            participants=_who(programme, event),
            participant_ids=in_file_order(programme, programme.attendees(event)),
        )


def _last_moment(instant: datetime) -> datetime:
    """An end at midnight belongs to the day before."""
    return instant - timedelta(microseconds=1)


def dst(programme: Programme) -> Iterator[Finding]:
    """A start or end that does not exist in its zone (an error) or exists twice (a warning).

    The loader refuses the first and takes the earlier reading of the second; a
    programme made from another source (a calendar) may hold either.
    """
    seen: dict[tuple[datetime, str], WallTime] = {}
    for event in programme.events:
        if event.all_day:
            continue
        for label, instant in (("starts", event.start), ("ends", event.end)):
            if instant.tzinfo is None or instant.utcoffset() == instant.replace(fold=1 - instant.fold).utcoffset():
                continue  # the same offset either way: neither skipped nor repeated
            naive = instant.replace(tzinfo=None, fold=0)
            key = (naive, zone_key(instant.tzinfo))
            if key not in seen:
                seen[key] = classify(naive, instant.tzinfo)
            status = seen[key]
            if status is WallTime.OK:
                continue
            zone = zone_key(instant.tzinfo)
            when = f"{words.day(instant)} {instant:%H:%M}"
            severity: Severity
            if status is WallTime.GAP:
                severity, code = "error", "Z501"
                message = f"{words.title(event)} {label} {when}, a time that does not exist in {zone}: the clocks skip that hour"
                suggestion = "use a time after the change (the clocks jump forward over this hour)"
            else:
                severity, code = "warning", "Z502"
                message = (
                    f"{words.title(event)} {label} {when}, a time that happens twice in {zone} (the clocks go back): "
                    f"taken as the first, {_reading(instant.replace(fold=0))}"
                )
                suggestion = "move it out of the repeated hour, or tell the participants which reading is meant"
            yield Finding(
                code=code,
                severity=severity,
                kind="dst",
                message=message,
                suggestion=suggestion,
                sources=(event.source,),
                events=(event.id,),
                participants=_who(programme, event),
                participant_ids=in_file_order(programme, programme.attendees(event)),
            )


def _reading(instant: datetime) -> str:
    """'02:30 CEST (UTC+02:00)'."""
    return f"{instant:%H:%M} {abbreviation(instant)} ({words.offset(instant)})"


def odd_hour(programme: Programme) -> Iterator[Finding]:
    """An event (other than a flight, train, bus, coach or ferry) starting between 00:00 and 06:00 local time."""
    for event in programme.events:
        if event.all_day or event.kind in SCHEDULED:
            continue
        local = event.start
        if local.hour >= ODD_HOURS_END:
            continue
        afternoon = f"{local.hour + 12:02d}:{local.minute:02d}"
        yield Finding(
            code="H601",
            severity="info",
            kind="odd-hour",
            message=f"{words.title(event)} starts at {local:%H:%M} on {words.day(local)}, in the small hours",
            suggestion=f"if that is an AM/PM slip, write {afternoon}",
            sources=(event.source,),
            events=(event.id,),
            participants=_who(programme, event),
            participant_ids=in_file_order(programme, programme.attendees(event)),
        )
