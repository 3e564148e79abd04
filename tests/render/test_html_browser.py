"""The printed programme in a real browser: headless Chromium (Debian's), driven over DevTools.

Each page is loaded once; the rendered text, console, requests, phone layout and the
printed A4 PDF all come from that load. Set ITINERARY_SCREENSHOTS=DIR to keep
screenshots (desktop and phone) for a person to look at; they never go in the repository.
"""

from __future__ import annotations

import importlib.util
import io
import re
from datetime import timedelta

import chromium
import pytest
from conftest import DATA, ROOT

from itinerary.checks import run_checks
from itinerary.load import load
from itinerary.render import html
from itinerary.timeutil import zone

pytestmark = pytest.mark.browser

A4 = (595, 842)  # points, portrait


@pytest.fixture(scope="module")
def browser():
    try:
        executable = chromium.ensure()
    except chromium.Unavailable as exc:
        pytest.skip(str(exc))
    started = chromium.Browser(executable)
    yield started
    started.close()


def open_page(browser, tmp_path_factory, name: str, text: str) -> chromium.Rendered:
    path = tmp_path_factory.mktemp("pages") / f"{name}.html"
    path.write_text(text, encoding="utf-8")
    return browser.open(path.as_uri(), screenshots=chromium.screenshots_dir(), name=name)


@pytest.fixture(scope="module")
def japan_page(browser, tmp_path_factory, japan):
    return open_page(
        browser, tmp_path_factory, "japan", html.page(japan, zone("Asia/Tokyo"), findings=run_checks(japan)).text
    )


@pytest.fixture(scope="module")
def japan_pdf(japan_page):
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(japan_page.pdf))


def test_the_browser_would_see_a_problem(browser, tmp_path_factory):
    """The probe itself: a page with a console error and a missing image is caught."""
    bad = open_page(
        browser,
        tmp_path_factory,
        "control",
        '<!DOCTYPE html><title>x</title><img src="missing.png"><script>console.error("boom")</script>',
    )
    assert "console.error: boom" in bad.problems
    assert any("missing.png" in url for url in bad.requests)
    assert any(p.startswith("load failed") for p in bad.problems)
    assert bad.scripts == 1


def test_every_day_is_on_the_page(japan, japan_page):
    for day in japan.days():
        assert f"{day:%A} {day.day} {day:%B %Y}" in japan_page.text
        assert f"{day:%a} {day.day} {day:%b}" in japan_page.text  # the week grid's column


def test_the_hamamatsu_trains(japan_page):
    text = japan_page.text
    assert "09:03 Tokyo Station → 10:33 Hamamatsu Station" in text
    assert "16:10 Hamamatsu Station → 17:40 Tokyo Station" in text
    assert "Shinkansen HIKARI 465" in text and "Shinkansen HIKARI 476" in text
    assert "Tokyo Station → Hamamatsu Station" in text


def test_every_participant_by_name_with_diacritics(japan, japan_page):
    for person in japan.participants.values():
        assert person.name in japan_page.text
    assert "Maciej Dzierżanowski" in japan_page.text
    assert "Gdańsk Institute for Market Economics" in japan_page.text
    assert "東京都千代田区紀尾井町1-2" in japan_page.text


def test_no_console_errors_and_no_network(japan_page):
    assert japan_page.problems == []
    assert japan_page.requests == [japan_page.url]
    assert japan_page.scripts == 0


def test_reads_on_a_phone(japan_page):
    """At 390 CSS pixels the page itself never scrolls sideways (the week grid scrolls in its own box)."""
    assert japan_page.overflow <= 0


def test_draft_box_as_check_says(japan, japan_page):
    serious = [f for f in run_checks(japan) if f.severity in ("error", "warning")]
    assert ("DRAFT" in japan_page.text) == bool(serious)  # text-transform: uppercase, as rendered
    for finding in serious:
        assert finding.message in japan_page.text


def test_printed_on_a4_at_most_three_pages_a_day(japan, japan_pdf):
    pages = japan_pdf.pages
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages]
    texts = [page.extract_text() for page in pages]
    # The cover is landscape: the title (and the DRAFT box, if any), then the week grid whole on one page.
    cover = sizes.index(A4) if A4 in sizes else len(sizes)
    assert 1 <= cover <= 2 and all(size == A4[::-1] for size in sizes[:cover])
    assert all(size == A4 for size in sizes[cover:])
    grid_page = cover - 1
    for text in ("Sun 4 Oct", "Morning", "Shinkansen HIKARI 465", "Shinkansen HIKARI 476", "Evening", "Joint"):
        assert text in texts[grid_page], text
    days = japan.days()
    starts = []
    for day in days:
        heading = f"{day:%A} {day.day} {day:%B %Y}"
        found = [i for i, text in enumerate(texts) if heading in text and i >= cover]
        assert found, f"{heading} is not in the PDF"
        starts.append(found[0])
    assert starts == sorted(starts) and starts[0] == cover
    people = next(i for i, text in enumerate(texts) if re.search(r"^Participants$", text, re.M))
    for day, first, after in zip(days, starts, [*starts[1:], people], strict=True):
        assert 1 <= after - first <= 3, f"{day}: {after - first} pages"
    assert len(pages) <= 3 * len(days)
    everything = "\n".join(texts)
    assert "Dzierżanowski" in everything and "Gdańsk" in everything


def test_script_in_the_file_stays_text(browser, tmp_path_factory):
    programme = load(DATA / "print" / "hostile.yaml")
    page = open_page(
        browser,
        tmp_path_factory,
        "hostile",
        html.page(programme, zone("Europe/Warsaw"), findings=run_checks(programme)).text,
    )
    assert page.scripts == 0
    assert page.problems == []
    assert page.requests == [page.url]
    assert '<script>alert("title")</script> & Co\'s "visit"' in page.text
    assert '</h3><script>alert("event")</script>' in page.text
    assert "<style>body { display: none }</style>" in page.text  # shown, not applied
    assert 'Zoë <i>Quote</i> "Ł"' in page.text
    assert "<script" not in page.html.replace("&lt;script", "")


def test_a_long_programme_prints_within_bounds(browser, tmp_path_factory):
    """25 days of parallel sessions (one group's): the grid comes in weeks, each day within three pages."""
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    path = tmp_path_factory.mktemp("synth") / "synthetic.yaml"
    path.write_text(synth.programme(events=400, participants=40, groups=4), encoding="utf-8")
    programme = load(path)
    page = open_page(
        browser,
        tmp_path_factory,
        "synthetic",
        html.page(programme, zone("Europe/Brussels"), "g1", findings=run_checks(programme)).text,
    )
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(page.pdf))
    days = programme.days()
    assert page.problems == [] and page.overflow <= 0
    assert programme.start + timedelta(days=len(days) - 1) == programme.end
    assert len(days) == 25
    assert page.html.count('<table class="week"') == 4  # 7 + 7 + 7 + 4 days
    assert len(pdf.pages) <= 3 * len(days) + 4  # + the cover, participants and venues
