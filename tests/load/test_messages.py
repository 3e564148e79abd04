"""Found in QA: the loader on names without Latin letters, day parts that are not whole hours, and its messages."""

from __future__ import annotations

from conftest import load_errors as errors

from itinerary.load import loads

HEAD = """\
programme:
  id: t
  title: T
  timezone: Asia/Tokyo
  start: 2009-10-05
  end: 2009-10-09
"""


def test_a_name_without_latin_letters_needs_an_id():
    found = errors(HEAD + "participants:\n  - name: 山田太郎\n  - name: 李小龍\n")
    assert len(found) == 2, found
    assert found[0].startswith("t.yaml:8:5: error: participants[0]"), found
    assert all("`id`" in line and "''" not in line for line in found), found


def test_a_name_without_latin_letters_with_an_id_loads():
    programme = loads(HEAD + "participants:\n  - name: 山田太郎\n    id: yamada-taro\n", "t.yaml")
    assert programme.participants["yamada-taro"].name == "山田太郎"


def test_day_parts_off_the_hour_are_refused_not_rounded():
    text = HEAD.replace(
        "end: 2009-10-09\n", 'end: 2009-10-09\n  day_parts:\n    Morning: "08:00-12:30"\n    Lunch: "12:30-13:30"\n'
    )
    found = errors(text)
    assert found[0].startswith("t.yaml:8:14: error: programme.day_parts.Morning: '08:00-12:30'"), found
    assert "whole hours" in found[0], found
    assert len(found) == 2, found


def test_day_parts_out_of_order_are_refused():
    text = HEAD.replace(
        "end: 2009-10-09\n",
        'end: 2009-10-09\n  day_parts:\n    Lunch: "12:00-13:00"\n    Morning: "08:00-12:00"\n',
    )
    found = errors(text)
    assert len(found) == 1, found
    assert found[0].startswith("t.yaml:9:14: error: programme.day_parts.Morning:"), found
    assert "Lunch" in found[0], found


def test_day_parts_with_a_gap_load():
    text = HEAD.replace(
        "end: 2009-10-09\n", 'end: 2009-10-09\n  day_parts:\n    Morning: "08:00-12:00"\n    Evening: "18:00-24:00"\n'
    )
    parts = loads(text, "t.yaml").day_parts
    assert [(p.name, p.start_hour, p.end_hour) for p in parts] == [("Morning", 8, 12), ("Evening", 18, 24)]


def event_errors(event: str) -> list[str]:
    return errors(HEAD + "days:\n  2009-10-05:\n    - " + event + "\n")


def test_a_list_where_a_kind_or_an_id_belongs_is_one_error_each():
    assert len(event_errors("{title: X, time: '09:00', kind: [meeting]}")) == 1
    assert len(event_errors("{title: X, time: '09:00', id: [a]}")) == 1


def test_a_hotel_until_without_a_date_says_what_it_expects():
    (found,) = event_errors("{title: H, kind: hotel, until: tomorrow}")
    assert "time zone" not in found, found
    assert "YYYY-MM-DD" in found, found
