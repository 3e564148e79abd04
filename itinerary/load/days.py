"""The `days:` section: each day's city and its list of events, every event id used once."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date

from yaml import MappingNode, Node

from itinerary.load.events import Known, read_event
from itinerary.load.nodes import NodeReader
from itinerary.load.tree import is_null
from itinerary.model import DerivedIds, Event, Source
from itinerary.timeutil import parse_date


class Days:
    """The events of every day, and the city of the days that name one."""

    __slots__ = ("cities", "events", "ids")

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.cities: dict[date, str] = {}
        self.ids: dict[str, Source] = {}


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
            items_node = sub["events"][1] if "events" in sub else None  # a city alone: nothing planned there yet
        if city:
            days.cities[day] = city
        if items_node is not None and not is_null(items_node):
            _read_events(r, known, items_node, field, day, days)
    return days


def _read_events(r: NodeReader, known: Known, node: Node, field: str, day: date, days: Days) -> None:
    read: list[tuple[int, Node, Event]] = []
    for index, item in enumerate(r.sequence(node, field) or []):
        event = read_event(r, known, item, f"{field}[{index}]", day)
        if event is not None:
            read.append((index, item, event))
    derived = _derived_ids(day, read)
    for index, item, event in read:
        if index in derived and derived[index] != event.id:  # a repeat of a title: numbered
            event = replace(event, id=derived[index])
        if event.id in days.ids:
            first = days.ids[event.id]
            r.error(item, f"{field}[{index}].id", f"event id {event.id!r} is already used at line {first.line}")
            continue
        days.ids[event.id] = event.source
        days.events.append(event)


def _derived_ids(day: date, read: list[tuple[int, Node, Event]]) -> dict[int, str]:
    """The ids of the day's events without an `id`, by their place in the file: given in time order
    (the file's order only between twins that start and end together)."""
    ids = DerivedIds(day)
    unnamed = [(index, event) for index, _, event in read if not event.explicit_id]
    unnamed.sort(key=lambda pair: (pair[1].start.astimezone(UTC), pair[1].end.astimezone(UTC), pair[0]))
    return {index: ids.take_base(event.id) for index, event in unnamed}  # read_event left each its base
