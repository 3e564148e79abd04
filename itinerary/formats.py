"""Which kind of file the user gave: told apart cheaply, before any heavy reader is imported."""

from __future__ import annotations

from pathlib import Path

CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar", ".ifb")


def is_calendar(path: Path) -> bool:
    """A calendar by its name, or by its first line (`BEGIN:VCALENDAR`) whatever its name."""
    if path.suffix.lower() in CALENDAR_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR")
