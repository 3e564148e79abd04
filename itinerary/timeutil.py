"""Wall-clock times made into instants, and the traps on the way (gaps, folds, bad names)."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import Enum
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = UTC


class WallTime(Enum):
    """What a wall-clock reading means in a zone."""

    OK = "ok"
    GAP = "gap"
    """Does not exist: the clocks jumped over it."""
    FOLD = "fold"
    """Exists twice: the clocks went back over it."""


@cache
def zone(name: str) -> ZoneInfo:
    """The zone called `name`, or ValueError with a sentence a user can act on."""
    if not name or name != name.strip() or name.startswith(("/", ".")) or ".." in name or not_a_place(name):
        raise ValueError(f"unknown time zone {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"unknown time zone {name!r}") from None


NOT_PLACES = frozenset(("localtime", "posixrules", "Factory"))
"""Files of the zone database that are no IANA zone: this computer's zone, a default rule, a placeholder."""


def not_a_place(name: str) -> bool:
    """Whether `name` is in the zone database but names no place (nor its `posix/` and `right/` copies)."""
    return name in NOT_PLACES or name.startswith(("posix/", "right/"))


def is_zone(name: str) -> bool:
    try:
        zone(name)
    except ValueError:
        return False
    return True


def zone_name(tz: tzinfo | None) -> str | None:
    """The zone's IANA name ('Asia/Tokyo'); None for a zone that has none (a fixed offset, datetime.UTC)."""
    key = getattr(tz, "key", None)
    return key if isinstance(key, str) else None


def tzid(tz: tzinfo | None) -> str | None:
    """The name a calendar gives the zone in a TZID; None for UTC (written with a Z) and zones without a name."""
    name = zone_name(tz)
    return name if name != "UTC" else None


def zone_key(tz: tzinfo | None) -> str:
    """The zone's IANA name ('Asia/Tokyo'), which tells zones apart where abbreviations do not."""
    return zone_name(tz) or str(tz)


def wall(instant: datetime, tz: tzinfo | None) -> datetime:
    """The instant as a clock reads it: in `tz`, or where it happens when `tz` is None (local days)."""
    return instant if tz is None else instant.astimezone(tz)


def classify(naive: datetime, tz: tzinfo) -> WallTime:
    """PEP 495: the two folds agree except in a gap (fold=1 is later) or a fold (fold=0 is later)."""
    first = naive.replace(tzinfo=tz, fold=0).utcoffset()
    second = naive.replace(tzinfo=tz, fold=1).utcoffset()
    if first is None or second is None or first == second:
        return WallTime.OK
    return WallTime.GAP if first < second else WallTime.FOLD


def localize(day: date, hhmm: time | tuple[int, int], tz: tzinfo) -> tuple[datetime, WallTime]:
    """The instant at `hhmm` on `day` in `tz`; in a fold, the earlier of the two."""
    if isinstance(hhmm, tuple):
        hour, minute = hhmm
        extra = timedelta(0)
        if hour == 24 and minute == 0:
            hour, extra = 0, timedelta(days=1)
        naive = datetime(day.year, day.month, day.day, hour, minute) + extra
    else:
        naive = datetime.combine(day, hhmm)
    status = classify(naive, tz)
    return naive.replace(tzinfo=tz, fold=0), status


def day_start(day: date, tz: tzinfo) -> datetime:
    """The first instant of `day` in `tz`: midnight, or the end of the gap where the clocks jump over it
    (Cairo, 26 April 2024: 01:00). An all-day item is never refused for a midnight that did not happen."""
    naive = datetime(day.year, day.month, day.day)
    if classify(naive, tz) is not WallTime.GAP:
        return naive.replace(tzinfo=tz, fold=0)
    # fold=0 reads a missing time with the offset before the jump: the instant the jump happens.
    return naive.replace(tzinfo=tz, fold=0).astimezone(UTC).astimezone(tz)


def is_ambiguous(instant: datetime) -> bool:
    """Whether the wall time happens twice (clocks go back). Asked of every event printed or exported:
    where its two readings agree, as everywhere but in a gap or a fold, the answer needs no classify."""
    if instant.tzinfo is None or instant.utcoffset() == instant.replace(fold=1 - instant.fold).utcoffset():
        return False
    return classify(instant.replace(tzinfo=None), instant.tzinfo) is WallTime.FOLD


_HHMM = r"^\s*(\d{1,2})[:.h](\d{2})\s*$"


def parse_hhmm(text: str) -> tuple[int, int]:
    """'9:30' -> (9, 30). '24:00' is allowed: it means the end of the day."""
    match = re.match(_HHMM, text)
    if not match:
        raise ValueError(f"{text!r} is not a time of day (HH:MM)")
    hour, minute = int(match.group(1)), int(match.group(2))
    if minute > 59 or hour > 24 or (hour == 24 and minute != 0):
        raise ValueError(f"{text!r} is not a time of day: hours run 00-23, minutes 00-59")
    return hour, minute


def minutes(span: timedelta) -> int:
    """Whole minutes, rounded down (a gap of 14 min 59 s is 14 min)."""
    return int(span.total_seconds() // 60)


def duration(span: timedelta, *, clock: bool = False) -> str:
    """'45 min', '2 h', '1 h 30 min', '3 days 2 h'; with `clock`, minutes after hours as on a clock: '1 h 05'."""
    total = minutes(span)
    sign = "-" if total < 0 else ""
    days, rest = divmod(abs(total), 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days} day{'s' if days != 1 else ''}")
    if hours:
        parts.append(f"{hours} h")
    if mins or not parts:
        parts.append(f"{mins:02d}" if clock and parts else f"{mins} min")
    return sign + " ".join(parts)


FIRST_DAY, LAST_DAY = date(1000, 1, 1), date(8999, 12, 31)
"""The dates a programme can hold: far enough from the calendar's edges (years 1 and 9999)
that a night past midnight, a week's travel or another zone never runs off them."""


def long_day(day: date) -> str:
    """'Wednesday 7 October 2009': a day as a heading or a sentence names it."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def days_span(first: date, last: date) -> str:
    """'09 Apr – 09 Sep 2014'; the first year too when it is not the last ('28 Dec 2029 – 03 Jan 2030')."""
    if first.year == last.year:
        return f"{first:%d %b} – {last:%d %b %Y}"
    return f"{first:%d %b %Y} – {last:%d %b %Y}"


def parse_date(text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(
            f"{text.strip()!r} is out of range: the dates of a programme run from {FIRST_DAY} to {LAST_DAY}"
        )
    return day


def slug(text: str) -> str:
    """A stable ASCII id for a name: 'Maciej Dzierżanowski' -> 'maciej-dzierzanowski'."""
    if not text.isascii():  # ASCII is its own decomposition: most names skip this
        text = unicodedata.normalize("NFKD", text.translate(_NON_DECOMPOSING)).encode("ascii", "ignore").decode("ascii")
    # Every run of what is not [a-z0-9] made one hyphen, none at the ends: as re.sub(r"[^a-z0-9]+", "-") and
    # strip("-"), without a pattern to compile at start or to look up at each call.
    return "-".join(text.lower().translate(_NOT_SLUG).split())


_NOT_SLUG = {code: " " for code in range(128) if not chr(code).isdigit() and not "a" <= chr(code) <= "z"}


@lru_cache(maxsize=1 << 16)  # the loader and the identity check ask for every title's: all of a large programme's
def name_key(text: str) -> str:
    """A stable id word for a name in any script: Latin letters as `slug` makes them, other letters
    kept ('東京都庁での会議', 'встреча-с-мэром'); a name with no letter or digit at all ('🍣') gets a
    short hash of its normalised text, so that no two names share the same empty key."""
    if text.isascii():  # most titles: the same as `slug`, some ten times faster
        key = slug(text)
        if key:
            return key
    text = unicodedata.normalize("NFC", text.translate(_NON_DECOMPOSING))
    out = []
    for char in text:
        plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii").lower()
        if plain:
            out.append(re.sub(r"[^a-z0-9]", "-", plain))
        elif unicodedata.category(char)[0] in "LNM":
            out.append(char.casefold())
        else:
            out.append("-")
    key = re.sub(r"-+", "-", "".join(out)).strip("-")
    if key or not text.strip():
        return key
    from itinerary import hashes

    normal = " ".join(text.casefold().split())
    return "h" + hashes.sha256(normal)[:8]


_NON_DECOMPOSING = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D", "þ": "th", "ı": "i"}
)


def abbreviation(instant: datetime) -> str:
    """'JST', or 'UTC-03' where the zone has only a number (tzdata writes '-03'), which reads as arithmetic."""
    name = instant.tzname() or ""
    return f"UTC{name}" if name[:1] in "+-" else name


def same_offset(instant: datetime, home: str) -> bool:
    """Whether the zone named `home` shows `instant` at the same wall time (Hong Kong beside Shanghai):
    then naming the instant's own zone tells the reader nothing."""
    if zone_key(instant.tzinfo) == home:
        return True
    return instant.utcoffset() == instant.astimezone(zone(home)).utcoffset()
