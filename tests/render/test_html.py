"""The printed programme as HTML: content, escaping, the DRAFT box, and how `print` writes its file.

What a browser makes of the page (rendering, console, PDF) is in test_print_browser.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from conftest import DATA, JAPAN, ROOT
from typer.testing import CliRunner

from itinerary.checks import run_checks
from itinerary.cli import app
from itinerary.load import load, loads
from itinerary.render import html
from itinerary.timeutil import zone

runner = CliRunner()
TOKYO = zone("Asia/Tokyo")
HOSTILE = DATA / "print" / "hostile.yaml"
CLEAN = DATA / "print" / "clean.yaml"
CLASH = DATA / "print" / "clash.yaml"


class Page(HTMLParser):
    """The page as a parser sees it: its elements, attributes, and text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


@pytest.fixture(scope="module")
def japan_page(japan):
    return html.page(japan, TOKYO, source_name="ecpg-japan-2009.yaml", findings=run_checks(japan))


def test_page_has_every_day_and_the_trains(japan, japan_page):
    page = Page(japan_page.text)
    for day in ("Sunday 4", "Monday 5", "Tuesday 6", "Wednesday 7", "Thursday 8", "Friday 9"):
        assert f"{day} October 2009" in page.text
    assert "Shinkansen HIKARI 465" in page.text and "Shinkansen HIKARI 476" in page.text
    assert "09:03 Tokyo Station → 10:33 Hamamatsu Station" in page.text  # the week grid
    assert "09:03–10:33" in page.text  # the day's agenda
    assert len(page.all("article")) == len(japan.events)


def test_page_has_people_and_places(japan, japan_page):
    page = Page(japan_page.text)
    for person in japan.participants.values():
        assert person.name in page.text
    assert "Maciej Dzierżanowski" in page.text and "Gdańsk Institute for Market Economics" in page.text
    # the address for a taxi driver, in large type and marked as Japanese for the right glyphs
    locals_ = [attrs for attrs in page.all("p") if attrs.get("class") == "local"]
    assert locals_ and all(attrs.get("lang") == "ja" for attrs in locals_)
    assert "東京都千代田区霞が関3-2-2" in page.text
    maps = [a["href"] for a in page.all("a") if (a.get("href") or "").startswith("https://www.openstreetmap.org/")]
    assert "https://www.openstreetmap.org/?mlat=35.67160&mlon=139.74970#map=17/35.67160/139.74970" in maps
    assert "Argo (French restaurant)" in page.text  # a venue with no address or geo is still listed
    for group in japan.groups.values():
        assert group.name in page.text


def test_page_is_self_contained(japan_page):
    page = Page(japan_page.text)
    assert page.all("script") == [] and page.all("link") == [] and page.all("img") == []
    assert not any("src" in attrs for _, attrs in page.tags)
    assert all((a.get("href") or "").startswith(("#", "https://", "http://")) for a in page.all("a"))
    csp = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")
    assert any(
        m.get("name") == "generator" and (m.get("content") or "").startswith("itinerary ") for m in page.all("meta")
    )
    assert "@media print" in japan_page.text and "size: A4" in japan_page.text


def test_everything_from_the_file_is_escaped():
    programme = load(HOSTILE)
    text = html.page(programme, zone("Europe/Warsaw")).text
    page = Page(text)
    assert [name for name, _ in page.tags].count("script") == 0
    assert page.all("img") == [] and page.all("marquee") == [] and page.all("i") == []
    assert [name for name, _ in page.tags].count("style") == 1  # the page's own
    assert [name for name, _ in page.tags].count("h1") == 1
    assert '<script>alert("title")</script> & Co\'s "visit"' in page.text
    assert '</h3><script>alert("event")</script>' in page.text
    assert 'Zoë <i>Quote</i> "Ł"' in page.text
    assert "</td></tr></table><h1>Gdańsk</h1>" in page.text
    assert "<style>body { display: none }</style>" in page.text
    # a javascript: URL is shown, never linked
    assert not any("javascript" in (a.get("href") or "") for a in page.all("a"))
    assert "javascript:alert('url')" in page.text


def test_script_lang():
    assert html.script_lang("東京都千代田区霞が関3-2-2") == ' lang="ja"'  # kana
    assert html.script_lang("東京都千代田区紀尾井町1-2", "Asia/Tokyo") == ' lang="ja"'  # kanji only: by the zone
    assert html.script_lang("北京市东城区", "Asia/Shanghai") == ' lang="zh-Hans"'
    assert html.script_lang("서울특별시") == ' lang="ko"'
    assert html.script_lang("ul. Długa 1") == ""


def test_safe_url():
    assert html.safe_url("http://www.princehotels.com/en/akasaka/") == "http://www.princehotels.com/en/akasaka/"
    assert html.safe_url("javascript:alert(1)") is None
    assert html.safe_url('https://x.org/" onclick="alert(1)') is None
    assert html.safe_url("data:text/html,hi") is None


def test_who_makes_it_ones_own_programme(japan):
    page = Page(html.page(japan, TOKYO, "akira-kimura").text)
    assert "Programme of Akira Kimura — Research Officer, S&T Section" in page.text
    assert [a["id"] for a in page.all("article")] == ["e-2009-10-08/closing-briefing-and-questions"]
    assert "HIKARI" not in page.text
    # everyone is still listed, the reader marked
    assert "Tea Petrin" in page.text
    assert [attrs.get("class") for attrs in page.all("tr") if attrs.get("class")] == ["me"]


# --- the DRAFT box --------------------------------------------------------------------------------


def test_draft_box_lists_the_findings_of_check():
    programme = load(CLASH)
    findings = [f for f in run_checks(programme) if f.severity in ("error", "warning")]
    assert findings, "the fixture is meant to have a clash"
    result = html.page(programme, zone("Europe/Ljubljana"), findings=run_checks(programme))
    page = Page(result.text)
    assert result.findings == len(findings)
    assert next(s.get("class") for s in page.all("section")) == "draft"  # at the top
    assert "Draft" in page.text and "Not final" in page.text
    for finding in findings:
        assert finding.message in page.text and finding.suggestion in page.text and finding.code in page.text
        assert f"clash.yaml:{finding.sources[0].line}" in page.text
    assert str(DATA) not in result.text  # no machine paths on paper


def test_draft_box_only_for_findings_that_concern_the_reader():
    programme = load(CLASH)
    assert html.page(programme, zone("Europe/Ljubljana"), "tea-petrin", findings=run_checks(programme)).findings == 1
    ana = html.page(programme, zone("Europe/Ljubljana"), "ana-novak", findings=run_checks(programme))
    assert ana.findings == 0 and 'class="draft"' not in ana.text


def test_no_draft_box_without_findings():
    programme = load(CLEAN)
    assert run_checks(programme) == []
    result = html.page(programme, zone("Europe/Ljubljana"), findings=run_checks(programme))
    assert result.findings == 0 and 'class="draft"' not in result.text and "Draft" not in Page(result.text).text


def test_japan_draft_box_matches_check(japan, japan_page):
    serious = [f for f in run_checks(japan) if f.severity in ("error", "warning")]
    assert japan_page.findings == len(serious)
    assert ('class="draft"' in japan_page.text) == bool(serious)


# --- the command ----------------------------------------------------------------------------------


def test_print_writes_a_file_and_replaces_only_its_own(tmp_path):
    out = tmp_path / "programme.html"
    first = runner.invoke(app, ["print", str(JAPAN), "-o", str(out)])
    assert first.exit_code == 0, first.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"itinerary: wrote {out}" in first.stderr
    again = runner.invoke(app, ["print", str(JAPAN), "--who", "tea-petrin", "-o", str(out)])
    assert again.exit_code == 0, again.output  # our own page: replaced
    assert "Programme of Tea Petrin" in Page(out.read_text(encoding="utf-8")).text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["programme.html"]  # no temporary file left

    mine = tmp_path / "notes.html"
    mine.write_text("<p>my own notes</p>", encoding="utf-8")
    refused = runner.invoke(app, ["print", str(JAPAN), "-o", str(mine)])
    assert refused.exit_code == 2
    assert (
        refused.stderr.strip()
        == f"itinerary: {mine}: exists and was not written by itinerary; use --force to overwrite it"
    )
    assert mine.read_text(encoding="utf-8") == "<p>my own notes</p>"
    forced = runner.invoke(app, ["print", str(JAPAN), "-o", str(mine), "--force"])
    assert forced.exit_code == 0 and "ECPG Study Visit to Japan" in mine.read_text(encoding="utf-8")


def test_print_errors_are_one_line(tmp_path):
    missing = runner.invoke(app, ["print", str(JAPAN), "-o", str(tmp_path / "no" / "such" / "page.html")])
    assert missing.exit_code == 2 and len(missing.stderr.strip().splitlines()) == 1
    assert "no such directory" in missing.stderr
    directory = runner.invoke(app, ["print", str(JAPAN), "-o", str(tmp_path)])
    assert directory.exit_code == 2 and "is a directory" in directory.stderr
    who = runner.invoke(app, ["print", str(JAPAN), "--who", "nobody"])
    assert who.exit_code == 2 and who.stderr.startswith("itinerary: --who: no participant or group 'nobody'")


def test_print_to_standard_output():
    result = runner.invoke(app, ["print", str(CLEAN)])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.rstrip().endswith("</html>")
    assert "One quiet day in Ljubljana" in result.stdout


def test_print_as_a_real_process(tmp_path):
    out = tmp_path / "tea.html"
    done = subprocess.run(
        [sys.executable, "-m", "itinerary", "print", str(JAPAN), "--who", "tea-petrin", "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert html.is_ours(out)
    assert "Maciej Dzierżanowski" in out.read_text(encoding="utf-8")


def test_is_ours(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<!DOCTYPE html>\n<meta name="generator" content="itinerary 0.1.0">', encoding="utf-8")
    assert html.is_ours(page)
    page.write_text('<meta name="generator" content="itinerary-other 1">', encoding="utf-8")
    assert not html.is_ours(page)
    assert not html.is_ours(tmp_path / "missing.html")


def test_draft_box_tells_two_people_of_the_same_name_apart():
    """Findings name whom they concern by id: a namesake's clash is not on the other's page (it was, by name)."""
    text = (
        CLASH.read_text(encoding="utf-8")
        .replace("  - name: Tea Petrin\n", "  - name: Tea Petrin\n    id: tea-a\n")
        .replace("  - name: Ana Novak\n", "  - name: Tea Petrin\n    id: tea-b\n")
        .replace("who: [ana-novak]", "who: [tea-b]")
    )
    programme = loads(text, "namesakes.yaml")
    found = run_checks(programme)
    assert [f.participant_ids for f in found if f.code == "C101"] == [("tea-a",)]
    assert html.page(programme, zone("Europe/Ljubljana"), "tea-a", findings=found).findings == 1
    other = html.page(programme, zone("Europe/Ljubljana"), "tea-b", findings=found)
    assert other.findings == 0 and 'class="draft"' not in other.text
