"""What every command writes: one-line errors, a console (colour only on a terminal), JSON, files."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console


def say(line: str) -> None:
    """One line on stderr. A message may quote the file: its control characters are shown escaped, never obeyed."""
    from itinerary.visible import visible

    sys.stderr.write(visible(line, one_line=True) + "\n")


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, and out."""
    say(f"itinerary: {message}")
    raise typer.Exit(code)


def fail_all(problems: list[str], code: int = 2) -> NoReturn:
    """Every problem, a line each, and out."""
    for problem in problems:
        say(f"itinerary: {problem}")
    raise typer.Exit(code)


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        out = Console(stderr=stderr, highlight=False, soft_wrap=False)
    else:
        out = Console(file=_TrimmedLines(stream), highlight=False, soft_wrap=False)  # type: ignore[arg-type]
    # Measured once: rich asks the terminal for its size at every print, thousands of times for a long check.
    out.size = out.size
    return out


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


_C1_AND_DEL = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}
"""JSON escapes C0 controls itself; DEL and C1 (0x9b is a terminal's CSI) are escaped here, the data unchanged."""
_C1 = "[\x7f-\x9f]"


def emit_json(data: Any) -> None:
    text = json_text(data)
    # ASCII text (a flag to read, not a scan) can hold only DEL of them.
    controls = "\x7f" in text if text.isascii() else re.search(_C1, text) is not None
    sys.stdout.write(text.translate(_C1_AND_DEL) if controls else text)


def json_text(data: Any) -> str:
    """`data` as JSON, indented by two, non-ASCII as it is, and a final newline.

    orjson writes it some twenty times faster than the standard library's encoder with
    indent (over a second for 5,000 events), and the same text; but for a float below 1e-4
    (0.00001 or 1e-7 where json writes 1e-05 and 1e-07), and for what orjson refuses
    (integers beyond 64 bits), the standard library writes it, so the output never depends
    on which did.
    """
    import orjson

    try:
        encoded = orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except TypeError:
        encoded = b""
    # A search for the pattern scans slowly; what it needs, found first, mostly is not there.
    small = (b"0.0000" in encoded or b"e-" in encoded) and re.search(_SMALL_FLOAT, encoded) is not None
    if encoded and not small:
        return encoded.decode("utf-8")
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_SMALL_FLOAT = rb"0\.0000|e-[0-9](?![0-9])"
"""What a float below 1e-4 looks like in orjson's output, which json writes 1e-05 (found anywhere, strings
included, json writes it all)."""


def write_file(path: Path, text: str) -> None:
    """`path` written whole (see outfile.write_atomic), or one line and exit 2."""
    from itinerary import outfile

    try:
        outfile.write_atomic(path, text)
    except OSError as exc:
        fail(f"{path}: cannot write: {exc.strerror or exc}")
    say_links([path])


def say_links(paths: list[Path]) -> None:
    """A line for each output that is a symbolic link: the file written is the one it points to."""
    from itinerary import outfile

    for note in filter(None, map(outfile.link_note, paths)):
        say(f"itinerary: {note}")
