"""The programme as the rest of the program sees it: frozen, zone-aware, and knowing where it came from.

Nothing here reads files or talks to a terminal; the loader builds these objects and
everything else (checks, renderers, exporters) only reads them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from functools import cached_property
from types import MappingProxyType

from itinerary.timeutil import name_key


@dataclass(frozen=True, slots=True)
class Source:
    """Where a thing was written, so that every message can point at it."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


class Kind(str, Enum):
    MEETING = "meeting"
    VISIT = "visit"
    MEAL = "meal"
    TRAIN = "train"
    FLIGHT = "flight"
    TRANSFER = "transfer"
    BUS = "bus"
    COACH = "coach"
    FERRY = "ferry"
    METRO = "metro"
    TRAM = "tram"
    WALK = "walk"
    HOTEL = "hotel"
    RECEPTION = "reception"
    EXCURSION = "excursion"
    FREE = "free"
    OTHER = "other"

    @property
    def is_leg(self) -> bool:
        """A leg moves people from one venue to another."""
        return self in LEGS

    @property
    def with_article(self) -> str:
        """'a meeting', 'an excursion'."""
        return f"{'an' if self.value[0] in 'aeiou' else 'a'} {self.value}"

    @property
    def has_ends(self) -> bool:
        """Takes `from` and `to`: a leg, or an excursion that leaves from one venue and returns to another."""
        return self in LEGS or self is Kind.EXCURSION


LEGS = frozenset(
    (Kind.TRAIN, Kind.FLIGHT, Kind.TRANSFER, Kind.BUS, Kind.COACH, Kind.FERRY, Kind.METRO, Kind.TRAM, Kind.WALK)
)


# Used when an event gives no end: a sensible guess an organiser can see is a guess.
DEFAULT_DURATION: Mapping[Kind, timedelta] = MappingProxyType(
    {
        Kind.MEETING: timedelta(hours=1),
        Kind.VISIT: timedelta(hours=1, minutes=30),
        Kind.MEAL: timedelta(hours=1, minutes=30),
        Kind.TRAIN: timedelta(hours=1),
        Kind.FLIGHT: timedelta(hours=2),
        Kind.TRANSFER: timedelta(minutes=30),
        Kind.BUS: timedelta(hours=1),
        Kind.COACH: timedelta(hours=2),
        Kind.FERRY: timedelta(hours=1),
        Kind.METRO: timedelta(minutes=30),
        Kind.TRAM: timedelta(minutes=30),
        Kind.WALK: timedelta(minutes=15),
        Kind.HOTEL: timedelta(hours=20),
        Kind.RECEPTION: timedelta(hours=2),
        Kind.EXCURSION: timedelta(hours=4),
        Kind.FREE: timedelta(hours=1),
        Kind.OTHER: timedelta(hours=1),
    }
)

# A hotel stay that gives no times: the usual check-in and check-out hours, (hour, minute).
HOTEL_CHECK_IN = (15, 0)
HOTEL_CHECK_OUT = (11, 0)


def event_id_base(day: date, title: str) -> str:
    """The id of an event the file gives none: its day and its title's key in any script
    ('2009-03-02/visit-to-nec', '2024-10-07/東京都庁での会議')."""
    return f"{day.isoformat()}/{name_key(title) or 'event'}"


def numbered_event_id(base: str, nth: int) -> str:
    """The id of the `nth` event of a day whose derived id is `base`: the second gets '-2', and so on."""
    return base if nth == 1 else f"{base}-{nth}"


class DerivedIds:
    """The ids one day's events without an `id` get, handed out in time order (the loader and the
    importer both use this): repeats of a title are numbered by when they happen, not where they
    are written, so that reordering the file changes no event's identity."""

    def __init__(self, day: date) -> None:
        self.day = day
        self.taken: dict[str, int] = {}

    def peek(self, title: str) -> str:
        """The id the next event with `title` (in time order) gets."""
        base = event_id_base(self.day, title)
        return numbered_event_id(base, self.taken.get(base, 0) + 1)

    def take(self, title: str) -> str:
        return self.take_base(event_id_base(self.day, title))

    def take_base(self, base: str) -> str:
        """`take` for a title whose `event_id_base` is known already (the loader's events carry it)."""
        nth = self.taken.get(base, 0) + 1
        self.taken[base] = nth
        return numbered_event_id(base, nth)


@dataclass(frozen=True, slots=True)
class Group:
    """A group of participants (a delegation, the secretariat) that events can name at once."""

    id: str
    name: str
    source: Source


@dataclass(frozen=True, slots=True)
class Participant:
    """A person on the visit; `groups` are the ids of the groups they belong to."""

    id: str
    name: str
    groups: tuple[str, ...]
    source: Source
    title: str = ""
    organisation: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Venue:
    """A place where events happen, with its own zone: times at a venue are its wall-clock times."""

    id: str
    name: str
    timezone: str
    source: Source
    address: str = ""
    local_address: str = ""
    city: str = ""
    geo: tuple[float, float] | None = None
    url: str = ""
    transfer_minutes: int = 0
    """Minimum time to change here (a station or an airport), added to travel to or from it."""
    zone_written: bool = True
    """False when the file gives the venue no `timezone:` and it takes the programme's."""


@dataclass(frozen=True, slots=True)
class Contact:
    """Who to call about an event."""

    name: str = ""
    phone: str = ""
    email: str = ""

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.phone, self.email) if part)


@dataclass(frozen=True, slots=True)
class Event:
    """One item of the programme. `start` and `end` are always zone-aware."""

    id: str
    kind: Kind
    title: str
    start: datetime
    end: datetime
    source: Source
    venue: Venue | None = None
    origin: Venue | None = None
    destination: Venue | None = None
    who: tuple[str, ...] | None = None
    """Group and participant ids as written; None (no `who`) is everyone, () (`who: []`) nobody."""
    notes: str = ""
    end_estimated: bool = False
    all_day: bool = False
    background: bool = False
    """Background events (hotel stays) never clash with what happens during them."""
    explicit_id: bool = False
    tbc: bool = False
    """The day is known, the time is not (`time: TBC`): held as an all-day item that books no one."""
    tentative: bool = False
    """`status: tentative`: the event itself may still fall through."""
    check_in_usual: bool = False
    """A hotel stay whose check-in is the usual hour: the file gives none (shown as assumed)."""
    check_out_usual: bool = False
    """A hotel stay whose check-out is the usual hour: `until` gives a date only."""
    optional: tuple[str, ...] = ()
    """Group and participant ids for whom attending is optional (they are in `who` too)."""
    optional_all: bool = False
    """`optional: true`: optional for everyone the event is for."""
    number: str = ""
    """A leg's flight, train or bus number."""
    contact: Contact | None = None

    @property
    def place_at_start(self) -> Venue | None:
        return self.origin or self.venue

    @property
    def place_at_end(self) -> Venue | None:
        return self.destination or self.venue

    @property
    def duration(self) -> timedelta:
        """Time that passes, in UTC: Python subtracts two times of one zone as wall clocks, an hour
        off across a change of the clocks (a night train, a day in Cairo that starts at 01:00)."""
        return self.end.astimezone(UTC) - self.start.astimezone(UTC)

    @property
    def route(self) -> tuple[str, str] | None:
        """A leg's two ends by name ('?' for an end it does not give); None for an item at one place."""
        if self.origin is None and self.destination is None:
            return None
        return (self.origin.name if self.origin else "?", self.destination.name if self.destination else "?")

    @property
    def open_note(self) -> str:
        """What is not settled about it, as every output says it: 'tentative', 'time to be confirmed'."""
        return "; ".join(
            word for word, is_open in (("tentative", self.tentative), ("time to be confirmed", self.tbc)) if is_open
        )


@dataclass(frozen=True, slots=True)
class TravelTime:
    """An organiser's own figure for getting between two venues; beats any estimate."""

    a: str
    b: str
    minutes: int
    mode: str
    source: Source


@dataclass(frozen=True, slots=True)
class TravelSettings:
    """How travel times are estimated from coordinates when the file gives none."""

    detour_factor: float = 1.3
    walk_kmh: float = 4.5
    walk_max_km: float = 1.0
    taxi_kmh: float = 25.0
    city_km: float = 10.0
    """Road distance driven at `taxi_kmh`; the rest of a longer trip goes at `road_kmh`."""
    road_kmh: float = 70.0
    buffer_minutes: int = 10


@dataclass(frozen=True, slots=True)
class DayPart:
    """A named part of the day (morning, lunch...) by its hours: `programme.day_parts`, or the usual four."""

    name: str
    start_hour: int
    end_hour: int


DEFAULT_DAY_PARTS: tuple[DayPart, ...] = (
    DayPart("Morning", 0, 12),
    DayPart("Lunch", 12, 13),
    DayPart("Afternoon", 13, 18),
    DayPart("Evening", 18, 24),
)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in the file, told in one line."""

    source: Source | None
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        if self.source is None:
            return f"itinerary: {self.message}"
        return f"{self.source}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Programme:
    """The whole visit as the file gives it: its people, places and events, and what the loader flagged."""

    id: str
    title: str
    timezone: str
    start: date
    end: date
    source: Source
    groups: Mapping[str, Group]
    participants: Mapping[str, Participant]
    venues: Mapping[str, Venue]
    events: tuple[Event, ...]
    """Sorted by start instant."""
    travel: tuple[TravelTime, ...] = ()
    travel_settings: TravelSettings = TravelSettings()
    day_parts: tuple[DayPart, ...] = DEFAULT_DAY_PARTS
    revision: int = 0
    updated: datetime | None = None
    """When the organiser last changed the programme, as the file says (never the file's mtime)."""
    city: Mapping[date, str] = field(default_factory=dict)
    """The city of each day, where the file names one."""
    default_city: str = ""
    warnings: tuple[Diagnostic, ...] = ()
    """What the loader flagged but accepted (an ambiguous time in a DST fold)."""

    def days(self) -> tuple[date, ...]:
        """Every day of the visit, start to end."""
        count = (self.end - self.start).days + 1
        return tuple(self.start + timedelta(days=n) for n in range(max(count, 0)))

    def cities(self, day: date, events: Iterable[Event] = ()) -> tuple[str, ...]:
        """Where the day is spent: the file's word for it, else the cities of its venues in order."""
        if day in self.city:
            return (self.city[day],)
        seen: list[str] = []
        for event in events:
            for venue in (event.venue, event.origin, event.destination):
                if venue is not None and venue.city and venue.city not in seen:
                    seen.append(venue.city)
        if not seen and self.default_city:
            seen.append(self.default_city)
        return tuple(seen)

    def members(self, group_id: str) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants.values() if group_id in p.groups)

    def expand(self, refs: Iterable[str]) -> frozenset[str]:
        """Participant ids named by a mix of group and participant ids."""
        out: set[str] = set()
        for ref in refs:
            if ref in self.participants:
                out.add(ref)
            elif ref in self.groups:
                out.update(p.id for p in self.members(ref))
        return frozenset(out)

    def attendees(self, event: Event) -> frozenset[str]:
        return self._expanded(event.who)

    def _expanded(self, who: tuple[str, ...] | None) -> frozenset[str]:
        """`expand(who)` (None: everyone), worked out once per distinct `who`."""
        known = self._attendees.get(who)
        if known is None:
            known = self._attendees[who] = frozenset(self.participants) if who is None else self.expand(who)
        return known

    @cached_property
    def _attendees(self) -> dict[tuple[str, ...] | None, frozenset[str]]:
        """Who each distinct `who` expands to, worked out once: checks, calendars and the loader ask per event."""
        return {}

    def attendance(self, events: Iterable[Event] | None = None) -> dict[tuple[str, ...] | None, frozenset[str]]:
        """The attendees of each distinct `who` among `events` (all by default), in their order:
        expanding each once, not once an event, is what 300 people x 5,000 events needs."""
        out: dict[tuple[str, ...] | None, frozenset[str]] = {}
        for event in self.events if events is None else events:
            if event.who not in out:
                out[event.who] = self.attendees(event)
        return out

    def name_of(self, ref: str) -> str:
        """A participant's or group's name, for display; the id itself when it is neither."""
        if ref in self.participants:
            return self.participants[ref].name
        if ref in self.groups:
            return self.groups[ref].name
        return ref

    def optional(self, event: Event) -> frozenset[str]:
        """The attendees for whom this event is optional."""
        if event.optional_all:
            return self.attendees(event)
        return self.expand(event.optional) if event.optional else frozenset()

    def selects(self, event: Event, ref: str) -> bool:
        """Whether `ref` (a participant or group id) is in `event`.

        A participant is in an event that names them or one of their groups; a
        group is in an event that names it or any of its members.
        """
        if ref in self.participants:
            return ref in self.attendees(event)
        if ref in self.groups:
            if event.who is None or ref in event.who:
                return True
            return bool(self._expanded((ref,)) & self.attendees(event))
        return False

    def find(self, who: str) -> str | None:
        """The participant or group id `who` means, or None: an id, or what a person would type
        ('Tea Petrin', 'tea petrin', 'ECPG', 'Delegation of ECPG')."""
        from itinerary.timeutil import slug

        if who in self.participants or who in self.groups:
            return who
        names = {slug(p.name): p.id for p in self.participants.values()}
        names.update({slug(g.name): g.id for g in self.groups.values()})
        for candidate in (slug(who), names.get(slug(who))):
            if candidate and (candidate in self.participants or candidate in self.groups):
                return candidate
        return None

    def closest(self, who: str) -> str | None:
        """The id someone who typed `who` (and found nothing) most likely meant, for a 'did you mean'."""
        import difflib

        from itinerary.timeutil import slug

        wanted = slug(who) or who
        known = [*self.participants, *self.groups]
        close = [k for k in known if k.startswith(wanted)][:1] or difflib.get_close_matches(wanted, known, 1, 0.5)
        return close[0] if close else None

    def events_for(self, ref: str | None) -> tuple[Event, ...]:
        if ref is None:
            return self.events
        return tuple(e for e in self.events if self.selects(e, ref))

    def events_of_each(self, refs: Iterable[str]) -> dict[str, tuple[Event, ...]]:
        """`events_for` of each ref, in one pass over the events: whether an event selects a ref hangs on its
        `who` alone, so each distinct `who` is worked out once (a folder publishes 300 people and their groups)."""
        found: dict[str, list[Event]] = {ref: [] for ref in refs}
        people = {ref: events for ref, events in found.items() if ref in self.participants}
        others = [ref for ref in found if ref not in people]
        chosen: dict[tuple[str, ...] | None, list[list[Event]]] = {}
        for event in self.events:
            lists = chosen.get(event.who)
            if lists is None:
                lists = [people[ref] for ref in self.attendees(event) if ref in people]
                lists += [found[ref] for ref in others if self.selects(event, ref)]
                chosen[event.who] = lists
            for events in lists:
                events.append(event)
        return {ref: tuple(events) for ref, events in found.items()}

    def who_label(self, event: Event) -> str:
        """Who attends, naming whole groups instead of listing their members, and for whom it is optional:
        'Delegation, Secretariat (optional for Secretariat)', 'everyone (optional)'.

        Worked out once per distinct `who` and optional: the printed page asks it of every event."""
        key = (event.who, event.optional, event.optional_all)
        known = self._who_labels.get(key)
        if known is None:
            known = self._who_labels[key] = self._who_label(*key)
        return known

    def _who_label(self, who: tuple[str, ...] | None, optional: tuple[str, ...], optional_all: bool) -> str:
        label = "everyone" if who is None else (self.names(who) or "nobody")
        if optional_all:
            return f"{label} (optional)"
        if optional:
            return f"{label} (optional for {self.names(optional)})"
        return label

    @cached_property
    def _who_labels(self) -> dict[tuple[tuple[str, ...] | None, tuple[str, ...], bool], str]:
        return {}

    def names(self, refs: Iterable[str]) -> str:
        """Group and participant ids by their names, in the order given (ids that are neither left out)."""
        return ", ".join(self.name_of(ref) for ref in refs if ref in self.groups or ref in self.participants)
