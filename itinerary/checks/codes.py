"""Every code `itinerary check` reports, in one table: its kind, its severity, what it finds.

The checks write these codes; the manual's table of codes (docs/manual.md) and the JSON
schema (docs/check.schema.json) are tested against this table, so a new code goes here first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from itinerary.checks.finding import Severity


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    kind: str
    severity: Severity
    """As usual; `lesser` names the severity it has when the verdict rests on a guess (a default end)."""
    summary: str
    lesser: Severity | None = None


_TABLE = (
    Code("C101", "clash", "error", "someone is in two events that overlap", lesser="warning"),
    Code("C102", "clash", "warning", "an overlap in which attending one of the two events is `optional`"),
    Code("T201", "travel-gap", "warning", "between consecutive events at different places, less time than the trip"),
    Code("T202", "travel-gap", "error", "less time than the trip itself", lesser="warning"),
    Code("T203", "travel-gap", "info", "the trip could not be told"),
    Code("T204", "leg-duration", "warning", "a flight, train, bus, coach or ferry whose duration no service"),
    Code("D301", "outside-dates", "error", "an event that starts before `programme.start` or after `programme.end`"),
    Code("L401", "no-lodging", "warning", "a visitor at the visit across a night that no hotel stay of theirs covers"),
    Code("Z501", "dst", "error", "a time that does not exist in its zone"),
    Code("Z502", "dst", "warning", "a time that happens twice in its zone"),
    Code("H601", "odd-hour", "info", "an event other than a flight, train, bus, coach or ferry starting between"),
    Code("A701", "unattended", "warning", "an event whose `who` expands to nobody"),
    Code("A702", "idle-participant", "info", "a participant in no event at all"),
    Code("E801", "estimated-end", "info", "an event without an end (the default for its kind applies)"),
    Code("U901", "unconfirmed", "info", "what the programme does not know yet"),
    Code("I001", "identity", "warning", "events without an `id` on one day with one title that start and end together"),
)

CODES: Mapping[str, Code] = MappingProxyType({c.code: c for c in _TABLE})
"""Code -> its kind, severity and summary, in the order of the manual."""

KINDS: tuple[str, ...] = tuple(dict.fromkeys(c.kind for c in _TABLE))
"""Each kind once, in the order of the manual."""
