"""A long event identity gives a UID capped in length and made unique by a hash (stores use UIDs as file names)."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from itinerary.export import ics


def test_a_500_character_title_gives_a_short_unique_uid(japan):
    event = japan.events[0]
    first = replace(event, id="2009-10-06/" + "a" * 500)
    second = replace(event, id="2009-10-06/" + "a" * 499 + "b")
    one, two = ics.uid(japan, first), ics.uid(japan, second)
    assert len(one.encode()) <= ics.UID_LIMIT and len(two.encode()) <= ics.UID_LIMIT
    assert one != two
    assert one == ics.uid(japan, first)  # stable: the same event keeps its UID
    assert one.endswith("@ecpg-japan-2009.itinerary")
    assert one.startswith("2009-10-06_aaaa")  # still readable by a person
    assert ics.identity(one) is None  # the id itself travels in X-ITINERARY-ID


@given(text=st.text(min_size=1, max_size=400))
def test_every_uid_is_file_name_safe_and_capped(japan, text):
    event = replace(japan.events[0], id=text)
    value = ics.uid(japan, event)
    assert re.fullmatch(r"[A-Za-z0-9._+@-]+", value), value
    assert len(value.encode()) <= ics.UID_LIMIT
    found = ics.identity(value)
    assert found is None or found == (japan.id, text)
    if found is None:  # hashed: only when the readable form would not fit, and then as long as allowed
        assert len(value) >= ics.UID_LIMIT - 3


def test_a_long_programme_id_is_capped_too(japan):
    programme = replace(japan, id="x" * 300)
    value = ics.uid(programme, japan.events[0])
    assert len(value) <= ics.UID_LIMIT
    assert value.endswith(".itinerary")
