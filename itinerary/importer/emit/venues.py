"""One venue per distinct LOCATION: its id, name, address and zone, written under `venues:`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from itinerary import hashes
from itinerary.importer.draft import Item, Place
from itinerary.importer.emit.yamltext import Lines, scalar
from itinerary.timeutil import slug


class VenueEntry(NamedTuple):
    id: str
    place: Place
    name: str
    address: str
    local_address: str
    timezone: str | None
    comments: tuple[str, ...] = ()


def split_place(text: str) -> tuple[str, str, str]:
    """(name, address, local_address) from a LOCATION: the name ends where a part starting with a
    digit begins (a street number), else at the first comma; a trailing '(...)' in a non-Latin
    script is the address in local script (as itinerary's export writes it)."""
    text = " ".join(text.split())
    local = ""
    match = re.fullmatch(r"(.*\S)\s*\(([^()]*)\)", text)
    if match and any(ord(ch) > 0x2FF for ch in match[2]):
        text, local = match[1], match[2].strip()
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 1:
        return text, "", local
    cut = next((i for i in range(1, len(parts)) if parts[i][:1].isdigit()), 1)
    return ", ".join(parts[:cut]), ", ".join(parts[cut:]), local


def venues_of(items: Iterable[Item], programme_zone: str) -> dict[str, VenueEntry]:
    """One venue per distinct LOCATION (case and spacing aside), keyed by Place.key."""
    places: dict[str, list[Place]] = {}
    zones: dict[str, Counter[str]] = {}
    for item in items:
        for place, zones_here in (
            (item.place, (item.start_zone, item.end_zone)),
            (item.origin, (item.start_zone,)),
            (item.destination, (item.end_zone,)),
        ):
            if place is None:
                continue
            places.setdefault(place.key, []).append(place)
            counter = zones.setdefault(place.key, Counter())
            counter.update(z for z in zones_here if z)
    out: dict[str, VenueEntry] = {}
    used: set[str] = set()
    for key, seen in places.items():
        first = seen[0]
        name, address, local = split_place(first.text)
        geos = list(dict.fromkeys(p.geo for p in seen if p.geo is not None))
        urls = list(dict.fromkeys(p.url for p in seen if p.url))
        comments = []
        if name != " ".join(first.text.split()):
            comments.append(f"LOCATION in the calendar: {first.text}")
        if len(geos) > 1:
            comments.append(f"the calendar gives {len(geos)} different GEO for this place: the first is kept")
        counts = zones.get(key, Counter())
        tz = counts.most_common(1)[0][0] if counts else None
        ident = unique(short_slug(name.split(",")[0]) or _hashed(name), used)
        out[key] = VenueEntry(
            id=ident,
            place=first._replace(geo=geos[0] if geos else None, url=urls[0] if urls else ""),
            name=name,
            address=address,
            local_address=local,
            timezone=tz if tz and tz != programme_zone else None,
            comments=tuple(comments),
        )
    return out


def write_venue(out: Lines, venue: VenueEntry) -> None:
    out.line(f"  {scalar(venue.id)}:")
    for comment in venue.comments:
        out.comment("    ", comment)
    out.line(f"    name: {scalar(venue.name)}")
    if venue.address:
        out.line(f"    address: {scalar(venue.address)}")
    if venue.local_address:
        out.line(f"    local_address: {scalar(venue.local_address)}")
    if venue.place.geo:
        lat, lon = venue.place.geo
        out.line(f"    geo: [{lat!r}, {lon!r}]")
    if venue.place.url:
        out.line(f"    url: {scalar(venue.place.url)}")
    if venue.timezone:
        out.line(f"    timezone: {venue.timezone}")


def short_slug(text: str, length: int = 32) -> str:
    """A slug cut at a word boundary: ids are typed on the command line and read in files."""
    ident = slug(text)
    if len(ident) <= length:
        return ident
    cut = ident[: length + 1].rfind("-")
    return ident[: cut if cut > 0 else length].strip("-")


def _hashed(name: str) -> str:
    """An id for a place whose name has no Latin letter ('東京都庁'): 'venue-' and a short hash of the
    name, the same whichever order the calendar lists its places in (it was 'venue', 'venue-2'...)."""
    normal = " ".join(name.casefold().split())
    return f"venue-{hashes.sha256(normal)[:6]}"


def unique(base: str, used: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not in `used` yet (and now is)."""
    ident, count = base, 1
    while ident in used:
        count += 1
        ident = f"{base}-{count}"
    used.add(ident)
    return ident
