"""A `Draft` written as a programme file: the YAML a person would have written, with comments where it differs.

Decides what the calendar leaves open: venue and participant ids (slugs), each
event's identity (itinerary's own UIDs give back the programme's ids; another
calendar's UIDs become explicit ids, so that its next draft is matched event by
event), and how each time is written so that it loads as the same instant: `time`
where a wall-clock span in the venue's zone says it, `depart`/`arrive` with a date
and a zone where it does not.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import PurePath

from itinerary.importer.draft import Draft, Item, Person, Place, utc
from itinerary.model import DEFAULT_DURATION, HOTEL_CHECK_IN, HOTEL_CHECK_OUT, Kind, event_id_base, numbered_event_id
from itinerary.timeutil import WallTime, duration, localize, slug, zone, zone_name

ID_LENGTH = 40
"""A UID longer than this as a slug (Outlook's run to 100 hex digits) becomes a short hash."""


@dataclass(frozen=True, slots=True)
class Expect:
    """What an event must load as: the same instants (or, for whole days, the same dates)."""

    start: datetime | date
    end: datetime | date | None
    """None: the loader's usual length for the kind."""


@dataclass(frozen=True)
class Written:
    text: str
    lines: Mapping[str, int]
    """Event id -> line of its VEVENT in the calendar."""
    expected: Mapping[str, Expect]
    events: int
    venues: int
    participants: int


@dataclass(frozen=True, slots=True)
class _Venue:
    id: str
    place: Place
    name: str
    address: str
    local_address: str
    timezone: str | None
    comments: tuple[str, ...] = ()


def write(draft: Draft) -> Written:
    """The programme file's text for `draft`, and what each of its events must load as."""
    items = _whole_days(draft.items)
    venues = _venues(items, draft.timezone)
    people, groups = _people(items)
    out = _Out()
    _head(out, draft)
    if groups:
        out.line("groups:")
        for person, ident in groups.items():
            out.line(f"  {ident}: {scalar(person.name)}")
        out.blank()
    if people:
        out.line("participants:")
        for person, ident in people.items():
            out.line(f"  - name: {scalar(person.name)}")
            if ident != slug(person.name):
                out.line(f"    id: {ident}")
            if person.email:
                out.line(f"    email: {scalar(person.email)}")
        out.blank()
    if venues:
        out.line("venues:")
        for venue in venues.values():
            _venue(out, venue)
        out.blank()
    lines, expected = _days(out, draft, items, venues, {**people, **groups})
    return Written(out.text(), lines, expected, len(expected), len(venues), len(people))


# -- text ------------------------------------------------------------------------------


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, text: str) -> None:
        self.lines.append(text)

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def comment(self, indent: str, text: str, width: int = 88) -> None:
        """`text` as `# ` lines, wrapped at spaces; never anything a YAML reader would take for data."""
        words = " ".join(text.split()).split(" ")
        current = ""
        for word in words:
            if current and len(indent) + 2 + len(current) + 1 + len(word) > width:
                self.lines.append(f"{indent}# {current}")
                current = word
            else:
                current = f"{current} {word}" if current else word
        if current:
            self.lines.append(f"{indent}# {current}")

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


_PLAIN = re.compile(r"[^\W_][\w .,()/'&+@:?=%~!#-]*", re.UNICODE)
_RESERVED = frozenset(("~", "null", "true", "false", "yes", "no", "on", "off"))


def scalar(text: str) -> str:
    """A one-line YAML scalar: plain where nothing in it means something to YAML, else double-quoted."""
    if (
        _PLAIN.fullmatch(text)
        and not text.endswith((" ", ":"))
        and ": " not in text
        and " #" not in text
        and "  " not in text
        and text.lower() not in _RESERVED
    ):
        return text
    return quoted(text)


def quoted(text: str) -> str:
    out = []
    for ch in json.dumps(text, ensure_ascii=False)[1:-1]:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def block(text: str, indent: str) -> str:
    """Free text as a literal block (`|`) where it can be, so it reads as written; else quoted."""
    lines = text.split("\n")
    if (
        len(lines) > 1
        and lines[0][:1] not in (" ", "\t")
        and all(line.isprintable() and line == line.rstrip() and "\t" not in line for line in lines)
    ):
        return "|\n" + "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return scalar(text) if "\n" not in text else quoted(text)


# -- head --------------------------------------------------------------------------------


def _head(out: _Out, draft: Draft) -> None:
    out.comment(
        "", f"Imported by `itinerary import` from {PurePath(draft.name).name}. Review it before sending it out."
    )
    for note in draft.notes:
        out.comment("", note)
    if not draft.ours:
        out.comment(
            "",
            "Each event's `id` is its UID in the calendar, so that the next draft of this calendar, imported "
            "too, is compared event by event by `itinerary diff`. Events without ATTENDEEs are for everyone.",
        )
    out.blank()
    out.line("programme:")
    out.line(f"  id: {draft.programme_id}")
    out.line(f"  title: {scalar(draft.title)}")
    out.line(f"  timezone: {draft.timezone}")
    out.line(f"  start: {draft.start.isoformat()}")
    out.line(f"  end: {draft.end.isoformat()}")
    if draft.revision:
        out.line(f"  revision: {draft.revision}")
    out.blank()


# -- venues --------------------------------------------------------------------------------


def split_place(text: str) -> tuple[str, str, str]:
    """(name, address, local_address) from a LOCATION: the name ends where a part starting with a
    digit begins (a street number), else at the first comma; a trailing '(...)' in a non-Latin
    script is the address in local script (as itinerary's export writes it)."""
    text = " ".join(text.split())
    local = ""
    match = re.fullmatch(r"(.*\S)\s*\(([^()]*)\)", text)
    if match and any(ord(ch) > 0x2FF for ch in match[2]):
        text, local = match[1], match[2].strip()
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 1:
        return text, "", local
    cut = next((i for i in range(1, len(parts)) if parts[i][:1].isdigit()), 1)
    return ", ".join(parts[:cut]), ", ".join(parts[cut:]), local


def _venues(items: Iterable[Item], programme_zone: str) -> dict[str, _Venue]:
    """One venue per distinct LOCATION (case and spacing aside), keyed by Place.key."""
    places: dict[str, list[Place]] = {}
    zones: dict[str, Counter[str]] = {}
    for item in items:
        for place, zones_here in (
            (item.place, (item.start_zone, item.end_zone)),
            (item.origin, (item.start_zone,)),
            (item.destination, (item.end_zone,)),
        ):
            if place is None:
                continue
            places.setdefault(place.key, []).append(place)
            counter = zones.setdefault(place.key, Counter())
            counter.update(z for z in zones_here if z)
    out: dict[str, _Venue] = {}
    used: set[str] = set()
    for key, seen in places.items():
        first = seen[0]
        name, address, local = split_place(first.text)
        geos = list(dict.fromkeys(p.geo for p in seen if p.geo is not None))
        urls = list(dict.fromkeys(p.url for p in seen if p.url))
        comments = []
        if name != " ".join(first.text.split()):
            comments.append(f"LOCATION in the calendar: {first.text}")
        if len(geos) > 1:
            comments.append(f"the calendar gives {len(geos)} different GEO for this place: the first is kept")
        counts = zones.get(key, Counter())
        tz = counts.most_common(1)[0][0] if counts else None
        ident = _unique(short_slug(name.split(",")[0]) or "venue", used)
        out[key] = _Venue(
            id=ident,
            place=replace(first, geo=geos[0] if geos else None, url=urls[0] if urls else ""),
            name=name,
            address=address,
            local_address=local,
            timezone=tz if tz and tz != programme_zone else None,
            comments=tuple(comments),
        )
    return out


def _venue(out: _Out, venue: _Venue) -> None:
    out.line(f"  {venue.id}:")
    for comment in venue.comments:
        out.comment("    ", comment)
    out.line(f"    name: {scalar(venue.name)}")
    if venue.address:
        out.line(f"    address: {scalar(venue.address)}")
    if venue.local_address:
        out.line(f"    local_address: {scalar(venue.local_address)}")
    if venue.place.geo:
        lat, lon = venue.place.geo
        out.line(f"    geo: [{lat!r}, {lon!r}]")
    if venue.place.url:
        out.line(f"    url: {scalar(venue.place.url)}")
    if venue.timezone:
        out.line(f"    timezone: {venue.timezone}")


def short_slug(text: str, length: int = 32) -> str:
    """A slug cut at a word boundary: ids are typed on the command line and read in files."""
    ident = slug(text)
    if len(ident) <= length:
        return ident
    cut = ident[: length + 1].rfind("-")
    return ident[: cut if cut > 0 else length].strip("-")


def _unique(base: str, used: set[str]) -> str:
    ident, count = base, 1
    while ident in used:
        count += 1
        ident = f"{base}-{count}"
    used.add(ident)
    return ident


# -- people --------------------------------------------------------------------------------


def _people(items: Iterable[Item]) -> tuple[dict[Person, str], dict[Person, str]]:
    """Participants and groups (ATTENDEE with CUTYPE=GROUP), one per email (else name), with ids."""
    first: dict[tuple[bool, str], Person] = {}
    for item in items:
        for person in item.people:
            first.setdefault((person.group, person.key), person)
    used: set[str] = set()
    groups = {p: _unique(slug(p.name) or "group", used) for (g, _), p in first.items() if g}
    people = {p: _unique(slug(p.name) or slug(p.email) or "participant", used) for (g, _), p in first.items() if not g}
    return people, groups


def _refs(item: Item, ids: Mapping[Person, str], canon: Mapping[tuple[bool, str], Person]) -> list[str]:
    out: list[str] = []
    for person in item.people:
        ident = ids[canon[(person.group, person.key)]]
        if ident not in out:
            out.append(ident)
    return out


# -- events --------------------------------------------------------------------------------


def _whole_days(items: Iterable[Item]) -> list[Item]:
    """An all-day event over several days as one all-day item per day (the format's last one day)."""
    out: list[Item] = []
    for item in items:
        days = (item.end.date() - item.start.date()).days if item.dated else 1
        if not item.dated or item.kind is Kind.HOTEL or days <= 1:
            out.append(item)
            continue
        note = f"one all-day event of {days} days in the calendar, here one item per day"
        for n in range(days):
            start = item.start + timedelta(days=n)
            out.append(
                replace(
                    item,
                    start=start,
                    end=start + timedelta(days=1),
                    occurrence=f"{item.occurrence}/{start.date()}" if item.occurrence else start.date().isoformat(),
                    comments=(*item.comments, note),
                )
            )
    return out


def uid_id(uid: str) -> str:
    """An event id from another calendar's UID: its slug where short, else a hash of it."""
    local = uid.rsplit("@", 1)[0] if "@" in uid else uid
    ident = slug(local)
    if not ident or len(ident) > ID_LENGTH:
        ident = "uid-" + hashlib.sha1(uid.encode("utf-8")).hexdigest()[:12]
    return ident


@dataclass
class _Event:
    item: Item
    day: date
    fields: list[tuple[str, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    expect: Expect | None = None


def _days(
    out: _Out, draft: Draft, items: list[Item], venues: Mapping[str, _Venue], ids: Mapping[Person, str]
) -> tuple[dict[str, int], dict[str, Expect]]:
    """The `days:` section; each event's line in the calendar and what it must load as, by event id."""
    by_day: dict[date, list[_Event]] = {}
    for event in _events(draft, items, venues, ids):
        by_day.setdefault(event.day, []).append(event)
    uids = _uid_ids(items) if not draft.ours else {}
    lines: dict[str, int] = {}
    expected: dict[str, Expect] = {}
    used: set[str] = set()
    if by_day:
        out.line("days:")
    for day in sorted(by_day):
        out.line(f"  {day.isoformat()}:")
        titles_today: Counter[str] = Counter()
        for event in by_day[day]:
            ident, explicit = _event_id(draft, event.item, day, uids, titles_today, used)
            _event(out, event, ident if explicit else None)
            lines[ident] = event.item.line
            assert event.expect is not None
            expected[ident] = event.expect
        out.blank()
    return lines, expected


def _events(draft: Draft, items: list[Item], venues: Mapping[str, _Venue], ids: Mapping[Person, str]) -> list[_Event]:
    """Each item's fields, in the order of its instants."""
    canon = {(p.group, p.key): p for p in ids}
    programme_zone = zone(draft.timezone)
    events = []
    for item in sorted(items, key=lambda i: (utc(i.start), utc(i.end), i.title)):
        event = _times(item, venues, programme_zone)
        refs = _refs(item, ids, canon)
        if refs:
            event.fields.append(("who", "[" + ", ".join(refs) + "]"))
        if item.background and item.kind is not Kind.HOTEL:
            event.fields.append(("background", "true"))
        events.append(event)
    return events


def _event_id(
    draft: Draft, item: Item, day: date, uids: Mapping[str, str], titles_today: Counter[str], used: set[str]
) -> tuple[str, bool]:
    """The event's id, and whether it must be written (it is not the one the loader derives from the title)."""
    base = event_id_base(day, item.title)
    derived = numbered_event_id(base, titles_today[base] + 1)
    if draft.ours and item.event_id:
        wanted: str | None = item.event_id
    elif item.uid and not draft.ours:
        wanted = uids[item.uid] + (f"/{item.occurrence}" if item.occurrence else "")
    else:
        wanted = None
    if wanted is not None and wanted != derived:
        return _unique(wanted, used), True
    if derived in used:
        return _unique(derived, used), True
    used.add(derived)
    titles_today[base] += 1
    return derived, False


def _event(out: _Out, event: _Event, ident: str | None) -> None:
    """One event under its day: comments, title, id (where written), kind, fields, notes."""
    item = event.item
    for comment in (*item.comments, *event.comments):
        out.comment("    ", comment)
    out.line(f"    - title: {scalar(item.title)}")
    if ident is not None:
        out.line(f"      id: {scalar(ident)}")
    if item.kind is not Kind.MEETING:
        out.line(f"      kind: {item.kind.value}")
    for key, value in event.fields:
        out.line(f"      {key}: {value}")
    if item.notes:
        out.line(f"      notes: {block(item.notes, '        ')}")


def _uid_ids(items: Iterable[Item]) -> dict[str, str]:
    """UID -> id; two UIDs that slug alike both get hashes, so that neither takes the other's id."""
    uids = list(dict.fromkeys(i.uid for i in items if i.uid))
    first = {uid: uid_id(uid) for uid in uids}
    counts = Counter(first.values())
    return {
        uid: ident if counts[ident] == 1 else "uid-" + hashlib.sha1(uid.encode("utf-8")).hexdigest()[:12]
        for uid, ident in first.items()
    }


def _key(tz: tzinfo) -> str:
    return zone_name(tz) or "UTC"


def _readable(instant: datetime, tz: tzinfo) -> bool:
    """Whether the wall time of `instant` in `tz`, read back as the loader reads it, is `instant`."""
    wall = instant.astimezone(tz)
    value, status = localize(wall.date(), (wall.hour, wall.minute), tz)
    return status is not WallTime.GAP and utc(value) == utc(instant)


def _stamp(instant: datetime, tz: tzinfo, read_in: tzinfo, *, with_date: bool) -> str:
    """'[YYYY-MM-DD] HH:MM [Zone]' in `tz`, or in UTC where `tz` cannot say it (the second of two
    readings as clocks go back); the zone is written only where it is not the one the loader reads in."""
    if not _readable(instant, tz):
        tz = UTC
    wall = instant.astimezone(tz)
    text = f"{wall:%Y-%m-%d %H:%M}" if with_date else f"{wall:%H:%M}"
    return text if _key(tz) == _key(read_in) else f"{text} {_key(tz)}"


def _times(item: Item, venues: Mapping[str, _Venue], programme_zone: tzinfo) -> _Event:
    """The event's place and time fields, the day it goes under, and what it must load as."""
    venue = venues[item.place.key] if item.place else None
    origin = venues[item.origin.key] if item.origin else None
    destination = venues[item.destination.key] if item.destination else None
    if (origin or destination) and not item.kind.is_leg:
        venue, origin, destination = venue or origin or destination, None, None
    start_venue, end_venue = origin or venue, destination or venue
    read_start = zone(start_venue.timezone) if start_venue and start_venue.timezone else programme_zone
    read_end = zone(end_venue.timezone) if end_venue and end_venue.timezone else programme_zone
    place_fields: list[tuple[str, str]] = []
    if venue:
        place_fields.append(("venue", venue.id))
    if origin:
        place_fields.append(("from", origin.id))
    if destination:
        place_fields.append(("to", destination.id))
    start = item.start.replace(second=0, microsecond=0)
    end = item.end.replace(second=0, microsecond=0)
    comments = []
    if not item.dated and (utc(start) != utc(item.start) or utc(end) != utc(item.end)):
        comments.append("times in the calendar have seconds: written to the minute")
    if item.kind is Kind.HOTEL:
        if item.no_end:  # a stay needs a check-out: one night, as the loader's default length for a hotel
            end = start + DEFAULT_DURATION[Kind.HOTEL]
            comments.append("the calendar gives no check-out: one night assumed")
        event = _stay(item, start, end, read_start)
    elif item.dated:
        day = item.start.date()
        event = _Event(item, day, [("all_day", "true")], expect=Expect(day, day + timedelta(days=1)))
    elif item.estimated or item.no_end:
        if item.no_end:
            comments.append(
                f"the calendar gives no length: the usual {duration(DEFAULT_DURATION[item.kind], clock=True)} assumed"
            )
        event = _start_only(item, start, read_start)
    else:
        event = _span(item, start, end, read_start, read_end)
    event.fields[:0] = place_fields
    event.comments.extend(comments)
    return event


def _start_only(item: Item, start: datetime, read_start: tzinfo) -> _Event:
    expect = Expect(start, None)
    if _readable(start, read_start):
        wall = start.astimezone(read_start)
        return _Event(item, wall.date(), [("time", f'"{wall:%H:%M}"')], expect=expect)
    stamp = _stamp(start, UTC, read_start, with_date=False)
    return _Event(item, start.astimezone(UTC).date(), [("depart", f'"{stamp}"')], expect=expect)


def _span(item: Item, start: datetime, end: datetime, read_start: tzinfo, read_end: tzinfo) -> _Event:
    expect = Expect(start, end)
    own_start = zone(item.start_zone) if item.start_zone else read_start
    own_end = zone(item.end_zone) if item.end_zone else read_end
    if (
        _key(own_start) == _key(read_start) == _key(read_end) == _key(own_end)
        and _readable(start, read_start)
        and _readable(end, read_end)
    ):
        first, second = start.astimezone(read_start), end.astimezone(read_end)
        day = first.date()
        # As the loader reads "HH:MM-HH:MM": the end on the start's day, else the next; a gap on
        # the start's day is an error there, even when the next day would do.
        loaded, status = localize(day, (second.hour, second.minute), read_end)
        if status is not WallTime.GAP and utc(loaded) <= utc(start):
            loaded, status = localize(day + timedelta(days=1), (second.hour, second.minute), read_end)
        if status is not WallTime.GAP and utc(loaded) == utc(end) and utc(end) > utc(start):
            return _Event(item, day, [("time", f'"{first:%H:%M}-{second:%H:%M}"')], expect=expect)
    depart = _stamp(start, own_start, read_start, with_date=False)
    start_tz = own_start if _readable(start, own_start) else UTC
    arrive = _stamp(end, own_end, read_end, with_date=True)
    fields = [("depart", f'"{depart}"'), ("arrive", f'"{arrive}"')]
    if utc(end) == utc(start):
        return _start_only(item, start, read_start)
    return _Event(item, start.astimezone(start_tz).date(), fields, expect=expect)


def _stay(item: Item, start: datetime, end: datetime, read_in: tzinfo) -> _Event:
    """A hotel: check-in on the day it goes under, `until` the check-out; whole days keep their dates."""
    if item.dated:
        first, last = item.start.date(), item.end.date()
        return _Event(item, first, [("until", f'"{last.isoformat()}"')], expect=Expect(first, last))
    wall_in = start.astimezone(read_in)
    fields = []
    if (wall_in.hour, wall_in.minute) != HOTEL_CHECK_IN:
        fields.append(("time", f'"{wall_in:%H:%M}"'))
    # Check-in has no zone of its own: read in the venue's, as the loader does (the first reading in a fold).
    loaded_in, _ = localize(wall_in.date(), (wall_in.hour, wall_in.minute), read_in)
    wall_out = end.astimezone(read_in)
    if _readable(end, read_in) and (wall_out.hour, wall_out.minute) == HOTEL_CHECK_OUT:
        until = f"{wall_out:%Y-%m-%d}"
    else:
        until = _stamp(end, read_in, read_in, with_date=True)
    fields.append(("until", f'"{until}"'))
    return _Event(item, wall_in.date(), fields, expect=Expect(loaded_in, end))
