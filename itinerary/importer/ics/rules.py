"""What a VEVENT must get right before any of its instants can be trusted; a broken one refuses the file."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import NamedTuple

from itinerary.importer.draft import CalendarError
from itinerary.importer.ics.props import Component, length, text, values
from itinerary.timeutil import FIRST_DAY, LAST_DAY

TIMES = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE")
"""Without these read right, no instant can be trusted: a broken one refuses the file."""
SINGLE = ("UID", "SUMMARY", "LOCATION", "GEO", "URL", "DESCRIPTION", "STATUS", "TRANSP", "SEQUENCE")
"""Once per event; a second one is dropped (and counted)."""


class Where(NamedTuple):
    """'file:line' of a VEVENT, or of one of its properties."""

    name: str
    line: int
    props: Mapping[str, int]

    def __call__(self, prop: str | None = None) -> str:
        line = self.props.get(prop, self.line) if prop else self.line
        return f"{self.name}:{line}"


def check(component: Component, where: Where, left_out: Counter[str]) -> None:
    """Refuse what cannot be read right; drop (and count in `left_out`) what can be left out."""
    for prop in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"):
        if isinstance(component.get(prop), list):
            raise CalendarError(f"{where(prop)}: {prop} appears {len(component[prop])} times in one VEVENT")
    for prop in SINGLE:
        if isinstance(component.get(prop), list):
            component[prop] = component[prop][0]
            left_out[f"{prop} after the first"] += 1
    if "DTEND" in component and "DURATION" in component:
        # One or the other (RFC 5545): icalendar will not say where the event ends. DTEND is read first anyway.
        del component["DURATION"]
        left_out["DURATION beside DTEND"] += 1
    _mend_dates(component)
    _drop_empty_rules(component, left_out)
    broken = dict(getattr(component, "errors", []) or [])
    for prop in TIMES:
        if prop in broken:
            message = " ".join(str(broken[prop]).split())
            raise CalendarError(f"{where(prop)}: {prop}: not a valid date or time ({message})")
    _check_times(component, where)
    _check_range(component, where)
    _check_zones(component, where)
    _check_rules(component, where)
    span = length(component)
    if span is not None and (span[0] < 0 or span[1] < timedelta(0)) and "DTEND" in component:
        title = text(component, "SUMMARY") or "the event"
        raise CalendarError(f"{where('DTEND')}: DTEND: {title!r} ends before it starts")
    for prop in broken:
        if prop not in TIMES:
            left_out[f"{prop} (unreadable)"] += 1


_DATE_WITH_Z = re.compile(r"(\d{4})(\d\d)(\d\d)Z")
"""A date with a UTC mark, which RFC 5545 has not: Google's birthday calendar writes RDATE:20121210Z."""


def _mend_dates(component: Component) -> None:
    """A date with a stray 'Z' is that date: the one reading there is, where icalendar gives up on it."""
    if not getattr(component, "errors", None):
        return  # nothing icalendar gave up on (our reader leaves such calendars to it)
    from icalendar.prop import vDDDLists, vDDDTypes

    mended = set()
    for prop in ("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE", "EXDATE"):
        found = component.get(prop)
        each = found if isinstance(found, list) else [found]
        fixed = [_stray_z_dates(one) for one in each]
        if not any(fixed):
            continue
        if prop in ("RDATE", "EXDATE"):
            new = [vDDDLists(days) if days else one for one, days in zip(each, fixed, strict=True)]
        else:
            new = [vDDDTypes(days[0]) if days else one for one, days in zip(each, fixed, strict=True)]
        component[prop] = new if isinstance(found, list) else new[0]
        mended.add(prop)
    errors = getattr(component, "errors", None)
    if errors and mended:
        errors[:] = [(prop, message) for prop, message in errors if prop not in mended]


def _stray_z_dates(value: object) -> list[date]:
    """The dates of an unreadable value that is only dates with a 'Z' (none if it is anything else)."""
    from icalendar.prop import vBroken

    if not isinstance(value, vBroken):
        return []
    try:
        matches = [_DATE_WITH_Z.fullmatch(one) for one in str(value).split(",")]
        return [date(int(m[1]), int(m[2]), int(m[3])) for m in matches if m] if all(matches) else []
    except ValueError:
        return []


def _drop_empty_rules(component: Component, left_out: Counter[str]) -> None:
    """'RRULE:' with nothing after it (a holiday feed writes one on every event) says no repeat at all:
    read as a rule, each event would repeat forever and be cut at the horizon of endless series."""
    rules = component.get("RRULE")
    if rules is None:
        return
    from icalendar.prop import vRecur

    each = rules if isinstance(rules, list) else [rules]
    kept = [rule for rule in each if not (isinstance(rule, vRecur) and not rule)]
    if len(kept) == len(each):
        return
    left_out["RRULE with nothing in it"] += len(each) - len(kept)
    del component["RRULE"]
    if kept:
        component["RRULE"] = kept if len(kept) > 1 else kept[0]


def _check_times(component: Component, where: Where) -> None:
    """A DTSTART; dates or date-times, alike at both ends; whole days for an all-day DURATION."""
    if "DTSTART" not in component:
        raise CalendarError(f"{where()}: VEVENT without DTSTART: it says not when it happens")
    for prop in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        if prop in component and not isinstance(component[prop].dt, date):
            raise CalendarError(f"{where(prop)}: {prop}: not a date or a date-time")
    if "DURATION" in component and not isinstance(component["DURATION"].dt, timedelta):
        raise CalendarError(f"{where('DURATION')}: DURATION: not a length of time")
    whole_days = not isinstance(component["DTSTART"].dt, datetime)
    if "DTEND" in component and whole_days != (not isinstance(component["DTEND"].dt, datetime)):
        kinds = ("a date", "a date-time") if whole_days else ("a date-time", "a date")
        raise CalendarError(
            f"{where('DTEND')}: DTEND: {kinds[1]} while DTSTART is {kinds[0]} (both must be one or the other)"
        )
    if "DURATION" in component and whole_days and component["DURATION"].dt % timedelta(days=1):
        raise CalendarError(
            f"{where('DURATION')}: DURATION: hours or minutes for an all-day event (DTSTART is a "
            "date): only days or weeks can be"
        )


def _check_range(component: Component, where: Where) -> None:
    """Dates a programme can hold (as the loader's); beyond them a night or another zone runs off the calendar."""
    for prop in ("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE"):
        for value, _ in values(component.get(prop)):
            if isinstance(value, date) and not FIRST_DAY <= _day(value) <= LAST_DAY:
                raise CalendarError(f"{where(prop)}: {prop}: {_day(value)} is {OUT_OF_RANGE}")
    span = length(component)
    if span is not None and "DURATION" in component:
        try:
            end = _day(component["DTSTART"].dt) + timedelta(days=span[0]) + span[1]
        except OverflowError:
            end = date.max
        if not end <= LAST_DAY:
            raise CalendarError(f"{where('DURATION')}: DURATION: the event would end {OUT_OF_RANGE}")


OUT_OF_RANGE = f"out of range: the dates of a programme run from {FIRST_DAY} to {LAST_DAY}"


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _check_zones(component: Component, where: Where) -> None:
    """Every TZID is defined: icalendar leaves a time with an unknown TZID floating, without a word."""
    for prop in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"):
        for value, params in values(component.get(prop)):
            tzid = params.get("TZID")
            if tzid and isinstance(value, datetime) and value.tzinfo is None:
                raise CalendarError(
                    f"{where(prop)}: {prop}: TZID {str(tzid)!r} is defined nowhere "
                    "(no VTIMEZONE in the file has it, and it is no known zone name)"
                )


def _check_rules(component: Component, where: Where) -> None:
    for rule, _ in values(component.get("RRULE")):
        frequency = str(rule.get("FREQ", [""])[0]).upper() if hasattr(rule, "get") else ""
        if frequency in ("SECONDLY", "MINUTELY"):
            raise CalendarError(
                f"{where('RRULE')}: RRULE: repeats every {frequency[:-2].lower()}: "
                "not something a programme of visits can hold"
            )
