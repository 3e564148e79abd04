"""The `venues:` section, and a venue written in place inside an event."""

from __future__ import annotations

from yaml import Node

from itinerary.load.nodes import NodeReader
from itinerary.model import Source, Venue
from itinerary.timeutil import name_key

VENUE_KEYS = ("name", "address", "local_address", "city", "geo", "url", "timezone", "transfer_minutes")
TRANSFER_MAX = (24 * 60, "minutes (a day)")


def read_venues(r: NodeReader, node: Node, tz_name: str) -> dict[str, Venue]:
    """Each venue by id; a venue without `timezone` is in the programme's zone `tz_name`."""
    venues: dict[str, Venue] = {}
    fields = r.mapping(node, "venues")
    for ident, (key_node, value) in (fields or {}).items():
        if not r.slug_id(ident, key_node, f"venues.{ident}"):
            continue
        venue = read_venue(r, value, f"venues.{ident}", ident, r.src(key_node), tz_name)
        if venue is not None:
            venues[ident] = venue
    return venues


def read_venue(r: NodeReader, node: Node, field: str, ident: str | None, source: Source, tz_name: str) -> Venue | None:
    """One venue; without an `ident` (written in place) its id is made from its name."""
    fields = r.mapping(node, field, VENUE_KEYS)
    if fields is None:
        return None
    name = r.required_text(fields, "name", field, node)
    venue_tz = r.zone_name(fields["timezone"][1], f"{field}.timezone") if "timezone" in fields else tz_name
    geo = _geo(r, fields["geo"][1], f"{field}.geo") if "geo" in fields else None
    transfer = (
        r.integer(fields["transfer_minutes"][1], f"{field}.transfer_minutes", maximum=TRANSFER_MAX)
        if "transfer_minutes" in fields
        else 0
    )
    if not name or not venue_tz:
        return None
    address, city = r.optional_text(fields, "address", field), r.optional_text(fields, "city", field)
    return Venue(
        id=ident or inline_id(name, address, city, geo),
        name=name,
        timezone=venue_tz,
        source=source,
        address=address,
        local_address=r.optional_text(fields, "local_address", field),
        city=city,
        geo=geo,
        url=r.single_line(fields, "url", field),
        transfer_minutes=transfer or 0,
        zone_written="timezone" in fields,
    )


def _geo(r: NodeReader, node: Node, field: str) -> tuple[float, float] | None:
    """`[latitude, longitude]`, each within its range."""
    items = r.sequence(node, field)
    if items is None:
        return None
    if len(items) != 2:
        r.error(node, field, f"expected [latitude, longitude], found {len(items)} values")
        return None
    lat, lon = r.number(items[0], field), r.number(items[1], field)
    if lat is None or lon is None:
        return None
    if not -90 <= lat <= 90:
        r.error(items[0], field, f"latitude {lat} is outside -90..90 (is it [lat, lon]?)")
        return None
    if not -180 <= lon <= 180:
        r.error(items[1], field, f"longitude {lon} is outside -180..180")
        return None
    return (lat, lon)


def inline_id(name: str, address: str, city: str, geo: tuple[float, float] | None) -> str:
    """The id of a venue written in place: its name in any script ('inline-東京駅'), and where the
    place is said further, a short hash of it, so that two Hiltons in two cities stay two venues
    while the same name written twice alone stays one."""
    ident = f"inline-{name_key(name)}"
    if not (address or city or geo):
        return ident
    from itinerary import hashes

    where = "|".join((" ".join(address.casefold().split()), " ".join(city.casefold().split()), repr(geo)))
    return f"{ident}-{hashes.sha256(where)[:6]}"
