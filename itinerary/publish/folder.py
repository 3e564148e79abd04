"""Publishing to a static folder: what a web server serves for participants to subscribe to.

One feed per participant, per group and for the whole programme, each with its printed
page, and an index. Publishing again after a revision rewrites only files whose bytes
changed (SEQUENCE moves only for changed events: see `ics.stamps_in`), and removes the
feeds and pages of participants and groups no longer in the programme. Only files this
tool wrote are replaced or removed; anything else is refused unless `force`, and nothing
is written before every file has been checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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


def contents(
    programme: Programme, folder: Path, base: str | None, stamp: datetime
) -> tuple[dict[str, bytes], list[Feed], list[str]]:
    """Every file of the folder by name, the feeds, and the events changed without a revision bump."""
    from itinerary.render import html

    refs: list[str | None] = [None, *programme.participants, *programme.groups]
    previous = ics.stamps_in_folder(folder, programme.id)
    calendars = ics.calendars(programme, refs, stamp=stamp, previous=previous)
    files: dict[str, bytes] = {}
    feeds: list[Feed] = []
    pieces = html.KeptPieces(programme, None, [ref for ref in refs if ref is not None])
    for found in calendars:
        page_name = found.filename.removesuffix(".ics") + ".html"
        if page_name == INDEX:
            raise ValueError(f"{found.ref!r}: its printed page would be the folder's {INDEX}; give it another id")
        files[found.filename] = found.data
        files[page_name] = html.page(programme, None, found.ref, pieces=pieces).text.encode("utf-8")
        feeds.append(Feed(found.ref, _kind(programme, found.ref), found.name, found.filename, page_name, found.events))
    files[INDEX] = page(programme, feeds, base).encode("utf-8")
    return files, feeds, ics.unbumped(programme, previous, calendars)


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
        files, feeds, unbumped = contents(programme, folder, base, stamp)
    except ValueError as exc:
        raise PublishError(str(exc)) from None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PublishError(f"{folder}: cannot create: {exc.strerror or exc}") from None
    ours = _ours(programme)
    problems = [outfile.refusal(folder / name, force, ours) for name in files]
    if any(problems):
        raise PublishError("\n".join(p for p in problems if p))
    written, unchanged = [], []
    for name, data in files.items():
        path = folder / name
        if path.is_file() and path.read_bytes() == data:
            unchanged.append(name)
            continue
        written.append(name)
    _write([(folder / name, files[name]) for name in written])
    removed = stale(programme, folder, set(files))
    for name in removed:
        (folder / name).unlink(missing_ok=True)
    return Outcome(tuple(feeds), tuple(written), tuple(unchanged), tuple(removed), tuple(unbumped))


def _write(files: list[tuple[Path, bytes]]) -> None:
    """Every file whole, with one sync for all (outfile.write_all_atomic); none replaced if one cannot be."""
    try:
        outfile.write_all_atomic(files)
    except outfile.WriteFailed as exc:
        raise PublishError(f"{exc.path}: cannot write: {exc.strerror or exc}") from None
