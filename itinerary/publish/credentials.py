"""Who publishes to a CalDAV server: from the environment or a netrc-style file, never the command line.

A password on the command line is in the shell's history and in every process list;
in a URL it ends up in logs. So: ITINERARY_CALDAV_USER and ITINERARY_CALDAV_PASSWORD,
else the `machine` entry for the server's host in a netrc file (the one given, else
~/.netrc), else no credentials (a server that needs them answers 401, said in one line).
"""

from __future__ import annotations

import netrc
import os
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

USER, PASSWORD = "ITINERARY_CALDAV_USER", "ITINERARY_CALDAV_PASSWORD"


class CredentialsError(Exception):
    """The credentials cannot be read; one line, without the secret."""


def server_url(text: str) -> str:
    """The account's URL, checked. ValueError for anything but http(s), or a URL carrying a user or password."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"--caldav {text!r}: give the http:// or https:// address of the calendars' home")
    if parts.username or parts.password:
        raise ValueError(f"--caldav: put no user or password in the URL; set {USER} and {PASSWORD} or use a netrc file")
    return parts.geturl()


def credentials(url: str, environ: Mapping[str, str] = os.environ, file: Path | None = None) -> tuple[str, str]:
    """(user, password) for the server at `url`; ('', '') when none are given anywhere."""
    user, password = environ.get(USER, ""), environ.get(PASSWORD, "")
    if user or password:
        if not (user and password):
            raise CredentialsError(f"set both {USER} and {PASSWORD}, or neither")
        return user, password
    path = file if file is not None else Path(environ.get("NETRC", "") or Path.home() / ".netrc")
    if not path.is_file():
        if file is not None:
            raise CredentialsError(f"{file}: no such file")
        return "", ""
    try:
        found = netrc.netrc(str(path)).authenticators(urlsplit(url).hostname or "")
    except netrc.NetrcParseError as exc:
        raise CredentialsError(f"{exc.filename}:{exc.lineno}: {exc.msg}") from None
    except OSError as exc:
        raise CredentialsError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if found is None:
        return "", ""
    login, _, secret = found
    return login or "", secret or ""
