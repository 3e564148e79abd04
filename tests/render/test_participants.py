"""The participants table: who takes part, shown as written."""

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
