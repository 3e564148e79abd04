"""The calendar file as text: decoded, unfolded, its BEGIN/END nesting checked, then parsed."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from itinerary.importer.draft import CalendarError

if TYPE_CHECKING:
    from itinerary.importer.ics.props import Calendar

MAX_BYTES = 20 * 1024 * 1024

_SPLIT_FOLD = re.compile(rb"([\xc2-\xf4][\x80-\xbf]{0,2})(\r?\n[ \t])([\x80-\xbf]{1,3})")
"""A UTF-8 character cut in two by a fold: its lead bytes, the fold, its continuation bytes."""


def decode(data: bytes, name: str) -> str:
    """The calendar's text: UTF-8 (or UTF-16 with a byte order mark), folds that cut a character mended."""
    if len(data) > MAX_BYTES:
        raise CalendarError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MiB: not a calendar to import")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows tools save "Unicode" text as UTF-16 with a byte order mark.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise CalendarError(f"{name}: not UTF-16 text, as its byte order mark says") from None
    # Folds cut at 75 octets without care may split a character: its bytes go before the fold.
    data = _SPLIT_FOLD.sub(rb"\1\3\2", data)
    if b"\0" in data[:8192]:
        raise CalendarError(f"{name}: binary data, not a calendar (expected an iCalendar .ics text file)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CalendarError(f"{name}:{line}: not UTF-8 text, as a calendar must be") from None


@dataclass
class Block:
    """Where a VEVENT is in the file: its BEGIN line and the first line of each of its properties."""

    line: int
    props: dict[str, int] = field(default_factory=dict)


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfolded content lines with the number of the physical line each starts on."""
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        if raw[:1] in (" ", "\t") and current:
            current.append(raw[1:])
            continue
        if current:
            yield start, "".join(current)
        current, start = [raw], number
    if current:
        yield start, "".join(current)


def structure(text: str, name: str) -> list[Block]:
    """Check BEGIN/END nesting (icalendar's own message for a missing END names no line) and find the VEVENTs."""
    stack: list[tuple[str, int]] = []
    blocks: list[Block] = []
    event: Block | None = None
    seen = False
    for number, line in logical_lines(text):
        if not line.strip():
            continue
        head, colon, value = line.partition(":")
        prop = head.split(";", 1)[0].strip().upper()
        if not seen:
            _first_line(prop, value, line, name)
            seen = True
        if not colon or not prop:
            raise CalendarError(f"{name}:{number}: not a calendar line (NAME:value): {line[:60]!r}")
        if prop == "BEGIN":
            component = _begin(stack, value.strip().upper(), number, name)
            if component == "VEVENT":
                event = Block(number)
                blocks.append(event)
        elif prop == "END":
            if _end(stack, value.strip().upper(), number, name) == "VEVENT":
                event = None
        elif not stack:
            raise CalendarError(f"{name}:{number}: {line[:40]!r} is outside BEGIN:VCALENDAR ... END:VCALENDAR")
        elif event is not None and stack[-1][0] == "VEVENT":
            event.props.setdefault(prop, number)
    if not seen:
        raise CalendarError(f"{name}: empty file: not a calendar")
    if stack:
        top, top_line = stack[-1]
        raise CalendarError(f"{name}:{top_line}: BEGIN:{top} is never closed (END:{top} is missing)")
    return blocks


def _first_line(prop: str, value: str, line: str, name: str) -> None:
    if prop != "BEGIN" or value.strip().upper() != "VCALENDAR":
        hint = " (it looks like a programme file: YAML)" if line.startswith("programme:") else ""
        raise CalendarError(f"{name}: not a calendar: it should begin with BEGIN:VCALENDAR, not {line[:40]!r}{hint}")


def _begin(stack: list[tuple[str, int]], component: str, number: int, name: str) -> str:
    if not stack and component != "VCALENDAR":
        raise CalendarError(f"{name}:{number}: BEGIN:{component} outside BEGIN:VCALENDAR ... END:VCALENDAR")
    if stack and stack[-1][0] == component:
        raise CalendarError(
            f"{name}:{stack[-1][1]}: BEGIN:{component} is not closed: END:{component} is missing before "
            f"the next BEGIN:{component} at line {number}"
        )
    stack.append((component, number))
    return component


def _end(stack: list[tuple[str, int]], component: str, number: int, name: str) -> str:
    if not stack:
        raise CalendarError(f"{name}:{number}: END:{component} without a BEGIN:{component}")
    top, top_line = stack[-1]
    if top != component and component not in (opened for opened, _ in stack):
        raise CalendarError(f"{name}:{number}: END:{component} without a BEGIN:{component}")
    if top != component:
        raise CalendarError(
            f"{name}:{top_line}: BEGIN:{top} is not closed: END:{top} is missing before END:{component} "
            f"at line {number}"
        )
    stack.pop()
    return component


def parse(text: str, name: str) -> list[Calendar]:
    """The calendars in the text: as our reader reads them, where it reads them as icalendar does; else
    icalendar's reading, its many exceptions made one CalendarError."""
    from itinerary.importer.ics.reader import read

    ours = read(text)
    if ours is not None:
        return ours
    from icalendar import Calendar

    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError... on what it cannot read
        message = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise CalendarError(f"{name}: not a readable calendar: {message}") from None
    return list(calendars)
