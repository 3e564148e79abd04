"""What the head of the programme file says about the calendar: title, dates, and how it was read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta, tzinfo
from pathlib import PurePath

from itinerary.importer.draft import Item, Options
from itinerary.importer.ics.items import Tally
from itinerary.importer.ics.props import Calendar


def title(calendars: Sequence[Calendar], name: str) -> str:
    """The calendar's own name, else its file's."""
    from itinerary.xprops import text

    for calendar in calendars:
        for key in ("X-WR-CALNAME", "NAME"):
            value = " ".join(text(calendar, key).split())
            if value:
                return value
    return PurePath(name).stem.replace("_", " ").strip() or "Imported calendar"


def date_range(items: Sequence[Item], options: Options, tz: tzinfo) -> tuple[date, date]:
    """The programme's first and last day: as asked, else the days its items fall on in `tz`."""
    if options.start and options.end:
        return options.start, options.end
    firsts, lasts = [], []
    for item in items:
        if item.dated:
            firsts.append(item.start.date())
            lasts.append(item.end.date() - timedelta(days=1))
        else:
            start = item.start.astimezone(tz)
            end = max(item.end.astimezone(tz), start)
            firsts.append(start.date())
            lasts.append((end - timedelta(microseconds=1)).date() if end > start else start.date())
    first = options.start or min(firsts)
    last = options.end or max(max(lasts), first)
    return first, max(last, first)


def reading_notes(tally: Tally, tz_name: str, left_out: Counter[str]) -> list[str]:
    """Private zones, floating times, cancelled events and what the format cannot hold, one note each."""
    notes = []
    for tzid, used in sorted(tally.private.items()):
        notes.append(f"TZID {tzid!r} is no zone name this tool knows: its times are written in {used}.")
    if tally.floating:
        notes.append(
            f"{tally.floating} event{'s have' if tally.floating != 1 else ' has'} floating times (no zone in the "
            f"calendar): read in {tz_name}, the programme's zone."
        )
    if tally.cancelled:
        shown = "; ".join(tally.cancelled[:10]) + ("; ..." if len(tally.cancelled) > 10 else "")
        notes.append(f"Left out, cancelled in the calendar: {shown}")
    if left_out:
        shown = ", ".join(f"{what} ({count})" for what, count in sorted(left_out.items()))
        notes.append(f"Not carried over (the format has no place for them): {shown}.")
    return notes
