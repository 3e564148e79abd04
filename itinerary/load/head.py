"""The `programme:` section: the visit's id, title, zone, dates, day parts and travel defaults."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from yaml import Node

from itinerary.load.nodes import Fields, NodeReader, join
from itinerary.load.scalars import span
from itinerary.load.times import stamp
from itinerary.model import DEFAULT_DAY_PARTS, DayPart, Source, TravelSettings
from itinerary.timeutil import parse_date, zone

HEAD_KEYS = ("id", "title", "timezone", "start", "end", "revision", "updated", "city", "day_parts", "travel_defaults")
TRAVEL_DEFAULT_KEYS = (
    "detour_factor", "walk_kmh", "walk_max_km", "taxi_kmh", "city_km", "road_kmh", "buffer_minutes",
)  # fmt: skip
TRAVEL_DEFAULT_BOUNDS = {
    "detour_factor": (1.0, 10.0, "(road distance over the straight line)"),
    "walk_kmh": (0.5, 1000.0, "km/h"),
    "taxi_kmh": (0.5, 1000.0, "km/h"),
    "road_kmh": (0.5, 1000.0, "km/h"),
    "walk_max_km": (0.0, 100.0, "km"),
    "city_km": (0.0, 1000.0, "km"),
}
"""Wide enough for any real trip; narrow enough that no estimate overflows a date or a clock."""
BUFFER_MAX = (24 * 60, "minutes (a day)")
REVISION_MAX = (2**31 - 1, "(the largest SEQUENCE a calendar holds)")


class Head(NamedTuple):
    """What the `programme:` section says about the whole visit."""

    id: str
    title: str
    timezone: str
    start: date
    end: date
    revision: int
    updated: datetime | None
    city: str
    day_parts: tuple[DayPart, ...]
    travel_settings: TravelSettings
    source: Source


def read_head(r: NodeReader, node: Node) -> tuple[Head | None, str]:
    """The head, or None when a part every command needs is missing or wrong (each reported);
    and the zone venues default to, which is read even when the rest is wrong (UTC if none is)."""
    field = "programme"
    fields = r.mapping(node, field, HEAD_KEYS)
    if fields is None:
        return None, "UTC"
    ident = r.required_text(fields, "id", field, node)
    if ident is not None:
        r.slug_id(ident, fields["id"][1], "programme.id")
    title = r.required_text(fields, "title", field, node)
    tz_name = None
    if "timezone" not in fields:
        r.error(node, field, "missing `timezone` (an IANA name such as Europe/Brussels)")
    else:
        tz_name = r.zone_name(fields["timezone"][1], "programme.timezone")
    start, end = _dates(r, fields, node)
    revision = (
        r.integer(fields["revision"][1], "programme.revision", maximum=REVISION_MAX) if "revision" in fields else 0
    )
    updated = _updated(r, fields, tz_name)
    parts = read_day_parts(r, fields["day_parts"][1]) if "day_parts" in fields else DEFAULT_DAY_PARTS
    settings = (
        read_travel_defaults(r, fields["travel_defaults"][1]) if "travel_defaults" in fields else TravelSettings()
    )
    if not (ident and title and tz_name and start is not None and end is not None):
        return None, tz_name or "UTC"
    head = Head(
        id=ident,
        title=title,
        timezone=tz_name,
        start=start,
        end=end,
        revision=revision or 0,
        updated=updated,
        city=r.optional_text(fields, "city", field),
        day_parts=parts,
        travel_settings=settings,
        source=r.src(node),
    )
    return head, tz_name


def _dates(r: NodeReader, fields: Fields, node: Node) -> tuple[date | None, date | None]:
    found: dict[str, date | None] = {"start": None, "end": None}
    for key in found:
        if key not in fields:
            r.error(node, "programme", f"missing `{key}` (YYYY-MM-DD)")
            continue
        found[key] = r.parse(fields[key][1], f"programme.{key}", parse_date)
    start, end = found["start"], found["end"]
    if start is not None and end is not None and end < start:
        r.error(fields["end"][1], "programme.end", f"{end} is before the start {start}")
    return start, end


def _updated(r: NodeReader, fields: Fields, tz_name: str | None) -> datetime | None:
    if "updated" not in fields or not tz_name:
        return None
    return stamp(
        r,
        fields["updated"][1],
        "programme.updated",
        date(2000, 1, 1),
        zone(tz_name),
        need_date=True,
        default_time=(0, 0),
    )


def read_day_parts(r: NodeReader, node: Node) -> tuple[DayPart, ...]:
    """The named parts of a day (morning, lunch...), in order and without overlaps."""
    fields = r.mapping(node, "programme.day_parts")
    if not fields:
        return DEFAULT_DAY_PARTS
    parts: list[DayPart] = []
    for name, (_, value) in fields.items():
        field = f"programme.day_parts.{name}"
        hours = r.parse(value, field, span)
        if hours is None:
            continue
        (h1, m1), (h2, m2) = hours
        if m1 or m2:
            text = str(value.value)
            r.error(value, field, f"{text!r}: the parts of the day run on whole hours (HH:00-HH:00)")
            continue
        part = DayPart(name, h1, h2 if h2 > h1 else 24)
        if parts and part.start_hour < parts[-1].end_hour:
            previous = parts[-1]
            r.error(
                value,
                field,
                f"starts at {h1:02d}:00, before {previous.name!r} ends ({previous.end_hour:02d}:00): "
                "list the parts in the order of the day, without overlaps",
            )
            continue
        parts.append(part)
    return tuple(parts) or DEFAULT_DAY_PARTS


def read_travel_defaults(r: NodeReader, node: Node) -> TravelSettings:
    """How travel is estimated where the file gives no time: speeds, detour, buffer."""
    field = "programme.travel_defaults"
    fields = r.mapping(node, field, TRAVEL_DEFAULT_KEYS)
    if not fields:
        return TravelSettings()
    values: dict[str, float | int] = {}
    for key, (_, value) in fields.items():
        if key == "buffer_minutes":
            minutes = r.integer(value, join(field, key), maximum=BUFFER_MAX)
            if minutes is not None:
                values[key] = minutes
            continue
        number = r.number(value, join(field, key), TRAVEL_DEFAULT_BOUNDS.get(key))
        if number is not None:
            if number <= 0:
                r.error(value, join(field, key), "must be greater than 0")
            else:
                values[key] = number
    return TravelSettings(**values)  # type: ignore[arg-type]
