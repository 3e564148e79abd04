"""`publish` to a static folder: feeds, printed pages and an index; a revision rewrites only what changed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import DATA, JAPAN, disk_full_at
from icalendar import Calendar

from itinerary.export import ics
from itinerary.load import load, loads
from itinerary.publish import folder
from itinerary.publish.index import base_url

REVISION = DATA / "publish" / "ecpg-japan-2009-r2.yaml"
BASE = "https://visits.example.org/japan-2009/"


def publish(programme, where, base=BASE, force=False):
    return folder.publish(programme, where, base=base, stamp=ics.stamp(programme), force=force)


def links(page: str) -> list[str]:
    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend(v for k, v in attrs if k == "href" and v)

    Links().feed(page)
    return found


def test_a_feed_and_a_page_per_participant_group_and_the_programme(tmp_path):
    japan = load(JAPAN)
    done = publish(japan, tmp_path)
    refs = [None, *japan.participants, *japan.groups]
    names = {f"{r or 'programme'}.{ext}" for r in refs for ext in ("ics", "html")} | {"index.html"}
    assert {p.name for p in tmp_path.iterdir()} == names == set(done.written)
    tea = Calendar.from_ical((tmp_path / "tea-petrin.ics").read_bytes())
    assert len(tea.walk("VEVENT")) == len(ics.attending(japan, "tea-petrin"))
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    hrefs = links(index)
    for ref in japan.participants:
        assert f"webcal://visits.example.org/japan-2009/{ref}.ics" in hrefs
        assert f"{ref}.ics" in hrefs and f"{ref}.html" in hrefs
    assert all(not h.startswith(("http:", "https:", "//")) for h in hrefs if not h.startswith("webcal:"))
    assert "<script" not in index and "default-src 'none'" in index


def test_without_a_base_url_there_are_no_webcal_links(tmp_path):
    publish(load(JAPAN), tmp_path, base=None)
    assert "webcal:" not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_names_are_escaped_in_the_index(tmp_path):
    text = JAPAN.read_text(encoding="utf-8").replace("name: Tea Petrin", 'name: "<script>alert(1)</script> & Tea"')
    publish(loads(text, "evil.yaml"), tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in index and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Tea" in index


def test_a_revision_rewrites_what_changed_and_removes_a_participant_who_left(tmp_path):
    publish(load(JAPAN), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    revised = load(REVISION)
    done = publish(revised, tmp_path)
    assert sorted(done.removed) == ["rene-tonnisson.html", "rene-tonnisson.ics"]
    assert not (tmp_path / "rene-tonnisson.ics").exists()
    events = {
        str(e["SUMMARY"]): e for e in Calendar.from_ical((tmp_path / "tea-petrin.ics").read_bytes()).walk("VEVENT")
    }
    old = {str(e["SUMMARY"]): e for e in Calendar.from_ical(before["tea-petrin.ics"]).walk("VEVENT")}
    assert "Lunch at Argo (French)" in old and "Lunch at Argo (French)" not in events
    assert int(events.pop("Shinkansen HIKARI 476")["SEQUENCE"]) == 2
    assert {int(e["SEQUENCE"]) for e in events.values()} == {1}
    for title, event in events.items():  # the same instants everywhere else
        assert event["DTSTART"].to_ical() == old[title]["DTSTART"].to_ical(), title
    again = publish(revised, tmp_path)
    assert again.written == () and again.removed == () and len(again.unchanged) == len(done.written)


def test_a_change_without_a_revision_bump_is_reported(tmp_path):
    publish(load(JAPAN), tmp_path)
    moved = loads(JAPAN.read_text(encoding="utf-8").replace('"16:10-17:40"', '"16:30-18:00"'), "moved.yaml")
    assert publish(moved, tmp_path).unbumped == ("Shinkansen HIKARI 476",)


def test_a_file_we_did_not_write_is_refused_and_nothing_is_written(tmp_path):
    (tmp_path / "index.html").write_text("<p>my own page</p>", encoding="utf-8")
    with pytest.raises(folder.PublishError, match=r"index.html: exists and was not written by itinerary"):
        publish(load(JAPAN), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["index.html"]
    publish(load(JAPAN), tmp_path, force=True)
    assert "my own page" not in (tmp_path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["ftp://example.org/", "example.org/feeds", "https://example.org/?x=1", ""])
def test_a_base_url_must_be_http(bad):
    with pytest.raises(ValueError, match="--base-url"):
        base_url(bad)


def test_webcal_links_keep_the_path(tmp_path):
    assert base_url("https://example.org/a b") == "https://example.org/a%20b/"
    publish(load(JAPAN), tmp_path, base=base_url("http://example.org/visit"))
    assert re.search(r'href="webcal://example.org/visit/tea-petrin.ics"', (tmp_path / "index.html").read_text())


def test_a_participant_called_index_is_refused_rather_than_losing_a_page(tmp_path):
    text = JAPAN.read_text(encoding="utf-8").replace("id: tea-petrin", "id: index").replace("tea-petrin", "index")
    with pytest.raises(folder.PublishError, match=r"'index': its printed page would be the folder's index\.html"):
        publish(loads(text, "index.yaml"), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_written_halfway_replaces_none(tmp_path, monkeypatch):
    """Feeds and pages are made and written one at a time; when the fifth cannot be written, none of those
    before it (in temporaries) replaces what the first publish wrote, and the rest are not made."""
    publish(load(JAPAN), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    made = disk_full_at(monkeypatch, 5)
    with pytest.raises(folder.PublishError) as failed:
        publish(load(REVISION), tmp_path, base="https://elsewhere.example.org/")
    assert str(failed.value) == f"{made[4]}: cannot write: No space left on device"
    assert len(made) == 5, "the files after the failure were not even made"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_the_files_are_named_before_any_is_made(tmp_path):
    made = folder.contents(load(JAPAN), tmp_path, BASE, ics.stamp(load(JAPAN)))
    files = list(made.files())
    assert [name for name, _ in files] == list(made.names)
    assert len(set(made.names)) == len(made.names) == 2 * len(made.feeds) + 1
    assert [f.calendar for f in made.feeds] == list(made.names[:-1:2])
    assert made.names[-1] == "index.html"


def test_a_page_that_cannot_be_made_while_writing_is_a_publish_error_and_replaces_none(tmp_path, monkeypatch):
    from itinerary.render import html

    publish(load(JAPAN), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = html.page
    pages: list[str | None] = []

    def second_fails(programme, tz, who=None, *args, **kwargs):
        pages.append(who)
        if len(pages) == 2:
            raise ValueError("cannot make this page")
        return real(programme, tz, who, *args, **kwargs)

    monkeypatch.setattr(html, "page", second_fails)
    with pytest.raises(folder.PublishError, match=r"^cannot make this page$"):
        publish(load(REVISION), tmp_path, base="https://elsewhere.example.org/")
    assert len(pages) == 2
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
