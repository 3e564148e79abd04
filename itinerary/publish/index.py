"""The index page of a published folder: each person's feed and printed page, one self-contained HTML file.

Everything from the programme goes through `html.escape`; there is nothing to fetch (inline
CSS, a Content-Security-Policy that forbids loading anything). With a base URL, each feed
also gets a `webcal://` link, which calendar programs open as a subscription.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlsplit

from itinerary import __version__
from itinerary.model import Programme
from itinerary.render.html import date_range, head

INDEX = "index.html"
CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 52em; padding: 0 1em; color: #111; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
a.sub { font-weight: bold; }
"""


@dataclass(frozen=True, slots=True)
class Feed:
    """One published calendar and its printed page."""

    ref: str | None
    """Participant or group id; None for the whole programme."""
    kind: str
    """'participant', 'group' or 'programme'."""
    name: str
    calendar: str
    """File name of the feed (.ics)."""
    page: str
    """File name of the printed page (.html)."""
    events: int


def base_url(text: str) -> str:
    """The URL the folder is served at, ending in '/'. ValueError unless an absolute http(s) URL."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"--base-url {text!r}: give the http:// or https:// address the folder is served at")
    path = quote(parts.path, safe="/%~+@!$&'()*,;=:")
    return parts._replace(path=path).geturl().rstrip("/") + "/"


def webcal(base: str, name: str) -> str:
    """webcal:// (or webcals:// is not widely known: https feeds are given as webcal:// too, as Apple and Google do)."""
    return "webcal://" + base.split("://", 1)[1] + quote(name)


def _row(feed: Feed, base: str | None) -> str:
    e = escape
    links = [f'<a href="{e(quote(feed.calendar))}">calendar (.ics)</a>']
    if base is not None:
        links.insert(0, f'<a class="sub" href="{e(webcal(base, feed.calendar))}">subscribe</a>')
    links.append(f'<a href="{e(quote(feed.page))}">printed programme</a>')
    count = f"{feed.events} event{'s' if feed.events != 1 else ''}"
    return f"<tr><th scope=row>{e(feed.name)}</th><td>{count}</td><td>{' · '.join(links)}</td></tr>"


def _section(title: str, feeds: Sequence[Feed], base: str | None) -> str:
    if not feeds:
        return ""
    rows = "\n".join(_row(feed, base) for feed in feeds)
    return f"<h2>{escape(title)}</h2>\n<table>\n{rows}\n</table>"


def page(programme: Programme, feeds: Sequence[Feed], base: str | None) -> str:
    """The index page's text."""
    e = escape
    sections = [
        _section("Whole programme", [f for f in feeds if f.kind == "programme"], base),
        _section("Participants", [f for f in feeds if f.kind == "participant"], base),
        _section("Groups", [f for f in feeds if f.kind == "group"], base),
    ]
    how = (
        "Subscribe once: the calendar follows every revision of the programme."
        if base
        else "Download a calendar, or give its address to your calendar program to subscribe."
    )
    return f"""{head(f"{programme.title}: calendars", CSS)}
<body>
<h1>{e(programme.title)}</h1>
<p>{e(date_range(programme))}, revision {programme.revision}. {e(how)}</p>
{chr(10).join(s for s in sections if s)}
<p><small>Made by itinerary {e(__version__)}.</small></p>
</body>
</html>
"""
