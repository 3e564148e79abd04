"""Calendars (.ics) from the programme: how it reaches Google, Outlook, Apple, Thunderbird and khal.

A thin edge over the model. Each rule that decides whether a client imports a file
right lives here, with its reason: UIDs derived from the event's identity, so that
importing a revised programme updates events instead of duplicating them; stamps
that do not move when nothing changed; a VTIMEZONE for every zone used, bounded to
the programme's dates; hotel stays and free days as dates with an exclusive end; no
ATTENDEE or ORGANIZER unless an invitation is asked for. The text is written by
`lines`, not by the icalendar library, whose import alone cost more than the rest of
exporting a small programme.
"""

from __future__ import annotations

import operator
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from itinerary import xprops
from itinerary.export import lines
from itinerary.model import DEFAULT_DURATION, Event, Kind, Programme, Venue
from itinerary.timeutil import abbreviation, days_span, duration, is_ambiguous, tzid, zone_name
from itinerary.visible import visible
from itinerary.xprops import Stamp

PRODID_PREFIX = "-//itinerary//"
DOMAIN = "itinerary"
PROGRAMME_FILE = "programme.ics"
REFRESH = timedelta(days=1)
"""Suggested polling interval for a calendar someone subscribes to instead of importing."""

# -- identity ------------------------------------------------------------------------

UID_LIMIT = 160
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
_HEX = frozenset("0123456789ABCDEF")
_PLAIN = re.compile(r"[a-zA-Z0-9\-./]*")
"""An id that needs no '+XX' (most do not)."""


def _escape(text: str) -> str:
    """An event id in characters every store accepts in a file name ('/' becomes '_', others '+XX')."""
    if _PLAIN.fullmatch(text):
        return text.replace("/", "_")
    out: list[str] = []
    for ch in text:
        if ch == "/":
            out.append("_")
        elif ch in _SAFE:
            out.append(ch)
        else:
            out.extend(f"+{byte:02X}" for byte in ch.encode("utf-8"))
    return "".join(out)


def _unescape(text: str) -> str | None:
    raw = bytearray()
    index = 0
    while index < len(text):
        ch = text[index]
        if ch == "+":
            pair = text[index + 1 : index + 3]
            if len(pair) != 2 or not set(pair) <= _HEX:
                return None
            raw.append(int(pair, 16))
            index += 3
            continue
        if ch == "_":
            raw += b"/"
        elif ch in _SAFE:
            raw += ch.encode("ascii")
        else:
            return None
        index += 1
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def uid(programme: Programme, event: Event) -> str:
    """The event's UID: its identity (see docs/format.md) at the programme's id, never a counter.

    `2009-10-06/meeting-with-meti` in `ecpg-japan-2009` is
    `2009-10-06_meeting-with-meti@ecpg-japan-2009.itinerary`. Only letters, digits and
    `-._+@` appear, so CalDAV stores and khal can use it as a file name; `identity`
    reads it back. At most UID_LIMIT characters: a longer one keeps a readable prefix and
    ends in a hash of the id (file names stop at 255 bytes; Radicale answered a 536-byte UID
    with "File name too long").
    """
    domain = uid_domain(programme)
    local = _escape(event.id)
    if len(local) + 1 + len(domain) <= UID_LIMIT:
        return f"{local}@{domain}"
    # Too long for a file name: a readable prefix, then '+H' (never an escape, so `identity` refuses it)
    # and a hash of the whole id, which X-ITINERARY-ID carries in full.
    room = UID_LIMIT - 1 - len(domain) - 2 - 24
    cut = local[:room]
    if "+" in cut[-2:]:
        cut = cut[: cut.rindex("+")]
    return f"{cut}+H{_digest(event.id)}@{domain}"


def uid_domain(programme: Programme) -> str:
    """What follows the '@' in every UID of the programme's events."""
    domain = f"{programme.id}.{DOMAIN}"
    if len(domain) > UID_LIMIT // 2:
        domain = f"{programme.id[: UID_LIMIT // 2 - 30]}-{_digest(programme.id)}.{DOMAIN}"
    return domain


def _digest(text: str) -> str:
    from itinerary import hashes

    return hashes.sha256(text)[:24]


def programme_of(value: str) -> str | None:
    """The programme id a UID of ours names after its '@' (hashed or not), else None."""
    local, at, domain = value.strip().rpartition("@")
    suffix = f".{DOMAIN}"
    if not at or not local or not domain.endswith(suffix):
        return None
    programme_id = domain[: -len(suffix)]
    return programme_id if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", programme_id) else None


def identity(value: str) -> tuple[str, str] | None:
    """(programme id, event id) from a UID that `uid` made, else None (a hashed one too: its
    X-ITINERARY-ID carries the id)."""
    programme_id = programme_of(value)
    if programme_id is None:
        return None
    local = value.strip().rpartition("@")[0]
    event_id = _unescape(local)
    if event_id is None or _escape(event_id) != local:
        return None
    return programme_id, event_id


def calendar_uid(programme: Programme, ref: str | None) -> str:
    """The calendar's own UID (RFC 7986); never mistaken for an event's by `identity`."""
    return f"{ref or 'programme'}@calendars.{programme.id}.{DOMAIN}"


def owner(data: bytes) -> str | None:
    """The programme id of a calendar this exporter wrote, or None for any other file.

    Only our PRODID together with a calendar UID of ours counts, so a file someone
    exported from their own calendar is never taken for one of ours.
    """
    values = _head(data[:_HEAD], whole=len(data) <= _HEAD)
    if not isinstance(values, dict):  # no component begins in the first few kilobytes: read all that was given
        values = _head(data, whole=True)
    if not isinstance(values, dict) or not values.get("PRODID", "").startswith(PRODID_PREFIX):
        return None
    match = re.fullmatch(r"[^@]+@calendars\.([a-z0-9-]+)\." + DOMAIN, values.get("UID", ""))
    return match.group(1) if match else None


_HEAD = 4096
"""Bytes that hold a calendar's own properties (ours take under one): unfolding 64 KiB for each of 300
files took longer than writing them."""
_MORE = object()


def _head(data: bytes, whole: bool) -> dict[str, str] | object | None:
    """The VCALENDAR's own properties before its first component; None if `data` does not begin as a calendar;
    _MORE when no component begins in `data` and it is not `whole` (the properties may go on)."""
    text = data.decode("utf-8", "replace")
    found = re.sub(r"\r?\n[ \t]", "", text).splitlines()
    if not found or found[0].strip().upper() != "BEGIN:VCALENDAR":
        return None
    values: dict[str, str] = {}
    for line in found[1:]:
        if line.upper().startswith(("BEGIN:", "END:")):
            return values
        name, _, value = line.partition(":")
        values.setdefault(name.split(";", 1)[0].strip().upper(), value.strip())
    return values if whole else _MORE


def written_for(path: Path) -> str | None:
    """The programme id of the calendar at `path` when this exporter wrote it, else None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return None
    return owner(head)


def is_ours(path: Path, programme_id: str) -> bool:
    """Whether `path` is a calendar this exporter wrote for the programme `programme_id` (safe to replace)."""
    return written_for(path) == programme_id


def sequence(programme: Programme) -> int:
    """SEQUENCE of every event: the programme's `revision`, which the organiser bumps per version sent."""
    return programme.revision


def stamp(programme: Programme, environ: Mapping[str, str] = os.environ) -> datetime:
    """DTSTAMP and LAST-MODIFIED: SOURCE_DATE_EPOCH where set, else the programme's `updated:`,
    else midnight UTC before its first day.

    Never the clock nor the file's mtime (a fresh clone would change it): the same
    programme gives the same bytes on any machine. SEQUENCE, from `revision:`, is what
    tells clients which copy is newer; `updated:` keeps the stamps honest too.
    ValueError when SOURCE_DATE_EPOCH is not a whole number of seconds.
    """
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        if programme.updated is not None:
            return programme.updated.astimezone(UTC)
        first = programme.start
        return datetime(first.year, first.month, first.day, tzinfo=UTC)
    try:
        seconds = int(epoch)
    except ValueError:
        raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds") from None
    if seconds < 0:
        raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is before 1970")
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is out of range") from None


# -- invitations ---------------------------------------------------------------------


class Invite(NamedTuple):
    """Asked for with --invite: ORGANIZER and one ATTENDEE per attendee with an email."""

    email: str
    name: str = ""

    @classmethod
    def parse(cls, text: str) -> Invite:
        """'Name <mail@example.org>' or 'mail@example.org'; ValueError otherwise."""
        match = re.fullmatch(r"\s*(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))\s*", text)
        email = (match.group(2) or match.group(3)) if match else ""
        if not match or not re.fullmatch(r"[^@\s]+@[^@\s]+", email.removeprefix("mailto:")):
            raise ValueError(f"{text!r} is not an email address ('Name <mail@example.org>' or 'mail@example.org')")
        return cls(email.removeprefix("mailto:"), (match.group(1) or "").strip())


# -- text of an event ----------------------------------------------------------------


def place(venue: Venue) -> str:
    """Name and address, with the local-script address a taxi driver reads."""
    text = f"{venue.name}, {venue.address}" if venue.address else venue.name
    return f"{text} ({venue.local_address})" if venue.local_address else text


def _clock(instant: datetime) -> str:
    zone = zone_name(instant.tzinfo) or instant.tzname()
    return f"{instant:%a %d %b %H:%M} {abbreviation(instant)} ({zone})"


def estimated_note(event: Event) -> str:
    usual = duration(DEFAULT_DURATION[event.kind], clock=True)
    return f"End time estimated: the programme gives none, so the usual {usual} for {event.kind.with_article} is shown."


def description(programme: Programme, event: Event, twice: tuple[bool, bool] | None = None) -> str:
    """What the calendar's fields cannot say: what is unsettled, the leg's number and ends, check-in and -out,
    who attends, whom to call, notes. `twice`: `_twice(event)`, where the caller has it already."""
    lines: list[str] = [f"{event.open_note[0].upper()}{event.open_note[1:]}."] if event.open_note else []
    if event.number:
        lines.append(f"{event.kind.value.capitalize()} number: {event.number}")
    if event.origin or event.destination:
        if event.origin:
            lines.append(f"From: {place(event.origin)}")
        lines.append(f"Departs {_clock(event.start)}")
        if event.destination:
            lines.append(f"To: {place(event.destination)}")
        lines.append(f"Arrives {_clock(event.end)}")
    if event.kind is Kind.HOTEL:
        lines.append(f"Check-in {_clock(event.start)}, check-out {_clock(event.end)}")
    if event.end_estimated:
        lines.append(estimated_note(event))
    twice = _twice(event) if twice is None else twice
    for label, instant, again in (("Starts", event.start, twice[0]), ("Ends", event.end, twice[1])):
        if again:
            lines.append(f"{label} {_clock(instant)}: the first of the two {instant:%H:%M} as clocks go back.")
    lines.append(f"Who: {programme.who_label(event)}")
    if event.contact is not None:
        lines.append(f"Contact: {event.contact}")
    if event.notes:
        lines.extend(("", event.notes))
    return "\n".join(lines)


def facts(programme: Programme, event: Event) -> xprops.Facts:
    """What import and diff read back exactly (X-ITINERARY-*), where the description says it in prose."""
    hotel = event.kind is Kind.HOTEL
    return xprops.Facts(
        event_id=event.id,
        origin=place(event.origin) if event.origin else "",
        destination=place(event.destination) if event.destination else "",
        check_in=event.start if hotel else None,
        check_out=event.end if hotel else None,
        estimated_end=event.end_estimated,
        notes=event.notes,
        tbc=event.tbc,
        tentative=event.tentative,
        number=event.number,
        contact=(event.contact.name, event.contact.phone, event.contact.email) if event.contact else ("", "", ""),
        who=programme.who_label(event),
        venue=place(event.venue) if event.venue and (event.origin or event.destination) else "",
        origin_geo=event.origin.geo if event.origin else None,
        destination_geo=event.destination.geo if event.destination else None,
        venue_geo=event.venue.geo if event.venue and (event.origin or event.destination) else None,
        background=event.background,
    )


def location(event: Event) -> Venue | None:
    """Where to be at the start: the venue, or a leg's departure point."""
    return event.place_at_start or event.destination


def _dated(event: Event) -> bool:
    """Shown as whole days: hotel stays and all-day items (floating times are avoided)."""
    return event.all_day or event.kind is Kind.HOTEL


def span(event: Event, twice: tuple[bool, bool] | None = None) -> tuple[date, date] | tuple[datetime, datetime]:
    """DTSTART and DTEND: instants in their own zones, or dates with an exclusive end (the check-out day).

    A wall time that happens twice (clocks go back) is given in UTC: clients disagree on which of the
    two a TZID means. `twice`: `_twice(event)`, where the caller has it already."""
    if not _dated(event):
        start_twice, end_twice = _twice(event) if twice is None else twice
        start = event.start.astimezone(UTC) if start_twice else event.start
        return start, event.end.astimezone(UTC) if end_twice else event.end
    first, last = event.start.date(), event.end.date()
    return first, max(last, first + timedelta(days=1))


def _twice(event: Event) -> tuple[bool, bool]:
    """Whether the event's start and end are wall times that happen twice (only a timed event's matter)."""
    if _dated(event):
        return False, False
    return is_ambiguous(event.start), is_ambiguous(event.end)


def _zones_of(values: Iterable[date | datetime]) -> tuple[str, ...]:
    keys = (tzid(value.tzinfo) for value in values if isinstance(value, datetime))
    return tuple(key for key in keys if key)


def zones(events: Iterable[Event]) -> list[str]:
    """The TZIDs the events' DTSTART/DTEND carry, sorted so that output is the same on every run."""
    return sorted({key for event in events for key in _zones_of(span(event))})


def calendar_name(programme: Programme, ref: str | None) -> str:
    """X-WR-CALNAME and NAME: the visit's title and whose calendar it is, on one line (a title may be written on two)."""
    if ref is None:
        return one_line(programme.title)
    return one_line(f"{programme.title} — {programme.name_of(ref)}")


def one_line(text: str) -> str:
    """Line breaks and runs of blanks as one space: a calendar's name and a CN parameter cannot hold a line break."""
    return " ".join(visible(text).split())


def filename(ref: str | None) -> str:
    return f"{ref}.ics" if ref else PROGRAMME_FILE


# -- building --------------------------------------------------------------------------


class CalendarFile(NamedTuple):
    """One calendar ready to write: whose it is, what it is called, how many events, its bytes."""

    filename: str
    ref: str | None
    name: str
    events: int
    data: bytes


END = b"END:VCALENDAR\r\n"
_INT_RANGE = (-(2**31), 2**31 - 1)

Property = tuple[str, tuple[tuple[str, str], ...], str]
"""Name, parameters (unquoted) and value as written (escaped): a content line before it is folded."""
_NAME = operator.itemgetter(0)


def _component(kind: str, properties: Iterable[Property]) -> bytes:
    """BEGIN, the properties in the order given, END: each line folded, with CRLF."""
    body = [
        lines.fold(f"{name}:{value}" if not params else lines.line(name, value, params))
        for name, params, value in properties
    ]
    return b"".join([f"BEGIN:{kind}\r\n".encode(), *body, f"END:{kind}\r\n".encode()])


def _said(properties: Iterable[Property]) -> str:
    """xprops.digest of the event these properties make (those that say when, not what, left out)."""
    return xprops.digest_of(
        f"{name};:{value}" if not params else xprops.digest_line(name, params, value)
        for name, params, value in properties
        if name not in xprops.VOLATILE
    )


def _utc(instant: datetime) -> datetime:
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)


class _Written(NamedTuple):
    """One VEVENT's bytes and the TZIDs its times carry (their VTIMEZONEs go in every calendar it is in)."""

    data: bytes
    zones: tuple[str, ...]


@dataclass
class _Builder:
    """Writes each VEVENT and VTIMEZONE once and shares the bytes across every calendar of the programme.

    The text is written by `lines` (escaping, folding, CRLF) in the order icalendar's own
    `Calendar.to_ical` wrote it, byte for byte. The VTIMEZONEs cover the programme's whole
    years, in sorted order so that two runs give the same bytes.
    """

    programme: Programme
    stamp: datetime
    invite: Invite | None = None
    previous: Mapping[str, Stamp] = field(default_factory=dict)
    """How each UID stood in the calendars last written: SEQUENCE moves only for an event that changed."""
    written: dict[str, _Written] = field(default_factory=dict)
    vtimezones: dict[str, bytes] = field(default_factory=dict)
    bounds: tuple[date, date] | None = None
    stamp_text: str = ""
    """DTSTAMP and LAST-MODIFIED."""

    def __post_init__(self) -> None:
        self.stamp_text = lines.utc_text(_utc(self.stamp))

    def zone_bounds(self) -> tuple[date, date]:
        """The whole years of the programme: a handful of transitions, not 1970-2038 (which Outlook
        mishandles), and the same VTIMEZONE for every programme of those years (some readers, such
        as vobject, keep the first definition of a TZID they meet)."""
        if self.bounds is None:
            programme = self.programme
            first = min([programme.start, *(e.start.date() for e in programme.events)])
            last = max([programme.end, *(e.end.date() for e in programme.events)])
            self.bounds = (date(first.year, 1, 1), date(last.year + 1, 1, 1))
        return self.bounds

    def vtimezone(self, key: str) -> bytes:
        if key not in self.vtimezones:
            from itinerary.export.vtimezone import vtimezone

            self.vtimezones[key] = vtimezone(key, *self.zone_bounds())
        return self.vtimezones[key]

    def vevent(self, event: Event) -> _Written:
        """The event's VEVENT, written the first time a calendar holds it. Its properties in icalendar's
        order: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, SEQUENCE, then the others by name."""
        found = self.written.get(event.id)
        if found is None:
            twice = _twice(event)
            start, end = span(event, twice)
            if start > end:
                raise ValueError("end must be after start")
            ident = uid(self.programme, event)
            head: list[Property] = [
                ("SUMMARY", (), lines.text(visible(event.title))),
                ("DTSTART", *lines.when(start)),
                ("DTEND", *lines.when(end)),
                ("DTSTAMP", (), self.stamp_text),
                ("UID", (), lines.text(ident)),
            ]
            rest = self.properties(event, twice)
            sequence, *state = self.restamp(ident, [*head, *rest])
            data = _component("VEVENT", [*head, sequence, *sorted([*rest, *state], key=_NAME)])
            found = self.written[event.id] = _Written(data, _zones_of((start, end)))
        return found

    def restamp(self, ident: str, properties: list[Property]) -> list[Property]:
        """SEQUENCE and the state kept with it: SEQUENCE stays while the event says the same as in the calendars
        last written, else is one more than there and at least the programme's `revision` (which a first
        export uses)."""
        content = _said(properties)
        revision = self.programme.revision
        old = self.previous.get(ident)
        if old is None:
            number, since = revision, revision
        elif old.digest == content:
            number, since = old.sequence, old.revision
        else:
            number, since = max(old.sequence + 1, revision), revision
        if not _INT_RANGE[0] <= number <= _INT_RANGE[1]:
            raise ValueError(f"Integer {number} is outside the RFC 5545 range [{_INT_RANGE[0]}, {_INT_RANGE[1]}]")
        stamps = [("SEQUENCE", (), str(number)), (xprops.REVISION, (), lines.text(str(since)))]
        return [*stamps, (xprops.DIGEST, (), lines.text(content))]

    def properties(self, event: Event, twice: tuple[bool, bool]) -> list[Property]:
        """The event's properties after the first five, but SEQUENCE and the state kept with it, in no order."""
        programme = self.programme
        venue = location(event)
        out: list[Property] = [
            ("CATEGORIES", (), lines.text(event.kind.value)),
            ("DESCRIPTION", (), lines.text(visible(description(programme, event, twice)))),
            ("LAST-MODIFIED", (), self.stamp_text),
        ]
        if venue is not None:
            out += self.where(venue)
        if event.background or _dated(event):
            out.append(("TRANSP", (), "TRANSPARENT"))
        if event.tentative or event.tbc:
            out.append(("STATUS", (), "TENTATIVE"))
        out += [(key, (), value) for key, value in xprops.entries(facts(programme, event))]
        if self.invite is not None:
            out += self.invitation(event)
        return out

    @staticmethod
    def where(venue: Venue) -> list[Property]:
        """LOCATION, and URL and GEO where the venue has them."""
        out: list[Property] = [("LOCATION", (), lines.text(visible(place(venue))))]
        if venue.url:
            if "\r" in venue.url or "\n" in venue.url:
                raise ValueError(f"A URI value may not contain CR or LF characters: {venue.url!r}")
            out.append(("URL", (), venue.url))
        if venue.geo is not None:
            out.append(("GEO", (), lines.geo(venue.geo)))
        return out

    def invitation(self, event: Event) -> list[Property]:
        """ORGANIZER, and an ATTENDEE for each attendee with an email, in the programme's order."""
        assert self.invite is not None
        name = self.invite.name
        out: list[Property] = [("ORGANIZER", (("CN", name),) if name else (), f"mailto:{self.invite.email}")]
        attending = self.programme.attendees(event)
        optional = self.programme.optional(event)
        for person in self.programme.participants.values():
            if person.id in attending and person.email:
                role = "OPT-PARTICIPANT" if person.id in optional else "REQ-PARTICIPANT"
                params = (("CN", one_line(person.name)), ("CUTYPE", "INDIVIDUAL"), ("PARTSTAT", "NEEDS-ACTION"))
                out.append(("ATTENDEE", (*params, ("ROLE", role)), f"mailto:{person.email}"))
        return out

    def head(self, ref: str | None, name: str) -> bytes:
        """The VCALENDAR's own properties (no components yet)."""
        programme = self.programme
        about = lines.text(f"{name}, {days_span(programme.start, programme.end)}, revision {programme.revision}")
        duration = lines.duration(REFRESH)
        # TEXT (RFC 7986 5.1, 5.2): NAME and the X-WR- copies escaped too, or vobject and Radicale cut the name
        # at its first comma or semicolon. X-WR-TIMEZONE: the programme's zone: a calendar of whole days only
        # (one person's to-be-confirmed items) has no other, and import reads whole days and estimates in it.
        properties: list[Property] = [
            ("VERSION", (), "2.0"),
            ("PRODID", (), lines.text(prodid())),
            ("CALSCALE", (), "GREGORIAN"),
            ("METHOD", (), "PUBLISH"),
            ("DESCRIPTION", (), about),
            ("X-WR-CALDESC", (), about),
            ("NAME", (), lines.text(name)),
            ("X-WR-CALNAME", (), lines.text(name)),
            ("LAST-MODIFIED", (), self.stamp_text),
            ("REFRESH-INTERVAL", (("VALUE", "DURATION"),), duration),
            ("UID", (), lines.text(calendar_uid(programme, ref))),
            ("X-PUBLISHED-TTL", (), duration),
            ("X-WR-TIMEZONE", (), lines.text(programme.timezone)),
        ]
        return _component("VCALENDAR", properties)[: -len(END)]

    def components(self, events: Iterable[Event]) -> tuple[list[bytes], list[_Written]]:
        """The VTIMEZONEs and VEVENTs of a calendar of `events` (each written once, then shared)."""
        cache = self.written
        written = [cache.get(event.id) or self.vevent(event) for event in events]
        # RFC 5545 wants at least one component: an empty calendar keeps the programme's zone.
        used = sorted({key for keys in {w.zones for w in written} for key in keys})
        used = used or ([] if written else [self.programme.timezone])
        return [self.vtimezone(key) for key in used], written

    def calendar(self, events: Iterable[Event], ref: str | None, name: str) -> bytes:
        zones, written = self.components(events)
        return b"".join([self.head(ref, name), *zones, *(w.data for w in written), END])

    def resource(self, event: Event) -> bytes:
        """The event alone as a CalDAV calendar object resource (RFC 4791 4.1): its VTIMEZONEs, no METHOD."""
        head: list[Property] = [
            ("VERSION", (), "2.0"),
            ("PRODID", (), lines.text(prodid())),
            ("CALSCALE", (), "GREGORIAN"),
        ]
        start = _component("VCALENDAR", head)[: -len(END)]
        written = self.vevent(event)
        return b"".join([start, *(self.vtimezone(key) for key in sorted(set(written.zones))), written.data, END])


def resources(
    programme: Programme, events: Iterable[Event], *, stamp: datetime, previous: Mapping[str, Stamp] | None = None
) -> dict[str, bytes]:
    """UID -> the event as its own calendar resource, for a CalDAV collection."""
    builder = _Builder(programme, stamp, None, previous or {})
    return {uid(programme, event): builder.resource(event) for event in events}


def attending(programme: Programme, ref: str) -> tuple[Event, ...]:
    """The events of a participant (or group): those they attend."""
    return programme.events_for(ref)


def prodid() -> str:
    from itinerary import __version__

    return f"{PRODID_PREFIX}itinerary {__version__}//EN"


def calendar(
    programme: Programme,
    events: Iterable[Event],
    name: str | None = None,
    *,
    ref: str | None = None,
    stamp: datetime,
    invite: Invite | None = None,
    previous: Mapping[str, Stamp] | None = None,
) -> bytes:
    """One calendar's bytes for a selection of events (e.g. `programme.events_for(ref)`)."""
    builder = _Builder(programme, stamp, invite, previous or {})
    return builder.calendar(events, ref, name or calendar_name(programme, ref))


def calendars(
    programme: Programme,
    refs: Iterable[str | None] | None = None,
    *,
    stamp: datetime,
    invite: Invite | None = None,
    previous: Mapping[str, Stamp] | None = None,
) -> list[CalendarFile]:
    """A calendar per ref (participant or group id; None for every event), by default one per
    participant plus the whole programme. `previous` (see `stamps_in`) is how the calendars last
    written stood. ValueError when two would share a file name."""
    return list(Calendars(programme, refs, stamp=stamp, invite=invite, previous=previous))


class Pending(NamedTuple):
    """A calendar still to make: its file name, whose it is, its name and how many events it holds."""

    filename: str
    ref: str | None
    name: str
    events: int


class Calendars:
    """The calendars of `calendars`, named and counted at once, their bytes made one at a time as they are
    iterated: at 50,000 events the 300 calendars are 400 MB together, and a writer needs one at a time.
    Every VEVENT is written here (any ValueError is raised now, not halfway through writing the files)."""

    def __init__(
        self,
        programme: Programme,
        refs: Iterable[str | None] | None = None,
        *,
        stamp: datetime,
        invite: Invite | None = None,
        previous: Mapping[str, Stamp] | None = None,
    ) -> None:
        chosen: list[str | None] = [None, *programme.participants] if refs is None else list(refs)
        _distinct_files(chosen)
        self.programme = programme
        self.previous: Mapping[str, Stamp] = previous or {}
        self._builder = _Builder(programme, stamp, invite, self.previous)
        each = programme.events_of_each(ref for ref in chosen if ref is not None)
        self._events: list[tuple[Event, ...]] = []
        for ref in chosen:
            events = programme.events if ref is None else each[ref]
            self._builder.components(events)
            self._events.append(events)
        self.planned = tuple(
            Pending(filename(ref), ref, calendar_name(programme, ref), len(events))
            for ref, events in zip(chosen, self._events, strict=True)
        )

    def __len__(self) -> int:
        return len(self.planned)

    def __iter__(self) -> Iterator[CalendarFile]:
        # No local keeps a calendar's bytes: the one before is let go while the next is made.
        for index, (filename, ref, name, events) in enumerate(self.planned):
            yield CalendarFile(filename, ref, name, events, self._builder.calendar(self._events[index], ref, name))

    def unbumped(self) -> list[str]:
        """`unbumped` for these calendars, from their VEVENTs (written once each, when the calendars were planned)."""
        vevents = [w.data for w in self._builder.written.values()]
        return _changed(self.programme, self.previous, vevents)


def _distinct_files(chosen: list[str | None]) -> None:
    """ValueError when two refs would be written to the same file name."""
    names: dict[str, str | None] = {}
    for ref in chosen:
        if filename(ref) in names:
            other = names[filename(ref)]
            raise ValueError(f"{ref!r} and {other or 'the whole programme'!r} would both be written to {filename(ref)}")
        names[filename(ref)] = ref


def stamps_in(paths: Iterable[Path], programme_id: str) -> dict[str, Stamp]:
    """UID -> how each event stood in the calendars at `paths` that this exporter wrote for the programme
    (others, and files that cannot be read, are passed over)."""
    out: dict[str, Stamp] = {}
    for path in paths:
        try:
            data = path.read_bytes() if path.is_file() else b""
        except OSError:
            continue
        if owner(data[: 64 * 1024]) != programme_id:
            continue
        for key, found in xprops.stamps(data).items():
            if key not in out or found.sequence > out[key].sequence:
                out[key] = found
    return out


def stamps_in_folder(folder: Path, programme_id: str) -> dict[str, Stamp]:
    """`stamps_in` for a folder export wrote: its programme.ics alone when it is ours (it holds every event,
    written in the same run as the others), else every calendar in the folder."""
    whole = folder / PROGRAMME_FILE
    if is_ours(whole, programme_id):
        return stamps_in([whole], programme_id)
    return stamps_in(sorted(folder.glob("*.ics")) if folder.is_dir() else [], programme_id)


def unbumped(programme: Programme, previous: Mapping[str, Stamp], files: Iterable[CalendarFile]) -> list[str]:
    """Titles of events that changed since the calendars last written while `revision` stayed the same: clients
    see a higher SEQUENCE, but the organiser may have meant to bump the revision."""
    if not previous:
        return []
    # An event's VEVENT is the same bytes in every calendar it is in: each is read once.
    blocks = {block for found in files for block in found.data.split(b"\r\nBEGIN:VEVENT\r\n")[1:]}
    return _changed(programme, previous, (b"BEGIN:VEVENT\r\n" + block for block in blocks))


def _changed(programme: Programme, previous: Mapping[str, Stamp], vevents: Iterable[bytes]) -> list[str]:
    """Titles, in the programme's order, of the events in `vevents` whose content moved with `revision` unchanged."""
    if not previous:
        return []
    changed: set[str] = set()
    for vevent in vevents:
        for key, now in xprops.stamps(vevent).items():
            old = previous.get(key)
            if old is not None and old.digest != now.digest and old.revision >= programme.revision:
                changed.add(key)
    return [e.title for e in programme.events if uid(programme, e) in changed]


__all__ = [
    "PROGRAMME_FILE",
    "UID_LIMIT",
    "CalendarFile",
    "Calendars",
    "Invite",
    "Pending",
    "attending",
    "calendar",
    "calendar_name",
    "calendar_uid",
    "calendars",
    "identity",
    "owner",
    "programme_of",
    "resources",
    "sequence",
    "stamp",
    "stamps_in",
    "stamps_in_folder",
    "uid",
    "unbumped",
]
