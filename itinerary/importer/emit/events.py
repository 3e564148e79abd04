"""The `days:` section: each event under its day, with the id the next import will match it by."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from itinerary import hashes
from itinerary.importer.draft import Draft, Item, Person, utc
from itinerary.importer.emit.people import refs_of
from itinerary.importer.emit.times import EventEntry, Expect, event_entry
from itinerary.importer.emit.venues import VenueEntry, unique
from itinerary.importer.emit.yamltext import Lines, block, scalar
from itinerary.model import DerivedIds, Kind
from itinerary.timeutil import slug, zone

ID_LENGTH = 40
"""A UID longer than this as a slug (Outlook's run to 100 hex digits) becomes a short hash."""


def whole_days(items: Iterable[Item]) -> list[Item]:
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
                item._replace(
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
        ident = "uid-" + hashes.sha1(uid)[:12]
    return ident


def write_days(
    out: Lines, draft: Draft, items: list[Item], venues: Mapping[str, VenueEntry], ids: Mapping[Person, str]
) -> tuple[dict[str, int], dict[str, Expect], dict[str, Item]]:
    """The `days:` section; each event's line in the calendar, what it must load as and its item, by event id."""
    by_day: dict[date, list[EventEntry]] = {}
    for event in entries(draft, items, venues, ids):
        by_day.setdefault(event.day, []).append(event)
    uids = uid_ids(items) if not draft.ours else {}
    lines: dict[str, int] = {}
    expected: dict[str, Expect] = {}
    written: dict[str, Item] = {}
    used: set[str] = set()
    if by_day:
        out.line("days:")
    for day in sorted(by_day):
        out.line(f"  {day.isoformat()}:")
        derived = DerivedIds(day)  # the events are in time order, as the loader numbers repeats
        for event in by_day[day]:
            ident, explicit = event_id(draft, event.item, uids, derived, used)
            write_event(out, event, ident if explicit else None)
            lines[ident] = event.item.line
            assert event.expect is not None
            expected[ident] = event.expect
            written[ident] = event.item
        out.blank()
    return lines, expected, written


def entries(
    draft: Draft, items: list[Item], venues: Mapping[str, VenueEntry], ids: Mapping[Person, str]
) -> list[EventEntry]:
    """Each item's fields, in the order of its instants."""
    canon = {(p.group, p.key): p for p in ids}
    programme_zone = zone(draft.timezone)
    events = []
    for item in sorted(items, key=lambda i: (utc(i.start), utc(i.end), i.title)):
        event = event_entry(item, venues, programme_zone)
        refs = refs_of(item, ids, canon)
        if refs:
            event.fields.append(("who", "[" + ", ".join(map(scalar, refs)) + "]"))
        if item.background and item.kind is not Kind.HOTEL and not item.tbc:
            event.fields.append(("background", "true"))
        event.fields.extend(details(item))
        events.append(event)
    return events


def details(item: Item) -> list[tuple[str, str]]:
    """`status`, `number` and `contact`, where the calendar gives them."""
    out = [("status", "tentative")] if item.tentative else []
    if item.number and item.kind.is_leg:
        out.append(("number", scalar(item.number)))
    if item.contact is not None:
        parts = zip(
            ("name", "phone", "email"), (item.contact.name, item.contact.phone, item.contact.email), strict=True
        )
        out.append(("contact", "{" + ", ".join(f"{key}: {scalar(value)}" for key, value in parts if value) + "}"))
    return out


def event_id(draft: Draft, item: Item, uids: Mapping[str, str], ids: DerivedIds, used: set[str]) -> tuple[str, bool]:
    """The event's id, and whether it must be written (it is not the one the loader derives from the title)."""
    derived = ids.peek(item.title)
    if draft.ours and item.event_id:
        wanted: str | None = item.event_id
    elif item.uid and not draft.ours:
        wanted = uids[item.uid] + (f"/{item.occurrence}" if item.occurrence else "")
    else:
        wanted = None
    if wanted is not None and wanted != derived:
        return unique(wanted, used), True
    if derived in used:
        return unique(derived, used), True
    used.add(ids.take(item.title))
    return derived, False


def write_event(out: Lines, event: EventEntry, ident: str | None) -> None:
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


def uid_ids(items: Iterable[Item]) -> dict[str, str]:
    """UID -> id; two UIDs that slug alike both get hashes, so that neither takes the other's id."""
    uids = list(dict.fromkeys(i.uid for i in items if i.uid))
    first = {uid: uid_id(uid) for uid in uids}
    counts = Counter(first.values())
    return {uid: ident if counts[ident] == 1 else "uid-" + hashes.sha1(uid)[:12] for uid, ident in first.items()}
