"""The `groups:` and `participants:` sections: who takes part, and in which groups."""

from __future__ import annotations

from collections.abc import Mapping

from yaml import MappingNode, Node

from itinerary.load.hints import suggest
from itinerary.load.nodes import Fields, NodeReader, join
from itinerary.model import Group, Participant
from itinerary.timeutil import slug

PARTICIPANT_KEYS = ("id", "name", "title", "organisation", "group", "groups", "email")
WHOLE_PROGRAMME = "programme"
"""`export --out` writes the whole programme's calendar to programme.ics, beside one per participant id."""


def read_groups(r: NodeReader, node: Node) -> dict[str, Group]:
    """`id: Name` or `id: {name: Name}` for each group."""
    groups: dict[str, Group] = {}
    fields = r.mapping(node, "groups")
    for ident, (key_node, value) in (fields or {}).items():
        field = f"groups.{ident}"
        if not r.slug_id(ident, key_node, field):
            continue
        if isinstance(value, MappingNode):
            sub = r.mapping(value, field, ("name",))
            name = r.required_text(sub or {}, "name", field, value) if sub is not None else None
        else:
            name = r.text(value, field)
        if name:
            groups[ident] = Group(ident, name.strip(), r.src(key_node))
    return groups


def read_participants(r: NodeReader, node: Node, groups: Mapping[str, Group]) -> dict[str, Participant]:
    """Each participant, with an id made from the name where the file gives none."""
    participants: dict[str, Participant] = {}
    for index, item in enumerate(r.sequence(node, "participants") or []):
        field = f"participants[{index}]"
        fields = r.mapping(item, field, PARTICIPANT_KEYS)
        if fields is None:
            continue
        name = r.required_text(fields, "name", field, item)
        if not name:
            continue
        ident = r.optional_text(fields, "id", field) or slug(name)
        if not ident:
            r.error(item, field, f"no id can be made from the name {name!r} (no letters a-z): give it an `id`")
            continue
        if not r.slug_id(ident, fields["id"][1] if "id" in fields else item, f"{field}.id"):
            continue
        member_of = _group_refs(r, fields, field, groups)
        if ident in participants:
            r.error(item, field, f"id {ident!r} is already used at line {participants[ident].source.line}")
            continue
        if ident in groups:
            r.error(item, field, f"id {ident!r} is also a group id; give the participant another `id`")
            continue
        if ident == WHOLE_PROGRAMME:
            r.warn(
                fields["id"][1] if "id" in fields else item,
                f"{field}.id: {ident!r} is also the name of the whole programme's calendar ({ident}.ics): "
                "`export --out` cannot write both; give the participant another `id`",
            )
        participants[ident] = Participant(
            id=ident,
            name=name,
            groups=member_of,
            source=r.src(item),
            title=r.optional_text(fields, "title", field),
            organisation=r.optional_text(fields, "organisation", field),
            email=r.single_line(fields, "email", field),
        )
    return participants


def _group_refs(r: NodeReader, fields: Fields, field: str, groups: Mapping[str, Group]) -> tuple[str, ...]:
    if "group" in fields and "groups" in fields:
        r.error(fields["groups"][0], field, "give either `group` or `groups`, not both")
        return ()
    key = "group" if "group" in fields else "groups"
    if key not in fields:
        return ()
    out = []
    for ref, ref_node in r.names(fields[key][1], join(field, key)):
        if ref not in groups:
            r.error(ref_node, join(field, key), f"unknown group {ref!r}{suggest(ref, groups)}")
        elif ref in out:
            r.warn(ref_node, f"{join(field, key)}: group {ref!r} is listed twice")
        else:
            out.append(ref)
    return tuple(out)
