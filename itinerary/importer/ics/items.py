"""One occurrence made into an `Item`: its title, times (in the zone meant), kind, place and people."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from itinerary.importer.draft import CalendarError, Item, Person, Place, utc
from itinerary.importer.ics.props import Component, add, as_date, length, text, values
from itinerary.importer.ics.series import NO_UID, Series, source
from itinerary.importer.ics.zones import Written, written
from itinerary.model import Kind


class Context(NamedTuple):
    """What every occurrence is read against: the file, the programme's zone, the series by UID."""

    name: str
    tz_name: str
    tz: tzinfo
    aliases: Mapping[str, str]
    series: Mapping[str, Series]
    ours: str | None
    """The programme id when itinerary's own export wrote the calendar."""


@dataclass
class Tally:
    """What the head of the programme file will say about how the occurrences were read."""

    cancelled: list[str] = field(default_factory=list)
    floating: int = 0
    private: dict[str, str] = field(default_factory=dict)
    """A TZID that names no zone -> the zone its times are written in."""


class _Times(NamedTuple):
    start: datetime
    end: datetime
    start_zone: str | None
    end_zone: str | None


def item(ctx: Context, tally: Tally, component: Component, line: int | None = None) -> Item | None:
    """The occurrence as an Item; None when it is cancelled (counted in `tally`). `line`: a lone event's."""
    uid = str(component.get("UID", "")).strip()
    line, origin = (line, component) if line is not None else source(ctx.series, uid, component)
    series = ctx.series.get(uid)
    comments: list[str] = []
    title = text(component, "SUMMARY") or _untitled(comments)
    # The library recomputes an occurrence's end as wall-clock start + length, an hour off across a DST
    # change: the times come from the component as written, only a rule's occurrence starts from it.
    from_rule = series is not None and series.repeats and origin is series.master
    start_when = written((component if from_rule else origin)["DTSTART"], ctx.aliases)
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        tally.cancelled.append(f"{title} ({as_date(zoned(ctx, tally, start_when, comments), ctx.tz)})")
        return None
    span = length(origin)
    is_dated = not isinstance(start_when.value, datetime)
    if start_when.floating:
        tally.floating += 1
    kind, other = kind_of(component)
    if other:
        comments.append(f"categories: {', '.join(other)}")
    if is_dated:
        times = _dated_times(ctx, start_when, span)
    else:
        times = _timed(ctx, tally, start_when, span, origin, comments)
        if utc(times.end) < utc(times.start):
            raise CalendarError(f"{ctx.name}:{line}: {title!r} ends before it starts")
    people, who_comments = people_of(component)
    comments.extend(who_comments)
    found = Item(
        line=line,
        title=title,
        start=times.start,
        end=times.end,
        uid="" if uid.startswith(NO_UID) else uid,
        kind=kind,
        dated=is_dated,
        start_zone=times.start_zone,
        end_zone=times.end_zone,
        place=place_of(component),
        people=people,
        background=str(component.get("TRANSP", "")).upper() == "TRANSPARENT",
        tentative=str(component.get("STATUS", "")).upper() == "TENTATIVE",
        no_end=not is_dated and (span is None or utc(times.end) == utc(times.start)),
        occurrence=occurrence(component) if series is not None and series.repeats else "",
    )
    return _with_notes(ctx, found, component, comments)


def _untitled(comments: list[str]) -> str:
    comments.append("the calendar gives no title (SUMMARY)")
    return "Untitled event"


def _with_notes(ctx: Context, found: Item, component: Component, comments: list[str]) -> Item:
    """DESCRIPTION as notes, with URL as a link; what itinerary's export folded into it undone."""
    description = str(component.get("DESCRIPTION", "")).replace("\r\n", "\n").strip()
    if ctx.ours:
        from itinerary.importer.ics.ours import ours_item

        return ours_item(ctx.ours, found, component, description, comments)
    url = str(component.get("URL", "")).strip()
    if url:
        description = f"{description}\n\nLink: {url}".strip()
    return found._replace(notes=description, comments=tuple(comments))


def _dated_times(ctx: Context, start_when: Written, span: tuple[int, timedelta] | None) -> _Times:
    """Whole days: midnight of the first day to midnight after the last, in the programme's zone."""
    first = start_when.value
    days = span[0] + span[1].days if span else 1
    last = first + timedelta(days=max(days, 1))
    return _Times(datetime.combine(first, time(), ctx.tz), datetime.combine(last, time(), ctx.tz), None, None)


def _timed(
    ctx: Context,
    tally: Tally,
    start_when: Written,
    span: tuple[int, timedelta] | None,
    origin: Component,
    comments: list[str],
) -> _Times:
    """Start as written; the end in the zone its own DTEND names (a leg may end in another zone)."""
    assert isinstance(start_when.value, datetime)
    start = zoned(ctx, tally, start_when, comments)
    raw_end = add(start_when.value, span) if span else start_when.value
    end_prop = origin.get("DTEND")
    end_when = start_when
    if end_prop is not None and isinstance(end_prop.dt, datetime) and end_prop.dt.tzinfo is not None:
        end_when = written(end_prop, ctx.aliases)
    if isinstance(raw_end, datetime) and raw_end.tzinfo is not None:
        end = raw_end.astimezone(end_prop.dt.tzinfo) if end_when is not start_when else raw_end
    else:  # floating, as its start
        end = zoned(ctx, tally, start_when._replace(value=raw_end), [])
    return _Times(start, end, start_when.zone, end_when.zone)


def zoned(ctx: Context, tally: Tally, when: Written, comments: list[str]) -> datetime:
    """The instant meant: a date is midnight and a floating time a wall time, both in the programme's zone."""
    value = when.value
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), ctx.tz)
    if when.floating:
        # A wall time in a gap has no instant: the one a clock reading it would show.
        return value.replace(tzinfo=ctx.tz).astimezone(UTC).astimezone(ctx.tz)
    if when.private:
        tally.private.setdefault(when.private, ctx.tz_name)
    return value


def occurrence(component: Component) -> str:
    """An occurrence's original start, as 'YYYY-MM-DDTHHMM' (or its date)."""
    rid = component.get("RECURRENCE-ID")
    value = rid.dt if rid is not None else component["DTSTART"].dt
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H%M")
    return str(value.isoformat())


def name_occurrences(items: list[Item]) -> list[Item]:
    """An occurrence is known by its date, and by date and time only where a day has several."""
    per_day = Counter((i.uid, i.occurrence[:10]) for i in items if i.occurrence)
    out = []
    for one in items:
        if one.occurrence and per_day[(one.uid, one.occurrence[:10])] == 1:
            one = one._replace(occurrence=one.occurrence[:10])
        out.append(one)
    return out


def kind_of(component: Component) -> tuple[Kind, list[str]]:
    """The kind a CATEGORY names (a meeting when none does), and the other categories."""
    names = [str(value).strip() for value, _ in values(component.get("CATEGORIES"), attr="cats")]
    kinds = {k.value: k for k in Kind}
    found = next((kinds[n.lower()] for n in names if n.lower() in kinds), Kind.MEETING)
    return found, [n for n in names if n and n.lower() not in kinds]


def people_of(component: Component) -> tuple[tuple[Person, ...], list[str]]:
    """The ATTENDEEs who take part, and a comment for each one left out (rooms, declined...)."""
    out: list[Person] = []
    comments: list[str] = []
    for value, params in values(component.get("ATTENDEE")):
        address = str(value).strip()
        email = address[7:] if address.lower().startswith("mailto:") else ""
        name = " ".join(str(params.get("CN", "")).split()) or email.split("@")[0] or address
        cutype = str(params.get("CUTYPE", "INDIVIDUAL")).upper()
        who = f"{name} <{email}>" if email and name != email.split("@")[0] else name
        if cutype in ("ROOM", "RESOURCE"):
            comments.append(f"{cutype.lower()} {who} (an ATTENDEE) is not a participant: left out")
            continue
        if str(params.get("ROLE", "")).upper() == "NON-PARTICIPANT":
            comments.append(f"{who} is listed for information only (ROLE=NON-PARTICIPANT): left out")
            continue
        if str(params.get("PARTSTAT", "")).upper() == "DECLINED":
            comments.append(f"{who} declined: left out of `who`")
            continue
        if name:
            out.append(Person(name, email, group=cutype == "GROUP"))
    return tuple(out), comments


def place_of(component: Component) -> Place | None:
    """LOCATION on one line, with GEO (or Apple's structured location) when it is a real position."""
    # Apple and Google write the place's name on a line of its own, the address below it.
    lines = (" ".join(line.split()).strip(" ,") for line in str(component.get("LOCATION", "")).splitlines())
    location = ", ".join(line for line in lines if line)
    if not location:
        return None
    broken = dict(getattr(component, "errors", []) or [])
    geo = None
    if "GEO" in component and "GEO" not in broken:
        # An occurrence is a copy that no longer lists its broken properties: the broken GEO says so itself.
        with contextlib.suppress(ValueError):
            value = component["GEO"]
            geo = _geo(float(value.latitude), float(value.longitude))
    elif "X-APPLE-STRUCTURED-LOCATION" in component:
        # Apple's own: a `geo:lat,lon` URI (RFC 5870) with the place's name and address as parameters.
        found = re.match(r"\s*geo:([-+]?[\d.]+),([-+]?[\d.]+)", str(component["X-APPLE-STRUCTURED-LOCATION"]))
        with contextlib.suppress(TypeError, ValueError):
            geo = _geo(float(found[1]), float(found[2])) if found else None
    return Place(location, geo)


def _geo(lat: float, lon: float) -> tuple[float, float] | None:
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None
