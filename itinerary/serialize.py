"""The model as plain data for `--format json`: stable field names, ISO 8601 instants with offsets."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from itinerary.model import Contact, Event, Participant, Programme, Venue


def instant(value: datetime, tz: tzinfo | None = None) -> str:
    return (value.astimezone(tz) if tz is not None else value).isoformat(timespec="minutes")


def venue(value: Venue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "id": value.id,
        "name": value.name,
        "address": value.address,
        "local_address": value.local_address,
        "city": value.city,
        "geo": list(value.geo) if value.geo else None,
        "url": value.url,
        "timezone": value.timezone,
    }


def contact(value: Contact | None) -> dict[str, str] | None:
    return None if value is None else {"name": value.name, "phone": value.phone, "email": value.email}


def event(programme: Programme, value: Event, tz: tzinfo | None = None) -> dict[str, Any]:
    """`tz` is the reader's zone; `start_local`/`end_local` keep each end in its own zone."""
    start_local, end_local = instant(value.start), instant(value.end)
    return {
        "id": value.id,
        "kind": value.kind.value,
        "title": value.title,
        "start": start_local if tz is None else instant(value.start, tz),
        "end": end_local if tz is None else instant(value.end, tz),
        "start_local": start_local,
        "end_local": end_local,
        "end_estimated": value.end_estimated,
        "all_day": value.all_day,
        "time_tbc": value.tbc,
        "tentative": value.tentative,
        "background": value.background,
        "venue": venue(value.venue),
        "from": venue(value.origin),
        "to": venue(value.destination),
        "who": list(value.who or ()),
        "who_label": programme.who_label(value),
        "attendees": sorted(programme.attendees(value)),
        "optional": sorted(programme.optional(value)),
        "number": value.number,
        "contact": contact(value.contact),
        "notes": value.notes,
        "source": str(value.source),
    }


def participant(programme: Programme, value: Participant) -> dict[str, Any]:
    return {
        "id": value.id,
        "name": value.name,
        "title": value.title,
        "organisation": value.organisation,
        "groups": list(value.groups),
        "group_names": [programme.groups[g].name for g in value.groups],
        "email": value.email,
    }


def programme_head(programme: Programme) -> dict[str, Any]:
    return {
        "id": programme.id,
        "title": programme.title,
        "timezone": programme.timezone,
        "start": programme.start.isoformat(),
        "end": programme.end.isoformat(),
        "revision": programme.revision,
    }
