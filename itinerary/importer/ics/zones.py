"""Time zones as calendars write them: IANA names, Outlook's names, private TZIDs, and the programme's zone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, NamedTuple

from itinerary.importer.draft import Options
from itinerary.importer.ics.props import Calendar, Component
from itinerary.timeutil import is_zone, zone, zone_name

_AREAS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/")


def iana(tzid: str) -> str | None:
    """An IANA name for a TZID: itself, Outlook's name for it ('Tokyo Standard Time'), or the tail of a
    private prefix ('/mozilla.org/20050126_1/Europe/Berlin')."""
    tzid = tzid.strip().strip('"')
    try:
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

        windows = WINDOWS_TO_OLSON.get(tzid)
    except ImportError:  # pragma: no cover - a later icalendar may move it
        windows = None
    if windows and is_zone(windows):
        return str(windows)
    parts = [p for p in tzid.split("/") if p]
    for count in (len(parts), 3, 2, 1):
        candidate = "/".join(parts[-count:]) if count <= len(parts) else ""
        if candidate and is_zone(candidate):
            return candidate
    return None


class Written(NamedTuple):
    """An instant as the calendar wrote it."""

    value: datetime | date
    zone: str | None
    """IANA name; None for UTC, floating, dates and private zones."""
    floating: bool = False
    private: str = ""
    """A TZID that names no known zone (a VTIMEZONE defines it): converted."""


def written(prop: Any, aliases: Mapping[str, str] | None = None) -> Written:
    """How the calendar wrote an instant; `aliases` maps private TZIDs to the IANA zone they were matched with."""
    value = prop.dt
    if not isinstance(value, datetime):
        return Written(value, None)
    if value.tzinfo is None:
        return Written(value, None, floating=True)
    key = zone_name(value.tzinfo)
    if key is not None:
        return Written(value, None if key == "UTC" else key)
    if value.utcoffset() == timedelta(0) and value.tzinfo in (UTC,):
        return Written(value, None)
    tzid = str(prop.params.get("TZID", "")) or str(value.tzname() or "")
    known = iana(tzid) or (aliases or {}).get(tzid)
    return Written(value, known, private="" if known else tzid)


def match_zone(tz: tzinfo, instants: Iterable[datetime]) -> str | None:
    """The one IANA zone that reads like `tz` (same offset and abbreviation) at these instants and on
    the 1st and 15th of each month around them; None when none does or several do (the user chooses)."""
    from zoneinfo import available_timezones

    moments = {i.astimezone(UTC) for i in instants}
    if not moments:
        return None
    month = min(moments).replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    while month <= max(moments):
        moments.update((month, month.replace(day=15)))
        month = (month + timedelta(days=32)).replace(day=1)
    wanted = [(m.astimezone(tz).utcoffset(), m.astimezone(tz).tzname()) for m in sorted(moments)]
    found = []
    for key in sorted(available_timezones()):
        if not key.startswith(_AREAS):
            continue
        candidate = zone(key)
        if all(
            (m.astimezone(candidate).utcoffset(), m.astimezone(candidate).tzname()) == w
            for m, w in zip(sorted(moments), wanted, strict=True)
        ):
            found.append(key)
            if len(found) > 1:
                return None
    return found[0] if found else None


class ZoneChoice(NamedTuple):
    """The programme's zone, why it was chosen, and what the calendar's private TZIDs were read as."""

    name: str
    tz: tzinfo
    aliases: Mapping[str, str]
    notes: tuple[str, ...]


def choose_zone(
    events: Sequence[Component], calendars: Sequence[Calendar], options: Options, ours: bool = False
) -> ZoneChoice:
    """--tz, else the zone most times are written in, else X-WR-TIMEZONE, else UTC. In a calendar our export
    wrote, X-WR-TIMEZONE is the programme's zone and comes first: one person's times may all be elsewhere."""
    aliases, notes = _private_zones(events)
    counts: Counter[str] = Counter()
    for component in events:
        for prop in ("DTSTART", "DTEND"):
            if prop in component:
                when = written(component[prop], aliases)
                if when.zone:
                    counts[when.zone] += 1
    chosen, reason = None, ""
    if options.timezone:
        chosen, reason = options.timezone, "as asked (--tz)"
    elif counts and not ours:
        chosen, reason = counts.most_common(1)[0][0], "the zone most of the calendar's times are in"
    else:
        chosen, reason = _wr_timezone(calendars, notes)
        if chosen is None and counts:
            chosen, reason = counts.most_common(1)[0][0], "the zone most of the calendar's times are in"
    if chosen is None:
        chosen, reason = "UTC", "the calendar names no zone; choose one with --tz"
    return ZoneChoice(chosen, zone(chosen), aliases, (f"Programme zone {chosen}: {reason}.", *notes))


def _private_zones(events: Sequence[Component]) -> tuple[dict[str, str], list[str]]:
    """Each TZID a VTIMEZONE defines under a private name, matched with the one IANA zone like it."""
    private: dict[str, tuple[tzinfo, list[datetime]]] = {}
    for component in events:
        for prop in ("DTSTART", "DTEND"):
            when = written(component[prop]) if prop in component else None
            if when is not None and when.private and isinstance(when.value, datetime):
                assert when.value.tzinfo is not None
                private.setdefault(when.private, (when.value.tzinfo, []))[1].append(when.value)
    aliases: dict[str, str] = {}
    notes: list[str] = []
    for tzid, (tz, instants) in sorted(private.items()):
        matched = match_zone(tz, instants)
        if matched:
            aliases[tzid] = matched
            notes.append(f"TZID {tzid!r} (defined in the calendar) is read as {matched}: the one zone like it.")
    return aliases, notes


def _wr_timezone(calendars: Sequence[Calendar], notes: list[str]) -> tuple[str | None, str]:
    for calendar in calendars:
        wr = str(calendar.get("X-WR-TIMEZONE", "")).strip()
        if wr and is_zone(wr):
            return wr, "the calendar's X-WR-TIMEZONE"
        if wr:
            notes.append(f"X-WR-TIMEZONE {wr!r} is no zone name this tool knows: not used.")
    return None, ""
