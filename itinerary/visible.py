"""Text read from a file, shown on a terminal: control characters written out, never obeyed.

A title, a name or a note from a programme or a received calendar may hold ESC and the
other C0 and C1 controls; printed as they are, they would set the window title, clear
the screen, erase lines or hide a link (OSC 8). Shown as `\\x1b`, they do nothing and the
reader sees that something odd is in the file. The result holds no control character but
a newline (and none at all with `one_line`), so escaping twice changes nothing.
"""

from __future__ import annotations

_CONTROLS = [*range(0x00, 0x20), *range(0x7F, 0xA0)]

_KEEP_LINES = {code: f"\\x{code:02x}" for code in _CONTROLS}
_KEEP_LINES[ord("\n")] = "\n"
_KEEP_LINES[ord("\t")] = " "

_ONE_LINE = {**_KEEP_LINES, ord("\n"): "\\n"}


def visible(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character but the line break shown as an escape (`\\x1b`); a tab is a space."""
    if text.isprintable():  # no control character (most text): nothing to escape
        return text
    text = text.replace("\r\n", "\n")
    return text.translate(_ONE_LINE if one_line else _KEEP_LINES)
