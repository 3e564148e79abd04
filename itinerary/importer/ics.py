"""A calendar file (.ics) read into a `Draft`: what any calendar program exports, as plain facts.

The edge where iCalendar's freedoms end: floating times get the programme's zone, UTC
times stay instants, a zone a VTIMEZONE defines under a private name is converted,
repeating events are expanded (recurring-ical-events does RRULE, RDATE, EXDATE and
RECURRENCE-ID overrides right), cancelled occurrences are left out, and a file that is
not a calendar, or a broken one, is refused in one line that says where. icalendar
and recurring-ical-events are imported only here, and only when a calendar is read.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from itinerary.importer.draft import CalendarError, Draft, Item, Options, Person, Place, utc
from itinerary.model import Kind
from itinerary.timeutil import is_zone, parse_hhmm, slug, zone

if TYPE_CHECKING:
    from icalendar import Calendar

Component = Any
"""An icalendar component: its properties are a union of 30 types, read here by what each property is."""

MAX_BYTES = 20 * 1024 * 1024
MAX_ITEMS = 20_000
"""More occurrences than any visit has: a repeating event without a range, most likely."""
UNBOUNDED = timedelta(days=7)
FOREVER_AT_MOST = timedelta(days=366)
"""Without --end, an event that repeats forever is not followed further than this from its start."""
BOUNDED_SPAN = timedelta(days=366 * 20)
"""How far a rule with COUNT or UNTIL is followed (a programme of visits spans weeks)."""
"""How far an event that repeats forever is expanded when nothing else in the calendar bounds it."""

_TIMES = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE")
"""Without these read right, no instant can be trusted: a broken one refuses the file."""
_READ = frozenset(
    (
        *_TIMES,
        "UID",
        "SUMMARY",
        "LOCATION",
        "GEO",
        "URL",
        "ATTENDEE",
        "DESCRIPTION",
        "CATEGORIES",
        "TRANSP",
        "STATUS",
        "X-APPLE-STRUCTURED-LOCATION",
    )
)
_SINGLE = ("UID", "SUMMARY", "LOCATION", "GEO", "URL", "DESCRIPTION", "STATUS", "TRANSP", "SEQUENCE")
"""Once per event; a second one is dropped (and counted)."""
_BOOKKEEPING = frozenset(("DTSTAMP", "CREATED", "LAST-MODIFIED", "SEQUENCE"))
"""Dropped without a word: a programme file keeps its history in git."""
_NO_UID = "itinerary-no-uid-line-"
_OUR_HEAD = ("From: ", "Departs ", "To: ", "Arrives ", "Check-in ", "End time estimated", "Starts ", "Ends ", "Who: ")
"""The lines itinerary's export puts before an event's notes in DESCRIPTION."""


def read(data: bytes, name: str, options: Options | None = None) -> Draft:
    """The calendar in `data` (the bytes of file `name`) as a Draft, or CalendarError."""
    options = options or Options()
    text = _decode(data, name)
    blocks = _structure(text, name)
    with warnings.catch_warnings():
        # icalendar warns on stderr when it guesses a zone; the file's comments say what was read how.
        warnings.simplefilter("ignore")
        calendars = _parse(text, name)
        return _Reader(name, options, blocks, calendars, _our_programme(data)).draft()


# -- the file as text -------------------------------------------------------------------

_SPLIT_FOLD = re.compile(rb"([\xc2-\xf4][\x80-\xbf]{0,2})(\r?\n[ \t])([\x80-\xbf]{1,3})")
"""A UTF-8 character cut in two by a fold: its lead bytes, the fold, its continuation bytes."""


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise CalendarError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MiB: not a calendar to import")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows tools save "Unicode" text as UTF-16 with a byte order mark.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise CalendarError(f"{name}: not UTF-16 text, as its byte order mark says") from None
    # Folds cut at 75 octets without care may split a character: its bytes go before the fold.
    data = _SPLIT_FOLD.sub(rb"\1\3\2", data)
    if b"\0" in data[:8192]:
        raise CalendarError(f"{name}: binary data, not a calendar (expected an iCalendar .ics text file)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CalendarError(f"{name}:{line}: not UTF-8 text, as a calendar must be") from None


@dataclass
class _Block:
    """Where a VEVENT is in the file: its BEGIN line and the first line of each of its properties."""

    line: int
    props: dict[str, int] = field(default_factory=dict)


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Unfolded content lines with the number of the physical line each starts on."""
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        if raw[:1] in (" ", "\t") and current:
            current.append(raw[1:])
            continue
        if current:
            yield start, "".join(current)
        current, start = [raw], number
    if current:
        yield start, "".join(current)


def _structure(text: str, name: str) -> list[_Block]:
    """Check BEGIN/END nesting (icalendar's own message for a missing END names no line) and find the VEVENTs."""
    stack: list[tuple[str, int]] = []
    blocks: list[_Block] = []
    event: _Block | None = None
    seen = False
    for number, line in _logical_lines(text):
        if not line.strip():
            continue
        head, colon, value = line.partition(":")
        prop = head.split(";", 1)[0].strip().upper()
        if not seen:
            if prop != "BEGIN" or value.strip().upper() != "VCALENDAR":
                hint = " (it looks like a programme file: YAML)" if line.startswith("programme:") else ""
                raise CalendarError(
                    f"{name}: not a calendar: it should begin with BEGIN:VCALENDAR, not {line[:40]!r}{hint}"
                )
            seen = True
        if not colon or not prop:
            raise CalendarError(f"{name}:{number}: not a calendar line (NAME:value): {line[:60]!r}")
        if prop == "BEGIN":
            component = value.strip().upper()
            if not stack and component != "VCALENDAR":
                raise CalendarError(f"{name}:{number}: BEGIN:{component} outside BEGIN:VCALENDAR ... END:VCALENDAR")
            if stack and stack[-1][0] == component:
                raise CalendarError(
                    f"{name}:{stack[-1][1]}: BEGIN:{component} is not closed: END:{component} is missing before "
                    f"the next BEGIN:{component} at line {number}"
                )
            stack.append((component, number))
            if component == "VEVENT":
                event = _Block(number)
                blocks.append(event)
            continue
        if prop == "END":
            component = value.strip().upper()
            if not stack:
                raise CalendarError(f"{name}:{number}: END:{component} without a BEGIN:{component}")
            top, top_line = stack[-1]
            if top != component and component not in (opened for opened, _ in stack):
                raise CalendarError(f"{name}:{number}: END:{component} without a BEGIN:{component}")
            if top != component:
                raise CalendarError(
                    f"{name}:{top_line}: BEGIN:{top} is not closed: END:{top} is missing before END:{component} "
                    f"at line {number}"
                )
            stack.pop()
            if component == "VEVENT":
                event = None
            continue
        if not stack:
            raise CalendarError(f"{name}:{number}: {line[:40]!r} is outside BEGIN:VCALENDAR ... END:VCALENDAR")
        if event is not None and stack[-1][0] == "VEVENT":
            event.props.setdefault(prop, number)
    if not seen:
        raise CalendarError(f"{name}: empty file: not a calendar")
    if stack:
        top, top_line = stack[-1]
        raise CalendarError(f"{name}:{top_line}: BEGIN:{top} is never closed (END:{top} is missing)")
    return blocks


def _parse(text: str, name: str) -> list[Calendar]:
    from icalendar import Calendar

    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError... on what it cannot read
        message = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise CalendarError(f"{name}: not a readable calendar: {message}") from None
    return list(calendars)


def _our_programme(data: bytes) -> str | None:
    """The programme id when itinerary's own export wrote the calendar (its UIDs then carry event ids)."""
    from itinerary.export.ics import owner

    return owner(data[:65536])


# -- zones ---------------------------------------------------------------------------------


def iana(tzid: str) -> str | None:
    """An IANA name for a TZID: itself, Outlook's name for it ('Tokyo Standard Time'), or the tail of a
    private prefix ('/mozilla.org/20050126_1/Europe/Berlin')."""
    tzid = tzid.strip().strip('"')
    try:
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

        windows = WINDOWS_TO_OLSON.get(tzid)
    except ImportError:  # pragma: no cover - a later icalendar may move it
        windows = None
    if windows and is_zone(windows):
        return str(windows)
    parts = [p for p in tzid.split("/") if p]
    for count in (len(parts), 3, 2, 1):
        candidate = "/".join(parts[-count:]) if count <= len(parts) else ""
        if candidate and is_zone(candidate):
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class _When:
    """An instant as the calendar wrote it."""

    value: datetime | date
    zone: str | None
    """IANA name; None for UTC, floating, dates and private zones."""
    floating: bool = False
    private: str = ""
    """A TZID that names no known zone (a VTIMEZONE defines it): converted."""


def _when(prop: Any, aliases: Mapping[str, str] | None = None) -> _When:
    """How the calendar wrote an instant; `aliases` maps private TZIDs to the IANA zone they were matched with."""
    value = prop.dt
    if not isinstance(value, datetime):
        return _When(value, None)
    if value.tzinfo is None:
        return _When(value, None, floating=True)
    key = getattr(value.tzinfo, "key", None)
    if isinstance(key, str):
        return _When(value, None if key == "UTC" else key)
    if value.utcoffset() == timedelta(0) and value.tzinfo in (UTC,):
        return _When(value, None)
    tzid = str(prop.params.get("TZID", "")) or str(value.tzname() or "")
    known = iana(tzid) or (aliases or {}).get(tzid)
    return _When(value, known, private="" if known else tzid)


_AREAS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/")


def match_zone(tz: tzinfo, instants: Iterable[datetime]) -> str | None:
    """The one IANA zone that reads like `tz` (same offset and abbreviation) at these instants and on
    the 1st and 15th of each month around them; None when none does or several do (the user chooses)."""
    from zoneinfo import available_timezones

    moments = {i.astimezone(UTC) for i in instants}
    if not moments:
        return None
    month = min(moments).replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    while month <= max(moments):
        moments.update((month, month.replace(day=15)))
        month = (month + timedelta(days=32)).replace(day=1)
    wanted = [(m.astimezone(tz).utcoffset(), m.astimezone(tz).tzname()) for m in sorted(moments)]
    found = []
    for key in sorted(available_timezones()):
        if not key.startswith(_AREAS):
            continue
        candidate = zone(key)
        if all(
            (m.astimezone(candidate).utcoffset(), m.astimezone(candidate).tzname()) == w
            for m, w in zip(sorted(moments), wanted, strict=True)
        ):
            found.append(key)
            if len(found) > 1:
                return None
    return found[0] if found else None


# -- reading -----------------------------------------------------------------------------


@dataclass
class _Series:
    """The components that share a UID: the master (with its rules) and its overrides."""

    uid: str
    master: Component | None = None
    line: int = 0
    overrides: dict[object, tuple[int, Component]] = field(default_factory=dict)
    """RECURRENCE-ID (as an instant) -> the override and its line."""

    @property
    def repeats(self) -> bool:
        return self.master is not None and ("RRULE" in self.master or "RDATE" in self.master)

    @property
    def forever(self) -> bool:
        if self.master is None or "RRULE" not in self.master:
            return False
        rules = self.master["RRULE"]
        for rule in rules if isinstance(rules, list) else [rules]:
            if "COUNT" not in rule and "UNTIL" not in rule:
                return True
        return False


def _instant_key(value: object) -> object:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC)
    return value


class _Reader:
    """One pass over the calendar's events; collects what the head of the file should say."""

    def __init__(
        self, name: str, options: Options, blocks: list[_Block], calendars: list[Calendar], ours: str | None
    ) -> None:
        self.name = name
        self.options = options
        self.blocks = blocks
        self.calendars = calendars
        self.ours = ours
        self.notes: list[str] = []
        self.left_out: Counter[str] = Counter()
        self.events: list[tuple[Component, _Block]] = []
        self.series: dict[str, _Series] = {}
        self.tz_name = "UTC"
        self.tz: tzinfo = UTC
        self.floating = 0
        self.private: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        self.cancelled: list[str] = []
        self.sequence = 0

    # -- plumbing

    def where(self, block: _Block, prop: str | None = None) -> str:
        line = block.props.get(prop, block.line) if prop else block.line
        return f"{self.name}:{line}"

    def draft(self) -> Draft:
        self.collect()
        self.choose_zone()
        items = self.expand()
        if not items:
            cancelled = f" ({len(self.cancelled)} cancelled)" if self.cancelled else ""
            ranged = " in the range asked for" if self.options.start or self.options.end else ""
            raise CalendarError(f"{self.name}: no events to import{ranged}{cancelled}")
        first, last = self.range(items)
        title = self.title()
        if self.private:
            for tzid, used in sorted(self.private.items()):
                self.notes.append(f"TZID {tzid!r} is no zone name this tool knows: its times are written in {used}.")
        if self.floating:
            self.notes.append(
                f"{self.floating} event{'s have' if self.floating != 1 else ' has'} floating times (no zone in the "
                f"calendar): read in {self.tz_name}, the programme's zone."
            )
        if self.cancelled:
            shown = "; ".join(self.cancelled[:10]) + ("; ..." if len(self.cancelled) > 10 else "")
            self.notes.append(f"Left out, cancelled in the calendar: {shown}")
        if self.left_out:
            shown = ", ".join(f"{what} ({count})" for what, count in sorted(self.left_out.items()))
            self.notes.append(f"Not carried over (the format has no place for them): {shown}.")
        return Draft(
            name=self.name,
            programme_id=self.ours or slug(title) or "imported",
            title=title,
            timezone=self.tz_name,
            start=first,
            end=last,
            items=tuple(items),
            revision=self.sequence if self.ours else 0,
            notes=tuple(self.notes),
            ours=self.ours is not None,
        )

    def title(self) -> str:
        for calendar in self.calendars:
            for key in ("X-WR-CALNAME", "NAME"):
                value = " ".join(str(calendar.get(key, "")).split())
                if value:
                    return value
        return PurePath(self.name).stem.replace("_", " ").strip() or "Imported calendar"

    def range(self, items: list[Item]) -> tuple[date, date]:
        if self.options.start and self.options.end:
            return self.options.start, self.options.end
        firsts, lasts = [], []
        for item in items:
            if item.dated:
                firsts.append(item.start.date())
                lasts.append(item.end.date() - timedelta(days=1))
            else:
                start = item.start.astimezone(self.tz)
                end = max(item.end.astimezone(self.tz), start)
                firsts.append(start.date())
                lasts.append((end - timedelta(microseconds=1)).date() if end > start else start.date())
        first = self.options.start or min(firsts)
        last = self.options.end or max(max(lasts), first)
        return first, max(last, first)

    # -- pass 1: components, errors, series

    def collect(self) -> None:
        index = 0
        for calendar in self.calendars:
            component: Component
            for component in calendar.walk():
                kind = component.name
                if kind in ("VTODO", "VJOURNAL", "VFREEBUSY"):
                    self.left_out[f"{kind} components"] += 1
                if kind != "VEVENT":
                    continue
                block = self.blocks[index] if index < len(self.blocks) else _Block(0)
                index += 1
                self.check(component, block)
                self.events.append((component, block))
                uid = str(component.get("UID", "")).strip()
                if not uid:
                    # A stand-in, so that expansion keeps UID-less events apart; dropped again in `item`.
                    uid = f"{_NO_UID}{block.line}"
                    component["UID"] = uid
                series = self.series.setdefault(uid, _Series(uid))
                if "RECURRENCE-ID" in component:
                    series.overrides[_instant_key(component["RECURRENCE-ID"].dt)] = (block.line, component)
                elif series.master is None:
                    series.master, series.line = component, block.line
                if self.ours:
                    with contextlib.suppress(TypeError, ValueError):
                        self.sequence = max(self.sequence, int(component.get("SEQUENCE", 0)))
                for key in component:
                    if key not in _READ and key not in _BOOKKEEPING:
                        self.left_out[key] += 1
                if any(sub.name == "VALARM" for sub in component.subcomponents):
                    self.left_out["reminders (VALARM)"] += 1

    def check(self, component: Component, block: _Block) -> None:
        for prop in ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID"):
            if isinstance(component.get(prop), list):
                raise CalendarError(
                    f"{self.where(block, prop)}: {prop} appears {len(component[prop])} times in one VEVENT"
                )
        for prop in _SINGLE:
            if isinstance(component.get(prop), list):
                component[prop] = component[prop][0]
                self.left_out[f"{prop} after the first"] += 1
        broken = dict(getattr(component, "errors", []) or [])
        for prop in _TIMES:
            if prop in broken:
                message = " ".join(str(broken[prop]).split())
                raise CalendarError(f"{self.where(block, prop)}: {prop}: not a valid date or time ({message})")
        if "DTSTART" not in component:
            raise CalendarError(f"{self.where(block)}: VEVENT without DTSTART: it says not when it happens")
        for prop in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            if prop in component and not isinstance(component[prop].dt, date):
                raise CalendarError(f"{self.where(block, prop)}: {prop}: not a date or a date-time")
        if "DURATION" in component and not isinstance(component["DURATION"].dt, timedelta):
            raise CalendarError(f"{self.where(block, 'DURATION')}: DURATION: not a length of time")
        whole_days = not isinstance(component["DTSTART"].dt, datetime)
        if "DTEND" in component and whole_days != (not isinstance(component["DTEND"].dt, datetime)):
            kinds = ("a date", "a date-time") if whole_days else ("a date-time", "a date")
            raise CalendarError(
                f"{self.where(block, 'DTEND')}: DTEND: {kinds[1]} while DTSTART is {kinds[0]} (both must be one or "
                "the other)"
            )
        if "DURATION" in component and whole_days and component["DURATION"].dt % timedelta(days=1):
            raise CalendarError(
                f"{self.where(block, 'DURATION')}: DURATION: hours or minutes for an all-day event (DTSTART is a "
                "date): only days or weeks can be"
            )
        for prop in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"):
            for value, params in _values(component.get(prop)):
                tzid = params.get("TZID")
                if tzid and isinstance(value, datetime) and value.tzinfo is None:
                    raise CalendarError(
                        f"{self.where(block, prop)}: {prop}: TZID {str(tzid)!r} is defined nowhere "
                        "(no VTIMEZONE in the file has it, and it is no known zone name)"
                    )
        for rule, _ in _values(component.get("RRULE")):
            frequency = str(rule.get("FREQ", [""])[0]).upper() if hasattr(rule, "get") else ""
            if frequency in ("SECONDLY", "MINUTELY"):
                raise CalendarError(
                    f"{self.where(block, 'RRULE')}: RRULE: repeats every {frequency[:-2].lower()}: "
                    "not something a programme of visits can hold"
                )
        length = _length(component)
        if length is not None and (length[0] < 0 or length[1] < timedelta(0)) and "DTEND" in component:
            title = " ".join(str(component.get("SUMMARY", "")).split()) or "the event"
            raise CalendarError(f"{self.where(block, 'DTEND')}: DTEND: {title!r} ends before it starts")
        for prop in broken:
            if prop not in _TIMES:
                self.left_out[f"{prop} (unreadable)"] += 1

    # -- the programme's zone

    def choose_zone(self) -> None:
        private: dict[str, tuple[tzinfo, list[datetime]]] = {}
        for component, _ in self.events:
            for prop in ("DTSTART", "DTEND"):
                when = _when(component[prop]) if prop in component else None
                if when is not None and when.private and isinstance(when.value, datetime):
                    assert when.value.tzinfo is not None
                    private.setdefault(when.private, (when.value.tzinfo, []))[1].append(when.value)
        for tzid, (tz, instants) in sorted(private.items()):
            matched = match_zone(tz, instants)
            if matched:
                self.aliases[tzid] = matched
                self.notes.append(
                    f"TZID {tzid!r} (defined in the calendar) is read as {matched}: the one zone like it."
                )
        counts: Counter[str] = Counter()
        for component, _ in self.events:
            for prop in ("DTSTART", "DTEND"):
                if prop in component:
                    when = _when(component[prop], self.aliases)
                    if when.zone:
                        counts[when.zone] += 1
        chosen, reason = None, ""
        if self.options.timezone:
            chosen, reason = self.options.timezone, "as asked (--tz)"
        elif counts:
            chosen, reason = counts.most_common(1)[0][0], "the zone most of the calendar's times are in"
        else:
            for calendar in self.calendars:
                wr = str(calendar.get("X-WR-TIMEZONE", "")).strip()
                if wr and is_zone(wr):
                    chosen, reason = wr, "the calendar's X-WR-TIMEZONE"
                    break
                if wr:
                    self.notes.append(f"X-WR-TIMEZONE {wr!r} is no zone name this tool knows: not used.")
        if chosen is None:
            chosen, reason = "UTC", "the calendar names no zone; choose one with --tz"
        self.tz_name, self.tz = chosen, zone(chosen)
        self.notes.insert(0, f"Programme zone {chosen}: {reason}.")

    # -- pass 2: occurrences

    def expand(self) -> list[Item]:
        """Every occurrence: a lone event is its own; only repeating ones go through the library (it is slow)."""
        from icalendar import Calendar

        zones = [c for calendar in self.calendars for c in calendar.walk("VTIMEZONE")]
        forever = {uid for uid, s in self.series.items() if s.forever}
        bounded, endless = Calendar(), Calendar()
        for component in zones:
            bounded.add_component(component)
            endless.add_component(component)
        start, end = self.options.start, self.options.end
        stop = end + timedelta(days=1) if end else None
        found: list[Component] = []
        lone: dict[int, int] = {}  # id() of a lone event -> its line: its own source (two may share a UID)
        for component, block in self.events:
            uid = str(component.get("UID", "")).strip()
            series = self.series[uid]
            if uid in forever:
                endless.add_component(component)
            elif series.repeats or series.overrides:
                bounded.add_component(component)
            elif self.within(component, start, stop):
                found.append(component)
                lone[id(component)] = block.line
        if bounded.subcomponents != zones:
            found.extend(self.occurrences(bounded, start or self.earliest(bounded), stop))
        if forever:
            if stop is None:
                ends = [self.as_date(c.end if "DTEND" in c or "DURATION" in c else c.start) for c in found]
                masters = [self.series[uid].master for uid in forever]
                starts = [self.as_date(m["DTSTART"].dt) for m in masters if m is not None]
                horizon = max(ends) + timedelta(days=1) if ends else min(starts) + UNBOUNDED
                horizon = min(horizon, min(starts) + FOREVER_AT_MOST)
                self.notes.append(
                    f"Events that repeat forever are expanded up to {horizon - timedelta(days=1)}"
                    f"{' (the end of the other events)' if ends and horizon == max(ends) + timedelta(days=1) else ''}"
                    "; choose another end with --end."
                )
                stop = horizon
            found.extend(self.occurrences(endless, start or self.earliest(endless), stop))
        days = sum(max(1, (self.as_date(c.end) - self.as_date(c.start)).days) for c in found if _dated(c))
        if len(found) + days > MAX_ITEMS:
            raise CalendarError(f"{self.name}: more than {MAX_ITEMS:,} events: choose a range with --start and --end")
        items: list[Item] = []
        for component in found:
            line = lone.get(id(component))
            item = self.item(component, None if line is None else (line, component))
            if item is not None:
                items.append(item)
            if len(items) > MAX_ITEMS:
                raise CalendarError(
                    f"{self.name}: more than {MAX_ITEMS:,} events: choose a range with --start and --end"
                )
        return self.name_occurrences(items)

    def within(self, component: Component, start: date | None, stop: date | None) -> bool:
        """Whether a lone event overlaps the days asked for (all of them when none are)."""
        if start is None and stop is None:
            return True
        first = self.as_date(component.start)
        last = self.as_date(component.end) if "DTEND" in component or "DURATION" in component else first
        if isinstance(component.start, datetime) and last > first:
            last = self.as_date(component.end - timedelta(microseconds=1))
        elif not isinstance(component.start, datetime) and last > first:
            last -= timedelta(days=1)
        return (stop is None or first < stop) and (start is None or last >= start)

    def as_date(self, value: date | datetime) -> date:
        if isinstance(value, datetime):
            return (value.astimezone(self.tz) if value.tzinfo else value).date()
        return value

    def earliest(self, calendar: Calendar) -> date:
        """The day before the first DTSTART: the library's search for the first occurrence widens its
        window while it finds none, so starting far earlier makes that window years wide."""
        events: list[Component] = calendar.walk("VEVENT")
        return min(self.as_date(c["DTSTART"].dt) for c in events) - timedelta(days=1)

    def occurrences(self, calendar: Calendar, start: date, stop: date | None) -> Iterator[Component]:
        from recurring_ical_events import CalendarQuery

        try:
            query = CalendarQuery(calendar, components=("VEVENT",))
            # One window: `after` and `all` page through windows that shrink to 15 minutes while they
            # find occurrences, each expanding the rule from its start again (minutes per year of an
            # hourly rule). A rule with COUNT or UNTIL stops by itself well within BOUNDED_SPAN.
            yield from itertools.islice(query.between(start, stop or start + BOUNDED_SPAN), MAX_ITEMS + 1)
        except CalendarError:
            raise
        except Exception as exc:  # the library's InvalidCalendar, PeriodEndBeforeStart, BadRuleStringFormat...
            message = " ".join(str(exc).split())[:160] or type(exc).__name__
            raise CalendarError(f"{self.name}: cannot expand a repeating event: {message}") from None

    def source(self, uid: str, component: Component) -> tuple[int, Component]:
        """The component an occurrence comes from (an override, else the master) and its line.

        An occurrence's own DTEND may be recomputed in DTSTART's zone; the source's says the zone meant.
        """
        series = self.series.get(uid)
        if series is None:
            return 0, component
        rid = component.get("RECURRENCE-ID")
        if rid is not None and _instant_key(rid.dt) in series.overrides:
            return series.overrides[_instant_key(rid.dt)]
        if series.master is not None:
            return series.line, series.master
        return min(series.overrides.values(), key=lambda pair: pair[0], default=(0, component))

    def item(self, component: Component, lone: tuple[int, Component] | None = None) -> Item | None:
        uid = str(component.get("UID", "")).strip()
        line, source = lone or self.source(uid, component)
        series = self.series.get(uid)
        title = " ".join(str(component.get("SUMMARY", "")).split())
        comments: list[str] = []
        if not title:
            title = "Untitled event"
            comments.append("the calendar gives no title (SUMMARY)")
        # The library recomputes an occurrence's end as wall-clock start + length, an hour off across a DST
        # change: the times come from the component as written, only a rule's occurrence starts from it.
        from_rule = series is not None and series.repeats and source is series.master
        start_when = _when((component if from_rule else source)["DTSTART"], self.aliases)
        if str(component.get("STATUS", "")).upper() == "CANCELLED":
            self.cancelled.append(f"{title} ({self.as_date(self.zoned(start_when, comments))})")
            return None
        length = _length(source)
        has_end = length is not None
        dated = not isinstance(start_when.value, datetime)
        if start_when.floating:
            self.floating += 1
        kind, other = self.kind(component)
        if other:
            comments.append(f"categories: {', '.join(other)}")
        if dated:
            first = start_when.value
            days = length[0] + length[1].days if length else 1
            last = first + timedelta(days=max(days, 1))
            start = datetime.combine(first, time(), self.tz)
            end = datetime.combine(last, time(), self.tz)
            start_zone = end_zone = None
        else:
            assert isinstance(start_when.value, datetime)
            start = self.zoned(start_when, comments)
            raw_end = _add(start_when.value, length) if length else start_when.value
            end_prop = source.get("DTEND")
            end_when = start_when
            if end_prop is not None and isinstance(end_prop.dt, datetime) and end_prop.dt.tzinfo is not None:
                end_when = _when(end_prop, self.aliases)
            if isinstance(raw_end, datetime) and raw_end.tzinfo is not None:
                end = raw_end.astimezone(end_prop.dt.tzinfo) if end_when is not start_when else raw_end
            else:  # floating, as its start
                end = self.zoned(replace(start_when, value=raw_end), [])
            start_zone, end_zone = start_when.zone, end_when.zone
            if utc(end) < utc(start):
                raise CalendarError(f"{self.name}:{line}: {title!r} ends before it starts")
        people, who_comments = self.people(component)
        comments.extend(who_comments)
        place = self.place(component)
        description = str(component.get("DESCRIPTION", "")).replace("\r\n", "\n").strip()
        item = Item(
            line=line,
            title=title,
            start=start,
            end=end,
            uid="" if uid.startswith(_NO_UID) else uid,
            kind=kind,
            dated=dated,
            start_zone=start_zone,
            end_zone=end_zone,
            place=place,
            people=people,
            background=str(component.get("TRANSP", "")).upper() == "TRANSPARENT",
            no_end=not dated and (not has_end or utc(end) == utc(start)),
            occurrence=self.occurrence(component) if series is not None and series.repeats else "",
        )
        if self.ours:
            return self.ours_item(item, component, description, comments)
        url = str(component.get("URL", "")).strip()
        if url:
            description = f"{description}\n\nLink: {url}".strip()
        return replace(item, notes=description, comments=tuple(comments))

    def zoned(self, when: _When, comments: list[str]) -> datetime:
        value = when.value
        if not isinstance(value, datetime):
            return datetime.combine(value, time(), self.tz)
        if when.floating:
            # A wall time in a gap has no instant: the one a clock reading it would show.
            return value.replace(tzinfo=self.tz).astimezone(UTC).astimezone(self.tz)
        if when.private:
            self.private.setdefault(when.private, self.tz_name)
        return value

    def occurrence(self, component: Component) -> str:
        rid = component.get("RECURRENCE-ID")
        value = rid.dt if rid is not None else component["DTSTART"].dt
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%dT%H%M")
        return str(value.isoformat())

    def name_occurrences(self, items: list[Item]) -> list[Item]:
        """An occurrence is known by its date, and by date and time only where a day has several."""
        per_day = Counter((i.uid, i.occurrence[:10]) for i in items if i.occurrence)
        out = []
        for item in items:
            if item.occurrence and per_day[(item.uid, item.occurrence[:10])] == 1:
                item = replace(item, occurrence=item.occurrence[:10])
            out.append(item)
        return out

    def kind(self, component: Component) -> tuple[Kind, list[str]]:
        names = [str(value).strip() for value, _ in _values(component.get("CATEGORIES"), attr="cats")]
        kinds = {k.value: k for k in Kind}
        found = next((kinds[n.lower()] for n in names if n.lower() in kinds), Kind.MEETING)
        return found, [n for n in names if n and n.lower() not in kinds]

    def people(self, component: Component) -> tuple[tuple[Person, ...], list[str]]:
        out: list[Person] = []
        comments: list[str] = []
        for value, params in _values(component.get("ATTENDEE")):
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

    def place(self, component: Component) -> Place | None:
        # Apple and Google write the place's name on a line of its own, the address below it.
        lines = (" ".join(line.split()).strip(" ,") for line in str(component.get("LOCATION", "")).splitlines())
        text = ", ".join(line for line in lines if line)
        if not text:
            return None
        broken = dict(getattr(component, "errors", []) or [])
        geo = None
        if "GEO" in component and "GEO" not in broken:
            value = component["GEO"]
            geo = _geo(float(value.latitude), float(value.longitude))
        elif "X-APPLE-STRUCTURED-LOCATION" in component:
            # Apple's own: a `geo:lat,lon` URI (RFC 5870) with the place's name and address as parameters.
            found = re.match(r"\s*geo:([-+]?[\d.]+),([-+]?[\d.]+)", str(component["X-APPLE-STRUCTURED-LOCATION"]))
            with contextlib.suppress(TypeError, ValueError):
                geo = _geo(float(found[1]), float(found[2])) if found else None
        return Place(text, geo)

    # -- calendars itinerary wrote

    def ours_item(self, item: Item, component: Component, description: str, comments: list[str]) -> Item:
        """Undo what the export folded into the calendar: the event id, legs, stays, estimated ends, notes."""
        from itinerary.export.ics import identity

        found = identity(item.uid)
        event_id = found[1] if found and found[0] == self.ours else None
        url = str(component.get("URL", "")).strip()
        head, _, notes = description.partition("\n\n")
        lines = head.split("\n") if head else []
        if not lines or not all(line.startswith(_OUR_HEAD) for line in lines):
            lines, notes = [], description
        values = {prefix: line[len(prefix) :] for line in lines for prefix in _OUR_HEAD if line.startswith(prefix)}
        place = item.place
        origin = destination = None
        if "From: " in values or "To: " in values:
            origin = self.our_place(values.get("From: "), place, url)
            destination = self.our_place(values.get("To: "), place, url)
            place = None
        elif place is not None and url:
            place = replace(place, url=url)
        if item.kind is Kind.HOTEL and "Check-in " in values:
            stay = _our_stay(values["Check-in "], item)
            if stay is not None:
                start, end = stay
                item = replace(item, start=start, end=end, dated=False, start_zone=_key(start), end_zone=_key(end))
        if "Who: " in values and not item.people:
            comments.append(f"who, in the calendar's description: {values['Who: ']}")
        return replace(
            item,
            place=place,
            origin=origin,
            destination=destination,
            notes=notes.strip(),
            event_id=event_id,
            estimated="End time estimated" in values,
            comments=tuple(comments),
        )

    def our_place(self, text: str | None, location: Place | None, url: str) -> Place | None:
        if not text:
            return None
        if location is not None and location.key == Place(text).key:
            return replace(location, url=url)
        return Place(" ".join(text.split()))


_STAY = re.compile(
    r"\w+ \d+ \w+ (?P<in_time>\d\d:\d\d) \S+ \((?P<in_zone>[^()]+)\), check-out "
    r"\w+ \d+ \w+ (?P<out_time>\d\d:\d\d) \S+ \((?P<out_zone>[^()]+)\)"
)


def _our_stay(text: str, item: Item) -> tuple[datetime, datetime] | None:
    """Check-in and check-out instants from the export's 'Check-in Mon 05 Oct 15:00 JST (Asia/Tokyo), ...'."""
    match = _STAY.fullmatch(text.strip())
    if not match or not item.dated:
        return None
    try:
        in_zone, out_zone = zone(match["in_zone"]), zone(match["out_zone"])
        in_hhmm, out_hhmm = parse_hhmm(match["in_time"]), parse_hhmm(match["out_time"])
    except ValueError:
        return None
    first, last = item.start.date(), item.end.date()
    start = datetime.combine(first, time(*in_hhmm), in_zone)
    end = datetime.combine(last, time(*out_hhmm), out_zone)
    return (start, end) if end > start else None


def _length(component: Component) -> tuple[int, timedelta] | None:
    """(days, exact time): how long the event lasts as its component says. A rule's occurrences last the
    same; days count on the wall clock, hours exactly (RFC 5545 3.3.6), across a DST change too."""
    if "DTEND" in component:
        start, end = component["DTSTART"].dt, component["DTEND"].dt
        if isinstance(start, datetime) and isinstance(end, datetime):
            if (start.tzinfo is None) != (end.tzinfo is None):
                return 0, end.replace(tzinfo=None) - start.replace(tzinfo=None)
            return 0, (utc(end) - utc(start)) if start.tzinfo else end - start
        first = start.date() if isinstance(start, datetime) else start
        last = end.date() if isinstance(end, datetime) else end
        return (last - first).days, timedelta(0)
    if "DURATION" in component:
        duration = component["DURATION"].dt
        if isinstance(duration, timedelta):
            return duration.days, duration - timedelta(days=duration.days)
    return None


def _add(start: datetime, length: tuple[int, timedelta]) -> datetime:
    days, exact = length
    value = start
    if days:
        value = (start.replace(tzinfo=None) + timedelta(days=days)).replace(tzinfo=start.tzinfo)
        if value.tzinfo is not None:
            value = value.astimezone(UTC).astimezone(start.tzinfo)
    if exact:
        value = (value.astimezone(UTC) + exact).astimezone(value.tzinfo) if value.tzinfo else value + exact
    return value


def _geo(lat: float, lon: float) -> tuple[float, float] | None:
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def _dated(component: Component) -> bool:
    """A whole-days event (written one item per day, so it counts once per day)."""
    return not isinstance(component["DTSTART"].dt, datetime)


def _key(instant: datetime) -> str | None:
    key = getattr(instant.tzinfo, "key", None)
    return key if isinstance(key, str) and key != "UTC" else None


def _values(prop: Any, attr: str = "") -> Iterator[tuple[Any, dict[str, Any]]]:
    """Each value of a property that may occur once, several times, or hold a list (EXDATE, CATEGORIES)."""
    if prop is None:
        return
    for one in prop if isinstance(prop, list) else [prop]:
        params = dict(getattr(one, "params", {}) or {})
        inner = getattr(one, attr, None) if attr else getattr(one, "dts", None)
        if inner is not None:
            for value in inner:
                yield (getattr(value, "dt", value), params)
        else:
            yield (getattr(one, "dt", one), params)
