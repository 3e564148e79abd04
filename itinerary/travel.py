"""How long it takes to get from one venue to another: the file's own figure, else an estimate from coordinates.

Order of trust: an entry of the `travel:` table (either direction), else the
great-circle distance times a detour factor, on foot when short, else driven: the
first `city_km` at city taxi speed, the rest at road speed (as the programme's
`travel_defaults`), else unknown. Stations and airports add their
`transfer_minutes` at either end, and every trip between two venues gets the buffer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from itinerary.model import Programme, Source, TravelSettings, TravelTime, Venue

EARTH_RADIUS_KM = 6371.0088
"""Mean radius (IUGG); the spherical error is well under the detour factor's."""

MODE_WORDS = {
    "walk": "on foot",
    "taxi": "by taxi",
    "road": "by road",
    "car": "by car",
    "bus": "by bus",
    "coach": "by coach",
    "train": "by train",
    "metro": "by metro",
    "tram": "by tram",
    "ferry": "by ferry",
    "other": "of travel",
}


class Trip(NamedTuple):
    """What it takes to get from the end of one event to the start of the next."""

    minutes: int
    """The journey itself, door to door (0 when both events are at the same place)."""
    mode: str
    """A `travel:` mode, or for an estimate walk, taxi (within a city) or road (beyond); "" when nobody moves."""
    km: float | None = None
    """Road distance of an estimate (great circle x detour factor); None when not known."""
    source: Source | None = None
    """The `travel:` entry the minutes come from, when the file gives them."""
    transfers: tuple[tuple[str, int], ...] = ()
    """(place name, minutes) for a station or airport at either end."""
    buffer: int = 0

    @property
    def bare(self) -> int:
        """Minutes without the buffer: less than this is impossible, not just tight."""
        return self.minutes + sum(m for _, m in self.transfers) if self.transfers else self.minutes

    @property
    def needed(self) -> int:
        return self.bare + self.buffer

    def explain(self) -> str:
        """'21 min by taxi for 8.6 km + 10 min buffer'."""
        parts = []
        if self.mode:
            what = f"{self.minutes} min {MODE_WORDS.get(self.mode, 'of travel')}"
            if self.km is not None:
                what += f" for {self.km:.1f} km"
            if self.source is not None:
                what += f" (travel table, line {self.source.line})"
            parts.append(what)
        parts += [f"{m} min to change at {name}" for name, m in self.transfers]
        if self.buffer:
            parts.append(f"{self.buffer} min buffer")
        return " + ".join(parts) if parts else "nothing"


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance over the earth's surface between two [lat, lon] points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def estimate(a: tuple[float, float], b: tuple[float, float], settings: TravelSettings) -> tuple[int, str, float]:
    """(minutes, mode, road km), minutes rounded up: walk up to `walk_max_km` of road, else drive.

    A drive goes at city speed for its first `city_km` and at road speed beyond, so the
    time grows with the distance without a jump where the city ends.
    """
    road = great_circle_km(a, b) * settings.detour_factor
    if road <= settings.walk_max_km:
        hours, mode = road / settings.walk_kmh, "walk"
    elif road <= settings.city_km:
        hours, mode = road / settings.taxi_kmh, "taxi"
    else:
        hours, mode = settings.city_km / settings.taxi_kmh + (road - settings.city_km) / settings.road_kmh, "road"
    # Rounded to a microminute first, so that float noise never adds a whole minute.
    return math.ceil(round(hours * 60, 6)), mode, road


def same_place(a: Venue, b: Venue) -> bool:
    return a.id == b.id and a.geo == b.geo


def table(programme: Programme) -> Mapping[frozenset[str], TravelTime]:
    """The file's `travel:` entries by venue pair, either direction; the first entry for a pair wins."""
    return table_of(programme.travel)


def table_of(entries: Iterable[TravelTime]) -> Mapping[frozenset[str], TravelTime]:
    out: dict[frozenset[str], TravelTime] = {}
    for entry in entries:
        out.setdefault(frozenset((entry.a, entry.b)), entry)
    return out


def unknown(a: Venue, b: Venue, entries: Mapping[frozenset[str], TravelTime]) -> tuple[Venue, ...]:
    """The venues whose missing coordinates keep the trip from being estimated (none if it can be)."""
    if same_place(a, b) or frozenset((a.id, b.id)) in entries:
        return ()
    return tuple(v for v in (a, b) if v.geo is None)


def trip(a: Venue, b: Venue, settings: TravelSettings, entries: Mapping[frozenset[str], TravelTime]) -> Trip | None:
    """The trip from `a` to `b`, or None when it cannot be told (a venue without coordinates)."""
    if same_place(a, b):
        change = ((a.name, a.transfer_minutes),) if a.transfer_minutes else ()
        return Trip(0, "", transfers=change)
    transfers = tuple((v.name, v.transfer_minutes) for v in (a, b) if v.transfer_minutes)
    entry = entries.get(frozenset((a.id, b.id)))
    if entry is not None:
        return Trip(entry.minutes, entry.mode, None, entry.source, transfers, settings.buffer_minutes)
    if a.geo is None or b.geo is None:
        return None
    minutes, mode, road = estimate(a.geo, b.geo, settings)
    return Trip(minutes, mode, road, None, transfers, settings.buffer_minutes)
