"""The `days:` section: each day's city and its list of events, every event id used once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from yaml import MappingNode, Node

from itinerary.load.events import Known, read_event
from itinerary.load.nodes import NodeReader
from itinerary.load.tree import is_null
from itinerary.model import Event, Source
from itinerary.timeutil import parse_date


@dataclass
class Days:
    """The events of every day, and the city of the days that name one."""

    events: list[Event] = field(default_factory=list)
    cities: dict[date, str] = field(default_factory=dict)
    ids: dict[str, Source] = field(default_factory=dict)


def read_days(r: NodeReader, node: Node, known: Known) -> Days:
    """`YYYY-MM-DD: [events]` or `YYYY-MM-DD: {city: ..., events: [...]}` for each day."""
    days = Days()
    for key, (key_node, value) in (r.mapping(node, "days") or {}).items():
        field = f"days.{key}"
        try:
            day = parse_date(key)
        except ValueError as exc:
            r.error(key_node, field, f"{exc}")
            continue
        if key.strip() != day.isoformat():
            r.warn(key_node, f"{field}: write the day as {day.isoformat()} (YYYY-MM-DD)")
        city = ""
        items_node: Node | None = value
        if isinstance(value, MappingNode):
            sub = r.mapping(value, field, ("city", "events"))
            if sub is None:
                continue
            city = r.optional_text(sub, "city", field)
            items_node = sub["events"][1] if "events" in sub else None
            if items_node is None:
                r.error(value, field, "missing `events`")
        if city:
            days.cities[day] = city
        if items_node is not None and not is_null(items_node):
            _read_events(r, known, items_node, field, day, days)
    return days


def _read_events(r: NodeReader, known: Known, node: Node, field: str, day: date, days: Days) -> None:
    titles_today: dict[str, int] = {}
    for index, item in enumerate(r.sequence(node, field) or []):
        event = read_event(r, known, item, f"{field}[{index}]", day, titles_today)
        if event is None:
            continue
        if event.id in days.ids:
            first = days.ids[event.id]
            r.error(item, f"{field}[{index}].id", f"event id {event.id!r} is already used at line {first.line}")
            continue
        days.ids[event.id] = event.source
        days.events.append(event)
