"""RFC 5545 content lines, written here: values, parameters, folding and CRLF.

The calendars were written with the icalendar library, whose import alone cost more than
the rest of `export` on a small programme; these functions write the same bytes. Where
icalendar 7.3 has its own ways they are kept, so that a file exported before reads the
same after (UIDs, digests and the bytes publish compares all stay put):
- TEXT turns a backslash followed by N into a line break before escaping (`\\N` -> `\\n`),
  and a lone CR into `\\n` too;
- a parameter value is RFC 6868 escaped (`^^`, `^'`, `^n`) and quoted when it holds
  `,;:’` (a CN also for a space or an apostrophe);
- a line is folded before it reaches 75 octets, never inside a UTF-8 character, and a
  fold that would cut an escape (`\\,` or `^n`) in two is moved in front of it: some
  readers take each physical line's escapes apart before unfolding;
- zones that icalendar counts as UTC (Iceland, most of West Africa, Etc/GMT...) are written
  with a `Z` rather than a TZID.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo

CRLF = b"\r\n"
LIMIT = 75
"""Octets a physical line stays below (the CRLF not counted)."""

UTC_ALIASES = frozenset(
    {
        "Africa/Abidjan",
        "Africa/Accra",
        "Africa/Bamako",
        "Africa/Banjul",
        "Africa/Conakry",
        "Africa/Dakar",
        "Africa/Freetown",
        "Africa/Lome",
        "Africa/Nouakchott",
        "Africa/Ouagadougou",
        "Africa/Timbuktu",
        "Atlantic/Reykjavik",
        "Atlantic/St_Helena",
        "Etc/GMT",
        "Etc/GMT+0",
        "Etc/GMT-0",
        "Etc/GMT0",
        "Etc/Greenwich",
        "Etc/UCT",
        "Etc/UTC",
        "Etc/Universal",
        "Etc/Zulu",
        "GMT",
        "GMT+0",
        "GMT-0",
        "GMT0",
        "Greenwich",
        "Iceland",
        "UCT",
        "UTC",
        "Universal",
        "Zulu",
    }
)
"""Zone names icalendar 7.3 takes for UTC (its table of equivalent zones): their times were written with a Z."""

_TEXT_SPECIAL = re.compile(r"[\\;,\r\n]")
_RFC6868 = re.compile(r'\^|\r\n|\r|\n|"')
_RFC6868_WITH = {"^": "^^", "\r\n": "^n", "\r": "^n", "\n": "^n", '"': "^'"}
_QUOTABLE = re.compile("[,;:’]")
_QUOTE_ALSO = {"CN": " '"}
"""Parameters quoted also when they hold one of these characters (icalendar's rule)."""
_ESCAPES = re.compile(rb"[\\^].", re.DOTALL)
"""Escapes as a reader meets them from the start of a line: a backslash or caret and what follows."""
_Adjust = Callable[[bytes, int, int], int]
"""Moves a cut (data, start of the physical line, cut) back where it must not fall."""


def text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11) as icalendar's vText escapes it."""
    if _TEXT_SPECIAL.search(value) is None:
        return value
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def param(key: str, value: str) -> str:
    """`KEY=value`, the value RFC 6868 escaped and in double quotes where it must be."""
    escaped = _RFC6868.sub(lambda m: _RFC6868_WITH[m.group(0)], value)
    also = _QUOTE_ALSO.get(key, "")
    if _QUOTABLE.search(escaped) or any(c in value for c in also):
        return f'{key}="{escaped}"'
    return f"{key}={escaped}"


def line(name: str, value: str, params: Iterable[tuple[str, str]] = ()) -> str:
    """A content line, unfolded: `NAME;KEY=value:value` (parameters in the order given)."""
    head = ";".join([name, *(param(key, raw) for key, raw in params)])
    return f"{head}:{value}"


def fold(content: str) -> bytes:
    """The line as UTF-8 with CRLF, folded below LIMIT octets (see the module's docstring)."""
    data = content.encode("utf-8")
    if len(data) < LIMIT:
        return data + CRLF
    return b"\r\n ".join(_pieces(data)) + CRLF


def _pieces(data: bytes) -> list[bytes]:
    """Physical lines: icalendar's cuts (before a trailing backslash or caret), unless one cuts an escape."""
    cuts = _cuts(data, _after_a_caret_or_backslash)
    escapes = {m.start() + 1 for m in _ESCAPES.finditer(data)}
    if not escapes.isdisjoint(cuts):
        cuts = _cuts(data, lambda data, start, end: end - 1 if end in escapes else end)
    bounds = [0, *cuts, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(bounds)]


def _after_a_caret_or_backslash(data: bytes, start: int, end: int) -> int:
    return end - 1 if end - 1 > start and data[end - 1] in b"\\^" else end


def _cuts(data: bytes, adjust: _Adjust) -> list[int]:
    """Where each physical line ends: as many whole characters as stay below LIMIT, then `adjust`."""
    cuts: list[int] = []
    start = 0
    while len(data) - start >= LIMIT:
        end = start + LIMIT - 1
        while data[end] & 0xC0 == 0x80:  # inside a character
            end -= 1
        end = adjust(data, start, end)
        cuts.append(end)
        start = end
    return cuts


def utc_text(instant: datetime) -> str:
    """A DATE-TIME in UTC: `20091001T000000Z`."""
    return f"{naive_text(instant)}Z"


def naive_text(instant: datetime) -> str:
    """A DATE-TIME's digits, no zone: `20091001T000000` (floating, or local to a TZID)."""
    return (
        f"{instant.year:04}{instant.month:02}{instant.day:02}T{instant.hour:02}{instant.minute:02}{instant.second:02}"
    )


def date_text(day: date) -> str:
    return f"{day.year:04}{day.month:02}{day.day:02}"


def zone_id(zone: tzinfo | None, instant: datetime) -> str | None:
    """What a DATE-TIME's TZID says: the zone's name; None for UTC (a Z), as icalendar decides it."""
    key = getattr(zone, "key", None)
    if isinstance(key, str):
        name: str | None = key
    elif isinstance(zone, timezone):
        name = zone.tzname(None)
    else:
        name = instant.tzname()
    return None if name is None or name in UTC_ALIASES else name


def when(value: date | datetime) -> tuple[tuple[tuple[str, str], ...], str]:
    """DTSTART or DTEND of a calendar's event: its parameters and value (a date, a time in UTC or at a TZID)."""
    if not isinstance(value, datetime):
        return (("VALUE", "DATE"),), date_text(value)
    key = zone_id(value.tzinfo, value)
    if key is None:
        return (), utc_text(value)
    return (("TZID", key),), naive_text(value)


def duration(span: timedelta) -> str:
    """A DURATION value as icalendar writes it: `P1D`, `PT1H30M`, `-P2DT5S`."""
    sign = ""
    if span.days < 0:
        sign, span = "-", -span
    clock = ""
    if span.seconds:
        hours, minutes, seconds = span.seconds // 3600, span.seconds % 3600 // 60, span.seconds % 60
        clock = "T" + (f"{hours}H" if hours else "")
        clock += f"{minutes}M" if minutes or (hours and seconds) else ""
        clock += f"{seconds}S" if seconds else ""
    if span.days == 0 and clock:
        return f"{sign}P{clock}"
    return f"{sign}P{abs(span.days)}D{clock}"


def offset(span: timedelta) -> str:
    """A UTC-OFFSET value: `+0900`, `-0330`, `+0019:32` (seconds only where there are some)."""
    sign = "-" if span < timedelta(0) else "+"
    span = abs(span)
    hours = span.days * 24 + span.seconds // 3600
    minutes, seconds = span.seconds % 3600 // 60, span.seconds % 60
    return f"{sign}{hours:02}{minutes:02}{seconds:02}" if seconds else f"{sign}{hours:02}{minutes:02}"


def geo(position: tuple[float, float]) -> str:
    """GEO: `lat;lon`, each as Python writes the float (the semicolon is the separator, not escaped)."""
    return f"{float(position[0])};{float(position[1])}"
