"""What "now" and "today" mean to a command: the real clock, or the moment `ITINERARY_NOW` names.

`ITINERARY_NOW` lets an organiser rehearse a day of the visit ("what will the agenda
say on Wednesday at 12:30?") and lets tests pin the clock. Only the edge reads it; the
core is always handed an aware instant.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import NamedTuple

from itinerary.model import Programme
from itinerary.timeutil import WallTime, classify, long_day, zone, zone_key

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = {"yesterday": -1, "today": 0, "tomorrow": 1}
_MOMENT = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})(?::\d{2})?\s*(.*?)\s*$")


def now(tz: tzinfo) -> datetime:
    """The current instant in `tz`, or the one `ITINERARY_NOW` names (read in `tz` when it names no zone)."""
    pinned = os.environ.get("ITINERARY_NOW", "").strip()
    if pinned:
        try:
            return moment(pinned, tz)
        except ValueError as exc:
            raise ValueError(f"ITINERARY_NOW: {exc}") from None
    return datetime.now(UTC).astimezone(tz)


def moment(text: str, tz: tzinfo) -> datetime:
    """'2009-10-07 12:30' in `tz`; '2009-10-07T12:30+09:00' or '2009-10-07 12:30 Asia/Tokyo' as written."""
    match = _MOMENT.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a moment (YYYY-MM-DD HH:MM, optionally an offset or a zone)")
    day, hhmm, rest = match.groups()
    try:
        naive = datetime.fromisoformat(f"{day}T{int(hhmm.split(':')[0]):02d}:{hhmm.split(':')[1]}")
    except ValueError:
        raise ValueError(f"{text!r} is not a moment: no such date or time") from None
    if rest.startswith(("+", "-", "Z")):
        try:
            return datetime.fromisoformat(f"{naive.isoformat()}{rest}").astimezone(tz)
        except ValueError:
            raise ValueError(f"{text!r}: {rest!r} is not a UTC offset (+09:00)") from None
    if rest:
        tz = zone(rest)
    if classify(naive, tz) is WallTime.GAP:
        raise ValueError(f"{text!r} does not exist in {zone_key(tz)}: the clocks jump over it")
    return naive.replace(tzinfo=tz)


class DayChoice(NamedTuple):
    """The day a word names, and a sentence for the reader when it is not the day they asked for."""

    day: date
    note: str = ""


def day_word(text: str, programme: Programme, today: date) -> DayChoice:
    """A day of the visit from 'YYYY-MM-DD', 'today', 'tomorrow', 'yesterday' or a weekday ('wed', 'Wednesday').

    A relative word that falls outside the visit shows its first day, saying so; a
    weekday is the next such day of the visit from today while it runs, else its first.
    """
    word = text.strip().lower()
    if word in RELATIVE:
        wanted = today + timedelta(days=RELATIVE[word])
        if programme.start <= wanted <= programme.end:
            return DayChoice(wanted)
        return DayChoice(
            programme.start,
            f"{word} ({long_day(wanted)}) is not a day of the programme, "
            f"which runs {long_day(programme.start)} to {long_day(programme.end)}: showing its first day",
        )
    weekday = _weekday(word)
    if weekday is not None:
        days = [d for d in programme.days() if d.weekday() == weekday]
        if not days:
            raise ValueError(
                f"{text!r}: the programme ({programme.start} to {programme.end}) has no {WEEKDAYS[weekday].title()}"
            )
        running = programme.start <= today <= programme.end
        later = [d for d in days if d >= today] if running else []
        return DayChoice((later or days)[0])
    try:
        return DayChoice(date.fromisoformat(text.strip()))
    except ValueError:
        raise ValueError(f"{text!r} is not a day (YYYY-MM-DD, today, tomorrow, or a weekday such as 'wed')") from None


def _weekday(word: str) -> int | None:
    if len(word) < 3:
        return None
    for number, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return number
    return None
