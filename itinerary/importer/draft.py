"""What an imported calendar says, as plain facts: the step between a calendar and a programme file.

The calendar reader fills these in; the writer decides ids, venues and how each time
is written. Every instant is zone-aware: a floating time has already been given the
programme's zone, and the item says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import NamedTuple

from itinerary.model import Contact, Kind


def utc(value: datetime) -> datetime:
    """The instant in UTC. Compare instants only so: Python compares two times of one zone by their
    wall clocks (blind to which of two 02:30s is meant) and never finds a time in a fold equal to
    one in another zone."""
    return value.astimezone(UTC)


class CalendarError(Exception):
    """The calendar cannot be imported; the message is one line, `file:line: what is wrong`."""


class Options(NamedTuple):
    """What the user may decide instead of the calendar."""

    timezone: str | None = None
    """The programme's zone (also the zone of floating times); default: the calendar's most used."""
    start: date | None = None
    """Only events from this day on (and the programme starts then)."""
    end: date | None = None
    """Only events up to this day, inclusive; also where repeating events stop."""


class Place(NamedTuple):
    """A LOCATION as written, with the GEO and URL that came with it."""

    text: str
    geo: tuple[float, float] | None = None
    url: str = ""

    @property
    def key(self) -> str:
        """Two LOCATIONs that differ only in case or spacing are one venue."""
        return " ".join(self.text.split()).casefold()


class Person(NamedTuple):
    """An ATTENDEE: a person (or, with CUTYPE=GROUP, a group)."""

    name: str
    email: str = ""
    group: bool = False

    @property
    def key(self) -> str:
        return self.email.casefold() if self.email else " ".join(self.name.split()).casefold()


class Item(NamedTuple):
    """One occurrence of a calendar event (a repeating event gives one per occurrence)."""

    line: int
    """Line of its VEVENT in the calendar file, for messages."""
    title: str
    start: datetime
    end: datetime
    """Equal to `start` when the calendar gives no length."""
    uid: str = ""
    occurrence: str = ""
    """For an occurrence of a repeating event: its original date (and time, when a day has several)."""
    kind: Kind = Kind.MEETING
    dated: bool = False
    """Whole days (VALUE=DATE): `start`/`end` are midnights, the end exclusive."""
    start_zone: str | None = None
    """The IANA zone the calendar wrote the start in; None for UTC, floating or an unknown zone."""
    end_zone: str | None = None
    place: Place | None = None
    origin: Place | None = None
    destination: Place | None = None
    people: tuple[Person, ...] = ()
    notes: str = ""
    background: bool = False
    event_id: str | None = None
    """The programme's own event id, from a UID that itinerary's export wrote."""
    estimated: bool = False
    """The end is the usual length for the kind (itinerary's export said so): written without an end."""
    no_end: bool = False
    """The calendar gives no length (or none at all): the usual length is assumed."""
    tentative: bool = False
    """STATUS:TENTATIVE, or (from itinerary's export) `status: tentative`."""
    tbc: bool = False
    """From itinerary's export: the time is to be confirmed."""
    number: str = ""
    contact: Contact | None = None
    comments: tuple[str, ...] = ()
    """What the writer puts above the event: what could not be carried over, how times were read."""


@dataclass(frozen=True, slots=True)
class Draft:
    """Everything an imported calendar gives for a programme file."""

    name: str
    """The calendar's file name, as the user gave it."""
    programme_id: str
    title: str
    timezone: str
    start: date
    end: date
    items: tuple[Item, ...]
    revision: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    """Comments for the head of the file: where things came from, what was left out."""
    ours: bool = False
    """Written by itinerary's own export: UIDs carry event ids, descriptions carry legs and stays."""
    cut: date | None = None
    """The last day events that repeat forever were read to (none asked for): the calendar holds more."""
