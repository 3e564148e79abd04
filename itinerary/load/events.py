"""One event of a day: its title, kind, places, people, times and id."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, tzinfo
from typing import NamedTuple

from yaml import MappingNode, Node

from itinerary.load.details import DETAIL_KEYS, read_details
from itinerary.load.hints import suggest
from itinerary.load.nodes import Fields, NodeReader
from itinerary.load.times import Item, when
from itinerary.load.venues import read_venue
from itinerary.model import Event, Group, Kind, Participant, Venue, event_id_base
from itinerary.timeutil import zone

EVENT_KEYS = (
    "id", "title", "kind", "time", "depart", "arrive", "venue", "from", "to",
    "who", "notes", "until", "all_day", "background", *DETAIL_KEYS,
)  # fmt: skip


class Known(NamedTuple):
    """What the sections before `days:` declared, which events refer to."""

    tz_name: str
    groups: Mapping[str, Group]
    participants: Mapping[str, Participant]
    venues: Mapping[str, Venue]


class Places(NamedTuple):
    venue: Venue | None
    origin: Venue | None
    destination: Venue | None


def read_event(r: NodeReader, known: Known, node: Node, field: str, day: date) -> Event | None:
    """The event, or None when anything about it is wrong (each reported once).

    Without an `id`, its id is left as the day and title (`model.event_id_base`): `days`
    numbers the repeats of a title once the whole day is read, in time order."""
    fields = r.mapping(node, field, EVENT_KEYS)
    if fields is None:
        return None
    before = len(r.errors)
    title = r.required_text(fields, "title", field, node)
    kind = _kind(r, fields, field) if "kind" in fields else Kind.MEETING
    places = _places(r, known, fields, field)
    if kind is None:  # reported; guessing would only add errors that follow from it
        return None
    places = _check_places(r, fields, field, kind, places)
    who = _who(r, known, fields["who"][1], f"{field}.who") if "who" in fields else None
    details = read_details(r, fields, field, kind, lambda refs, where: _who(r, known, refs, where))
    all_day = r.boolean(fields["all_day"][1], f"{field}.all_day") if "all_day" in fields else False
    background = r.boolean(fields["background"][1], f"{field}.background") if "background" in fields else False
    start_tz = _tz_of(known, places.origin or places.venue)
    end_tz = _tz_of(known, places.destination or places.venue)
    times = when(r, Item(fields, field, node, day, kind, start_tz, end_tz), all_day)
    if len(r.errors) > before or times is None or title is None:
        return None
    ident = _event_id(r, fields, field, day, title)
    if ident is None:
        return None
    if who is not None and details.optional:  # optional people are the event's people too
        who = who + tuple(ref for ref in details.optional if ref not in who)
    return Event(
        id=ident,
        kind=kind,
        title=title,
        start=times.start,
        end=times.end,
        source=r.src(node),
        venue=places.venue,
        origin=places.origin,
        destination=places.destination,
        who=who,
        notes=(r.text(fields["notes"][1], f"{field}.notes") or "").strip() if "notes" in fields else "",
        end_estimated=times.estimated,
        all_day=all_day or times.tbc,
        background=background or kind is Kind.HOTEL,
        explicit_id="id" in fields,
        tbc=times.tbc,
        check_in_usual=times.usual[0],
        check_out_usual=times.usual[1],
        tentative=details.tentative,
        optional=details.optional,
        optional_all=details.optional_all,
        number=details.number,
        contact=details.contact,
    )


_KINDS = {k.value: k for k in Kind}


def _kind(r: NodeReader, fields: Fields, field: str) -> Kind | None:
    """The `kind` the event gives (without one, it is a meeting)."""
    kind_value = r.text(fields["kind"][1], f"{field}.kind")
    kind_text = (kind_value or "").strip()
    kind = _KINDS.get(kind_text)
    if kind is not None:
        return kind
    if kind_value is not None:  # None: not a single value, reported already
        names = [k.value for k in Kind]
        r.error(
            fields["kind"][1],
            f"{field}.kind",
            f"unknown kind {kind_text!r}{suggest(kind_text, names)}; one of {', '.join(names)}",
        )
    return None


def _check_places(r: NodeReader, fields: Fields, field: str, kind: Kind, places: Places) -> Places:
    """Legs go `from` `to`; an excursion leaves `from` and returns `to` (or where it left from);
    everything else is at a `venue`."""
    if ("from" in fields or "to" in fields) and not kind.has_ends:
        r.error(
            fields["from" if "from" in fields else "to"][0],
            field,
            f"`from`/`to` are for legs (train, flight, bus...) and excursions, not a {kind.value}; use `venue`",
        )
    if places.venue is not None and kind.is_leg and (places.origin or places.destination):
        r.error(fields["venue"][0], field, "a leg has `from` and `to`, not `venue`")
    if kind is Kind.EXCURSION and places.origin is not None and places.destination is None:
        return Places(places.venue, places.origin, places.origin)
    return places


def _event_id(r: NodeReader, fields: Fields, field: str, day: date, title: str) -> str | None:
    """The id the file gives, or the day and title (repeats are numbered by `days`)."""
    if "id" not in fields:
        return event_id_base(day, title)
    id_value = r.text(fields["id"][1], f"{field}.id")
    if id_value is None:  # not a single value, reported already
        return None
    ident = id_value.strip()
    if not ident or any(ch.isspace() for ch in ident):
        r.error(fields["id"][1], f"{field}.id", "must be a word without spaces (letters, digits, - _ . /)")
        return None
    return ident


def _tz_of(known: Known, venue: Venue | None) -> tzinfo:
    return zone(venue.timezone if venue else known.tz_name)


def _places(r: NodeReader, known: Known, fields: Fields, field: str) -> Places:
    return Places(
        _venue_ref(r, known, fields, field, "venue") if "venue" in fields else None,
        _venue_ref(r, known, fields, field, "from") if "from" in fields else None,
        _venue_ref(r, known, fields, field, "to") if "to" in fields else None,
    )


def _venue_ref(r: NodeReader, known: Known, fields: Fields, field: str, key: str) -> Venue | None:
    """A venue id, or a venue written in place (a mapping)."""
    node, ref_field = fields[key][1], f"{field}.{key}"
    if isinstance(node, MappingNode):
        return read_venue(r, node, ref_field, None, r.src(node), known.tz_name)
    ref = r.text(node, ref_field)
    if ref is None:
        return None
    ref = ref.strip()
    if ref not in known.venues:
        r.error(node, ref_field, f"unknown venue {ref!r}{suggest(ref, known.venues)}")
        return None
    return known.venues[ref]


def _who(r: NodeReader, known: Known, node: Node, field: str) -> tuple[str, ...]:
    """The participant and group ids an event names, each once."""
    out: list[str] = []
    for ref, ref_node in r.names(node, field):
        if ref not in known.groups and ref not in known.participants:
            names = list(known.groups) + list(known.participants)
            r.error(ref_node, field, f"unknown participant or group {ref!r}{suggest(ref, names)}")
        elif ref not in out:
            out.append(ref)
    return tuple(out)
