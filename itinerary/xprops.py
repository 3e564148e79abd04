"""The X-ITINERARY-* properties: what an exported event carries for itinerary to read back exactly.

The calendar's own properties say what every client shows (title, times, place); the
DESCRIPTION says the rest in prose for people. What the import and diff need back
(the event id, a leg's two ends, check-in and check-out times, an estimated end, the
organiser's notes) and what the next export needs (when the event last changed) travel
here, written and read by this module alone, so the reader never parses prose.
Clients keep unknown X- properties (RFC 5545 3.8.8.2), CalDAV servers included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo

from itinerary import hashes
from itinerary.timeutil import zone_name
from itinerary.visible import visible

if TYPE_CHECKING:
    from icalendar.cal.component import Component

PREFIX = "X-ITINERARY-"
ID, FROM, TO, CHECK_IN, CHECK_OUT = (f"{PREFIX}{n}" for n in ("ID", "FROM", "TO", "CHECK-IN", "CHECK-OUT"))
WHO = f"{PREFIX}WHO"
ESTIMATED_END, NOTES, REVISION, DIGEST = (f"{PREFIX}{n}" for n in ("ESTIMATED-END", "NOTES", "REVISION", "DIGEST"))
TBC, TENTATIVE, NUMBER, CONTACT = (f"{PREFIX}{n}" for n in ("TBC", "TENTATIVE", "NUMBER", "CONTACT"))
VENUE, FROM_GEO, TO_GEO, VENUE_GEO = (f"{PREFIX}{n}" for n in ("VENUE", "FROM-GEO", "TO-GEO", "VENUE-GEO"))
BACKGROUND = f"{PREFIX}BACKGROUND"
VOLATILE = frozenset({"SEQUENCE", "DTSTAMP", "LAST-MODIFIED", REVISION, DIGEST})
"""Left out of the digest: they say when, not what."""


Geo = tuple[float, float]


class Facts(NamedTuple):
    """What the programme knows of an event beyond the calendar's own properties."""

    event_id: str
    origin: str = ""
    """A leg's departure point, as LOCATION would write it; empty for other events."""
    destination: str = ""
    check_in: datetime | None = None
    """A hotel stay's check-in instant (the calendar shows the stay as whole days)."""
    check_out: datetime | None = None
    estimated_end: bool = False
    notes: str = ""
    who: str = ""
    """Who attends, as people read it (the calendar has no ATTENDEE unless it is an invitation)."""
    tbc: bool = False
    """The time is to be confirmed (the calendar shows a tentative whole day)."""
    tentative: bool = False
    """The event itself is tentative (STATUS:TENTATIVE says so too, and also for a time to be confirmed)."""
    number: str = ""
    contact: tuple[str, str, str] = ("", "", "")
    """Name, phone, email."""
    venue: str = ""
    """The venue an event with ends visits (an excursion's), as LOCATION would write it; else empty."""
    origin_geo: Geo | None = None
    """Map positions of the places above: GEO holds only the position of LOCATION, where the event starts."""
    destination_geo: Geo | None = None
    venue_geo: Geo | None = None
    background: bool = False
    """The programme's `background`: TRANSP:TRANSPARENT says it too, but also of every whole day."""


class Stamp(NamedTuple):
    """How the event stood when it was last written: for SEQUENCE to move only when it changes."""

    sequence: int
    revision: int
    """The programme's `revision` when the event last changed."""
    digest: str
    """Of what the event says, written with it; `digest(component)` recomputes it to spot an edit."""


def _instant(value: datetime) -> str:
    key = zone_name(value.tzinfo)
    return f"{value.isoformat()}[{key}]" if key else value.isoformat()


_INSTANT = re.compile(r"(?P<iso>[0-9T:+\-.]+)(?:\[(?P<zone>[A-Za-z0-9_+\-/]+)\])?")


def _read_instant(text: str) -> datetime | None:
    match = _INSTANT.fullmatch(text.strip())
    if not match:
        return None
    try:
        value = datetime.fromisoformat(match["iso"])
        if value.tzinfo is None:
            return None
        return value.astimezone(ZoneInfo(match["zone"])) if match["zone"] else value
    except (ValueError, KeyError):  # a bad date, or a zone zoneinfo does not know
        return None


def entries(facts: Facts) -> list[tuple[str, str]]:
    """The X-ITINERARY-* properties of `facts` (only what is set), name and value, the value escaped: see `escape`."""
    values: list[tuple[str, str]] = [(ID, facts.event_id), (FROM, facts.origin), (TO, facts.destination)]
    for key, instant in ((CHECK_IN, facts.check_in), (CHECK_OUT, facts.check_out)):
        values.append((key, _instant(instant) if instant is not None else ""))
    values += [(ESTIMATED_END, "TRUE" if facts.estimated_end else ""), (NOTES, facts.notes), (WHO, facts.who)]
    values += [(TBC, "TRUE" if facts.tbc else ""), (TENTATIVE, "TRUE" if facts.tentative else "")]
    values += [(NUMBER, facts.number), (CONTACT, "\n".join(facts.contact) if any(facts.contact) else "")]
    values += [(VENUE, facts.venue), (BACKGROUND, "TRUE" if facts.background else "")]
    for key, geo in ((FROM_GEO, facts.origin_geo), (TO_GEO, facts.destination_geo), (VENUE_GEO, facts.venue_geo)):
        values.append((key, f"{geo[0]!r};{geo[1]!r}" if geo is not None else ""))
    return [(key, escape(visible(text))) for key, text in values if text]


def add(component: Component, facts: Facts) -> None:
    """Write `facts` into the icalendar VEVENT `component` (the export writes `entries` itself)."""
    from icalendar.prop import vUnknown

    for key, value in entries(facts):
        component.add(key, vUnknown(value))


def escape(value: str) -> str:
    """RFC 5545 TEXT escaped: icalendar's vText writes a backslash followed by N as an escaped line break."""
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\r\n", "\n"), ("\n", "\\n")):
        value = value.replace(plain, escaped)
    return value


def text(component: Component, key: str) -> str:
    """A TEXT property's value unescaped, whether icalendar typed it (vText) or kept it as written (an X- or
    NAME property is a vUnknown, backslashes and all); '' when absent."""
    from itinerary.importer.ics.reader import Raw, Text

    value: Any = component.get(key)
    if isinstance(value, list):
        value = value[0]
    if value is None:
        return ""
    if isinstance(value, Text):  # as our reader reads TEXT
        return str(value)
    if isinstance(value, Raw):  # as our reader reads an X- property: as written
        return unescape(str(value))
    from icalendar import vText

    if isinstance(value, vText):  # as added here
        return str(value)
    raw = value.to_ical()  # as parsed: an X- property is kept as written, escapes and all
    return unescape(raw.decode("utf-8") if isinstance(raw, bytes) else str(raw))


_ESCAPE = re.compile(r"\\([\\;,nN])")
_UNESCAPED = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}


def unescape(value: str) -> str:
    """RFC 5545 TEXT unescaped in one pass: an escaped backslash followed by N is a backslash and an N.

    icalendar's unescape_backslash replaces `\\N` before `\\\\`, so 'C:\\Notes' came back with a line break.
    """
    return _ESCAPE.sub(lambda m: _UNESCAPED[m.group(1)], value)


def read(component: Component) -> Facts | None:
    """The facts of a VEVENT itinerary wrote (it has X-ITINERARY-ID), else None."""
    event_id = text(component, ID)
    if not event_id:
        return None
    return Facts(
        event_id=event_id,
        origin=text(component, FROM),
        destination=text(component, TO),
        check_in=_read_instant(text(component, CHECK_IN)),
        check_out=_read_instant(text(component, CHECK_OUT)),
        estimated_end=text(component, ESTIMATED_END).upper() == "TRUE",
        notes=text(component, NOTES),
        who=text(component, WHO),
        tbc=text(component, TBC).upper() == "TRUE",
        tentative=text(component, TENTATIVE).upper() == "TRUE",
        number=text(component, NUMBER),
        contact=_contact(text(component, CONTACT)),
        venue=text(component, VENUE),
        origin_geo=_geo(text(component, FROM_GEO)),
        destination_geo=_geo(text(component, TO_GEO)),
        venue_geo=_geo(text(component, VENUE_GEO)),
        background=text(component, BACKGROUND).upper() == "TRUE",
    )


def _geo(value: str) -> Geo | None:
    """`lat;lon` as GEO writes it (Python's repr of each float, so it reads back the same); None if not one."""
    lat, _, lon = value.partition(";")
    try:
        found = (float(lat), float(lon))
    except ValueError:
        return None
    return found if -90 <= found[0] <= 90 and -180 <= found[1] <= 180 else None


def _contact(value: str) -> tuple[str, str, str]:
    name, phone, email = ([*value.split("\n"), "", "", ""])[:3]
    return (name, phone, email)


def digest(component: Component) -> str:
    """A hash of what the event says (not of when it was written): equal before and after a server
    stores it, different once anyone changes a time, a place or a word."""
    lines = []
    for name, value in component.property_items(recursive=False, sorted=False):
        if name in VOLATILE or name in ("BEGIN", "END"):
            continue
        params = ";".join(f"{k}={v}" for k, v in sorted(getattr(value, "params", {}).items()))
        raw = value.to_ical() if hasattr(value, "to_ical") else str(value)
        text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        lines.append(f"{name};{params}:{text}")
    return digest_of(lines)


def digest_line(name: str, params: Iterable[tuple[str, str]], value: str) -> str:
    """What `digest` takes of one property: its name, parameters as given (sorted, unquoted) and value as written."""
    return f"{name};{';'.join(f'{k}={v}' for k, v in sorted(params))}:{value}"


def digest_of(lines: Iterable[str]) -> str:
    """The digest of an event's properties, each given by `digest_line` (VOLATILE ones left out)."""
    return hashes.sha256("\n".join(sorted(lines)))[:32]


def stamp(component: Component, sequence: int, revision: int, content: str) -> None:
    """Write SEQUENCE and the state the next export compares with."""
    from icalendar import vText

    component.pop("SEQUENCE", None)
    component.add("SEQUENCE", sequence)
    component.add(REVISION, vText(str(revision)))
    component.add(DIGEST, vText(content))


def _unfolded(data: bytes) -> Iterator[str]:
    text = data.decode("utf-8", "replace")
    yield from re.sub(r"\r?\n[ \t]", "", text).splitlines()


def stamps(data: bytes) -> dict[str, Stamp]:
    """UID -> how each event of a calendar itinerary wrote stood (events without our state are left out)."""
    out: dict[str, Stamp] = {}
    values: dict[str, str] = {}
    for line in _unfolded(data):
        upper = line.upper()
        if upper == "BEGIN:VEVENT":
            values = {}
        elif upper == "END:VEVENT":
            found = _stamp(values)
            if found is not None:
                out[values["UID"]] = found
        elif not upper.startswith(("BEGIN:", "END:")):
            name, _, value = line.partition(":")
            values.setdefault(name.split(";", 1)[0].strip().upper(), value.strip())
    return out


def _stamp(values: dict[str, str]) -> Stamp | None:
    try:
        return Stamp(int(values["SEQUENCE"]), int(values[REVISION]), values[DIGEST])
    except (KeyError, ValueError):
        return None
