"""The calendar's VEVENTs gathered by UID: each series' master and overrides, and what is left out."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from itinerary.importer.ics.props import Calendar, Component, instant_key
from itinerary.importer.ics.rules import TIMES, Where, check
from itinerary.importer.ics.text import Block
from itinerary.xprops import REVISION

NO_UID = "itinerary-no-uid-line-"
"""The start of a stand-in UID, so that expansion keeps UID-less events apart; dropped again in the item."""

_READ = frozenset(
    (*TIMES, "UID", "SUMMARY", "LOCATION", "GEO", "URL", "ATTENDEE", "DESCRIPTION", "CATEGORIES", "TRANSP", "STATUS")
) | {"X-APPLE-STRUCTURED-LOCATION"}
_BOOKKEEPING = frozenset(("DTSTAMP", "CREATED", "LAST-MODIFIED", "SEQUENCE"))
"""Dropped without a word: a programme file keeps its history in git."""


@dataclass
class Series:
    """The components that share a UID: the master (with its rules) and its overrides."""

    uid: str
    master: Component | None = None
    line: int = 0
    overrides: dict[object, tuple[int, Component]] = field(default_factory=dict)
    """RECURRENCE-ID (as an instant) -> the override and its line."""

    @property
    def repeats(self) -> bool:
        return self.master is not None and ("RRULE" in self.master or "RDATE" in self.master)

    @property
    def forever(self) -> bool:
        if self.master is None or "RRULE" not in self.master:
            return False
        rules = self.master["RRULE"]
        for rule in rules if isinstance(rules, list) else [rules]:
            if "COUNT" not in rule and "UNTIL" not in rule:
                return True
        return False


@dataclass
class Collected:
    """Every VEVENT checked, with its place in the file; the series by UID; what the format cannot hold."""

    events: list[tuple[Component, Block]] = field(default_factory=list)
    series: dict[str, Series] = field(default_factory=dict)
    left_out: Counter[str] = field(default_factory=Counter)
    sequence: int = 0
    """For a calendar itinerary wrote: its revision (the highest X-ITINERARY-REVISION, else SEQUENCE)."""


def collect(name: str, calendars: Sequence[Calendar], blocks: Sequence[Block], ours: bool) -> Collected:
    """Pass 1: check each VEVENT, gather series, count what is left out."""
    found = Collected()
    index = 0
    for calendar in calendars:
        component: Component
        for component in calendar.walk():
            kind = component.name
            if kind in ("VTODO", "VJOURNAL", "VFREEBUSY"):
                found.left_out[f"{kind} components"] += 1
            if kind != "VEVENT":
                continue
            block = blocks[index] if index < len(blocks) else Block(0)
            index += 1
            check(component, Where(name, block.line, block.props), found.left_out)
            found.events.append((component, block))
            _add_to_series(found, component, block)
            if ours:  # the revision that last changed the event; SEQUENCE in calendars written before it was kept
                with contextlib.suppress(TypeError, ValueError):
                    revision = component.get(REVISION, component.get("SEQUENCE", 0))
                    found.sequence = max(found.sequence, int(str(revision)))
            _count_left_out(found.left_out, component)
    return found


def _add_to_series(found: Collected, component: Component, block: Block) -> None:
    uid = str(component.get("UID", "")).strip()
    if not uid:
        uid = f"{NO_UID}{block.line}"
        component["UID"] = uid
    series = found.series.setdefault(uid, Series(uid))
    if "RECURRENCE-ID" in component:
        series.overrides[instant_key(component["RECURRENCE-ID"].dt)] = (block.line, component)
    elif series.master is None:
        series.master, series.line = component, block.line


def _count_left_out(left_out: Counter[str], component: Component) -> None:
    for key in component:
        if key not in _READ and key not in _BOOKKEEPING:
            left_out[key] += 1
    if any(sub.name == "VALARM" for sub in component.subcomponents):
        left_out["reminders (VALARM)"] += 1


def source(series: Mapping[str, Series], uid: str, component: Component) -> tuple[int, Component]:
    """The component an occurrence comes from (an override, else the master) and its line.

    An occurrence's own DTEND may be recomputed in DTSTART's zone; the source's says the zone meant.
    """
    found = series.get(uid)
    if found is None:
        return 0, component
    rid = component.get("RECURRENCE-ID")
    if rid is not None and instant_key(rid.dt) in found.overrides:
        return found.overrides[instant_key(rid.dt)]
    if found.master is not None:
        return found.line, found.master
    return min(found.overrides.values(), key=lambda pair: pair[0], default=(0, component))
