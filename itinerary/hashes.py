"""Hex digests of text, for the ids and change stamps written into files.

`hashlib` loads OpenSSL, about 3 ms of the start-up of every command that writes a
calendar. CPython also carries SHA-256 and SHA-1 as small modules of its own, which give
the same digests and load in a third of the time; hashlib is the fallback where they
are missing (another Python, or a later CPython that names them otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

Hash = Callable[[bytes], Any]


@cache
def _constructor(name: str) -> Hash:
    modules = {"sha256": ("_sha2", "_sha256"), "sha1": ("_sha1",)}[name]
    for module in modules:
        try:
            found: Hash = getattr(__import__(module), name)
        except (ImportError, AttributeError):
            continue
        return found
    import hashlib

    fallback: Hash = getattr(hashlib, name)
    return fallback


def sha256(text: str) -> str:
    """The SHA-256 of `text` (UTF-8), in hex."""
    return str(_constructor("sha256")(text.encode("utf-8")).hexdigest())


def sha1(text: str) -> str:
    """The SHA-1 of `text` (UTF-8), in hex: only where ids written with it must stay as they are."""
    return str(_constructor("sha1")(text.encode("utf-8")).hexdigest())
