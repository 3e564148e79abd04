"""`whereabouts.Timeline`: each question reads only the events near its moment, and answers as reading them all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from itinerary.model import Event, Kind, Source, Venue
from itinerary.timeutil import zone
from itinerary.whereabouts import Timeline

ZONES = (zone("Europe/Brussels"), zone("Asia/Tokyo"), UTC)
"""Brussels changes its clocks in the days below (27 October 2030): wall time and UTC part there."""
START = datetime(2030, 10, 24, 6, 0, tzinfo=UTC)
HALL = Venue("hall", "Hall", "Europe/Brussels", Source("p.yaml", 1))


def plain_last_before(timeline: Timeline, at: datetime) -> Event | None:
    ended = [e for e in timeline.busy[: sum(1 for s in timeline.starts if s <= at)] if e.end <= at]
    return max(ended, key=lambda e: e.end, default=None)


def plain_stay_at(timeline: Timeline, at: datetime) -> Event | None:
    covering = [s for s in timeline.stays if s.start <= at < s.end]
    return covering[-1] if covering else None


events = st.lists(
    st.tuples(
        st.integers(0, 8 * 24 * 4),  # start, in quarter hours over eight days
        st.sampled_from([0, 1, 2, 4, 8, 24, 95, 96, 97, 200, 400]),  # length in quarter hours: some over a day
        st.integers(0, 2),  # zone
        st.sampled_from([Kind.MEETING, Kind.MEETING, Kind.TRAIN, Kind.HOTEL]),
    ),
    max_size=30,
)


def timeline_of(rows: list[tuple[int, int, int, Kind]]) -> Timeline:
    made = []
    for n, (start, length, tz, kind) in enumerate(rows):
        begin = (START + timedelta(minutes=15 * start)).astimezone(ZONES[tz])
        made.append(
            Event(
                id=f"e{n}",
                kind=kind,
                title=f"E{n}",
                start=begin,
                end=begin + timedelta(minutes=15 * length),  # wall-clock: across the change, an hour off UTC
                source=Source("p.yaml", n + 2),
                venue=HALL,
                background=kind is Kind.HOTEL,
            )
        )
    return Timeline.of(made)


@settings(max_examples=400, deadline=None)
@given(rows=events, moments=st.lists(st.tuples(st.integers(-10, 9 * 24 * 4), st.integers(0, 2)), max_size=8))
def test_questions_near_a_moment_are_answered_as_reading_every_event(rows, moments):
    timeline = timeline_of(rows)
    for quarter, tz in moments:
        at = (START + timedelta(minutes=15 * quarter)).astimezone(ZONES[tz])
        assert timeline.running(at) == tuple(e for e in timeline.busy if e.start <= at and e.end > at)
        assert timeline.last_before(at) is plain_last_before(timeline, at)
        assert timeline.stay_at(at) is plain_stay_at(timeline, at)
        assert list(timeline.later(at)) == list(timeline.following(at))
        until = at + timedelta(hours=9)
        near = [e for e in timeline.near(at, until) if e.end >= at]
        assert near == [e for e in timeline.busy if e.start <= until and e.end >= at]
