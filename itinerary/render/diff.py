"""What changed, as text to paste into an email (a block per participant) or as JSON for scripts.

Participants whose changes are the same share one block, headed by their group's
name where they are exactly its members: the delegation reads one list, not eight.
Times are the event's own wall-clock times, with the zone's abbreviation where it is
not the programme's.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from itinerary import serialize
from itinerary.diff import CHANGES, Diff, EventChange, Personal, Seen, position, seen_by, summary
from itinerary.model import Event, Programme, Venue
from itinerary.timeutil import abbreviation, same_offset

LABELS = {
    "added": "New",
    "cancelled": "Cancelled",
    "joined": "Now attending",
    "left": "No longer attending",
    "moved": "Moved",
    "venue": "New venue",
    "place": "Venue details changed",
    "renamed": "Renamed",
    "kind": "Kind changed",
    "background": "Background changed",
    "status": "Status changed",
    "notes": "Notes changed",
}
WORDS = {
    "added": "added",
    "cancelled": "cancelled",
    "moved": "moved",
    "venue": "with a new venue",
    "place": "with new venue details",
    "renamed": "renamed",
    "kind": "of another kind",
    "background": "in or out of the background",
    "status": "confirmed or made tentative",
    "notes": "with new notes",
    "attendance": "with a change in who attends",
}

Line = tuple[str, str]
"""(style, text): the style is for a terminal only; the text is what is pasted."""


def _day(value: datetime) -> str:
    return f"{value:%a} {value.day} {value:%b}"


def when(event: Event, programme: Programme) -> str:
    """'Tue 6 Oct 12:30–~14:00', in the event's own zone, naming the zone where it is not the programme's."""
    start, end = event.start, event.end
    if event.all_day:
        return f"{_day(start)}, {'time to be confirmed' if event.tbc else 'all day'}"
    foreign = not (same_offset(start, programme.timezone) and same_offset(end, programme.timezone))
    first = f"{_day(start)} {start:%H:%M}" + (f" {abbreviation(start)}" if foreign else "")
    last = f"{end:%H:%M}" if end.date() == start.date() else f"{_day(end)} {end:%H:%M}"
    if foreign:
        last += f" {abbreviation(end)}"
    return f"{first}–{'~' if event.end_estimated else ''}{last}"


def where(event: Event) -> str:
    if event.route is not None:
        return " → ".join(event.route)
    return event.venue.name if event.venue else ""


def _at(event: Event, programme: Programme) -> str:
    place = where(event)
    return f"{when(event, programme)}, {place}" if place else when(event, programme)


def entry(personal: Personal, diff: Diff) -> list[Line]:
    """A change for a reader: what happened, to which event, then was/now."""
    change, seen = personal.change, personal.seen
    old, new = change.old, change.new
    label = ", ".join(LABELS[s] for s in seen)
    label = label[:1].upper() + label[1:].lower() if len(seen) > 1 else label
    title = change.event.title
    if "renamed" in seen and old is not None and new is not None:
        title = f"{new.title} (was “{old.title}”)"
    lines: list[Line] = [("", f"  {label}: {title}")]
    if seen[0] in ("added", "joined"):
        assert new is not None
        lines.append(("", f"    {_at(new, diff.new)}"))
    elif seen[0] in ("cancelled", "left"):
        assert old is not None
        lines.append(("dim", f"    {_at(old, diff.old)}"))
    else:
        assert old is not None and new is not None
        if "moved" in seen or "venue" in seen:
            lines.append(("dim", f"    was {_at(old, diff.old)}"))
            lines.append(("", f"    now {_at(new, diff.new)}"))
        else:
            lines.append(("", f"    {_at(new, diff.new)}"))
        lines.extend(("", f"    {text}") for text in details(old, new, seen))
        if "notes" in seen:
            if new.notes:
                lines.append(("", "    notes now:"))
                lines.extend(("", f"      {line}".rstrip()) for line in new.notes.split("\n"))
            else:
                lines.append(("", "    notes removed"))
    return lines


def details(old: Event, new: Event, seen: Sequence[Seen]) -> list[str]:
    """What changed besides time and place: the kind, the background, how the venue is found."""
    out = []
    if "kind" in seen:
        out.append(f"now a {new.kind.value} (was a {old.kind.value})")
    if "background" in seen:
        out.append(
            "now in the background: other items may take place during it"
            if new.background
            else "no longer in the background: nothing else can take place during it"
        )
    if "status" in seen:
        out.append("now tentative (was confirmed)" if new.tentative else "now confirmed (was tentative)")
    if "place" in seen:
        pairs = zip((old.venue, old.origin, old.destination), (new.venue, new.origin, new.destination), strict=True)
        for was, now in pairs:
            if was is not None and now is not None:
                out.extend(venue_details(was, now))
    return out


def venue_details(was: Venue, now: Venue) -> list[str]:
    out: list[str] = []
    if position(was) != position(now):
        where = f"{now.geo[0]:.5f}, {now.geo[1]:.5f}" if now.geo else "none"
        out.append(f"{now.name}: map position now {where}")
    if was.url.strip() != now.url.strip():
        out.append(f"{now.name}: website now {now.url or 'none'}")
    return out


def heading(diff: Diff, participants: Sequence[str]) -> str:
    """Names of the block's participants; a group's name first where they are exactly its members."""
    names = ", ".join(diff.name(p) for p in participants)
    chosen = set(participants)
    if len(chosen) > 1 and chosen == set(diff.new.participants) | set(diff.old.participants):
        return f"Everyone ({len(chosen)} participants)"
    if len(chosen) > 1:
        for programme in (diff.new, diff.old):
            for group in programme.groups.values():
                if {p.id for p in programme.members(group.id)} == chosen:
                    return f"{group.name}: {names}"
    return names


def blocks(diff: Diff) -> list[tuple[list[str], tuple[Personal, ...]]]:
    """Participants with the same changes together, in the order of the first of them."""
    out: dict[tuple[tuple[str, tuple[str, ...]], ...], tuple[list[str], tuple[Personal, ...]]] = {}
    for participant, changes in diff.people.items():
        key = tuple((p.change.id, p.seen) for p in changes)
        out.setdefault(key, ([], changes))[0].append(participant)
    return list(out.values())


def counts(diff: Diff) -> str:
    """'3 events changed: 1 added, 1 cancelled, 1 moved', or 'nothing changed'."""
    if not diff.events:
        return "nothing changed"
    totals = summary(diff.events)
    parts = [f"{totals[k]} {WORDS[k]}" for k in CHANGES if totals[k]]
    total = len(diff.events)
    return f"{total} event{'s' if total != 1 else ''} changed: {', '.join(parts)}"


def lines(diff: Diff, old_name: str, new_name: str, who: str | None = None) -> list[Line]:
    """The whole report: a heading, a summary line, then a block per participant (or group of them)."""

    def version(name: str, programme: Programme) -> str:
        return f"{name} (revision {programme.revision})" if programme.revision else name

    title = diff.new.title if diff.new.title == diff.old.title else f"{diff.old.title} → {diff.new.title}"
    head = f"{title}: changes from {version(old_name, diff.old)} to {version(new_name, diff.new)}"
    if who is not None:
        head += f", for {heading(diff, sorted(diff.members(who))) if who in diff.new.groups else diff.name(who)}"
    out: list[Line] = [("bold", head)]
    people = len(diff.people)
    concerned = f"; {people} participant{'s' if people != 1 else ''} concerned" if diff.events and people else ""
    said = counts(diff) + concerned + "."
    out.append(("", said[:1].upper() + said[1:]))
    for participants, changes in blocks(diff):
        out.append(("", ""))
        out.append(("bold", heading(diff, participants)))
        for personal in changes:
            out.extend(entry(personal, diff))
    if who is None and diff.unattended:
        out.append(("", ""))
        nobody = not diff.old.participants and not diff.new.participants
        out.append(
            ("bold", "Everyone (neither version lists participants)" if nobody else "Attended by no listed participant")
        )
        for change in diff.unattended:
            seen = seen_by(change, None)
            out.extend(entry(Personal(change, seen), diff))
    return out


def render(diff: Diff, old_name: str, new_name: str, who: str | None = None) -> list[Any]:
    from itinerary.render.text import Text

    return [Text(text, style=style, end="\n") for style, text in lines(diff, old_name, new_name, who)]


def as_json(diff: Diff, old_name: str, new_name: str, who: str | None = None) -> dict[str, Any]:
    def side(name: str, programme: Programme) -> dict[str, Any]:
        return {"file": name, **serialize.programme_head(programme)}

    def event(programme: Programme, value: Event | None) -> dict[str, Any] | None:
        return None if value is None else serialize.event(programme, value)

    def change(value: EventChange) -> dict[str, Any]:
        return {
            "id": value.id,
            "title": value.event.title,
            "changes": list(value.changes),
            "old": event(diff.old, value.old),
            "new": event(diff.new, value.new),
            "joined": sorted(value.joined),
            "left": sorted(value.left),
        }

    return {
        "old": side(old_name, diff.old),
        "new": side(new_name, diff.new),
        "who": who,
        "changed": diff.changed,
        "summary": summary(diff.events),
        "events": [change(c) for c in diff.events],
        "participants": [
            {
                "id": participant,
                "name": diff.name(participant),
                "changes": [
                    {"event": p.change.id, "title": p.change.event.title, "seen": list(p.seen)} for p in changes
                ],
            }
            for participant, changes in diff.people.items()
        ],
    }
