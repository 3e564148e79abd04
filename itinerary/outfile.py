"""Writing an output file safely: whole or not at all, and never over something a person wrote."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def refusal(path: Path, force: bool, ours: Callable[[Path], bool]) -> str | None:
    """Why `path` must not be written, or None. `ours` tells a file this tool wrote (safe to replace)."""
    if path.is_dir():
        return f"{path}: is a directory"
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        return f"{path}: no such directory {str(parent)!r}"
    if path.exists() and not path.is_file():  # a pipe or a device: never replaced, nor opened to look
        return f"{path}: not a regular file (a pipe or a device): write to a file, or to standard output"
    if path.exists() and not force and not ours(path):
        return f"{path}: exists and was not written by itinerary; use --force to overwrite it"
    return None


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over: a reader never sees half a file."""
    parent = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
