"""The kinds of file a programme can be read from, and the one place that tells them apart.

Each input format says whether a file is one of its own (by name, or by its first
bytes) and how to read it into a Programme. `read` asks the registry, in order, and
the first format that recognises the file reads it; a YAML programme file is the
fallback. Telling formats apart costs no heavy import: a format imports its reader
only when it reads.

    import itinerary
    programme = itinerary.read("schedules/ecpg-japan-2009.yaml")
    draft = itinerary.read("hosts-draft.ics")         # a calendar, converted in memory

A command-line tool adds a format by writing a class with the three members of
`InputFormat` and putting an instance in `FORMATS`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from itinerary.importer import Converted, Options
    from itinerary.model import Programme

CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar", ".ifb")
STDIN = "-"
HEAD = 64
"""How many bytes of a file are enough to recognise it."""


class ReadError(Exception):
    """The file cannot become a programme; `diagnostics` says every reason found, one line each."""

    def __init__(self, diagnostics: list[object]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


class InputFormat(Protocol):
    """A kind of file a programme can be read from."""

    name: str

    def detect(self, name: str, head: bytes) -> bool:
        """Whether the file called `name`, which begins with `head`, is of this format."""

    def read(self, source: Path | bytes, name: str) -> Programme:
        """The programme in `source` (a path, or the bytes of standard input); ReadError if there is none."""


class Calendar:
    """An iCalendar file (Google, Outlook, Apple, Thunderbird...), converted as `itinerary import` writes it."""

    name = "calendar"

    def detect(self, name: str, head: bytes) -> bool:
        if Path(name).suffix.lower() in CALENDAR_SUFFIXES:
            return True
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR")

    def read(self, source: Path | bytes, name: str) -> Programme:
        from dataclasses import replace

        from itinerary.model import Diagnostic

        converted = self.convert(source, name)
        # The loader's warnings would point into the converted text, which nobody sees; what the calendar
        # holds beyond the programme is said, or a series cut after a week would look like all there is.
        cut = converted.draft.cut
        said = (
            f"{name}: events that repeat forever are read up to {cut} only; "
            "`itinerary import --end YYYY-MM-DD` reads them further"
        )
        return replace(converted.programme, warnings=(Diagnostic(None, said, "warning"),) if cut else ())

    def convert(self, source: Path | bytes, name: str, options: Options | None = None) -> Converted:
        """The calendar as programme text and as a Programme (`importer.convert` on a file or on bytes)."""
        from itinerary.importer import CalendarError, convert
        from itinerary.model import Diagnostic

        try:
            data = source.read_bytes() if isinstance(source, Path) else source
        except IsADirectoryError:
            raise ReadError([Diagnostic(None, f"{name}: is a directory, not a calendar")]) from None
        except OSError as exc:
            raise ReadError([Diagnostic(None, f"{name}: cannot read: {exc.strerror or exc}")]) from None
        try:
            return convert(data, name, options)
        except CalendarError as exc:
            raise ReadError([Diagnostic(None, str(exc))]) from None


class ProgrammeFile:
    """The programme file itself: YAML as docs/format.md describes it; what no other format claims is read as one."""

    name = "programme"

    def detect(self, name: str, head: bytes) -> bool:
        return False  # claims nothing: it is the fallback

    def read(self, source: Path | bytes, name: str) -> Programme:
        from itinerary.load import LoadError, load, loads

        try:
            return load(source) if isinstance(source, Path) else loads(source, name)
        except LoadError as exc:
            raise ReadError(list(exc.diagnostics)) from None


CALENDAR = Calendar()
PROGRAMME = ProgrammeFile()
FORMATS: tuple[InputFormat, ...] = (CALENDAR,)
"""Asked in order; the first that recognises a file reads it, and PROGRAMME reads the rest."""


def name_of(source: str | Path) -> str:
    """How messages call `source`: its path as given, or <stdin>."""
    return "<stdin>" if str(source) == STDIN else str(source)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD)
    except OSError:
        return b""


def format_of(source: str | Path, head: bytes | None = None) -> InputFormat:
    """The format of the file `source`: by its name, else by its first bytes (`head`, or read from the file)."""
    name = str(source)
    for found in FORMATS:
        if found.detect(name, b""):
            return found
    first = _head(Path(source)) if head is None else head
    return next((found for found in FORMATS if found.detect(name, first)), PROGRAMME)


def is_calendar(path: Path) -> bool:
    """A calendar by its name, or by its first line (`BEGIN:VCALENDAR`) whatever its name."""
    return format_of(path) is CALENDAR


def read(source: str | Path) -> Programme:
    """The programme in the file `source` ('-': standard input), whatever its format; ReadError if none.

    Standard input, a pipe (the shell's `<(git show HEAD:p.yaml)`) or a device is read once, and
    recognised by the bytes read: looking at its head first would consume it.
    """
    name = name_of(source)
    if str(source) == STDIN or _is_stream(Path(source)):
        data = _read_once(source, name)
        return format_of(name, data[:HEAD]).read(data, name)
    return format_of(source).read(Path(source), name)


def _is_stream(path: Path) -> bool:
    """Whether `path` is something that can be read only once: neither a file nor a directory."""
    try:
        return path.exists() and not path.is_file() and not path.is_dir()
    except OSError:
        return False


def _read_once(source: str | Path, name: str) -> bytes:
    """The bytes of standard input or of a pipe, up to one more than any reader takes (an endless device stops)."""
    from itinerary.load import MAX_BYTES
    from itinerary.model import Diagnostic

    try:
        if str(source) == STDIN:
            return bytes(sys.stdin.buffer.read(MAX_BYTES + 1))
        with open(source, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ReadError([Diagnostic(None, f"{name}: cannot read: {exc.strerror or exc}")]) from None
