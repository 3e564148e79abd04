"""The programme file made into a `Programme`, or every reason why it cannot be.

The one place where text becomes model: YAML is composed into a node tree (which keeps
line and column), every value is read as text and interpreted by its field, and every
problem is collected so the user sees all of them at once.
"""

from __future__ import annotations

import difflib
import gc
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml import MappingNode, Node, ScalarNode, SequenceNode

from itinerary.model import (
    DEFAULT_DAY_PARTS,
    DEFAULT_DURATION,
    DayPart,
    Diagnostic,
    Event,
    Group,
    Kind,
    Participant,
    Programme,
    Source,
    TravelSettings,
    TravelTime,
    Venue,
)
from itinerary.timeutil import WallTime, localize, parse_date, parse_hhmm, slug, zone

MAX_BYTES = 20 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_ERRORS = 100
TRAVEL_MODES = ("taxi", "walk", "car", "bus", "train", "metro", "other")
HOTEL_CHECK_IN = (15, 0)
HOTEL_CHECK_OUT = (11, 0)


class LoadError(Exception):
    """The file cannot become a programme; `diagnostics` says every reason found."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


class _Abort(Exception):
    """Stop reading: what is left cannot be understood."""


def load(path: str | Path) -> Programme:
    """Read and validate a programme file."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise LoadError([Diagnostic(None, f"{name}: is a directory, not a programme file")]) from None
    except OSError as exc:
        raise LoadError([Diagnostic(None, f"{name}: cannot read: {exc.strerror or exc}")]) from None
    return loads(data, name)


def loads(data: bytes | str, name: str = "<string>") -> Programme:
    text = _decode(data, name) if isinstance(data, bytes) else data
    # The node tree is large and acyclic: the cycle collector only re-scans it, over and over.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        root = _compose(text, name)
        reader = _Reader(name)
        try:
            programme = reader.programme(root)
        except _Abort:
            programme = None
    finally:
        if was_enabled:
            gc.enable()
    if reader.errors or programme is None:
        raise LoadError(reader.errors)
    return programme


def _decode(data: bytes, name: str) -> str:
    if len(data) > MAX_BYTES:
        raise LoadError(
            [Diagnostic(None, f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MiB: not a programme file")]
        )
    if b"\0" in data[:8192]:
        raise LoadError([Diagnostic(None, f"{name}: binary data, not a programme file (expected YAML text)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError([Diagnostic(Source(name, line, column), "not UTF-8 text (save the file as UTF-8)")]) from None


def _compose(text: str, name: str) -> Node | None:
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class loader_class(base):  # type: ignore[valid-type,misc]
        """Every scalar stays text: fields interpret their own values, and no regex runs per scalar."""

        yaml_implicit_resolvers: dict[str, list[object]] = {}  # noqa: RUF012

    try:
        return yaml.compose(text, Loader=loader_class)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        source = Source(name, mark.line + 1, mark.column + 1) if mark else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise LoadError([Diagnostic(source, f"YAML syntax: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise LoadError([Diagnostic(None, f"{name}: YAML syntax: {exc}")]) from None
    except RecursionError:
        raise LoadError([Diagnostic(None, f"{name}: nested too deeply to be a programme file")]) from None


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _Reader:
    """Walks the node tree once; collects every problem instead of stopping at the first."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []
        self.nodes = 0
        self.tz_name = "UTC"
        self.groups: dict[str, Group] = {}
        self.participants: dict[str, Participant] = {}
        self.venues: dict[str, Venue] = {}

    # -- plumbing ----------------------------------------------------------------

    def src(self, node: Node) -> Source:
        mark = node.start_mark
        return Source(self.name, mark.line + 1, mark.column + 1)

    def error(self, node: Node | None, field: str, message: str) -> None:
        source = self.src(node) if node is not None else Source(self.name, 1)
        self.errors.append(Diagnostic(source, f"{field}: {message}" if field else message))
        if len(self.errors) >= MAX_ERRORS:
            self.errors.append(Diagnostic(None, f"{self.name}: stopped after {MAX_ERRORS} errors"))
            raise _Abort

    def fatal(self, node: Node | None, field: str, message: str) -> NoReturn:
        self.error(node, field, message)
        raise _Abort

    def count(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fatal(None, "", f"more than {MAX_NODES:,} YAML nodes (an alias bomb?): not a programme file")

    def mapping(
        self, node: Node, field: str, allowed: Iterable[str] | None = None
    ) -> dict[str, tuple[Node, Node]] | None:
        self.count()
        if not isinstance(node, MappingNode):
            self.error(node, field, f"expected a mapping (key: value lines), found {_describe(node)}")
            return None
        out: dict[str, tuple[Node, Node]] = {}
        allowed_set = set(allowed) if allowed is not None else None
        for key_node, value_node in node.value:
            key = self.text(key_node, field)
            if key is None:
                continue
            if key in out:
                self.error(key_node, _join(field, key), "appears twice")
                continue
            if allowed_set is not None and key not in allowed_set:
                self.error(key_node, _join(field, key), f"unknown key{_suggest(key, allowed_set)}")
                continue
            out[key] = (key_node, value_node)
        return out

    def sequence(self, node: Node, field: str) -> list[Node] | None:
        self.count()
        if not isinstance(node, SequenceNode):
            self.error(node, field, f"expected a list, found {_describe(node)}")
            return None
        return list(node.value)

    def text(self, node: Node, field: str) -> str | None:
        self.count()
        if not isinstance(node, ScalarNode):
            self.error(node, field, f"expected a single value, found {_describe(node)}")
            return None
        value = str(node.value)
        if _is_null(node):
            return ""
        return value

    def required_text(self, fields: dict[str, tuple[Node, Node]], key: str, field: str, where: Node) -> str | None:
        if key not in fields:
            self.error(where, field, f"missing `{key}`")
            return None
        value = self.text(fields[key][1], _join(field, key))
        if value is not None and not value.strip():
            self.error(fields[key][1], _join(field, key), "must not be empty")
            return None
        return value.strip() if value is not None else None

    def optional_text(self, fields: dict[str, tuple[Node, Node]], key: str, field: str) -> str:
        if key not in fields:
            return ""
        return (self.text(fields[key][1], _join(field, key)) or "").strip()

    def parse(self, node: Node, field: str, parser: Callable[[str], object]) -> object | None:
        value = self.text(node, field)
        if value is None:
            return None
        try:
            return parser(value)
        except ValueError as exc:
            self.error(node, field, str(exc))
            return None

    def integer(self, node: Node, field: str, minimum: int = 0) -> int | None:
        value = self.parse(node, field, _int)
        if isinstance(value, int) and value < minimum:
            self.error(node, field, f"must be at least {minimum}")
            return None
        return value if isinstance(value, int) else None

    def number(self, node: Node, field: str) -> float | None:
        value = self.parse(node, field, _float)
        return value if isinstance(value, float) else None

    def boolean(self, node: Node, field: str) -> bool:
        value = self.parse(node, field, _bool)
        return bool(value)

    def zone_name(self, node: Node, field: str) -> str | None:
        value = self.text(node, field)
        if value is None:
            return None
        try:
            zone(value.strip())
        except ValueError:
            self.error(node, field, f"unknown time zone {value!r}{zone_hint(value)}")
            return None
        return value.strip()

    # -- sections ----------------------------------------------------------------

    def programme(self, root: Node | None) -> Programme | None:
        if root is None:
            self.fatal(None, "", "empty file: not a programme file (it needs a `programme:` section)")
        if not isinstance(root, MappingNode):
            self.fatal(
                root,
                "",
                f"not a programme file: expected a mapping with a `programme:` section, found {_describe(root)}",
            )
        keys = {self.text(key, "") for key, _ in root.value}
        if "programme" not in keys:
            self.fatal(root, "", "not a programme file: no `programme:` section")
        top = self.mapping(root, "", ("programme", "groups", "participants", "venues", "travel", "days"))
        if top is None:
            raise _Abort
        head = self.head(top["programme"][1])
        if "groups" in top:
            self.read_groups(top["groups"][1])
        if "participants" in top:
            self.read_participants(top["participants"][1])
        if "venues" in top:
            self.read_venues(top["venues"][1])
        travel = self.read_travel(top["travel"][1]) if "travel" in top else []
        events, cities = self.read_days(top["days"][1]) if "days" in top else ([], {})
        if head is None:
            return None
        events.sort(key=lambda e: (e.start, e.end))
        return Programme(
            id=head["id"],
            title=head["title"],
            timezone=head["timezone"],
            start=head["start"],
            end=head["end"],
            source=head["source"],
            groups=self.groups,
            participants=self.participants,
            venues=self.venues,
            events=tuple(events),
            travel=tuple(travel),
            travel_settings=head["travel_settings"],
            day_parts=head["day_parts"],
            revision=head["revision"],
            updated=head["updated"],
            city=cities,
            default_city=head["city"],
            warnings=tuple(self.warnings),
        )

    def head(self, node: Node) -> dict[str, Any] | None:
        field = "programme"
        fields = self.mapping(
            node,
            field,
            ("id", "title", "timezone", "start", "end", "revision", "updated", "city", "day_parts", "travel_defaults"),
        )
        if fields is None:
            return None
        ident = self.required_text(fields, "id", field, node)
        if ident is not None and slug(ident) != ident:
            self.error(
                fields["id"][1], "programme.id", f"use lowercase letters, digits and hyphens (e.g. {slug(ident)!r})"
            )
        title = self.required_text(fields, "title", field, node)
        tz_name = None
        if "timezone" not in fields:
            self.error(node, field, "missing `timezone` (an IANA name such as Europe/Brussels)")
        else:
            tz_name = self.zone_name(fields["timezone"][1], "programme.timezone")
        if tz_name:
            self.tz_name = tz_name
        start = end = None
        for key in ("start", "end"):
            if key not in fields:
                self.error(node, field, f"missing `{key}` (YYYY-MM-DD)")
                continue
            value = self.parse(fields[key][1], f"programme.{key}", parse_date)
            if key == "start":
                start = value
            else:
                end = value
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.error(fields["end"][1], "programme.end", f"{end} is before the start {start}")
        revision = self.integer(fields["revision"][1], "programme.revision") if "revision" in fields else 0
        updated = None
        if "updated" in fields and tz_name:
            updated = self.stamp(
                fields["updated"][1],
                "programme.updated",
                date(2000, 1, 1),
                zone(tz_name),
                need_date=True,
                default_time=(0, 0),
            )
        parts = self.day_parts(fields["day_parts"][1]) if "day_parts" in fields else DEFAULT_DAY_PARTS
        settings = (
            self.travel_defaults(fields["travel_defaults"][1]) if "travel_defaults" in fields else TravelSettings()
        )
        if not (ident and title and tz_name and isinstance(start, date) and isinstance(end, date)):
            return None
        return {
            "id": ident,
            "title": title,
            "timezone": tz_name,
            "start": start,
            "end": end,
            "revision": revision or 0,
            "updated": updated,
            "city": self.optional_text(fields, "city", field),
            "day_parts": parts,
            "travel_settings": settings,
            "source": self.src(node),
        }

    def day_parts(self, node: Node) -> tuple[DayPart, ...]:
        fields = self.mapping(node, "programme.day_parts")
        if not fields:
            return DEFAULT_DAY_PARTS
        parts: list[DayPart] = []
        for name, (_, value) in fields.items():
            field = f"programme.day_parts.{name}"
            span = self.parse(value, field, _span)
            if not isinstance(span, tuple):
                continue
            (h1, m1), (h2, m2) = span
            if m1 or m2:
                text = str(value.value)
                self.error(value, field, f"{text!r}: the parts of the day run on whole hours (HH:00-HH:00)")
                continue
            part = DayPart(name, h1, h2 if h2 > h1 else 24)
            if parts and part.start_hour < parts[-1].end_hour:
                previous = parts[-1]
                self.error(
                    value,
                    field,
                    f"starts at {h1:02d}:00, before {previous.name!r} ends ({previous.end_hour:02d}:00): "
                    "list the parts in the order of the day, without overlaps",
                )
                continue
            parts.append(part)
        return tuple(parts) or DEFAULT_DAY_PARTS

    def travel_defaults(self, node: Node) -> TravelSettings:
        field = "programme.travel_defaults"
        keys = ("detour_factor", "walk_kmh", "walk_max_km", "taxi_kmh", "buffer_minutes")
        fields = self.mapping(node, field, keys)
        if not fields:
            return TravelSettings()
        values: dict[str, float | int] = {}
        for key, (_, value) in fields.items():
            if key == "buffer_minutes":
                minutes = self.integer(value, _join(field, key))
                if minutes is not None:
                    values[key] = minutes
                continue
            number = self.number(value, _join(field, key))
            if number is not None:
                if number <= 0:
                    self.error(value, _join(field, key), "must be greater than 0")
                else:
                    values[key] = number
        return TravelSettings(**values)  # type: ignore[arg-type]

    def read_groups(self, node: Node) -> None:
        fields = self.mapping(node, "groups")
        for ident, (key_node, value) in (fields or {}).items():
            field = f"groups.{ident}"
            if slug(ident) != ident:
                self.error(key_node, field, f"use lowercase letters, digits and hyphens (e.g. {slug(ident)!r})")
                continue
            if isinstance(value, MappingNode):
                sub = self.mapping(value, field, ("name",))
                name = self.required_text(sub or {}, "name", field, value) if sub is not None else None
            else:
                name = self.text(value, field)
            if name:
                self.groups[ident] = Group(ident, name.strip(), self.src(key_node))

    def read_participants(self, node: Node) -> None:
        items = self.sequence(node, "participants")
        for index, item in enumerate(items or []):
            field = f"participants[{index}]"
            fields = self.mapping(item, field, ("id", "name", "title", "organisation", "group", "groups", "email"))
            if fields is None:
                continue
            name = self.required_text(fields, "name", field, item)
            if not name:
                continue
            ident = self.optional_text(fields, "id", field) or slug(name)
            if not ident:
                self.error(item, field, f"no id can be made from the name {name!r} (no letters a-z): give it an `id`")
                continue
            if slug(ident) != ident:
                self.error(
                    fields["id"][1], f"{field}.id", f"use lowercase letters, digits and hyphens (e.g. {slug(ident)!r})"
                )
                continue
            groups = self.group_refs(fields, field)
            source = self.src(item)
            if ident in self.participants:
                self.error(item, field, f"id {ident!r} is already used at line {self.participants[ident].source.line}")
                continue
            if ident in self.groups:
                self.error(item, field, f"id {ident!r} is also a group id; give the participant another `id`")
                continue
            self.participants[ident] = Participant(
                id=ident,
                name=name,
                groups=groups,
                source=source,
                title=self.optional_text(fields, "title", field),
                organisation=self.optional_text(fields, "organisation", field),
                email=self.optional_text(fields, "email", field),
            )

    def group_refs(self, fields: dict[str, tuple[Node, Node]], field: str) -> tuple[str, ...]:
        if "group" in fields and "groups" in fields:
            self.error(fields["groups"][0], field, "give either `group` or `groups`, not both")
            return ()
        key = "group" if "group" in fields else "groups"
        if key not in fields:
            return ()
        refs = self.names(fields[key][1], _join(field, key))
        out = []
        for ref, ref_node in refs:
            if ref not in self.groups:
                self.error(ref_node, _join(field, key), f"unknown group {ref!r}{_suggest(ref, self.groups)}")
            else:
                out.append(ref)
        return tuple(out)

    def names(self, node: Node, field: str) -> list[tuple[str, Node]]:
        """A single name or a list of names, each with its node."""
        nodes = self.sequence(node, field) if isinstance(node, SequenceNode) else [node]
        out = []
        for item in nodes or []:
            value = self.text(item, field)
            if value and value.strip():
                out.append((value.strip(), item))
        return out

    def read_venues(self, node: Node) -> None:
        fields = self.mapping(node, "venues")
        for ident, (key_node, value) in (fields or {}).items():
            if slug(ident) != ident:
                self.error(
                    key_node, f"venues.{ident}", f"use lowercase letters, digits and hyphens (e.g. {slug(ident)!r})"
                )
                continue
            venue = self.venue(value, f"venues.{ident}", ident, self.src(key_node))
            if venue is not None:
                self.venues[ident] = venue

    def venue(self, node: Node, field: str, ident: str | None, source: Source) -> Venue | None:
        keys = ("name", "address", "local_address", "city", "geo", "url", "timezone", "transfer_minutes")
        fields = self.mapping(node, field, keys)
        if fields is None:
            return None
        name = self.required_text(fields, "name", field, node)
        tz_name = self.zone_name(fields["timezone"][1], f"{field}.timezone") if "timezone" in fields else self.tz_name
        geo = self.geo(fields["geo"][1], f"{field}.geo") if "geo" in fields else None
        transfer = (
            self.integer(fields["transfer_minutes"][1], f"{field}.transfer_minutes")
            if "transfer_minutes" in fields
            else 0
        )
        if not name or not tz_name:
            return None
        return Venue(
            id=ident or f"inline-{slug(name)}",
            name=name,
            timezone=tz_name,
            source=source,
            address=self.optional_text(fields, "address", field),
            local_address=self.optional_text(fields, "local_address", field),
            city=self.optional_text(fields, "city", field),
            geo=geo,
            url=self.optional_text(fields, "url", field),
            transfer_minutes=transfer or 0,
        )

    def geo(self, node: Node, field: str) -> tuple[float, float] | None:
        items = self.sequence(node, field)
        if items is None:
            return None
        if len(items) != 2:
            self.error(node, field, f"expected [latitude, longitude], found {len(items)} values")
            return None
        lat, lon = self.number(items[0], field), self.number(items[1], field)
        if lat is None or lon is None:
            return None
        if not -90 <= lat <= 90:
            self.error(items[0], field, f"latitude {lat} is outside -90..90 (is it [lat, lon]?)")
            return None
        if not -180 <= lon <= 180:
            self.error(items[1], field, f"longitude {lon} is outside -180..180")
            return None
        return (lat, lon)

    def read_travel(self, node: Node) -> list[TravelTime]:
        out = []
        for index, item in enumerate(self.sequence(node, "travel") or []):
            field = f"travel[{index}]"
            fields = self.mapping(item, field, ("between", "minutes", "mode"))
            if fields is None:
                continue
            if "between" not in fields or "minutes" not in fields:
                self.error(item, field, "needs `between: [venue, venue]` and `minutes`")
                continue
            ends = self.names(fields["between"][1], f"{field}.between")
            ok = len(ends) == 2
            if not ok:
                self.error(fields["between"][1], f"{field}.between", "expected two venue ids")
            for ref, ref_node in ends:
                if ref not in self.venues:
                    self.error(ref_node, f"{field}.between", f"unknown venue {ref!r}{_suggest(ref, self.venues)}")
                    ok = False
            minutes = self.integer(fields["minutes"][1], f"{field}.minutes")
            mode = self.optional_text(fields, "mode", field) or "taxi"
            if mode not in TRAVEL_MODES:
                self.error(
                    fields["mode"][1],
                    f"{field}.mode",
                    f"unknown mode {mode!r}{_suggest(mode, TRAVEL_MODES)}; one of {', '.join(TRAVEL_MODES)}",
                )
                ok = False
            if ok and minutes is not None:
                out.append(TravelTime(ends[0][0], ends[1][0], minutes, mode, self.src(item)))
        return out

    # -- days and events -----------------------------------------------------------

    def read_days(self, node: Node) -> tuple[list[Event], dict[date, str]]:
        events: list[Event] = []
        cities: dict[date, str] = {}
        identities: dict[str, Source] = {}
        fields = self.mapping(node, "days")
        for key, (key_node, value) in (fields or {}).items():
            field = f"days.{key}"
            try:
                day = parse_date(key)
            except ValueError as exc:
                self.error(key_node, field, f"{exc}")
                continue
            city = ""
            items_node: Node | None = value
            if isinstance(value, MappingNode):
                sub = self.mapping(value, field, ("city", "events"))
                if sub is None:
                    continue
                city = self.optional_text(sub, "city", field)
                items_node = sub["events"][1] if "events" in sub else None
                if items_node is None:
                    self.error(value, field, "missing `events`")
            if city:
                cities[day] = city
            if items_node is None:
                continue
            if self.text_is_null(items_node):
                continue
            titles_today: dict[str, int] = {}
            for index, item in enumerate(self.sequence(items_node, field) or []):
                event = self.event(item, f"{field}[{index}]", day, titles_today)
                if event is None:
                    continue
                if event.id in identities:
                    first = identities[event.id]
                    self.error(
                        item, f"{field}[{index}].id", f"event id {event.id!r} is already used at line {first.line}"
                    )
                    continue
                identities[event.id] = event.source
                events.append(event)
        return events, cities

    def text_is_null(self, node: Node) -> bool:
        return isinstance(node, ScalarNode) and _is_null(node)

    def event(self, node: Node, field: str, day: date, titles_today: dict[str, int]) -> Event | None:
        keys = (
            "id", "title", "kind", "time", "depart", "arrive", "venue", "from", "to",
            "who", "notes", "until", "all_day", "background",
        )  # fmt: skip
        fields = self.mapping(node, field, keys)
        if fields is None:
            return None
        before = len(self.errors)
        title = self.required_text(fields, "title", field, node)
        kind: Kind | None = Kind.MEETING
        if "kind" in fields:
            kind_value = self.text(fields["kind"][1], f"{field}.kind")
            kind_text = (kind_value or "").strip()
            try:
                kind = Kind(kind_text)
            except ValueError:
                kind = None
            if kind is None and kind_value is not None:  # None: not a single value, reported already
                names = [k.value for k in Kind]
                self.error(
                    fields["kind"][1],
                    f"{field}.kind",
                    f"unknown kind {kind_text!r}{_suggest(kind_text, names)}; one of {', '.join(names)}",
                )
        venue = self.venue_ref(fields["venue"][1], f"{field}.venue") if "venue" in fields else None
        origin = self.venue_ref(fields["from"][1], f"{field}.from") if "from" in fields else None
        destination = self.venue_ref(fields["to"][1], f"{field}.to") if "to" in fields else None
        if kind is None:  # reported above; guessing would only add errors that follow from it
            return None
        if ("from" in fields or "to" in fields) and not kind.is_leg:
            self.error(
                fields["from" if "from" in fields else "to"][0],
                field,
                f"`from`/`to` are for legs (train, flight, transfer), not a {kind.value}; use `venue`",
            )
        if venue is not None and kind.is_leg and (origin or destination):
            self.error(fields["venue"][0], field, "a leg has `from` and `to`, not `venue`")
        who = self.who(fields["who"][1], f"{field}.who") if "who" in fields else ()
        all_day = self.boolean(fields["all_day"][1], f"{field}.all_day") if "all_day" in fields else False
        background = self.boolean(fields["background"][1], f"{field}.background") if "background" in fields else False
        start_tz = self.tz_of(origin or venue)
        end_tz = self.tz_of(destination or venue)
        times = self.when(fields, field, node, day, kind, all_day, start_tz, end_tz)
        if len(self.errors) > before or times is None or title is None:
            return None
        start, end, estimated = times
        explicit = "id" in fields
        if explicit:
            id_value = self.text(fields["id"][1], f"{field}.id")
            if id_value is None:  # not a single value, reported already
                return None
            ident = id_value.strip()
            if not ident or any(ch.isspace() for ch in ident):
                self.error(fields["id"][1], f"{field}.id", "must be a word without spaces (letters, digits, - _ . /)")
                return None
        else:
            base = f"{day.isoformat()}/{slug(title) or 'event'}"
            seen = titles_today.get(base, 0) + 1
            titles_today[base] = seen
            ident = base if seen == 1 else f"{base}-{seen}"
        return Event(
            id=ident,
            kind=kind,
            title=title,
            start=start,
            end=end,
            source=self.src(node),
            venue=venue,
            origin=origin,
            destination=destination,
            who=who,
            notes=(self.text(fields["notes"][1], f"{field}.notes") or "").strip() if "notes" in fields else "",
            end_estimated=estimated,
            all_day=all_day,
            background=background or kind is Kind.HOTEL,
            explicit_id=explicit,
        )

    def tz_of(self, venue: Venue | None) -> tzinfo:
        return zone(venue.timezone if venue else self.tz_name)

    def venue_ref(self, node: Node, field: str) -> Venue | None:
        if isinstance(node, MappingNode):
            return self.venue(node, field, None, self.src(node))
        ref = self.text(node, field)
        if ref is None:
            return None
        ref = ref.strip()
        if ref not in self.venues:
            self.error(node, field, f"unknown venue {ref!r}{_suggest(ref, self.venues)}")
            return None
        return self.venues[ref]

    def who(self, node: Node, field: str) -> tuple[str, ...]:
        out = []
        for ref, ref_node in self.names(node, field):
            if ref not in self.groups and ref not in self.participants:
                known = list(self.groups) + list(self.participants)
                self.error(ref_node, field, f"unknown participant or group {ref!r}{_suggest(ref, known)}")
            elif ref not in out:
                out.append(ref)
        return tuple(out)

    def when(
        self,
        fields: dict[str, tuple[Node, Node]],
        field: str,
        node: Node,
        day: date,
        kind: Kind,
        all_day: bool,
        start_tz: tzinfo,
        end_tz: tzinfo,
    ) -> tuple[datetime, datetime, bool] | None:
        """Start, end, and whether the end is a default."""
        has_time, has_depart = "time" in fields, "depart" in fields
        if all_day:
            if has_time or has_depart:
                self.error(fields["time" if has_time else "depart"][0], field, "an all-day item has no `time`")
                return None
            start = self.instant(node, field, day, (0, 0), start_tz)
            end = self.instant(node, field, day + timedelta(days=1), (0, 0), start_tz)
            return (start, end, False) if start and end else None
        if kind is Kind.HOTEL:
            return self.stay(fields, field, node, day, start_tz)
        if "until" in fields:
            self.error(fields["until"][0], field, "`until` is for hotel stays")
            return None
        if has_time and (has_depart or "arrive" in fields):
            self.error(
                fields["depart" if has_depart else "arrive"][0],
                field,
                "give either `time` or `depart`/`arrive`, not both",
            )
            return None
        if has_time:
            span = self.parse(fields["time"][1], f"{field}.time", _span_or_start)
            if not isinstance(span, tuple):
                return None
            first, second = span
            start = self.instant(fields["time"][1], f"{field}.time", day, first, start_tz)
            if start is None:
                return None
            if second is None:
                return start, start + DEFAULT_DURATION[kind], True
            end = self.instant(fields["time"][1], f"{field}.time", day, second, end_tz)
            if end is None:
                return None
            if end <= start:
                end = self.instant(fields["time"][1], f"{field}.time", day + timedelta(days=1), second, end_tz)
                if end is None:
                    return None
            return start, end, False
        if has_depart:
            start = self.stamp(fields["depart"][1], f"{field}.depart", day, start_tz)
            if start is None:
                return None
            if "arrive" not in fields:
                return start, start + DEFAULT_DURATION[kind], True
            end = self.stamp(fields["arrive"][1], f"{field}.arrive", start.date(), end_tz, after=start)
            if end is None:
                return None
            if end <= start:
                self.error(
                    fields["arrive"][1],
                    f"{field}.arrive",
                    f"arrives {end:%Y-%m-%d %H:%M %Z} before it departs {start:%Y-%m-%d %H:%M %Z}",
                )
                return None
            return start, end, False
        if "arrive" in fields:
            self.error(fields["arrive"][0], field, "`arrive` needs a `depart`")
            return None
        self.error(node, field, 'missing `time` ("HH:MM" or "HH:MM-HH:MM"), or `all_day: true`')
        return None

    def stay(
        self, fields: dict[str, tuple[Node, Node]], field: str, node: Node, day: date, tz: tzinfo
    ) -> tuple[datetime, datetime, bool] | None:
        if "until" not in fields:
            self.error(node, field, "a hotel stay needs `until: YYYY-MM-DD` (the check-out date)")
            return None
        check_in = HOTEL_CHECK_IN
        if "time" in fields:
            parsed = self.parse(fields["time"][1], f"{field}.time", parse_hhmm)
            if not isinstance(parsed, tuple):
                return None
            check_in = parsed
        start = self.instant(node, f"{field}.time", day, check_in, tz)
        end = self.stamp(fields["until"][1], f"{field}.until", day, tz, default_time=HOTEL_CHECK_OUT, need_date=True)
        if start is None or end is None:
            return None
        if end <= start:
            self.error(
                fields["until"][1],
                f"{field}.until",
                f"check-out {end:%Y-%m-%d %H:%M} is not after check-in {start:%Y-%m-%d %H:%M}",
            )
            return None
        return start, end, False

    def stamp(
        self,
        node: Node,
        field: str,
        day: date,
        tz: tzinfo,
        *,
        after: datetime | None = None,
        default_time: tuple[int, int] | None = None,
        need_date: bool = False,
    ) -> datetime | None:
        """'[YYYY-MM-DD] HH:MM [Zone/Name]' as an instant; a bare time after `after` may roll to the next day."""
        text = self.text(node, field)
        if text is None:
            return None
        words = text.split()
        stamp_date, hhmm, tz_here, explicit_date = day, default_time, tz, False
        try:
            if words and "-" in words[0] and words[0][:1].isdigit():
                stamp_date, explicit_date = parse_date(words.pop(0)), True
            if words and words[0][:1].isdigit():
                hhmm = parse_hhmm(words.pop(0))
            elif words and not explicit_date:  # 'tomorrow': neither a date nor a time before a zone
                raise ValueError(f"{text!r}: expected '[YYYY-MM-DD] HH:MM [Zone/Name]'")
            if words:
                tz_here = zone(words.pop(0))
            if words:
                raise ValueError(f"{text!r}: expected '[YYYY-MM-DD] HH:MM [Zone/Name]'")
        except ValueError as exc:
            message = str(exc)
            if message.startswith("unknown time zone"):
                message += zone_hint(message.split("'")[1] if "'" in message else "")
            self.error(node, field, message)
            return None
        if need_date and not explicit_date:
            self.error(node, field, f"{text!r}: expected a date, YYYY-MM-DD")
            return None
        if hhmm is None:
            self.error(node, field, f"{text!r}: expected a time, HH:MM")
            return None
        instant = self.instant(node, field, stamp_date, hhmm, tz_here)
        if instant is not None and after is not None and not explicit_date and instant <= after:
            instant = self.instant(node, field, stamp_date + timedelta(days=1), hhmm, tz_here)
        return instant

    def instant(self, node: Node, field: str, day: date, hhmm: tuple[int, int], tz: tzinfo) -> datetime | None:
        value, status = localize(day, hhmm, tz)
        if status is WallTime.GAP:
            self.error(
                node, field, f"{day} {hhmm[0]:02d}:{hhmm[1]:02d} does not exist in {tz} (clocks go forward then)"
            )
            return None
        if status is WallTime.FOLD:
            self.warnings.append(
                Diagnostic(
                    self.src(node),
                    f"{field}: {day} {hhmm[0]:02d}:{hhmm[1]:02d} happens twice in {tz} (clocks go back); taken as the first",
                    "warning",
                )
            )
        return value


_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


def _is_null(node: ScalarNode) -> bool:
    """A plain (unquoted) empty or null scalar: written as nothing."""
    return node.style is None and node.value in _NULLS


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _describe(node: Node | None) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode):
        value = str(node.value)
        return f"the value {value[:40]!r}" if value else "nothing"
    return "nothing"


def _int(text: str) -> int:
    try:
        return int(text.strip().replace("_", ""))
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def _float(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{text!r} is not a number")
    return value


def _bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "yes", "on"):
        return True
    if lowered in ("false", "no", "off", ""):
        return False
    raise ValueError(f"{text!r} is not true or false")


def _split_span(text: str) -> list[str]:
    for dash in ("–", "—", " to "):
        text = text.replace(dash, "-")
    return [part.strip() for part in text.split("-")]


def _span(text: str) -> tuple[tuple[int, int], tuple[int, int]]:
    parts = _split_span(text)
    if len(parts) != 2:
        raise ValueError(f"{text!r} is not a span of time (HH:MM-HH:MM)")
    return parse_hhmm(parts[0]), parse_hhmm(parts[1])


def _span_or_start(text: str) -> tuple[tuple[int, int], tuple[int, int] | None]:
    parts = _split_span(text)
    if len(parts) == 1:
        return parse_hhmm(parts[0]), None
    if len(parts) == 2:
        return parse_hhmm(parts[0]), parse_hhmm(parts[1])
    raise ValueError(f"{text!r} is not a time (HH:MM or HH:MM-HH:MM)")


def zone_hint(name: str) -> str:
    """' (did you mean 'Europe/Paris'?)' for a misspelt zone name, or ''."""
    from zoneinfo import available_timezones

    return _suggest(name, sorted(available_timezones()))
