"""Writing an output file safely: whole or not at all, and never over something a person wrote."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
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


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over: a reader never sees half a file.

    Text is written as UTF-8 with its line ends as they are; bytes as they are. A link is
    kept: the file it points to is written (see `through_link`)."""
    path = through_link(path)
    _replace(_temporary(path, data), path)


def through_link(path: Path) -> Path:
    """The file a symbolic link `path` points to (renaming over the link would replace it), else `path`."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def link_note(path: Path) -> str | None:
    """What to tell the user when `path` is a link: which file was written instead of the link itself."""
    if not path.is_symlink():
        return None
    return f"{path} is a link: wrote {through_link(path)}, which it points to (the link is kept)"


def write_all_atomic(files: Iterable[tuple[Path, bytes]]) -> None:
    """Several files, each whole: all are written to temporaries first and made durable with one sync,
    then renamed over their targets. One fsync per file cost a second for 300 calendars.
    `files` is taken one at a time (each file's bytes are let go once its temporary is written: 300
    calendars can be 400 MB together). WriteFailed names the file that could not be written; then, as
    when `files` itself raises, none is replaced."""
    written: list[tuple[str, Path]] = []
    try:
        for given, data in files:
            path = through_link(given)
            try:
                written.append((_temporary(path, data, sync=False), path))
            except OSError as exc:
                raise WriteFailed(path, exc) from None
            del data
        if not written:
            return  # and no sync: it would wait for every other program's writes to reach the disk
        os.sync()
        for tmp, path in written:
            try:
                _replace(tmp, path)
            except OSError as exc:
                raise WriteFailed(path, exc) from None
    except BaseException:
        for tmp, _ in written:
            Path(tmp).unlink(missing_ok=True)
        raise


class WriteFailed(OSError):
    """An OSError while writing `path` (its temporary, or the rename over it)."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(error.errno, error.strerror or str(error))
        self.path = path


def _temporary(path: Path, data: str | bytes, sync: bool = True) -> str:
    """`data` in a new file beside `path` (with `path`'s permissions, else the umask's), flushed to disk if `sync`."""
    parent = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _replace(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
