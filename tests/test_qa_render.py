"""Found in QA: programme text shown as written, colours where they belong, nights that are hotel nights."""

from __future__ import annotations

from conftest import render_text

from itinerary.load import loads
from itinerary.render import participants

MARKUP = """\
programme:
  id: markup
  title: "[bold red]Visit[/] :smile:"
  timezone: Europe/Brussels
  start: 2009-06-01
  end: 2009-06-02
groups:
  g: "[red]Group[/red] :thumbs_up:"
participants:
  - id: mallory
    name: "[bold]Mallory[/bold]"
    title: "[link=https://example.org]click[/link]"
    organisation: ":smile: Org [i]x[/i]"
    groups: [g]
"""


def test_participants_table_shows_markup_and_emoji_codes_as_written():
    text = render_text([participants.table(loads(MARKUP, "m.yaml"))], width=160)
    for written in (
        "[bold red]Visit[/] :smile:",
        "[red]Group[/red] :thumbs_up:",
        "[bold]Mallory[/bold]",
        "[link=https://example.org]click[/link]",
        ":smile: Org [i]x[/i]",
    ):
        assert written in text, text


def _ansi_lines(renderables, width: int) -> list[str]:
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    console = Console(file=out, width=width, force_terminal=True, color_system="standard", highlight=False)
    for renderable in renderables:
        console.print(renderable)
    return out.getvalue().splitlines()


def test_check_colours_the_severity_not_the_whole_finding():
    from itinerary.checks.finding import Finding
    from itinerary.render import findings

    finding = Finding("T202", "error", "travel-gap", "word " * 40, "do this", participants=("Ann",))
    lines = _ansi_lines(findings.render([finding], "f.yaml", width=60), 60)
    assert "\x1b[1;31merror T202 travel-gap: " in lines[0]
    red = "\x1b[1;31m"
    assert not any(red in line for line in lines[1:]), lines


def test_check_wraps_wide_characters_within_the_width():
    from rich.cells import cell_len

    from itinerary.checks.finding import Finding
    from itinerary.render import findings

    finding = Finding(
        "C101",
        "error",
        "clash",
        "'自由日の会議' と '東京での夕食会' " * 6,
        "山田太郎を 一つから 外す " * 5,
        participants=("山田太郎",),
    )
    text = render_text(findings.render([finding], "f.yaml", width=60), width=60)
    lines = text.splitlines()
    assert all(cell_len(line) <= 60 for line in lines), text
    assert lines[1].startswith("  "), text  # the continuation is the block's, not rich folding an overlong line


BACKGROUND = """\
programme:
  id: bg
  title: BG
  timezone: Europe/Brussels
  start: 2009-06-01
  end: 2009-06-04
days:
  2009-06-01:
    - depart: "10:00"
      arrive: "2009-06-03 18:00"
      title: Exhibition open all along
      kind: other
      background: true
    - kind: hotel
      title: Hotel Amigo
      until: 2009-06-03
"""


def test_only_hotel_stays_are_listed_as_nights():
    from itinerary.render import agenda
    from itinerary.select import by_day
    from itinerary.timeutil import zone

    programme = loads(BACKGROUND, "bg.yaml")
    tuesday = by_day(programme, programme.events, zone("Europe/Brussels"))[1]
    assert [e.title for e in tuesday.nights] == ["Hotel Amigo"]
    text = render_text(agenda.render(programme, programme.events, zone("Europe/Brussels")))
    assert "night           hotel      Exhibition" not in text, text


def test_agenda_marks_an_estimated_arrival_on_the_leg_line(japan):
    from datetime import date

    from itinerary.render import agenda
    from itinerary.timeutil import zone

    text = render_text(agenda.render(japan, japan.events, zone("Asia/Tokyo"), date(2009, 10, 7)), width=140)
    assert "Grand Prince Hotel Akasaka 08:30 → Tokyo Station ~09:00" in text, text
    assert "Tokyo Station 09:03 → Hamamatsu Station 10:33" in text, text
