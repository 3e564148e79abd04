"""The programme file made into a `Programme`, or every reason why it cannot be.

The one place where text becomes model: YAML is composed into a node tree (which keeps
line and column), every value is read as text and interpreted by its field, and every
problem is collected so the user sees all of them at once.

    tree        text -> YAML node tree; what a node is
    nodes       a node read as mapping, list, text, number...; node count limit
    diagnostics errors and warnings with file:line; LoadError
    scalars     text -> int, float, bool, HH:MM spans
    hints       'did you mean ...?' for keys, ids and zone names
    head        the `programme:` section (dates, zone, day parts, travel defaults)
    people      `groups:` and `participants:`
    venues      `venues:` and venues written in place
    travel      `travel:` times between venues
    days        `days:`, each day's events, ids used once
    events      one event: kind, places, who, id
    details     an event's status, optional attendance, number and contact
    times       `time`, `depart`/`arrive`, all-day, hotel stays -> instants
    programme   the sections put together into a Programme
"""

from __future__ import annotations

import gc
from pathlib import Path

from itinerary.load.diagnostics import Abort, LoadError
from itinerary.load.hints import zone_hint
from itinerary.model import Diagnostic, Programme, Source

MAX_BYTES = 20 * 1024 * 1024

__all__ = ["MAX_BYTES", "Diagnostic", "LoadError", "load", "loads", "zone_hint"]


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
    """Read and validate a programme given as text (or its UTF-8 bytes); `name` is used in messages."""
    text = _decode(data, name) if isinstance(data, bytes) else data
    # The node tree is large and acyclic (and so are the modules imported here the first time):
    # the cycle collector only re-scans them, over and over.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        from itinerary.load.nodes import NodeReader
        from itinerary.load.programme import read_programme
        from itinerary.load.tree import compose

        root = compose(text, name)
        reader = NodeReader(name)
        try:
            programme = read_programme(reader, root)
        except Abort:
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
