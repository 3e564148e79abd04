"""render.rows lays rows out as rich's Table.grid does: the same characters in the same styles."""

from __future__ import annotations

import io

import pytest
from conftest import JAPAN
from hypothesis import given, settings
from hypothesis import strategies as st
from painted import printed
from rich.console import Console, RenderableType

from itinerary.load import load
from itinerary.render import grid
from itinerary.render.rows import Boxed, Cell, Column, Lines, Rows
from itinerary.timeutil import zone

STYLES = st.sampled_from(["", "bold", "dim", "yellow", "italic", "magenta"])
WORD = st.one_of(
    st.text(alphabet="abcdefghij", min_size=1, max_size=14),
    st.text(alphabet="東京都千代田区", min_size=1, max_size=8),
    st.sampled_from(["https://example.org/a/very/long/path/that/does/not/fit/anywhere", "-", "•", "09:30"]),
)
LINE = st.lists(WORD, max_size=12).map(" ".join)
WHEN = st.text(alphabet="0123456789:–~+ ", max_size=20)
"""A time column's cell: '09:30–~11:00+1'."""


def body(most: int) -> st.SearchStrategy:
    """A wrapping cell's lines, each of one style."""
    return st.lists(st.tuples(STYLES, LINE), min_size=1, max_size=most)


def cells(render: RenderableType, width: int) -> list[list[tuple[str, str]]]:
    """What a terminal shows: each line as (character, style) pairs."""
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor")
    lines = console.render_lines(render, console.options, pad=False)
    return [[(ch, str(seg.style) if seg.style else "none") for seg in line for ch in seg.text] for line in lines]


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.tuples(WHEN, STYLES, st.sampled_from(["meeting", "reception", "flight", "hotel"]), body(5), STYLES),
        min_size=1,
        max_size=6,
    ),
    width=st.integers(20, 140),
)
def test_rows_show_what_richs_table_shows(rows, width):
    table = Rows((Column(16), Column(9, "magenta"), Column()))
    for when, when_style, kind, body, body_style in rows:
        table.add_row(Cell.of(when, when_style), Cell.of(kind, when_style), Cell(tuple(body), body_style))
    assert cells(table, width) == cells(table.table(), width)


def test_a_narrow_terminal_gets_richs_table():
    table = Rows((Column(16), Column(9, "magenta"), Column()))
    table.add_row(Cell.of("  09:00–10:00"), Cell.of("meeting"), Cell((("", "Title"),), "bold"))
    assert cells(table, 20) == cells(table.table(), 20)


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(st.lists(st.tuples(LINE, STYLES), max_size=3), min_size=1, max_size=6), width=st.integers(20, 140)
)
def test_lines_show_what_a_text_shows(lines, width):
    """Lines already wrapped print as they are; one wider than the terminal folds as a rich Text does."""
    from rich.text import Text

    text = Text()
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        for run, style in line:
            text.append(run, style=style)
    assert cells(Lines(lines), width) == cells(text, width)


@pytest.mark.parametrize("width", [40, 61, 80, 100, 120, 203])
@pytest.mark.parametrize("who", [None, "tea-petrin"])
def test_the_grid_shows_what_richs_table_shows(width, who):
    """The week grid's boxes, laid out by hand, against rich's table of the same cells."""
    programme = load(JAPAN)
    table = grid.build(programme, programme.events_for(who), zone("Asia/Tokyo"))
    boxes = [r for r in grid.render(programme, table, width, who) if isinstance(r, Boxed)]
    assert boxes
    for box in boxes:
        assert cells(box, width) == cells(box.table(), width)


@settings(max_examples=100, deadline=None)
@given(
    rows=st.lists(
        st.tuples(WHEN, STYLES, body(4), STYLES),
        min_size=1,
        max_size=5,
    ),
    width=st.integers(20, 140),
    color=st.sampled_from([None, "standard", "256", "truecolor"]),
    no_color=st.booleans(),
)
def test_rows_write_what_rich_prints(rows, width, color, no_color):
    """Written straight to the file, the rows are the bytes rich's print writes: colour codes included."""
    table = Rows((Column(16), Column(9, "magenta"), Column()))
    for when, when_style, body, body_style in rows:
        table.add_row(Cell.of(when, when_style), Cell.of("meeting", "bold"), Cell(tuple(body), body_style))
    rich, direct = printed(table, width, color, no_color)
    assert direct == rich


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(st.lists(st.tuples(LINE, STYLES), max_size=3), min_size=1, max_size=6),
    width=st.integers(20, 140),
    color=st.sampled_from([None, "256"]),
)
def test_lines_write_what_rich_prints(lines, width, color):
    rich, direct = printed(Lines(lines), width, color)
    assert direct == rich


@pytest.mark.parametrize("width", [40, 80, 120, 203])
@pytest.mark.parametrize("color", [None, "256", "truecolor"])
def test_the_grid_writes_what_rich_prints(width, color):
    programme = load(JAPAN)
    table = grid.build(programme, programme.events_for(None), None)
    for render in grid.render(programme, table, width):
        rich, direct = printed(render, width, color)
        assert direct == rich


def _text(runs: list[tuple[str, str]], style: str) -> RenderableType:
    from itinerary.render.text import Text

    text = Text(style=style)
    for written, run_style in runs:
        text.append(written, style=run_style or None)
    return text


@settings(max_examples=120, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["Now", "Next", "", "Leave", "Wed 7 Oct 2009  09:00–10:00 JST"]),
            st.lists(st.tuples(LINE | st.just("\n") | LINE.map(lambda s: s + "\n"), STYLES), max_size=6),
            STYLES,
        ),
        min_size=1,
        max_size=5,
    ),
    label=st.sampled_from([0, 5]),
    width=st.integers(20, 140),
    color=st.sampled_from([None, "256"]),
)
def test_rows_of_texts_write_what_richs_table_prints(rows, label, width, color):
    """`next` and `slots`: a last column of Texts with several styles in a line, as rich's Table.grid prints it."""
    table = Rows((Column(label, "bold"), Column()))
    for head, runs, style in rows:
        table.add_text_row(Cell.of(head), last=_text(runs, style))
    rich, direct = printed(table.table(), width, color, direct=table)
    assert direct == rich
