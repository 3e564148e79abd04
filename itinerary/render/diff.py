"""What changed, as text to paste into an email (a block per participant) or as JSON for scripts.

Participants whose changes are the same share one block, headed by their group's
name where they are exactly its members: the delegation reads one list, not eight.
Times are the event's own wall-clock times, with the zone's abbreviation where it is
not the programme's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from itinerary import serialize
from itinerary.checks.words import MONTHS, WEEKDAYS
from itinerary.diff import CHANGES, Diff, EventChange, Personal, Seen, position, seen_by, summary
from itinerary.model import Event, Programme, Venue
from itinerary.timeutil import abbreviation, same_offset

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.segment import Segment
    from rich.style import Style

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
    """'Tue 6 Oct' (strftime's %a and %b, as Python leaves the locale: English)."""
    return f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]}"


def _clock(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def when(event: Event, programme: Programme) -> str:
    """'Tue 6 Oct 12:30–~14:00', in the event's own zone, naming the zone where it is not the programme's."""
    start, end = event.start, event.end
    if event.all_day:
        return f"{_day(start)}, {'time to be confirmed' if event.tbc else 'all day'}"
    foreign = not (same_offset(start, programme.timezone) and same_offset(end, programme.timezone))
    first = f"{_day(start)} {_clock(start)}" + (f" {abbreviation(start)}" if foreign else "")
    last = _clock(end) if end.date() == start.date() else f"{_day(end)} {_clock(end)}"
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


def heading(diff: Diff, participants: Sequence[str], groups: Sequence[tuple[str, set[str]]] | None = None) -> str:
    """Names of the block's participants; a group's name first where they are exactly its members.
    `groups`: (name, members) of the new version's groups, then the old one's (see `group_members`)."""
    names = ", ".join(diff.name(p) for p in participants)
    chosen = set(participants)
    if len(chosen) > 1 and chosen == set(diff.new.participants) | set(diff.old.participants):
        return f"Everyone ({len(chosen)} participants)"
    if len(chosen) > 1:
        for name, members in group_members(diff) if groups is None else groups:
            if members == chosen:
                return f"{name}: {names}"
    return names


def group_members(diff: Diff) -> list[tuple[str, set[str]]]:
    """(name, members) of every group of the new version, then of the old: worked out once for all the blocks."""
    out = []
    for programme in (diff.new, diff.old):
        members: dict[str, set[str]] = {gid: set() for gid in programme.groups}
        for participant in programme.participants.values():
            for gid in participant.groups:
                if gid in members:
                    members[gid].add(participant.id)
        out += [(group.name, members[gid]) for gid, group in programme.groups.items()]
    return out


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
    groups = group_members(diff)
    # The blocks repeat the same changes: each change is written once for what a reader sees of it.
    written: dict[tuple[str, tuple[Seen, ...]], list[Line]] = {}
    for participants, changes in blocks(diff):
        out.append(("", ""))
        out.append(("bold", heading(diff, participants, groups)))
        for personal in changes:
            key = (personal.change.id, personal.seen)
            if key not in written:
                written[key] = entry(personal, diff)
            out.extend(written[key])
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
    return [Printed(lines(diff, old_name, new_name, who))]


class Printed:
    """Lines printed as rich prints a Text each, without wrapping (`soft_wrap`), in one go: printed one by one,
    the 14,000 lines of a diff of 5,000 events took seconds of rich's bookkeeping. Control characters are shown,
    not obeyed (as `render.text.Text` does)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        from rich.segment import Segment

        from itinerary.render.text import Text
        from itinerary.visible import visible

        styles: dict[str, Style] = {}
        newline = Segment.line()
        for style, text in self.lines:
            shown = visible(text)
            if "\n" in shown:  # a line break in a title: rich's own lines, each styled
                yield from console.render(Text(shown, style=style, end="\n"), options)
                continue
            if style not in styles:
                styles[style] = console.get_style(style)
            yield Segment(shown, styles[style])
            yield newline


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

    seen: dict[tuple[str, tuple[Seen, ...]], dict[str, Any]] = {}

    def personal(value: Personal) -> dict[str, Any]:
        """A change as each of its people sees it, made once and shared (the same in everyone's list)."""
        key = (value.change.id, value.seen)
        if key not in seen:
            seen[key] = {"event": value.change.id, "title": value.change.event.title, "seen": list(value.seen)}
        return seen[key]

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
                "changes": [personal(p) for p in changes],
            }
            for participant, changes in diff.people.items()
        ],
    }
