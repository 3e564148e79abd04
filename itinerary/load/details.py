"""What an event says beyond when and where: whether it is confirmed, for whom it is optional, its number, its contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from yaml import MappingNode, Node, ScalarNode

from itinerary.load.hints import suggest
from itinerary.load.nodes import Fields, NodeReader
from itinerary.model import Contact, Kind

DETAIL_KEYS = ("status", "optional", "number", "contact")
STATUSES = ("confirmed", "tentative")
CONTACT_KEYS = ("name", "phone", "email")


class Details(NamedTuple):
    tentative: bool = False
    optional: tuple[str, ...] = ()
    optional_all: bool = False
    number: str = ""
    contact: Contact | None = None


NONE = Details()

Refs = Callable[[Node, str], tuple[str, ...]]
"""Reads a list of participant and group ids (each checked and reported)."""


def read_details(r: NodeReader, fields: Fields, field: str, kind: Kind, refs: Refs) -> Details:
    """The keys of DETAIL_KEYS the event has; each problem reported, the rest read."""
    if fields.keys().isdisjoint(DETAIL_KEYS):  # as most events: nothing to read
        return NONE
    optional, optional_all = _optional(r, fields, field, refs)
    return Details(
        tentative=_status(r, fields, field) == "tentative",
        optional=optional,
        optional_all=optional_all,
        number=_number(r, fields, field, kind),
        contact=_contact(r, fields["contact"][1], f"{field}.contact") if "contact" in fields else None,
    )


def _status(r: NodeReader, fields: Fields, field: str) -> str:
    if "status" not in fields:
        return "confirmed"
    node = fields["status"][1]
    value = (r.text(node, f"{field}.status") or "").strip().lower() or "confirmed"  # `status: ~` says nothing
    if value not in STATUSES:
        r.error(
            node, f"{field}.status", f"unknown status {value!r}{suggest(value, STATUSES)}; one of {', '.join(STATUSES)}"
        )
    return value


def _optional(r: NodeReader, fields: Fields, field: str, refs: Refs) -> tuple[tuple[str, ...], bool]:
    """`optional: true` (for everyone the event is for) or `optional: [ids]`."""
    if "optional" not in fields:
        return (), False
    node = fields["optional"][1]
    if isinstance(node, ScalarNode) and node.value.strip().lower() in ("true", "yes", "false", "no"):
        return (), r.boolean(node, f"{field}.optional")
    return refs(node, f"{field}.optional"), False


def _number(r: NodeReader, fields: Fields, field: str, kind: Kind) -> str:
    if "number" not in fields:
        return ""
    if not kind.is_leg:
        r.error(fields["number"][0], field, f"`number` is for legs (a flight, train or bus number), not a {kind.value}")
        return ""
    return r.optional_text(fields, "number", field)


def _contact(r: NodeReader, node: Node, field: str) -> Contact | None:
    """`{name, phone, email}`, or one line of text (a name and a number as the programme gives them)."""
    if not isinstance(node, MappingNode):
        text = (r.text(node, field) or "").strip()
        return Contact(name=text) if text else None
    fields = r.mapping(node, field, CONTACT_KEYS)
    if fields is None:
        return None
    contact = Contact(*(r.optional_text(fields, key, field) for key in CONTACT_KEYS))
    if not str(contact):
        if not node.value:  # keys that are not contact keys are reported already
            r.error(node, field, "give the contact a `name`, a `phone` or an `email`")
        return None
    return contact
