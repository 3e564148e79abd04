"""The few WebDAV and CalDAV requests publishing needs (RFC 4918, RFC 4791), over http.client.

No client library: five methods (PROPFIND, REPORT, MKCALENDAR, PUT, DELETE) with
conditional headers, and the multistatus answers read with ElementTree. Credentials go
in an Authorization header and nowhere else: never in a message, never in a URL shown.
"""

from __future__ import annotations

import base64
import http.client
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

DAV, CAL = "DAV:", "urn:ietf:params:xml:ns:caldav"
TIMEOUT = 30.0


class DavError(Exception):
    """A request failed: one line, the method, the path and the server's status."""


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True, slots=True)
class Member:
    """A child of a collection as PROPFIND or REPORT gives it."""

    href: str
    """Absolute path on the server, as the server spells it (percent-escapes and all)."""
    etag: str
    collection: bool
    calendar: bool
    name: str
    data: bytes
    """calendar-data, for a REPORT."""


@dataclass
class Client:
    """One server, one account. The URL's path is the folder whose children are the collections."""

    url: str
    user: str = ""
    password: str = ""

    def _connection(self) -> http.client.HTTPConnection:
        parts = urlsplit(self.url)
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        return kind(parts.hostname or "", parts.port, timeout=TIMEOUT)

    def path(self, name: str = "") -> str:
        return urljoin(urlsplit(self.url).path.rstrip("/") + "/", name)

    def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> Response:
        sent = dict(headers or {})
        if self.user:
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            sent["Authorization"] = f"Basic {token}"
        connection = self._connection()
        try:
            connection.request(method, path, body=body or None, headers=sent)
            answer = connection.getresponse()
            data = answer.read()
        except (OSError, http.client.HTTPException) as exc:
            raise DavError(
                f"{method} {path}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}"
            ) from None
        finally:
            connection.close()
        return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, data)

    def expect(self, response: Response, method: str, path: str, *ok: int) -> Response:
        if response.status not in ok:
            reason = http.client.responses.get(response.status, "")
            hint = " (check the user and password)" if response.status in (401, 403) else ""
            raise DavError(f"{method} {unquote(path)}: the server answered {response.status} {reason}{hint}")
        return response

    def members(self, path: str) -> list[Member]:
        """The collection's children (Depth: 1), itself left out; [] when it does not exist."""
        body = (
            b'<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>'
            b"<d:resourcetype/><d:getetag/><d:displayname/></d:prop></d:propfind>"
        )
        headers = {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}
        response = self.request("PROPFIND", path, body, headers)
        if response.status == 404:
            return []
        self.expect(response, "PROPFIND", path, 207)
        return [m for m in _multistatus(response.body) if unquote(m.href).rstrip("/") != unquote(path).rstrip("/")]

    def events(self, path: str) -> list[Member]:
        """Every calendar object of a calendar collection with its ETag and data (a calendar-query REPORT)."""
        body = (
            b'<?xml version="1.0" encoding="utf-8"?>'
            b'<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
            b"<d:prop><d:getetag/><c:calendar-data/></d:prop>"
            b'<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"/></c:comp-filter></c:filter>'
            b"</c:calendar-query>"
        )
        headers = {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}
        response = self.expect(self.request("REPORT", path, body, headers), "REPORT", path, 207)
        return [m for m in _multistatus(response.body) if not m.collection]

    def make_calendar(self, path: str, name: str, description: str) -> None:
        from html import escape

        body = (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>'
            f"<d:displayname>{escape(name)}</d:displayname>"
            f"<c:calendar-description>{escape(description)}</c:calendar-description>"
            '<c:supported-calendar-component-set><c:comp name="VEVENT"/></c:supported-calendar-component-set>'
            "</d:prop></d:set></c:mkcalendar>"
        ).encode()
        headers = {"Content-Type": "application/xml; charset=utf-8"}
        self.expect(self.request("MKCALENDAR", path, body, headers), "MKCALENDAR", path, 201)

    def put(self, path: str, data: bytes, etag: str | None) -> Response:
        """Create (`etag` None: only if absent) or replace (only if unchanged since read) a resource."""
        headers = {"Content-Type": "text/calendar; charset=utf-8"}
        headers.update({"If-None-Match": "*"} if etag is None else {"If-Match": etag})
        return self.request("PUT", path, data, headers)

    def delete(self, path: str, etag: str | None = None) -> Response:
        return self.request("DELETE", path, headers={"If-Match": etag} if etag else {})


def _text(node: ElementTree.Element | None) -> str:
    return (node.text or "").strip() if node is not None else ""


def _multistatus(body: bytes) -> Iterator[Member]:
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise DavError(f"the server's answer is not XML: {exc}") from None
    for response in root.iter(f"{{{DAV}}}response"):
        href = _text(response.find(f"{{{DAV}}}href"))
        prop: dict[str, ElementTree.Element] = {}
        for propstat in response.iter(f"{{{DAV}}}propstat"):
            if " 200 " in f" {_text(propstat.find(f'{{{DAV}}}status'))} ":
                for found in propstat.iter():
                    prop.setdefault(found.tag, found)
        kind = prop.get(f"{{{DAV}}}resourcetype")
        data = _text(prop.get(f"{{{CAL}}}calendar-data"))
        yield Member(
            href=urlsplit(href).path or href,
            etag=_text(prop.get(f"{{{DAV}}}getetag")),
            collection=kind is not None and kind.find(f"{{{DAV}}}collection") is not None,
            calendar=kind is not None and kind.find(f"{{{CAL}}}calendar") is not None,
            name=_text(prop.get(f"{{{DAV}}}displayname")),
            data=data.encode("utf-8"),
        )
