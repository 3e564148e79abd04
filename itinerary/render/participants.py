"""The participants list, laid out as the seed's "List of Participants": by group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itinerary import serialize
from itinerary.model import Participant, Programme

if TYPE_CHECKING:
    from itinerary.render.sheet import Sheet


def by_group(programme: Programme) -> list[tuple[str, list[Participant]]]:
    """Each participant once, under their first group, groups in file order; then the ungrouped."""
    blocks: dict[str, list[Participant]] = {gid: [] for gid in programme.groups}
    loose: list[Participant] = []
    for person in programme.participants.values():
        if person.groups:
            blocks[person.groups[0]].append(person)
        else:
            loose.append(person)
    out = [(programme.groups[gid].name, people) for gid, people in blocks.items() if people]
    if loose:
        out.append(("(no group)", loose))
    return out


def table(programme: Programme) -> Sheet:
    from itinerary.render.sheet import Sheet

    rows: list[tuple[tuple[str, ...], bool]] = []
    for group_name, people in by_group(programme):
        for index, person in enumerate(people):
            also = [programme.groups[g].name for g in person.groups[1:]]
            name = person.name + (f" ({', '.join(also)})" if also else "")
            cells = (group_name if index == 0 else "", name, person.title, person.organisation)
            rows.append((cells, index == len(people) - 1))
    return Sheet(f"{programme.title}: participants", ("Group", "Name", "Title", "Organisation"), rows)


def as_json(programme: Programme) -> dict[str, Any]:
    return {
        "programme": serialize.programme_head(programme),
        "groups": [{"id": g.id, "name": g.name} for g in programme.groups.values()],
        "participants": [serialize.participant(programme, p) for p in programme.participants.values()],
    }
