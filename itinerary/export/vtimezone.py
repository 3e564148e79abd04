"""VTIMEZONE components from the zone database, each onset in the local time before the change.

RFC 5545 (3.6.5) dates an observance by the wall clock in force just before it
begins: Europe's spring change at 01:00 UTC is `DTSTART:20090329T020000` with
`TZOFFSETFROM:+0100`. icalendar 7.3's `Timezone.from_tzid` writes the daylight onset
in the new offset (03:00), an hour late for a reader that follows the RFC, so the
observances are made here from zoneinfo itself: every change of offset or name within
the window, found by scanning day by day and bisecting to the second.

Each onset is written as a dated observance, not a yearly RRULE: the window is the
programme's whole years (two or three onsets per zone and year), an explicit list
stays exact through any change of a zone's rules, and readers that keep the first
VTIMEZONE of a TZID (vobject) get the same one from every programme of those years.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

_DAY = timedelta(days=1)


class Observance(NamedTuple):
    """One onset: the wall time before it (DTSTART), the offsets either side, the new name and kind."""

    onset: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool


def _state(zone: ZoneInfo, instant: datetime) -> tuple[timedelta, str, bool]:
    local = instant.astimezone(zone)
    return local.utcoffset() or timedelta(0), local.tzname() or "", bool(local.dst())


def _change(zone: ZoneInfo, before: datetime, after: datetime) -> datetime:
    """The first second in (before, after] whose state differs from `before`'s (there is one)."""
    start = _state(zone, before)
    low, high = before, after
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if _state(zone, middle) == start:
            low = middle
        else:
            high = middle
    return high


def _changes(zone: ZoneInfo, first: datetime, last: datetime) -> Iterator[datetime]:
    """Instants (UTC) at which the zone's offset, name or daylight flag changes, first <= t < last."""
    here, state = first, _state(zone, first)
    while here < last:
        step = min(here + _DAY, last)
        following = _state(zone, step)
        if state != following:
            found = _change(zone, here, step)
            yield found
            here, state = found, _state(zone, found)
        else:
            here, state = step, following


def observances(key: str, first: date, last: date) -> list[Observance]:
    """What the zone `key` observes from `first` (inclusive) to `last` (exclusive): the state at the
    start of the window, then each change. ValueError for a zone zoneinfo does not know."""
    try:
        zone = ZoneInfo(key)
    except (KeyError, ValueError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise ValueError(f"unknown time zone {key!r}") from exc
    start = datetime.combine(first, datetime.min.time(), zone).astimezone(UTC)
    stop = datetime.combine(last, datetime.min.time(), zone).astimezone(UTC)
    offset, name, daylight = _state(zone, start)
    out = [Observance(start.astimezone(zone).replace(tzinfo=None), offset, offset, name, daylight)]
    for instant in _changes(zone, start, stop):
        before = instant - timedelta(seconds=1)
        offset_from = _state(zone, before)[0]
        offset_to, name, daylight = _state(zone, instant)
        onset = (instant + offset_from).replace(tzinfo=None)
        out.append(Observance(onset, offset_from, offset_to, name, daylight))
    return out


def vtimezone(key: str, first: date, last: date) -> bytes:
    """The VTIMEZONE of `key` for the window, each property as icalendar would write it."""
    from itinerary.export.lines import fold, naive_text, offset, text

    out = [b"BEGIN:VTIMEZONE\r\n", fold(f"TZID:{text(key)}")]
    out.append(fold(f"COMMENT:{text(f'This timezone only works from {first} to {last}.')}"))
    for observance in observances(key, first, last):
        kind = "DAYLIGHT" if observance.daylight else "STANDARD"
        out += [fold(f"BEGIN:{kind}"), fold(f"DTSTART:{naive_text(observance.onset)}")]
        if observance.name:
            out.append(fold(f"TZNAME:{text(observance.name)}"))
        out.append(fold(f"TZOFFSETFROM:{offset(observance.offset_from)}"))
        out += [fold(f"TZOFFSETTO:{offset(observance.offset_to)}"), fold(f"END:{kind}")]
    out.append(b"END:VTIMEZONE\r\n")
    return b"".join(out)
