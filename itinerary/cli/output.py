"""What every command writes: one-line errors, a console (colour only on a terminal), JSON, files."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, and out."""
    sys.stderr.write(f"itinerary: {message}\n")
    raise typer.Exit(code)


def fail_all(problems: list[str], code: int = 2) -> NoReturn:
    """Every problem, a line each, and out."""
    for problem in problems:
        sys.stderr.write(f"itinerary: {problem}\n")
    raise typer.Exit(code)


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(stderr=stderr, highlight=False, soft_wrap=False)
    return Console(file=_TrimmedLines(stream), highlight=False, soft_wrap=False)  # type: ignore[arg-type]


class _TrimmedLines:
    """Into a pipe or a file, lines without the blanks rich pads table cells with."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.pending = ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        if lines:
            self.out.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.out.write(self.pending)
            self.pending = ""
        self.out.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return int(self.out.fileno())


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_file(path: Path, text: str) -> None:
    """`path` written whole (see outfile.write_atomic), or one line and exit 2."""
    from itinerary import outfile

    try:
        outfile.write_atomic(path, text)
    except OSError as exc:
        fail(f"{path}: cannot write: {exc.strerror or exc}")
