"""The printed programme: one self-contained HTML page for A4 paper and for phones.

No network, ever: the CSS is inline, there are no fonts or scripts to fetch, and a
Content-Security-Policy forbids loading anything, so the page looks the same offline.
Every piece of text from the programme file goes through `html.escape`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from itinerary import __version__
from itinerary.model import Event, Kind, Participant, Programme, Source, Venue
from itinerary.render.agenda import (
    ESTIMATED,
    USUAL_HOURS,
    heading,
    own_zone_note,
    span,
    stay_hours,
    times_in,
    usual_hours,
)
from itinerary.render.grid import Entry, Grid, KeptPlacing, Placing, build, column_heading, hours
from itinerary.render.participants import by_group
from itinerary.select import Day
from itinerary.timeutil import is_ambiguous, long_day
from itinerary.visible import visible

if TYPE_CHECKING:
    from itinerary.checks import Finding

GENERATOR = "itinerary"
"""The generator meta tag's name: a file carrying it was written by this tool and may be replaced."""

WEEK = 7
"""Days per band of the week grid on the page: a landscape A4 sheet holds a week."""


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    findings: int
    """How many findings of `itinerary check` (errors and warnings) the DRAFT box shows."""


def e(text: object) -> str:
    """Escaped for HTML; a control character (not allowed in HTML) is shown as `\\x1b`, as on the terminal."""
    shown = text if isinstance(text, str) else str(text)
    return escape(visible(shown), quote=True) if _ODD.search(shown) else shown


_ODD = re.compile("[&<>\"'\x00-\x1f\x7f-\x9f]")
"""What `escape` or `visible` changes: most titles and names hold none of it."""


def is_ours(path: Path) -> bool:
    """Whether `path` is a page this tool wrote: its head carries our generator meta tag."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return re.search(rf'<meta name="generator" content="{GENERATOR}[ "]', head) is not None


def map_url(geo: tuple[float, float]) -> str:
    lat, lon = geo
    return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"


def safe_url(url: str) -> str | None:
    """Only web links become links: a `javascript:` URL in a programme file stays text."""
    return url if re.match(r"^https?://[^\s<>\"']+$", url.strip(), re.IGNORECASE) else None


_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
HAN_BY_ZONE = {
    "Asia/Tokyo": "ja",
    "Asia/Seoul": "ko",
    "Asia/Shanghai": "zh-Hans",
    "Asia/Singapore": "zh-Hans",
    "Asia/Taipei": "zh-Hant",
    "Asia/Hong_Kong": "zh-Hant",
    "Asia/Macau": "zh-Hant",
}


def script_lang(text: str, timezone: str = "") -> str:
    """A lang attribute for local-script text, so the browser picks Japanese (not Chinese) glyphs for kanji."""
    if _KANA.search(text):
        return ' lang="ja"'
    if _HANGUL.search(text):
        return ' lang="ko"'
    if _HAN.search(text) and timezone in HAN_BY_ZONE:
        return f' lang="{HAN_BY_ZONE[timezone]}"'
    return ""


def date_range(programme: Programme) -> str:
    start, end = programme.start, programme.end
    if start == end:
        return long_day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%A} {start.day} – {end:%A} {end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start:%A} {start.day} {start:%B} – {end:%A} {end.day} {end:%B %Y}"
    return f"{long_day(start)} – {long_day(end)}"


class Pieces:
    """The parts of a page that hang on little else than an event or a person, each made when asked.

    An event's block hangs on the event, its day and the zone alone (never on whose page it is), a grid
    entry on its event and day, a person's row on whether they are the reader: see KeptPieces.
    """

    def __init__(self, programme: Programme, tz: tzinfo | None) -> None:
        self.programme = programme
        self.tz = tz
        self.placing = Placing(programme, tz)

    def events_for(self, who: str | None) -> tuple[Event, ...]:
        return self.programme.events_for(who)

    def block(self, event: Event, day: date) -> str:
        return event_block(self.programme, event, self.tz, day)

    def entry(self, entry: Entry) -> str:
        return grid_entry(entry)

    def row(self, person: Participant, me: bool) -> str:
        return person_row(self.programme, person, me)

    def heading(self, day: Day) -> str:
        """A column's heading: its date alone (the cities under it hang on the page's events)."""
        return e(column_heading(day))

    def day_heading(self, day: Day) -> str:
        """A day's heading in the agenda: its date and cities."""
        return e(heading(day))

    def groups(self) -> list[tuple[str, list[Participant]]]:
        return by_group(self.programme)

    def people(self, name: str, people: list[Participant], readers: frozenset[str]) -> str:
        """The table of a group (of `groups`), the rows of the page's readers marked."""
        rows = "".join(self.row(p, p.id in readers) for p in people)
        return (
            f'<h3>{e(name)}</h3><table class="people"><thead><tr><th>Name</th><th>Title</th>'
            f"<th>Organisation</th></tr></thead><tbody>{rows}</tbody></table>"
        )


class KeptPieces(Pieces):
    """Pieces kept once made, for the pages of one programme read in one zone: a folder's publish writes a
    page per participant and group, 300 pages of mostly the same events and people.

    Kept by identity, each entry holding its object, so an id is not reused while its entry stands.
    """

    def __init__(self, programme: Programme, tz: tzinfo | None, readers: Iterable[str] = ()) -> None:
        """`readers`: the participants and groups whose pages are to come, their events picked in one pass."""
        super().__init__(programme, tz)
        self.placing = KeptPlacing(programme, tz)
        self._events = programme.events_of_each(readers)
        self._blocks: dict[tuple[int, date], tuple[Event, str]] = {}
        self._entries: dict[int, tuple[Entry, str]] = {}
        self._rows: dict[tuple[int, bool], tuple[Participant, str]] = {}
        self._headings: dict[date, str] = {}
        self._day_headings: dict[tuple[date, tuple[str, ...]], str] = {}
        self._groups = by_group(programme)
        self._tables: dict[int, tuple[list[Participant], frozenset[str], str]] = {}

    def events_for(self, who: str | None) -> tuple[Event, ...]:
        known = self._events.get(who) if who is not None else None
        return known if known is not None else super().events_for(who)

    def block(self, event: Event, day: date) -> str:
        known = self._blocks.get((id(event), day))
        if known is None or known[0] is not event:
            known = self._blocks[id(event), day] = (event, super().block(event, day))
        return known[1]

    def entry(self, entry: Entry) -> str:
        known = self._entries.get(id(entry))
        if known is None or known[0] is not entry:
            known = self._entries[id(entry)] = (entry, super().entry(entry))
        return known[1]

    def row(self, person: Participant, me: bool) -> str:
        known = self._rows.get((id(person), me))
        if known is None or known[0] is not person:
            known = self._rows[id(person), me] = (person, super().row(person, me))
        return known[1]

    def heading(self, day: Day) -> str:
        known = self._headings.get(day.date)
        if known is None:
            known = self._headings[day.date] = super().heading(day)
        return known

    def day_heading(self, day: Day) -> str:
        known = self._day_headings.get((day.date, day.cities))
        if known is None:
            known = self._day_headings[day.date, day.cities] = super().day_heading(day)
        return known

    def groups(self) -> list[tuple[str, list[Participant]]]:
        return self._groups

    def people(self, name: str, people: list[Participant], readers: frozenset[str]) -> str:
        """Kept for the pages that have none of the group's people as readers: most pages, for most groups."""
        known = self._tables.get(id(people))
        if known is None or known[0] is not people:
            ids = frozenset(p.id for p in people)
            known = self._tables[id(people)] = (people, ids, super().people(name, people, frozenset()))
        return known[2] if readers.isdisjoint(known[1]) else super().people(name, people, readers)


# --- findings ----------------------------------------------------------------------------------


def concerns(programme: Programme, finding: Finding, who: str | None, shown: set[str]) -> bool:
    """Whether a finding belongs on the page of `who`: it concerns them, one of their group or one of their events."""
    if who is None or not (finding.events or finding.participant_ids):
        return True
    if set(finding.events) & shown:
        return True
    return bool(programme.expand([who]) & set(finding.participant_ids))


def where(source: Source) -> str:
    """'file.yaml:12': the file's name only, so that no machine path lands on paper."""
    return f"{file_name(source.file)}:{source.line}"


@lru_cache(maxsize=64)
def file_name(path: str) -> str:
    """A path's last part; asked of every finding's sources, which name a file or two."""
    return Path(path).name


def serious(items: Iterable[Finding]) -> list[Finding]:
    """Errors and warnings: what makes a programme a draft. Infos (what could not be checked) do not."""
    return [f for f in items if f.severity in ("error", "warning")]


def draft_box(items: Sequence[Finding], infos: int = 0) -> str:
    if not items:
        return ""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.severity] = counts.get(item.severity, 0) + 1
    summary = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items())
    rows = []
    for item in items:
        sources = ", ".join(where(s) for s in item.sources)
        rows.append(
            f'<li class="finding {e(item.severity)}"><span class="sev">{e(item.severity)}</span>'
            + (f" <code>{e(item.code)}</code>" if item.code else "")
            + f" {e(item.message)}"
            + (f'<br><span class="hint">{e(item.suggestion)}</span>' if item.suggestion else "")
            + (f' <span class="src">{e(sources)}</span>' if sources else "")
            + "</li>"
        )
    return (
        '<section class="draft" aria-labelledby="draft-h"><h2 id="draft-h">Draft</h2>'
        f"<p>Not final: <code>itinerary check</code> found {e(summary)} in this programme.</p>"
        f"<ul>{''.join(rows)}</ul>"
        + (
            f'<p class="hint">and {infos} note{"s" if infos != 1 else ""} (info) not shown here:'
            " run <code>itinerary check</code> for all.</p>"
            if infos
            else ""
        )
        + "</section>"
    )


# --- the week grid -----------------------------------------------------------------------------


def grid_entry(entry: Entry) -> str:
    anchor = f"#e-{e(entry.event.id)}"
    kind = e(entry.event.kind.value)
    if entry.leg is not None:
        leg = entry.leg
        body = (
            f'<span class="t">{e(entry.time)}</span> {e(leg.origin)} → '
            f'<span class="t">{e(leg.arrive)}</span> {e(leg.destination)}'
            f'<span class="sub">{e(entry.title)}</span>'
        )
    else:
        body = f'<span class="t">{e(entry.time)}</span> {e(entry.title)}'
    return f'<a class="ge k-{kind}" href="{anchor}">{body}</a>'


def week_grid(grid: Grid, pieces: Pieces) -> str:
    tables = []
    for first in range(0, len(grid.columns), WEEK):
        columns = grid.columns[first : first + WEEK]
        head = "".join(
            f'<th scope="col"><a href="#d-{c.day.date.isoformat()}">{pieces.heading(c.day)}</a>'
            + (f'<span class="city">{e(", ".join(c.day.cities))}</span>' if c.day.cities else "")
            + "</th>"
            for c in columns
        )
        body = []
        for index, part in enumerate(grid.rows):
            label = f'<th scope="row">{e(part.name)}' + (
                f'<span class="hours">{e(hours(part))}</span></th>' if hours(part) else "</th>"
            )
            cells = "".join(f"<td>{''.join(pieces.entry(x) for x in c.cells[index])}</td>" for c in columns)
            body.append(f"<tr>{label}{cells}</tr>")
        tables.append(
            f'<div class="scroll"><table class="week" style="--days: {len(columns)}"><thead><tr><td></td>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>"
        )
    return f'<section class="glance" aria-labelledby="week-h"><h2 id="week-h">The week at a glance</h2>{"".join(tables)}</section>'


# --- day by day --------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def place_block(venue: Venue, label: str = "") -> str:
    """A venue's name, addresses and links; made once per venue (a venue holds hundreds of events)."""
    parts = [f'<p class="vname">{f"<span class=lbl>{e(label)}</span> " if label else ""}{e(venue.name)}</p>']
    if venue.address:
        parts.append(f'<p class="addr">{e(venue.address)}</p>')
    if venue.local_address:
        parts.append(f'<p class="local"{script_lang(venue.local_address, venue.timezone)}>{e(venue.local_address)}</p>')
    links = []
    if venue.geo:
        links.append(f'<a href="{e(map_url(venue.geo))}">Map</a>')
    if venue.url:
        url = safe_url(venue.url)
        links.append(f'<a href="{e(url)}">Website</a>' if url else f"<span>{e(venue.url)}</span>")
    if links:
        parts.append(f'<p class="links">{" · ".join(links)}</p>')
    return f'<div class="place">{"".join(parts)}</div>'


def event_block(programme: Programme, event: Event, tz: tzinfo | None, day: date) -> str:
    inner = [f"<h3>{e(event.title)}</h3>"]
    if event.open_note:
        inner.append(f'<p class="warn open">{e(event.open_note)}</p>')
    number = f"{event.number} · " if event.number else ""
    if event.route is not None:
        origin, destination = event.route
        inner.append(f'<p class="route">{e(number)}{e(origin)} → {e(destination)}</p>')
    elif number:
        inner.append(f'<p class="route">{e(event.number)}</p>')
        # The taxi driver needs where to go: the destination's address, large.
        if event.kind is Kind.TRANSFER and event.destination is not None:
            inner.append(place_block(event.destination, "to"))
    if event.venue:
        inner.append(place_block(event.venue))
    if event.kind is Kind.HOTEL:
        inner.append(f'<p class="stay">{e(stay_hours(event))}</p>')
    note = own_zone_note(event, tz, programme.timezone)
    if note:
        inner.append(f'<p class="warn">{e(note)}</p>')
    if is_ambiguous(event.start) or is_ambiguous(event.end):
        inner.append('<p class="warn">clocks go back around this time: the earlier of the two readings is meant</p>')
    inner.append(f'<p class="who">who: {e(programme.who_label(event))}</p>')
    if event.contact is not None:
        inner.append(f'<p class="contact">contact: {e(event.contact)}</p>')
    if event.notes.strip():
        inner.append(f'<div class="notes">{e(event.notes.strip())}</div>')
    kind = event.kind.value  # a word of ours, as are the clock times of `span`: nothing to escape
    return (
        f'<article class="event k-{kind}" id="e-{e(event.id)}">'
        f'<div class="when">{span(event, tz, day)}<span class="kind">{kind}</span></div>'
        f'<div class="what">{"".join(inner)}</div></article>'
    )


def agenda(days: Iterable[Day], pieces: Pieces) -> tuple[str, bool]:
    """Day by day (the days `select.by_day` gives, which the week grid has already worked out)."""
    out = []
    estimated = False
    for day in days:
        blocks = []
        for event in day.events:
            estimated = estimated or event.end_estimated
            blocks.append(pieces.block(event, day.date))
        for stay in day.nights:
            blocks.append(f'<p class="night">night: {e(stay.title)}</p>')
        if not blocks:
            blocks.append('<p class="none">Nothing planned.</p>')
        out.append(
            f'<section class="day" id="d-{day.date.isoformat()}"><h2>{pieces.day_heading(day)}</h2>{"".join(blocks)}</section>'
        )
    return "".join(out), estimated


# --- people and places -------------------------------------------------------------------------


def participants(programme: Programme, who: str | None, pieces: Pieces) -> str:
    readers = programme.expand([who]) if who else frozenset()
    blocks = [pieces.people(name, people, readers) for name, people in pieces.groups()]
    return f'<section class="participants" id="participants"><h2>Participants</h2>{"".join(blocks)}</section>'


def person_row(programme: Programme, person: Participant, me: bool) -> str:
    also = [programme.groups[g].name for g in person.groups[1:]]
    name = e(person.name) + (f' <span class="also">({e(", ".join(also))})</span>' if also else "")
    return (
        f'<tr{" class=me" if me else ""}><td class="name">{name}</td><td>{e(person.title)}</td>'
        f"<td>{e(person.organisation)}</td></tr>"
    )


def venues_used(events: Iterable[Event]) -> list[Venue]:
    seen: dict[str, Venue] = {}
    for event in events:
        for venue in (event.venue, event.origin, event.destination):
            if venue is not None and venue.id not in seen:
                seen[venue.id] = venue
    return list(seen.values())


def venues(events: Iterable[Event]) -> str:
    blocks = "".join(f'<li id="v-{e(v.id)}">{place_block(v)}</li>' for v in venues_used(events))
    return f'<section class="venues" id="venues"><h2>Venues</h2><ul class="venues">{blocks}</ul></section>'


# --- the page ----------------------------------------------------------------------------------


def head(title: str, css: str) -> str:
    """A page's head: nothing to fetch (inline CSS, a policy that forbids loading anything), and the
    generator tag that marks the file as this tool's, to be replaced."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="{GENERATOR} {e(__version__)}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
<style>{css}</style>
</head>"""


def for_whom(programme: Programme, who: str | None) -> str:
    """'Programme of <name>' under the title, with a participant's title and organisation; '' for everyone."""
    if who is not None and who in programme.participants:
        person = programme.participants[who]
        about = ", ".join(x for x in (person.title, person.organisation) if x)
        return f'<p class="for">Programme of <strong>{e(person.name)}</strong>{f" — {e(about)}" if about else ""}</p>'
    if who is not None and who in programme.groups:
        return f'<p class="for">Programme of <strong>{e(programme.name_of(who))}</strong></p>'
    return ""


def page(
    programme: Programme,
    tz: tzinfo | None,
    who: str | None = None,
    source_name: str = "",
    findings: Sequence[Finding] = (),
    pieces: Pieces | None = None,
) -> Page:
    """The whole page; `who` makes it one participant's (or group's) own programme.

    `findings` (of `itinerary check`, most severe first) that concern the reader head it in a DRAFT box.
    `pieces` (KeptPieces, kept between pages of the same programme and zone) saves making what they share anew.
    """
    pieces = pieces or Pieces(programme, tz)
    if pieces.programme is not programme or pieces.tz != tz:
        raise ValueError("pieces are for another programme or zone")
    events = pieces.events_for(who)
    shown = {event.id for event in events}
    relevant = [f for f in findings if concerns(programme, f, who, shown)]
    draft = serious(relevant)
    grid = build(programme, events, tz, pieces.placing)
    days, estimated = agenda((column.day for column in grid.columns), pieces)
    title = programme.title + (f" — {programme.name_of(who)}" if who else "")
    meta = [date_range(programme), times_in(programme, events, tz)]
    if programme.revision:
        meta.append(f"revision {programme.revision}")
    reader = for_whom(programme, who)
    nav = " ".join(f'<a href="#d-{c.day.date.isoformat()}">{pieces.heading(c.day)}</a>' for c in grid.columns)
    made = f"Made by itinerary {e(__version__)}" + (f" from {e(source_name)}" if source_name else "") + "."
    text = f"""{head(title, CSS)}
<body>
<div class="cover{" drafted" if draft else ""}">
<header><h1>{e(programme.title)}</h1><p class="meta">{e(" · ".join(meta))}</p>{reader}</header>
{draft_box(draft, len(relevant) - len(draft))}
<nav aria-label="Days">{nav} <a href="#participants">People</a> <a href="#venues">Venues</a></nav>
{week_grid(grid, pieces)}
</div>
<main>
{days}
{footnotes(events, estimated)}
</main>
<div class="back">
{participants(programme, who, pieces)}
{venues(events)}
</div>
<footer><p>{made}</p></footer>
</body>
</html>
"""
    return Page(text, len(draft))


def footnotes(events: Iterable[Event], estimated: bool) -> str:
    """What the marks on the page's times mean: estimated ends, usual hotel hours."""
    footnote = (
        f'<p class="foot">{ESTIMATED} end estimated: the kind&#x27;s default, or the next item&#x27;s start if sooner.</p>'
        if estimated
        else ""
    )
    if any(usual_hours(event) for event in events):
        footnote += f'<p class="foot">{e(USUAL_HOURS)}.</p>'
    return footnote


CSS = """
:root { --ink: #1a1a1a; --mute: #5b5b5b; --line: #c9c9c9; --soft: #f3f3f0; --accent: #174f8c; --warn: #8a4b00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; color: var(--ink); background: #fff;
  font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 0 0 .2rem; }
p { margin: .15rem 0; }
a { color: var(--accent); }
.meta, .for { color: var(--mute); }
.for strong { color: var(--ink); }
nav { margin: .75rem 0; display: flex; flex-wrap: wrap; gap: .35rem; }
nav a { padding: .2rem .5rem; border: 1px solid var(--line); border-radius: .3rem; text-decoration: none; }
.draft { border: 3px solid #b00020; background: #fff4f4; padding: .5rem 1rem; margin: 1rem 0; }
.draft h2 { color: #b00020; border: 0; margin: 0; text-transform: uppercase; letter-spacing: .2em; }
.draft ul { margin: .3rem 0; padding-left: 1.2rem; }
.draft .sev { font-weight: bold; text-transform: uppercase; font-size: .8em; }
.draft .hint, .draft .src { color: var(--mute); font-size: .9em; }
.scroll { overflow-x: auto; margin-bottom: .75rem; }
table { border-collapse: collapse; }
table.week { width: 100%; table-layout: fixed; min-width: calc(5.5rem + var(--days, 7) * 7.5rem); font-size: .8rem;
  line-height: 1.25; }
table.week th, table.week td { border: 1px solid var(--line); padding: .25rem .3rem; vertical-align: top; text-align: left; }
table.week thead th { background: var(--soft); }
table.week thead th a { color: var(--ink); text-decoration: none; }
table.week thead td { border: 0; width: 5.5rem; }
table.week tbody th { background: var(--soft); width: 5.5rem; position: sticky; left: 0; z-index: 1; }
.hours, .city { display: block; font-weight: normal; color: var(--mute); }
.ge { display: block; color: var(--ink); text-decoration: none; margin-bottom: .3rem; overflow-wrap: break-word; }
.ge .t { font-weight: bold; font-variant-numeric: tabular-nums; }
.ge .sub { display: block; color: var(--mute); }
.k-train, .k-flight, .k-transfer { border-left: 3px solid #6b8f3a; padding-left: .25rem; }
.k-meal, .k-reception { border-left: 3px solid #b7791f; padding-left: .25rem; }
.k-meeting, .k-visit { border-left: 3px solid var(--accent); padding-left: .25rem; }
.k-hotel, .k-free, .k-other { border-left: 3px solid #999; padding-left: .25rem; }
.event { display: grid; grid-template-columns: 8.5rem 1fr; gap: .75rem; padding: .6rem 0 .6rem .5rem;
  border-bottom: 1px solid var(--line); }
.when { font-weight: bold; font-variant-numeric: tabular-nums; }
.kind { display: block; font-weight: normal; color: var(--mute); font-size: .85em; }
.route { font-weight: 600; }
.place { margin: .3rem 0; }
.place .lbl { color: var(--mute); font-weight: normal; }
.vname { font-weight: 600; }
.addr { color: var(--ink); }
.local { font-size: 1.6rem; line-height: 1.3; margin: .2rem 0; font-family: "Noto Sans CJK JP", "Hiragino Sans",
  "Yu Gothic", "Noto Sans", sans-serif; }
.links { font-size: .9em; }
.stay, .who { color: var(--mute); font-size: .9em; }
.warn { color: var(--warn); font-size: .9em; }
.notes { white-space: pre-line; font-size: .95em; margin-top: .3rem; padding-left: .5rem; border-left: 2px solid var(--line); }
.night, .none, .foot { color: var(--mute); font-style: italic; }
table.people { width: 100%; margin-bottom: .5rem; table-layout: fixed; }
table.people th:nth-child(1) { width: 28%; }
table.people th:nth-child(2) { width: 34%; }
table.people th, table.people td { text-align: left; vertical-align: top; padding: .25rem .5rem .25rem 0;
  border-bottom: 1px solid var(--line); }
table.people td.name { font-weight: 600; }
tr.me td { background: #fffbe0; }
.also { font-weight: normal; color: var(--mute); }
ul.venues { list-style: none; padding: 0; margin: 0; }
ul.venues li { padding: .3rem 0; border-bottom: 1px solid var(--line); break-inside: avoid; }
footer { margin-top: 2rem; color: var(--mute); font-size: .85em; }
@media (max-width: 40rem) {
  body { padding: .6rem; font-size: 17px; }
  .event { grid-template-columns: 1fr; gap: .2rem; }
  .when { display: flex; gap: .6rem; align-items: baseline; }
  table.people thead { display: none; }
  table.people tr { display: block; padding: .3rem 0; border-bottom: 1px solid var(--line); }
  table.people td { display: block; border: 0; padding: 0; }
  .links a { display: inline-block; padding: .3rem .7rem; margin: .15rem 0; border: 1px solid var(--line);
    border-radius: .3rem; text-decoration: none; }
}
@page { size: A4; margin: 14mm 12mm; }
@page week { size: A4 landscape; margin: 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .cover { page: week; }
  nav, .links { display: none; }
  a { color: inherit; text-decoration: none; }
  .scroll { overflow: visible; }
  table.week { min-width: 0; font-size: 7.5pt; break-inside: auto; }
  table.week tbody th { position: static; }
  table.week tr { break-inside: avoid; }
  .glance .scroll { break-inside: avoid; }
  .drafted .glance { break-before: page; }
  .draft { font-size: 9pt; }
  .day { break-before: page; }
  .day h2 { margin-top: 0; }
  .back { break-before: page; }
  .event { break-inside: avoid; grid-template-columns: 7rem 1fr; }
  .local { font-size: 16pt; }
  .draft { background: none; }
  tr.me td { background: none; font-weight: bold; }
}
"""
