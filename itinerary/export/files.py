"""Calendar files on disk: which files an export writes, whether each may be replaced, and writing them whole.

    from itinerary.export import files
    planned = files.plan(programme, folder=Path("out"))   # a calendar per participant, and the programme's
    written = files.write(planned)                         # new / updated / unchanged, per file
    planned.unbumped()                                     # events changed without a revision bump

Nothing is written when any file is refused: a calendar a person made, or one written for
another programme, is replaced only with `force`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from itinerary import outfile
from itinerary.export import ics
from itinerary.model import Programme
from itinerary.xprops import Stamp


class ExportError(Exception):
    """The export cannot be done as asked; `problems` are one line each, and nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Planned(NamedTuple):
    path: Path
    calendar: ics.Pending
    """Its name, whose it is and how many events: the bytes are made only when it is written."""


class Plan:
    """Where each calendar goes (checked: none refused), and the calendars, made one at a time by `write`."""

    __slots__ = ("calendars", "files")

    def __init__(self, files: list[Planned], calendars: ics.Calendars) -> None:
        self.files = files
        self.calendars = calendars

    def __iter__(self) -> Iterator[Planned]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def unbumped(self) -> list[str]:
        """Titles of events changed while `revision` stayed the same (see `ics.unbumped`)."""
        return self.calendars.unbumped()


class Written(NamedTuple):
    file: str
    ref: str | None
    """The participant or group the file is for; None for the whole programme."""
    name: str
    events: int
    status: str
    """new, updated or unchanged."""


def build(
    programme: Programme,
    ref: str | None = None,
    *,
    each: bool = False,
    invite: ics.Invite | None = None,
    previous: Mapping[str, Stamp] | None = None,
) -> ics.Calendars:
    """The calendars to write: `ref`'s (None: every event), or with `each` one per participant and the programme's.
    `previous`: how the events stood in the calendars last written (SEQUENCE moves only for changed ones).
    Their bytes are made one at a time as they are iterated."""
    try:
        stamp = ics.stamp(programme)
        refs: list[str | None] | None = None if each and ref is None else [ref]
        return ics.Calendars(programme, refs, stamp=stamp, invite=invite, previous=previous)
    except ValueError as exc:
        raise ExportError([str(exc)]) from None


def plan(
    programme: Programme,
    *,
    folder: Path | None = None,
    file: Path | None = None,
    ref: str | None = None,
    force: bool = False,
    invite: ics.Invite | None = None,
    previous: Mapping[str, Stamp] | None = None,
) -> Plan:
    """Where each calendar goes: `folder`/<id>.ics (created if missing) or the one `file`; ExportError if refused.
    `previous` defaults to what `already_written` finds there."""
    if (folder is None) == (file is None):
        raise ValueError("plan needs either a folder or a file")
    if previous is None:
        previous = already_written(programme, folder=folder, file=file)
    calendars = build(programme, ref, each=folder is not None, invite=invite, previous=previous)
    if folder is None:
        planned = [Planned(Path(str(file)), calendars.planned[0])]
    else:
        _make_folder(folder)
        planned = [Planned(folder / c.filename, c) for c in calendars.planned]
    problems = [_refusal(programme, p.path, force) for p in planned]
    if any(problems):
        raise ExportError([p for p in problems if p])
    return Plan(planned, calendars)


def already_written(programme: Programme, *, folder: Path | None = None, file: Path | None = None) -> dict[str, Stamp]:
    """How each event stood in the programme's calendars already at the destination (the state clients have)."""
    if folder is not None:
        return ics.stamps_in_folder(folder, programme.id)
    return ics.stamps_in([file] if file is not None else [], programme.id)


def _make_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError([f"--out {folder}: not a directory"])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError([f"--out {folder}: cannot create: {exc.strerror or exc}"]) from None


def _refusal(programme: Programme, path: Path, force: bool) -> str | None:
    """Why `path` must not be replaced, naming the programme a calendar of ours was written for."""
    problem = outfile.refusal(path, force, lambda p: ics.is_ours(p, programme.id))
    other = ics.written_for(path) if problem and path.is_file() else None
    if other is None:
        return problem
    return (
        f"{path}: exists and was not written by itinerary for this programme (it is a calendar of "
        f"{other!r}, not {programme.id!r}); use --force to overwrite it"
    )


def write(plan: Plan) -> list[Written]:
    """Write each calendar whole (a file with the same bytes is left alone); ExportError when one cannot be
    written, and then none is replaced. Each calendar's bytes are made, compared and written in turn."""
    rows: list[Written] = []
    try:
        outfile.write_all_atomic(_changed(plan, rows))
    except outfile.WriteFailed as exc:
        raise ExportError([f"{exc.path}: cannot write: {exc.strerror or exc}"]) from None
    return rows


def _changed(plan: Plan, rows: list[Written]) -> Iterator[tuple[Path, bytes]]:
    """Each calendar whose file does not hold its bytes already, with its path; a row for every one in `rows`."""
    made = iter(plan.calendars)
    for path in [p.path for p in plan.files]:  # not enumerate(made): it would keep a calendar while the next is made
        calendar = next(made)
        status = "new" if not path.exists() else "updated"
        try:
            if status == "updated" and path.read_bytes() == calendar.data:
                status = "unchanged"
        except OSError as exc:
            raise ExportError([f"{path}: cannot write: {exc.strerror or exc}"]) from None
        rows.append(Written(str(path), calendar.ref, calendar.name, calendar.events, status))
        data = calendar.data
        del calendar  # held only until its temporary is written
        if status != "unchanged":
            yield path, data
        del data
