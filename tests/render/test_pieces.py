"""What pages of one programme share, made once (`html.KeptPieces`, `grid.KeptPlacing`,
`Programme.events_of_each`), equals what each page makes afresh: publish writes 300 pages with the same pieces.

Every programme under schedules/ and tests/data/ that loads, in local time and read in one zone,
and generated programmes (the fuzz tests' documents, nasty text and all).
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

import pytest
from cli.test_fuzz import dump, programme_documents
from conftest import DATA, ROOT
from hypothesis import HealthCheck, assume, given, settings

from itinerary.load import LoadError, load, loads
from itinerary.model import Kind, Programme
from itinerary.render import html
from itinerary.render.agenda import heading, span
from itinerary.render.grid import KeptPlacing, build, check_out, column_heading, entries, part_index, row_of
from itinerary.select import local_date
from itinerary.timeutil import zone


def _loadable() -> list[Path]:
    out = []
    for path in [*sorted((ROOT / "schedules").glob("*.yaml")), *sorted(DATA.rglob("*.yaml"))]:
        try:
            load(path)
        except LoadError:
            continue
        out.append(path)
    return out


PROGRAMMES = _loadable()
ZONES: list[tzinfo | None] = [None, zone("Asia/Tokyo")]


def readers(programme: Programme) -> list[str]:
    return [*programme.participants, *programme.groups]


def assert_same_pages(programme: Programme, tz: tzinfo | None) -> None:
    """Each page made with pieces shared by all the others (last page first) equals the page made alone."""
    pieces = html.KeptPieces(programme, tz, readers(programme))
    for who in reversed([None, *readers(programme)]):
        assert html.page(programme, tz, who, pieces=pieces).text == html.page(programme, tz, who).text, who


def assert_same_pieces(programme: Programme, tz: tzinfo | None) -> None:
    """Every kept piece, asked for again after all pages were made, equals the piece made afresh."""
    pieces = html.KeptPieces(programme, tz, readers(programme))
    grids = [build(programme, pieces.events_for(who), tz, pieces.placing) for who in [None, *readers(programme)]]
    parts = tuple(programme.day_parts)
    for grid in grids:
        untimed = len(grid.rows) > len(parts)
        for column in grid.columns:
            day = column.day.date
            assert pieces.day_heading(column.day) == html.e(heading(column.day))
            assert pieces.heading(column.day) == html.e(column_heading(column.day))
            for event in column.day.events:
                assert pieces.block(event, day) == html.event_block(programme, event, tz, day)
                assert html.e(span(event, tz, day)) == span(event, tz, day), "the block leaves its times unescaped"
                fresh = programme._who_label(event.who, event.optional, event.optional_all)
                assert programme.who_label(event) == fresh
                row = 0 if event.all_day else row_of(parts, event, tz) + int(untimed)
                assert pieces.placing.on(event, day, untimed) == tuple((row, x) for x in entries(event, tz, day))
                if event.kind.value == "hotel" and not event.all_day:
                    at = (local_date(event.end, tz), part_index(parts, event.end, tz) + int(untimed))
                    assert pieces.placing.out(event, untimed) == (*at, check_out(event, tz))
            for entry in (x for cell in column.cells for x in cell):
                assert pieces.entry(entry) == html.grid_entry(entry)
    for person in programme.participants.values():
        for me in (False, True):
            assert pieces.row(person, me) == html.person_row(programme, person, me)
    assert_same_people(programme, pieces)


def assert_same_people(programme: Programme, pieces: html.KeptPieces) -> None:
    """Each group's table, for readers outside it (the table kept) and in it, as a page made alone has it."""
    plain = html.Pieces(programme, pieces.tz)
    assert pieces.groups() == plain.groups()
    everyone = frozenset(programme.participants)
    for name, people in pieces.groups():
        for readers in (frozenset(), frozenset(p.id for p in people[:1]), everyone - {people[0].id}, everyone):
            for _ in range(2):
                assert pieces.people(name, people, readers) == plain.people(name, people, readers)


def assert_same_events(programme: Programme) -> None:
    refs = [*readers(programme), "nobody-at-all"]
    each = programme.events_of_each(refs)
    assert list(each) == refs
    for ref in refs:
        assert each[ref] == programme.events_for(ref), ref


@pytest.mark.parametrize("path", PROGRAMMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_shared_pieces_make_the_same_pages(path: Path) -> None:
    programme = load(path)
    assert_same_events(programme)
    for tz in ZONES:
        assert_same_pages(programme, tz)
        assert_same_pieces(programme, tz)


def test_the_schedules_give_pages_something_to_share() -> None:
    """The test above shares pieces between pages that have events in common, not only empty ones."""
    japan = load(ROOT / "schedules" / "ecpg-japan-2009.yaml")
    each = japan.events_of_each(readers(japan))
    shared = [event for event in japan.events if sum(event in found for found in each.values()) > 1]
    assert len(shared) > 10


def test_pieces_of_another_programme_or_zone_are_refused() -> None:
    japan = load(ROOT / "schedules" / "ecpg-japan-2009.yaml")
    other = load(DATA / "load" / "minimal.yaml")
    with pytest.raises(ValueError, match="another programme or zone"):
        html.page(japan, None, pieces=html.KeptPieces(other, None))
    with pytest.raises(ValueError, match="another programme or zone"):
        html.page(japan, None, pieces=html.KeptPieces(japan, zone("UTC")))
    with pytest.raises(ValueError, match="another programme or zone"):
        build(japan, japan.events, None, KeptPlacing(japan, zone("UTC")))


@settings(max_examples=40, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(programme_documents())
def test_generated_programmes_give_the_same_pages(document: dict) -> None:
    try:
        programme = loads(dump(document), "generated.yaml")
    except LoadError:
        assume(False)
        raise
    assert_same_events(programme)
    for tz in ZONES:
        assert_same_pages(programme, tz)
        assert_same_pieces(programme, tz)


def test_kinds_need_no_escaping() -> None:
    """An event's block writes its kind as it is: a word of ours."""
    assert all(html.e(kind.value) == kind.value for kind in Kind)
