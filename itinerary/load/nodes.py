"""Nodes read as mappings, lists and text, each problem reported against the node it is about."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import NoReturn, TypeVar

from yaml import MappingNode, Node, ScalarNode, SequenceNode

from itinerary.load.diagnostics import Diagnostics
from itinerary.load.hints import suggest, zone_hint
from itinerary.load.scalars import to_bool, to_float, to_int
from itinerary.load.tree import NULLS, describe, is_null
from itinerary.timeutil import slug, zone

MAX_NODES = 2_000_000

Fields = dict[str, tuple[Node, Node]]
"""A mapping's keys, each with its key node and its value node."""

T = TypeVar("T")


@cache
def _key_set(allowed: tuple[str, ...]) -> frozenset[str]:
    """The keys a mapping allows, as a set made once (a mapping per event asks)."""
    return frozenset(allowed)


def join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


class NodeReader(Diagnostics):
    """Reads values out of nodes; counts nodes so that an alias bomb stops early."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.nodes = 0

    def count(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.too_many()

    def too_many(self) -> NoReturn:
        self.fatal(None, "", f"more than {MAX_NODES:,} YAML nodes (an alias bomb?): not a programme file")

    def mapping(self, node: Node, field: str, allowed: tuple[str, ...] | None = None) -> Fields | None:
        self.count()
        if not isinstance(node, MappingNode):
            self.error(node, field, f"expected a mapping (key: value lines), found {describe(node)}")
            return None
        out: Fields = {}
        allowed_set = _key_set(allowed) if allowed is not None else None
        for key_node, value_node in node.value:
            if key_node.__class__ is ScalarNode and key_node.value not in NULLS:
                # A key written as a word, as nearly all are: what `count` and `text` do, without the calls.
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self.too_many()
                key = key_node.value
            else:
                key = self.text(key_node, field)
                if key is None:
                    continue
            if key in out:
                self.error(key_node, join(field, key), "appears twice")
                continue
            if key == "<<":
                self.error(key_node, join(field, key), "YAML merge keys (<<) are not read: write the keys out")
                continue
            if allowed_set is not None and key not in allowed_set:
                self.error(key_node, join(field, key), f"unknown key{suggest(key, allowed_set)}")
                continue
            out[key] = (key_node, value_node)
        return out

    def sequence(self, node: Node, field: str) -> list[Node] | None:
        self.count()
        if not isinstance(node, SequenceNode):
            self.error(node, field, f"expected a list, found {describe(node)}")
            return None
        return list(node.value)

    def text(self, node: Node, field: str) -> str | None:
        self.nodes += 1  # `count`, inline: a value of every line of the file comes here
        if self.nodes > MAX_NODES:
            self.too_many()
        if node.__class__ is ScalarNode and node.value not in NULLS:  # the common case first
            return node.value  # type: ignore[no-any-return]
        if not isinstance(node, ScalarNode):
            self.error(node, field, f"expected a single value, found {describe(node)}")
            return None
        if is_null(node):
            return ""
        return str(node.value)

    def required_text(self, fields: Fields, key: str, field: str, where: Node) -> str | None:
        if key not in fields:
            self.error(where, field, f"missing `{key}`")
            return None
        value = self.text(fields[key][1], join(field, key))
        if value is not None and not value.strip():
            self.error(fields[key][1], join(field, key), "must not be empty")
            return None
        return value.strip() if value is not None else None

    def optional_text(self, fields: Fields, key: str, field: str) -> str:
        if key not in fields:
            return ""
        return (self.text(fields[key][1], join(field, key)) or "").strip()

    def single_line(self, fields: Fields, key: str, field: str) -> str:
        """An optional value that goes into a calendar as it is (a URL, an email): no line break, no control character."""
        value = self.optional_text(fields, key, field)
        bad = next((c for c in value if ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0), None)
        if bad is None:
            return value
        what = "a line break" if bad in "\r\n" else "a control character"
        self.error(fields[key][1], join(field, key), f"{what} (U+{ord(bad):04X}) cannot be part of {value!r}")
        return ""

    def parse(self, node: Node, field: str, parser: Callable[[str], T]) -> T | None:
        value = self.text(node, field)
        if value is None:
            return None
        try:
            return parser(value)
        except ValueError as exc:
            self.error(node, field, str(exc))
            return None

    def integer(self, node: Node, field: str, minimum: int = 0, maximum: tuple[int, str] | None = None) -> int | None:
        """A whole number from `minimum` up to `maximum`, given with what that limit is (`(1440, "minutes, a day")`)."""
        value = self.parse(node, field, to_int)
        if value is not None and value < minimum:
            self.error(node, field, f"must be at least {minimum}")
            return None
        if value is not None and maximum is not None and value > maximum[0]:
            self.error(node, field, f"{value} is too large: at most {maximum[0]} {maximum[1]}")
            return None
        return value

    def number(self, node: Node, field: str, bounds: tuple[float, float, str] | None = None) -> float | None:
        """A number, within `bounds` (lowest, highest, unit) when given: beyond them arithmetic on it overflows."""
        value = self.parse(node, field, to_float)
        if value is not None and bounds is not None and not bounds[0] <= value <= bounds[1]:
            low, high, unit = bounds
            self.error(node, field, f"{str(node.value).strip()} is out of range: between {low:g} and {high:g} {unit}")
            return None
        return value

    def boolean(self, node: Node, field: str) -> bool:
        return bool(self.parse(node, field, to_bool))

    def names(self, node: Node, field: str) -> list[tuple[str, Node]]:
        """A single name or a list of names, each with its node."""
        nodes = self.sequence(node, field) if isinstance(node, SequenceNode) else [node]
        out = []
        for item in nodes or []:
            value = self.text(item, field)
            if value and value.strip():
                out.append((value.strip(), item))
        return out

    def zone_name(self, node: Node, field: str) -> str | None:
        value = self.text(node, field)
        if value is None:
            return None
        try:
            zone(value.strip())
        except ValueError:
            self.error(node, field, f"unknown time zone {value!r}{zone_hint(value)}")
            return None
        return value.strip()

    def slug_id(self, ident: str, node: Node, field: str) -> bool:
        """Whether `ident` is already its own slug; an error when not."""
        if slug(ident) == ident:
            return True
        self.error(node, field, f"use lowercase letters, digits and hyphens (e.g. {slug(ident)!r})")
        return False
