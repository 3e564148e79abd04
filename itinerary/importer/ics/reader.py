"""RFC 5545 read without the icalendar library, for the calendars it reads the same: ours, and most others.

icalendar costs about 100 ms to import, more than the rest of a command's start-up. This
reader builds the same tree (components, properties by upper-case name, a list where a
property repeats) with values that read as icalendar's do where the importer looks:
`str()` of TEXT (unescaped) and of X- properties (as written), `.dt` of dates, times and
lengths, `.params`, `.cats`, `.latitude`. It gives up (None) on anything it does not read
exactly as icalendar 7.3 does - a repeating event, a zone that is no IANA name, a value
icalendar would mark broken, a parameter with escapes - and the caller hands the text to
icalendar then, so every message and every careless exporter's quirk stays as it was.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any

UFOLD = re.compile(r"(?:(?<!\n)\r\n|(?<![\r\n])\n)(?:\r?\n)*[ \t]")
"""icalendar's unfolding: a line break with any blank lines after it, then a space or tab."""
NEWLINE = re.compile(r"\r?\n")

_NAME = re.compile(r"([A-Za-z0-9-]+)([;:])")
_UNQUOTED = r'[^";:,\\^\x00-\x20\x7f](?:[^";:,\\^\x00-\x08\x0a-\x1f\x7f]*[^";:,\\^\x00-\x20\x7f])?'
_QUOTED = r'"[^"\\^\x00-\x08\x0a-\x1f\x7f]*"'
_PARAM = re.compile(rf"([A-Za-z0-9-]+)=({_QUOTED}|{_UNQUOTED})(;?)")
_COMPONENT = re.compile(r"[A-Za-z0-9-]+")
_DATE = re.compile(r"[0-9]{8}")
_DATETIME = re.compile(r"([0-9]{8})T([0-9]{6})(Z?)")
_DURATION = re.compile(r"([-+]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?\Z")
_INTEGER = re.compile(r"[-+]?[0-9]+")
_NUMBER = r"[-+]?[0-9]+(?:\.[0-9]+)?"
_GEO = re.compile(rf"({_NUMBER});({_NUMBER})")
_OFFSET = re.compile(r"[-+][0-9]{4}(?:[0-9]{2})?")
_ESCAPED = re.compile(r"\\([\\,;:nN])")
_AREA = re.compile(
    r"(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
    r"(?:/[A-Za-z0-9_+-]+){1,2}|UTC|GMT"
)
_DAY = r"[+-]?[1-5]?(?:SU|MO|TU|WE|TH|FR|SA)"
_TZ_RULE = re.compile(
    rf"FREQ=(?:YEARLY|MONTHLY)(?:;(?:BYMONTH=(?:[1-9]|1[0-2])|BYDAY={_DAY}|BYMONTHDAY=[+-]?[0-9]{{1,2}}"
    r"|UNTIL=[0-9]{8}(?:T[0-9]{6}Z?)?|COUNT=[0-9]{1,4}|INTERVAL=[0-9]{1,2}|WKST=(?:SU|MO)))*"
)
"""A zone's yearly change as calendars write it in a VTIMEZONE (icalendar reads it; the zone is zoneinfo's)."""
_DATETIME_NAMES = frozenset(("DTSTART", "DTEND", "RECURRENCE-ID", "DUE", "RDATE", "EXDATE"))
"""The properties whose TZID parameter icalendar reads (on others it is only a parameter)."""
_DECLINED = frozenset(("RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID", "FREEBUSY"))
"""Repeating events are expanded by recurring-ical-events, which reads icalendar's components."""

_TYPES = {
    **dict.fromkeys(
        [
            "CALSCALE",
            "METHOD",
            "PRODID",
            "VERSION",
            "CLASS",
            "COMMENT",
            "DESCRIPTION",
            "LOCATION",
            "RESOURCES",
            "STATUS",
            "SUMMARY",
            "REFID",
            "TRANSP",
            "TZID",
            "TZNAME",
            "CONTACT",
            "RELATED-TO",
            "UID",
            "ACTION",
            "PROXIMITY",
            "REQUEST-STATUS",
            "CN",
            "CUTYPE",
            "ENCODING",
            "FMTTYPE",
            "FBTYPE",
            "LANGUAGE",
            "PARTSTAT",
            "RANGE",
            "RELATED",
            "RELTYPE",
            "ROLE",
            "VALUE",
            "LABEL",
            "LINKREL",
        ],
        "text",
    ),
    **dict.fromkeys(["ATTACH", "LINK", "CONCEPT", "TZURL", "URL", "CONFERENCE", "SOURCE", "ALTREP", "DIR"], "uri"),
    **dict.fromkeys(["ATTENDEE", "ORGANIZER", "DELEGATED-FROM", "DELEGATED-TO", "MEMBER", "SENT-BY"], "cal-address"),
    **dict.fromkeys(["PERCENT-COMPLETE", "PRIORITY", "REPEAT", "SEQUENCE"], "integer"),
    **dict.fromkeys(
        [
            "COMPLETED",
            "DTEND",
            "DUE",
            "DTSTART",
            "RECURRENCE-ID",
            "ACKNOWLEDGED",
            "CREATED",
            "DTSTAMP",
            "LAST-MODIFIED",
        ],
        "dt",
    ),
    **dict.fromkeys(["DURATION", "REFRESH-INTERVAL", "TRIGGER", "GAP"], "dt"),
    **dict.fromkeys(["TZOFFSETFROM", "TZOFFSETTO"], "utc-offset"),
    "GEO": "geo",
    "CATEGORIES": "categories",
    **dict.fromkeys(["ADR", "N", "ORG", "FREEBUSY", "EXDATE", "RDATE", "EXRULE", "RRULE", "RSVP"], "other"),
    "IMAGE": "unknown",
}
"""icalendar 7.3's value type of each property it knows (TypesFactory.types_map); any other is UNKNOWN."""
_VALUE_TYPES = {"DATE": "dt", "DATE-TIME": "dt", "DURATION": "dt", "TEXT": "text"}
"""VALUE= parameters read here, and the type icalendar then gives the property."""


class Declined(Exception):
    """Something this reader does not read exactly as icalendar does."""


class Text(str):
    """TEXT, URI or CAL-ADDRESS: unescaped (as icalendar's vText, vUri, vCalAddress)."""

    params: dict[str, str]

    def __repr__(self) -> str:
        """vText's, which a repeated property shows in a message: `str()` of a list of them."""
        escaped = self.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
        escaped = escaped.replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n")
        return f"vText({escaped.encode('utf-8')!r})"


class Raw(str):
    """A property icalendar does not know (X-, NAME...): the value as written, escapes and all (vUnknown)."""

    params: dict[str, str]

    def to_ical(self) -> bytes:
        return self.encode("utf-8")

    def __repr__(self) -> str:
        return f"vUnknown({self.to_ical()!r})"


class Int(int):
    params: dict[str, str]


class When:
    """DATE, DATE-TIME or DURATION (vDDDTypes): `.dt` a date, a datetime (aware unless floating) or a timedelta."""

    __slots__ = ("dt", "params")

    def __init__(self, dt: date | timedelta, params: dict[str, str]) -> None:
        self.dt = dt
        self.params = params

    @property
    def dts(self) -> list[When]:
        return [self]


class Geo:
    __slots__ = ("latitude", "longitude", "params")

    def __init__(self, latitude: float, longitude: float, params: dict[str, str]) -> None:
        self.latitude, self.longitude, self.params = latitude, longitude, params


class Categories:
    __slots__ = ("cats", "params")

    def __init__(self, cats: list[str], params: dict[str, str]) -> None:
        self.cats, self.params = cats, params


class Offset:
    __slots__ = ("params", "td")

    def __init__(self, td: timedelta, params: dict[str, str]) -> None:
        self.td, self.params = td, params


class Component(dict[str, Any]):
    """A component: property name -> value, or a list of values when it repeats (as icalendar's)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.subcomponents: list[Component] = []
        self.errors: list[tuple[str | None, str]] = []

    def walk(self, name: str | None = None) -> list[Component]:
        """This component and all below it, in the file's order (of those named `name`)."""
        found = [self] if name is None or self.name == name else []
        for sub in self.subcomponents:
            found.extend(sub.walk(name))
        return found

    def add(self, name: str, value: object) -> None:
        old = self.get(name)
        if old is None:
            self[name] = value
        elif isinstance(old, list):
            old.append(value)
        else:
            self[name] = [old, value]

    @property
    def start(self) -> Any:
        return self["DTSTART"].dt

    @property
    def end(self) -> Any:
        """As icalendar's Event.end: DTEND, else DTSTART + DURATION, else a day after a date, else the start."""
        start = self["DTSTART"].dt
        if "DTEND" in self:
            return self["DTEND"].dt
        if "DURATION" in self:
            duration: timedelta = self["DURATION"].dt
            return start if duration.total_seconds() <= 0 else start + duration
        return start if isinstance(start, datetime) else start + timedelta(days=1)


def read(text: str) -> list[Component] | None:
    """The calendars in `text` (BEGIN/END already checked), or None where icalendar must read them."""
    try:
        return _read(text)
    except (Declined, ValueError, OverflowError, IndexError):  # IndexError: an END too many
        return None


def _read(text: str) -> list[Component]:
    stack: list[Component] = []
    calendars: list[Component] = []
    for line in NEWLINE.split(UFOLD.sub("", text)):
        if not line:
            continue
        match = _NAME.match(line)
        if match is None:
            raise Declined(line)
        name = match[1].upper()
        if match[2] == ":":
            params: dict[str, str] = {}
            raw = line[match.end() :]
        else:
            params, raw = _params(line, match.end())
        if name in ("BEGIN", "END") and (params or not _COMPONENT.fullmatch(raw)):
            raise Declined(line)
        if name == "BEGIN":
            stack.append(Component(raw.upper()))
        elif name == "END":
            ended = stack.pop()
            if stack:
                stack[-1].subcomponents.append(ended)
            else:
                calendars.append(ended)
            if ended.name == "VTIMEZONE" and "TZID" in ended:
                _zone(ended["TZID"])  # icalendar would build a zone of its own from it
        elif not stack:
            if name != "X-COMMENT":
                raise Declined(name)
        elif name in ("RRULE", "RDATE") and not params and stack[-1].name in ("STANDARD", "DAYLIGHT"):
            stack[-1].add(name, _zone_rule(raw) if name == "RRULE" else _zone_dates(raw))
        else:
            stack[-1].add(name, _value(name, params, raw))
    return calendars


def _zone_dates(raw: str) -> Raw:
    """A VTIMEZONE's onsets as a list of local times, kept as written (as its rule)."""
    for one in raw.split(","):
        if not _DATETIME.fullmatch(one) or one.endswith("Z"):
            raise Declined(raw)
        _when(one, None)
    dates = Raw(raw)
    dates.params = {}
    return dates


def _zone_rule(raw: str) -> Raw:
    """A VTIMEZONE's rule, kept as written: its zone is read by name, never from the rule."""
    if not _TZ_RULE.fullmatch(raw):
        raise Declined(raw)
    for part in raw.split(";"):
        if part.startswith("UNTIL="):
            _when(part[6:], None)  # a date that is none is icalendar's ValueError
    rule = Raw(raw)
    rule.params = {}
    return rule


def _params(line: str, at: int) -> tuple[dict[str, str], str]:
    """The parameters from `at` to the value's colon, and the value; only plain ones (no escapes, one value)."""
    params: dict[str, str] = {}
    while True:
        match = _PARAM.match(line, at)
        if match is None:
            raise Declined(line)
        key, value = match[1].upper(), match[2]
        if key in params:
            raise Declined(key)
        params[key] = value[1:-1] if value[:1] == '"' else value
        at = match.end()
        if match[3] != ";":
            break
    if line[at : at + 1] != ":":
        raise Declined(line)
    return params, line[at + 1 :]


def _plain(raw: str) -> str:
    if "\\" in raw:
        raise Declined(raw)
    return raw


def _unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw
    return _ESCAPED.sub(lambda m: "\n" if m[1] in "nN" else m[1], raw)


def _value(name: str, params: dict[str, str], raw: str) -> object:
    kind = _TYPES.get(name, "unknown")
    if name in _DECLINED:
        raise Declined(name)
    if "VALUE" in params:
        given = _VALUE_TYPES.get(params["VALUE"].upper())
        if given is None or (given != kind and not (given == "text" and kind == "unknown")):
            raise Declined(name)
        kind = given
    if kind == "text" or kind == "uri" or kind == "cal-address":
        text = Text(_unescape(raw))
        if kind != "text" and ("\r" in text or "\n" in text):
            raise Declined(raw)  # vUri and vCalAddress refuse a line break
        text.params = params
        return text
    if kind == "unknown":
        found = Raw(raw)
        found.params = params
        return found
    if kind == "dt":
        value = _when(_plain(raw), params.get("TZID") if name in _DATETIME_NAMES else None)
        if name == "DURATION" and isinstance(value, timedelta) and value < timedelta(0):
            raise Declined(raw)  # icalendar's Event.end reads it its own way
        return When(value, params)
    if kind == "categories":
        return Categories(_categories(raw), params)
    if kind == "integer" and _INTEGER.fullmatch(raw):
        number = Int(raw)
        number.params = params
        return number
    if kind == "geo" and (geo := _GEO.fullmatch(raw)):
        return Geo(float(geo[1]), float(geo[2]), params)
    if kind == "utc-offset" and _OFFSET.fullmatch(raw):
        offset = timedelta(hours=int(raw[1:3]), minutes=int(raw[3:5]), seconds=int(raw[5:7] or 0))
        if offset >= timedelta(hours=24):
            raise Declined(raw)
        return Offset(-offset if raw[0] == "-" else offset, params)
    raise Declined(name)


def _categories(raw: str) -> list[str]:
    """icalendar's split_on_unescaped_comma: an escaped comma stays in the category."""
    if "\\" not in raw:
        return raw.split(",")
    out, current, index = [], [], 0
    while index < len(raw):
        if raw[index] == "\\" and index + 1 < len(raw):
            current.append(raw[index : index + 2])
            index += 2
        elif raw[index] == ",":
            out.append(_unescape("".join(current)))
            current, index = [], index + 1
        else:
            current.append(raw[index])
            index += 1
    out.append(_unescape("".join(current)))
    return out


def _when(raw: str, tzid: str | None) -> date | timedelta:
    if raw[:1] in ("P", "-", "+"):
        found = _DURATION.match(raw)
        if found is None:
            raise Declined(raw)
        weeks, days, hours, minutes, seconds = (int(part or 0) for part in found.groups()[1:])
        length = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
        return -length if found[1] == "-" else length
    if tzid is None and _DATE.fullmatch(raw):
        return _date(raw)
    stamp = _DATETIME.fullmatch(raw)
    if stamp is None or (tzid is not None and stamp[3]):
        raise Declined(raw)
    day, clock = _date(stamp[1]), stamp[2]
    naive = datetime(day.year, day.month, day.day, int(clock[:2]), int(clock[2:4]), int(clock[4:]))
    if tzid is not None:
        return naive.replace(tzinfo=_zone(tzid))
    return naive.replace(tzinfo=_utc()) if stamp[3] else naive


@lru_cache(maxsize=4096)
def _date(raw: str) -> date:
    return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))


def _zone(tzid: object) -> tzinfo:
    """The zone of an IANA name (as icalendar's zoneinfo provider gives it); anything else is declined."""
    if not isinstance(tzid, str) or not _AREA.fullmatch(tzid):
        raise Declined(str(tzid))
    return _known(str(tzid))


@lru_cache(maxsize=256)
def _known(key: str) -> tzinfo:
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(key)
    except Exception:  # not found, or not a zone file
        raise Declined(key) from None


def _utc() -> tzinfo:
    return _known("UTC")
