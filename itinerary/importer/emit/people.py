"""ATTENDEEs as participants and groups, one per email (else name), each with an id."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from itinerary.importer.draft import Item, Person
from itinerary.importer.emit.venues import unique
from itinerary.timeutil import slug


def people_of(items: Iterable[Item]) -> tuple[dict[Person, str], dict[Person, str]]:
    """Participants and groups (ATTENDEE with CUTYPE=GROUP), one per email (else name), with ids."""
    first: dict[tuple[bool, str], Person] = {}
    for item in items:
        for person in item.people:
            first.setdefault((person.group, person.key), person)
    used: set[str] = set()
    groups = {p: unique(slug(p.name) or "group", used) for (g, _), p in first.items() if g}
    people = {p: unique(slug(p.name) or slug(p.email) or "participant", used) for (g, _), p in first.items() if not g}
    return people, groups


def refs_of(item: Item, ids: Mapping[Person, str], canon: Mapping[tuple[bool, str], Person]) -> list[str]:
    out: list[str] = []
    for person in item.people:
        ident = ids[canon[(person.group, person.key)]]
        if ident not in out:
            out.append(ident)
    return out
