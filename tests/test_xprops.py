"""X-ITINERARY-* properties: what is written is read back, through the bytes of a calendar."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st
from icalendar import Calendar, Event

from itinerary import xprops

TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.just("\n"), max_size=60)
ZONES = st.sampled_from(["Asia/Tokyo", "Europe/Brussels", "America/New_York", "Australia/Lord_Howe", "UTC"])


@st.composite
def instants(draw):
    naive = draw(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 1, 1)))
    return naive.replace(microsecond=0, tzinfo=ZoneInfo(draw(ZONES))).astimezone(ZoneInfo(draw(ZONES)))


GEOS = st.tuples(st.floats(-90, 90), st.floats(-180, 180))
LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
"""A contact's name, phone or email: one line each (the three are written as lines of one value)."""
FACTS = st.builds(
    xprops.Facts,
    event_id=TEXT.filter(str.strip),
    origin=TEXT,
    destination=TEXT,
    check_in=st.none() | instants(),
    check_out=st.none() | instants(),
    estimated_end=st.booleans(),
    notes=TEXT,
    who=TEXT,
    tbc=st.booleans(),
    tentative=st.booleans(),
    number=TEXT,
    contact=st.tuples(LINE, LINE, LINE),
    venue=TEXT,
    origin_geo=st.none() | GEOS,
    destination_geo=st.none() | GEOS,
    venue_geo=st.none() | GEOS,
    background=st.booleans(),
)


def through_bytes(event: Event) -> Event:
    calendar = Calendar.new(prodid="-//test//EN")
    calendar.add_component(event)
    (back,) = Calendar.from_ical(calendar.to_ical()).walk("VEVENT")
    return back


@given(facts=FACTS, sequence=st.integers(0, 10**6), revision=st.integers(0, 10**6))
@example(facts=xprops.Facts(event_id="C:\\Notes", notes="\\N, \\n;\n\\", who="a\\Nb"), sequence=0, revision=0)
def test_what_is_written_is_read_back(facts, sequence, revision):
    event = Event.new(uid="x@test", summary="Lunch", start=datetime(2009, 10, 6, 12, tzinfo=UTC))
    xprops.add(event, facts)
    content = xprops.digest(event)
    xprops.stamp(event, sequence, revision, content)
    back = through_bytes(event)
    found = xprops.read(back)
    assert found == facts
    for mine, theirs in ((facts.check_in, found.check_in), (facts.check_out, found.check_out)):
        if mine is not None:  # the same instant and the same zone, not only an equal one
            assert theirs.utcoffset() == mine.utcoffset() and str(theirs.tzinfo) == str(mine.tzinfo)
    assert xprops.stamps(back.to_ical()) == {"x@test": xprops.Stamp(sequence, revision, content)}
    assert xprops.digest(back) == content


def test_an_event_without_our_id_is_not_ours():
    assert xprops.read(Event.new(uid="x@test", summary="Lunch")) is None


def test_the_digest_changes_with_what_the_event_says_not_with_when():
    start = datetime(2009, 10, 6, 12, tzinfo=ZoneInfo("Asia/Tokyo"))
    event = Event.new(uid="x@test", summary="Lunch", start=start, stamp=datetime(2009, 1, 1, tzinfo=UTC))
    before = xprops.digest(event)
    xprops.stamp(event, 5, 3, before)
    assert xprops.digest(event) == before
    moved = Event.new(
        uid="x@test", summary="Lunch", start=start.replace(hour=13), stamp=datetime(2009, 1, 1, tzinfo=UTC)
    )
    assert xprops.digest(moved) != before
