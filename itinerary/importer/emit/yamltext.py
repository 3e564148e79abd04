"""YAML written by hand, as a person would: plain scalars where nothing in them means something to YAML,
quoted or literal blocks where it does, and comments that never read as data."""

from __future__ import annotations

import json
import re

from itinerary.visible import visible


class Lines:
    """The file being written, line by line; blank lines never doubled, none at the end."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, text: str) -> None:
        self.lines.append(text)

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def comment(self, indent: str, text: str, width: int = 88) -> None:
        """`text` as `# ` lines, wrapped at spaces; never anything a YAML reader would take for data, nor a
        control character (YAML refuses one even in a comment): it is shown escaped."""
        words = " ".join(visible(text).split()).split(" ")
        current = ""
        for word in words:
            if current and len(indent) + 2 + len(current) + 1 + len(word) > width:
                self.lines.append(f"{indent}# {current}")
                current = word
            else:
                current = f"{current} {word}" if current else word
        if current:
            self.lines.append(f"{indent}# {current}")

    def text(self) -> str:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


_PLAIN = re.compile(r"[^\W_][\w .,()/'&+@:?=%~!#-]*", re.UNICODE)


_RESERVED = frozenset(("~", "null", "true", "false", "yes", "no", "on", "off"))


def scalar(text: str) -> str:
    """A one-line YAML scalar: plain where nothing in it means something to YAML, else double-quoted."""
    if (
        _PLAIN.fullmatch(text)
        and not text.endswith((" ", ":"))
        and ": " not in text
        and " #" not in text
        and "  " not in text
        and text.lower() not in _RESERVED
    ):
        return text
    return quoted(text)


def quoted(text: str) -> str:
    out = []
    for ch in json.dumps(text, ensure_ascii=False)[1:-1]:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def block(text: str, indent: str) -> str:
    """Free text as a literal block (`|`) where it can be, so it reads as written; else quoted."""
    lines = text.split("\n")
    if (
        len(lines) > 1
        and lines[0][:1] not in (" ", "\t")
        and all(line.isprintable() and line == line.rstrip() and "\t" not in line for line in lines)
    ):
        return "|\n" + "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return scalar(text) if "\n" not in text else quoted(text)
