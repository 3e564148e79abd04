"""Publishing to a static folder: what a web server serves for participants to subscribe to.

One feed per participant, per group and for the whole programme, each with its printed
page, and an index. Publishing again after a revision rewrites only files whose bytes
changed (SEQUENCE moves only for changed events: see `ics.stamps_in`), and removes the
feeds and pages of participants and groups no longer in the programme. Only files this
tool wrote are replaced or removed; anything else is refused unless `force`, and nothing
is written before every file has been checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from itinerary import outfile
from itinerary.export import ics
from itinerary.model import Programme
from itinerary.publish.index import INDEX, Feed, page


class PublishError(Exception):
    """Nothing was published; the message says why, one line per problem."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a publish to a folder did, file by file."""

    feeds: tuple[Feed, ...]
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    unbumped: tuple[str, ...]
    """Events that changed while the programme's `revision` did not."""


def _kind(programme: Programme, ref: str | None) -> str:
    if ref is None:
        return "programme"
    return "participant" if ref in programme.participants else "group"


class Contents(NamedTuple):
    """The folder's files: their names known at once (to check them all before anything is written), their
    bytes made one at a time by `files` (at 50,000 events they are 1.1 GB together)."""

    programme: Programme
    calendars: ics.Calendars
    feeds: tuple[Feed, ...]
    names: tuple[str, ...]
    """Each calendar, then its printed page, in the programme's order; the index last."""
    base: str | None

    def files(self) -> Iterator[tuple[str, bytes]]:
        """Each file by name with its bytes, in the order of `names`, made as they are asked for."""
        from itinerary.render import html

        programme = self.programme
        pieces = html.KeptPieces(programme, None, [f.ref for f in self.feeds if f.ref is not None])
        made = iter(self.calendars)
        for feed in self.feeds:  # not enumerate(made): it would keep a calendar while the next is made
            yield feed.calendar, next(made).data
            # The whole programme's page alone is not kept from: its pieces would be kept all at once (90 MB at
            # 50,000 events) while it is made; the pages of participants and groups share theirs.
            shared = pieces if feed.ref is not None else None
            yield feed.page, html.page(programme, None, feed.ref, pieces=shared).text.encode("utf-8")
        yield INDEX, page(programme, list(self.feeds), self.base).encode("utf-8")


def contents(programme: Programme, folder: Path, base: str | None, stamp: datetime) -> Contents:
    """The folder's files, feeds, and (`Contents.calendars.unbumped`) the events changed without a revision bump.
    ValueError when two files would share a name."""
    refs: list[str | None] = [None, *programme.participants, *programme.groups]
    previous = ics.stamps_in_folder(folder, programme.id)
    calendars = ics.Calendars(programme, refs, stamp=stamp, previous=previous)
    feeds: list[Feed] = []
    names: list[str] = []
    for found in calendars.planned:
        page_name = found.filename.removesuffix(".ics") + ".html"
        if page_name == INDEX:
            raise ValueError(f"{found.ref!r}: its printed page would be the folder's {INDEX}; give it another id")
        names += [found.filename, page_name]
        feeds.append(Feed(found.ref, _kind(programme, found.ref), found.name, found.filename, page_name, found.events))
    return Contents(programme, calendars, tuple(feeds), (*names, INDEX), base)


def _ours(programme: Programme) -> Callable[[Path], bool]:
    from itinerary.render import html

    def ours(path: Path) -> bool:
        return ics.is_ours(path, programme.id) if path.suffix == ".ics" else html.is_ours(path)

    return ours


def stale(programme: Programme, folder: Path, keep: set[str]) -> list[str]:
    """Feeds this tool wrote for the programme that it no longer makes (a participant or group gone), with
    their printed pages."""
    from itinerary.render import html

    out: list[str] = []
    for path in sorted(folder.glob("*.ics")) if folder.is_dir() else []:
        if path.name in keep or not ics.is_ours(path, programme.id):
            continue
        out.append(path.name)
        sibling = path.with_suffix(".html")
        if sibling.name not in keep and html.is_ours(sibling):
            out.append(sibling.name)
    return out


def publish(programme: Programme, folder: Path, *, base: str | None, stamp: datetime, force: bool = False) -> Outcome:
    """Bring `folder` up to date with the programme. PublishError (nothing written) when a file in the way
    was not written by this tool and `force` is not given, or the folder cannot be made or written."""
    if folder.exists() and not folder.is_dir():
        raise PublishError(f"{folder}: not a directory")
    try:
        made = contents(programme, folder, base, stamp)
    except ValueError as exc:
        raise PublishError(str(exc)) from None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PublishError(f"{folder}: cannot create: {exc.strerror or exc}") from None
    ours = _ours(programme)
    problems = [outfile.refusal(folder / name, force, ours) for name in made.names]
    if any(problems):
        raise PublishError("\n".join(p for p in problems if p))
    written: list[str] = []
    unchanged: list[str] = []
    _write(_changed(folder, made.files(), written, unchanged))
    removed = stale(programme, folder, set(made.names))
    for name in removed:
        (folder / name).unlink(missing_ok=True)
    unbumped = made.calendars.unbumped()
    return Outcome(made.feeds, tuple(written), tuple(unchanged), tuple(removed), tuple(unbumped))


def _changed(
    folder: Path, files: Iterator[tuple[str, bytes]], written: list[str], unchanged: list[str]
) -> Iterator[tuple[Path, bytes]]:
    """The files whose bytes are not in the folder already, with their paths; each name in `written` or `unchanged`."""
    for name, data in files:
        path = folder / name
        if path.is_file() and path.read_bytes() == data:
            unchanged.append(name)
        else:
            written.append(name)
            yield path, data
        del data  # held only until its temporary is written


def _write(files: Iterable[tuple[Path, bytes]]) -> None:
    """Every file whole, with one sync for all (outfile.write_all_atomic); none replaced if one cannot be."""
    try:
        outfile.write_all_atomic(files)
    except outfile.WriteFailed as exc:
        raise PublishError(f"{exc.path}: cannot write: {exc.strerror or exc}") from None
    except ValueError as exc:  # a page that cannot be made, found while writing: as when planning, nothing written
        raise PublishError(str(exc)) from None
