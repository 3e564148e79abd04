"""The participants table: who takes part, shown as written."""

from __future__ import annotations

from pathlib import Path

from conftest import render_text
from hypothesis import given, settings
from hypothesis import strategies as st

from itinerary import read
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


@settings(max_examples=80, deadline=None)
@given(
    people=st.lists(
        st.tuples(
            st.sampled_from(["", "Board", "Delegation of ECPG", "東京都"]),
            st.text(alphabet="abc Dzierżanowski東京\x1b", min_size=1, max_size=30),
            st.text(alphabet="abc XYZ", max_size=20),
            st.text(alphabet="abcdefg ńé", max_size=40),
            st.booleans(),
        ),
        max_size=8,
    ),
    width=st.integers(20, 160),
    color=st.sampled_from([None, "256"]),
    no_color=st.booleans(),
)
def test_the_sheet_writes_what_richs_table_prints(people, width, color, no_color):
    """Drawn by hand where nothing wraps, the participants' table is the bytes rich's own table prints."""
    from painted import printed

    from itinerary.render.sheet import Sheet

    sheet = Sheet("Visit: participants", ("Group", "Name", "Title", "Organisation"), [(p[:4], p[4]) for p in people])
    rich, direct = printed(sheet.table(), width, color, no_color, direct=sheet)
    assert direct == rich


def _both(sheet, width, color=None):
    """What rich's table prints, and what the sheet writes itself (None where it leaves it to rich)."""
    import io

    from rich.console import Console

    outs = []
    for _ in range(2):
        out = io.StringIO()
        outs.append((out, Console(file=out, width=width, color_system=color, force_terminal=color is not None)))
    outs[0][1].print(sheet.table())
    return outs[0][0].getvalue(), sheet.written(outs[1][1])


SCHEDULES = Path(__file__).parents[2] / "schedules"
JAPAN_FILE = SCHEDULES / "ecpg-japan-2009.yaml"


def test_every_schedules_participants_wrap_in_80_columns_as_richs_table_wraps_them():
    """Real visits' names and organisations do not fit 80 columns: the sheet folds them itself."""
    for path in sorted(SCHEDULES.glob("*.yaml")):
        sheet = participants.table(read(path))
        for width in (80, 100, 120):
            rich, direct = _both(sheet, width, "256")
            assert direct == rich, f"{path.name} at {width} columns"


WORDS = st.text(alphabet="ab Dzierżanowski東京 -", max_size=50) | st.sampled_from(
    ["", "Ministry of Economy, Trade and Industry (METI)", "x" * 70, "東京都庁 " * 6, "  a  b  "]
)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(st.tuples(WORDS, WORDS, WORDS, WORDS, st.booleans()), max_size=6),
    title=st.sampled_from(["V", "A visit: participants", "東京 " * 12]),
    width=st.integers(20, 140),
    exported=st.booleans(),
)
def test_a_sheet_too_wide_for_the_terminal_is_folded_as_richs_table_folds_it(rows, title, width, exported):
    """The participants' columns all fold; export's table (`exported`) also has columns kept on
    one line and aligned right, which the sheet writes itself only where nothing wraps."""
    from itinerary.render import written
    from itinerary.render.sheet import Sheet

    formats = written.table(read(JAPAN_FILE), []).formats if exported else ()
    sheet = Sheet(title, ("Group", "Name", "Title", "Organisation"), [(r[:4], r[4]) for r in rows], formats)
    rich, direct = _both(sheet, width)
    assert direct is None or direct == rich
