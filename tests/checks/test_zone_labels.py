"""Zone labels only where the clocks differ, and fix suggestions that can be pasted into the file as they are."""

from __future__ import annotations

import re
from zoneinfo import available_timezones

from conftest import DATA, render_text
from hypothesis import given, settings
from hypothesis import strategies as st

from itinerary.checks import run_checks
from itinerary.load import LoadError, load, loads
from itinerary.render import agenda
from itinerary.timeutil import zone

FILE = DATA / "format" / "zone-labels.yaml"


def test_a_suggested_time_is_valid_syntax_even_for_a_zone_with_a_numeric_abbreviation():
    found = {f.code: f for f in run_checks(load(FILE))}
    fix = found["E801"].suggestion
    assert fix == 'give it its real end: time: "13:30-HH:MM"'
    pasted = re.search(r'time: "[^"]*"', fix)
    assert pasted is not None
    text = FILE.read_text(encoding="utf-8").replace('time: "13:30"', pasted.group(0).replace("HH:MM", "14:15"))
    call = next(e for e in loads(text, "pasted.yaml").events if e.title == "Call with Sao Paulo")
    assert (f"{call.start:%H:%M}", f"{call.end:%H:%M}", call.end_estimated) == ("13:30", "14:15", False)


def test_a_numeric_zone_is_labelled_as_an_offset_never_as_a_bare_number():
    messages = " ".join(f.message for f in run_checks(load(FILE)))
    assert "14:30 UTC-03" in messages
    assert not re.search(r"\d\d:\d\d -\d\d", messages)


def test_no_label_where_the_offset_is_the_programmes():
    clash = next(f for f in run_checks(load(FILE)) if f.code == "C101")
    assert "'Briefing in Hong Kong' (09:00-10:00) and 'Trade talks' (09:30-11:00)" in clash.message
    assert "HKT" not in clash.message


def test_agenda_notes_local_time_only_where_the_clocks_differ():
    programme = load(FILE)
    text = render_text(agenda.render(programme, programme.events, zone("Asia/Shanghai")))
    hong_kong = text[text.index("Briefing in Hong Kong") : text.index("Call with Sao Paulo")]
    assert "local time" not in hong_kong
    assert "local time Tue 13:30 UTC-03 → Tue 14:30 UTC-03" in text
    read_in_hong_kong = render_text(agenda.render(programme, programme.events, zone("Asia/Hong_Kong")))
    assert read_in_hong_kong.count("local time") == 2  # the two calls only


ZONES = sorted(available_timezones() - {"Factory", "localtime"})


@settings(max_examples=60, deadline=None)
@given(zone_name=st.sampled_from(ZONES), hour=st.integers(6, 20), minute=st.integers(0, 59))
def test_the_suggested_end_pastes_back_in_any_zone(zone_name, hour, minute):
    """E801's `time:` is the file's own syntax in every zone, whatever its abbreviation ('-03', '+0530', 'LMT')."""
    start = f"{hour:02d}:{minute:02d}"
    text = f"""
programme: {{id: z, title: Z, timezone: Europe/Lisbon, start: 2030-01-10, end: 2030-01-10}}
participants: [{{name: Ann}}]
venues: {{office: {{name: Office, timezone: {zone_name}}}}}
days:
  2030-01-10:
    - {{time: "{start}", title: Call, venue: office}}
    - {{time: "{hour + 1:02d}:{minute:02d}-23:30", title: Next, venue: office}}
"""
    try:
        programme = loads(text, "z.yaml")
    except LoadError:  # the start does not exist there that day (a zone that skipped it): nothing to suggest
        return
    fixes = [f.suggestion for f in run_checks(programme) if f.code == "E801"]
    assert fixes == [f'give it its real end: time: "{start}-HH:MM"']
    written = fixes[0].removeprefix("give it its real end: ").replace("HH:MM", f"{hour + 1:02d}:{minute:02d}")
    pasted = text.replace(f'time: "{start}"', written)
    call = next(e for e in loads(pasted, "pasted.yaml").events if e.title == "Call")
    assert not call.end_estimated and f"{call.start:%H:%M}" == start
