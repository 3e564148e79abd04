"""When an item happens: `time`, `depart`/`arrive`, all-day items and hotel stays, as zone-aware instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import NamedTuple

from yaml import Node, ScalarNode

from itinerary.load.hints import zone_hint
from itinerary.load.nodes import Fields, NodeReader
from itinerary.load.scalars import HHMM, span_or_start
from itinerary.model import DEFAULT_DURATION, HOTEL_CHECK_IN, HOTEL_CHECK_OUT, Kind
from itinerary.timeutil import WallTime, day_start, duration, localize, parse_date, parse_hhmm, zone

CLOCKS_GO_BACK = "(clocks go back)"
"""In the warning for a time in a DST fold: `check` leaves those out, its dst check reports them."""
STAMP_FORMAT = "'[YYYY-MM-DD] HH:MM [Zone/Name]'"


class Times(NamedTuple):
    """An item's start and end, and whether the end is a default rather than written."""

    start: datetime
    end: datetime
    estimated: bool = False
    tbc: bool = False
    """`time: TBC`: the day is known, the time not; held as the whole day."""
    usual: tuple[bool, bool] = (False, False)
    """A hotel stay's check-in and check-out: whether each is the usual hour, not written."""


class Item(NamedTuple):
    """The item whose times are read: its keys, where it is written, its day and kind, its zones."""

    fields: Fields
    field: str
    node: Node
    day: date
    kind: Kind
    start_tz: tzinfo
    end_tz: tzinfo


def when(r: NodeReader, item: Item, all_day: bool) -> Times | None:
    """Start, end, and whether the end is a default; None when they cannot be known (reported)."""
    fields, field = item.fields, item.field
    if all_day:
        return _all_day(r, item)
    if item.kind is Kind.HOTEL:
        return stay(r, item)
    if "until" in fields:
        r.error(fields["until"][0], field, "`until` is for hotel stays")
        return None
    has_time, has_depart = "time" in fields, "depart" in fields
    if has_time and (has_depart or "arrive" in fields):
        r.error(
            fields["depart" if has_depart else "arrive"][0], field, "give either `time` or `depart`/`arrive`, not both"
        )
        return None
    if has_time and is_tbc(fields["time"][1]):
        return _all_day(r, item, tbc=True)
    if has_time:
        return _time(r, item)
    if has_depart:
        return _depart_arrive(r, item)
    if "arrive" in fields:
        r.error(fields["arrive"][0], field, "`arrive` needs a `depart`")
        return None
    r.error(item.node, field, 'missing `time` ("HH:MM" or "HH:MM-HH:MM"), or `all_day: true`')
    return None


TBC_WORDS = frozenset(("tbc", "tba", "tbd", "to be confirmed"))


def is_tbc(node: Node) -> bool:
    """`time: TBC` (or TBA, TBD, to be confirmed, in any case)."""
    if not isinstance(node, ScalarNode) or node.value[:1].isdigit():  # a time, as nearly all are
        return False
    return " ".join(str(node.value).split()).lower() in TBC_WORDS


def _all_day(r: NodeReader, item: Item, tbc: bool = False) -> Times | None:
    fields, field = item.fields, item.field
    if not tbc and ("time" in fields or "depart" in fields):
        r.error(fields["time" if "time" in fields else "depart"][0], field, "an all-day item has no `time`")
        return None
    start = day_start(item.day, item.start_tz)
    return Times(start, day_start(item.day + timedelta(days=1), item.start_tz), tbc=tbc)


def _time(r: NodeReader, item: Item) -> Times | None:
    """`time: HH:MM` (a default length for its kind) or `time: HH:MM-HH:MM` (past midnight: the next day)."""
    node, field, day = item.fields["time"][1], f"{item.field}.time", item.day
    hours = r.parse(node, field, _span_or_start)
    if hours is None:
        return None
    first, second = hours
    start = instant(r, node, field, day, first, item.start_tz)
    if start is None:
        return None
    if second is None:
        return Times(start, start + DEFAULT_DURATION[item.kind], True)
    end = instant(r, node, field, day, second, item.end_tz)
    if end is None:
        return None
    if end <= start:
        end = instant(r, node, field, day + timedelta(days=1), second, item.end_tz)
        if end is None:
            return None
    return Times(start, end)


def _depart_arrive(r: NodeReader, item: Item) -> Times | None:
    fields, field = item.fields, item.field
    start = stamp(r, fields["depart"][1], f"{field}.depart", item.day, item.start_tz)
    if start is None:
        return None
    if "arrive" not in fields:
        return Times(start, start + DEFAULT_DURATION[item.kind], True)
    end = stamp(r, fields["arrive"][1], f"{field}.arrive", start.date(), item.end_tz, after=start)
    if end is None:
        return None
    if end <= start:
        r.error(
            fields["arrive"][1],
            f"{field}.arrive",
            f"arrives {end:%Y-%m-%d %H:%M %Z} before it departs {start:%Y-%m-%d %H:%M %Z}",
        )
        return None
    return Times(start, end)


def stay(r: NodeReader, item: Item) -> Times | None:
    """A hotel stay: check-in on its day (15:00 unless `time` says), check-out on `until` (11:00 unless given)."""
    fields, field, node, day, tz = item.fields, item.field, item.node, item.day, item.start_tz
    if "until" not in fields:
        r.error(node, field, "a hotel stay needs `until: YYYY-MM-DD` (the check-out date)")
        return None
    check_in = HOTEL_CHECK_IN
    if "time" in fields:
        parsed = r.parse(fields["time"][1], f"{field}.time", parse_hhmm)
        if parsed is None:
            return None
        check_in = parsed
    start = instant(r, node, f"{field}.time", day, check_in, tz)
    end = stamp(r, fields["until"][1], f"{field}.until", day, tz, default_time=HOTEL_CHECK_OUT, need_date=True)
    if start is None or end is None:
        return None
    if end <= start:
        r.error(
            fields["until"][1],
            f"{field}.until",
            f"check-out {end:%Y-%m-%d %H:%M} is not after check-in {start:%Y-%m-%d %H:%M}",
        )
        return None
    until = r.text(fields["until"][1], f"{field}.until") or ""
    return Times(start, end, usual=("time" not in fields, ":" not in until))


def stamp(
    r: NodeReader,
    node: Node,
    field: str,
    day: date,
    tz: tzinfo,
    *,
    after: datetime | None = None,
    default_time: HHMM | None = None,
    need_date: bool = False,
) -> datetime | None:
    """'[YYYY-MM-DD] HH:MM [Zone/Name]' as an instant; a bare time after `after` may roll to the next day."""
    text = r.text(node, field)
    if text is None:
        return None
    try:
        stamp_date, hhmm, tz_here, explicit_date = _stamp_parts(text, day, default_time, tz)
    except ValueError as exc:
        message = str(exc)
        if message.startswith("unknown time zone"):
            message += zone_hint(message.split("'")[1] if "'" in message else "")
        r.error(node, field, message)
        return None
    if need_date and not explicit_date:
        r.error(node, field, f"{text!r}: expected a date, YYYY-MM-DD")
        return None
    if hhmm is None:
        r.error(node, field, f"{text!r}: expected a time, HH:MM")
        return None
    if after is not None and not explicit_date:
        return first_after(r, node, field, hhmm, tz_here, after)
    return instant(r, node, field, stamp_date, hhmm, tz_here)


LONGEST_UNDATED = timedelta(hours=20)
"""An arrival written without a date this long after departure may as well be a day later: ask."""


def first_after(r: NodeReader, node: Node, field: str, hhmm: HHMM, tz: tzinfo, after: datetime) -> datetime | None:
    """A bare arrival time: the first time it reads `hhmm` in `tz` after `after` (Haneda 21:55 to Honolulu
    10:05 is 8 h 10 min, on the calendar day before). An error asking for the date where that is
    a day's journey, and so may as well be the next such time."""
    departed = after.astimezone(UTC)
    base = after.astimezone(tz).date()
    later = base + timedelta(days=1)
    day = base if localize(base, hhmm, tz)[0].astimezone(UTC) > departed else later
    moment = instant(r, node, field, day, hhmm, tz)
    if moment is None:
        return None
    if moment.astimezone(UTC) - departed > LONGEST_UNDATED:
        r.error(
            node,
            field,
            f"{hhmm[0]:02d}:{hhmm[1]:02d} is {duration(moment.astimezone(UTC) - departed)} after departure at the "
            f"earliest: write the date ('{day} {hhmm[0]:02d}:{hhmm[1]:02d}' or the day after) to say which day",
        )
        return None
    return moment


def _stamp_parts(text: str, day: date, default_time: HHMM | None, tz: tzinfo) -> tuple[date, HHMM | None, tzinfo, bool]:
    """The date, time and zone a stamp writes (or the defaults), and whether it wrote a date."""
    words = text.split()
    stamp_date, hhmm, tz_here, explicit_date = day, default_time, tz, False
    if words and "-" in words[0] and words[0][:1].isdigit():
        stamp_date, explicit_date = parse_date(words.pop(0)), True
    if words and words[0][:1].isdigit():
        hhmm = parse_hhmm(words.pop(0))
    elif words and not explicit_date:  # 'tomorrow': neither a date nor a time before a zone
        raise ValueError(f"{text!r}: expected {STAMP_FORMAT}")
    if words:
        tz_here = zone(words.pop(0))
    if words:
        raise ValueError(f"{text!r}: expected {STAMP_FORMAT}")
    return stamp_date, hhmm, tz_here, explicit_date


_span_or_start = lru_cache(maxsize=1024)(span_or_start)
"""A programme writes the same few times over and over."""

_localize = lru_cache(maxsize=8192)(localize)
"""The same times on the same days in the same zones (which `zone` makes one object each, compared by identity)."""


def instant(r: NodeReader, node: Node, field: str, day: date, hhmm: HHMM, tz: tzinfo) -> datetime | None:
    """The wall-clock time `hhmm` on `day` in `tz`: an error in a DST gap, a warning in a fold."""
    value, status = _localize(day, hhmm, tz)
    if status is WallTime.OK:
        return value
    wall = f"{day} {hhmm[0]:02d}:{hhmm[1]:02d}"
    if status is WallTime.GAP:
        r.error(node, field, f"{wall} does not exist in {tz} (clocks go forward then)")
        return None
    r.warn(node, f"{field}: {wall} happens twice in {tz} {CLOCKS_GO_BACK}; taken as the first")
    return value
