"""`itinerary diff`: what changed between two versions, matched by identity, told to each participant."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import DATA, JAPAN, ROOT, plain_env
from typer.testing import CliRunner

from itinerary.cli import app
from itinerary.diff import compare
from itinerary.importer import convert
from itinerary.load import load, loads
from itinerary.render import diff as view

runner = CliRunner()
DIFF = DATA / "diff"
V2, V3 = DIFF / "programme-v2.yaml", DIFF / "programme-v3.yaml"


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def edited(path, *replacements: tuple[str, str]):
    """The programme at `path` with some text replaced (each replacement must apply)."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return loads(text, "edited.yaml")


def seen(found, participant: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(p.change.event.title, p.seen) for p in found.people.get(participant, ())]


@pytest.fixture(scope="module")
def pair():
    return compare(load(V2), load(V3))


def test_every_kind_of_change_once(pair):
    assert pair.changed
    assert [(c.id, c.changes) for c in pair.events] == [
        ("2009-10-05/welcome-session", ("attendance",)),
        ("2009-10-05/dinner", ("cancelled",)),
        ("mext-meeting", ("renamed",)),
        ("2009-10-06/lunch-at-elio", ("moved",)),
        ("2009-10-06/meeting-with-the-hosts", ("venue",)),
        ("2009-10-07/hosts-internal-briefing", ("moved",)),
        ("2009-10-07/farewell-lunch", ("added",)),
    ]
    welcome = pair.events[0]
    assert welcome.left == {"barbara-rhode"} and not welcome.joined


def test_each_participant_sees_what_concerns_them(pair):
    delegation = [
        ("Dinner", ("cancelled",)),
        ("Meeting with MEXT and JETRO", ("renamed",)),
        ("Lunch at Elio", ("moved",)),
        ("Meeting with the hosts", ("venue",)),
        ("Farewell lunch", ("added",)),
    ]
    # Barbara leaving the welcome session is not news to those who still go.
    assert seen(pair, "tea-petrin") == seen(pair, "finn-lauritzen") == delegation
    assert seen(pair, "aiko-higuchi") == [
        ("Meeting with the hosts", ("venue",)),
        ("Hosts' internal briefing", ("moved",)),
    ]
    assert seen(pair, "barbara-rhode") == [
        ("Welcome session", ("left",)),
        ("Dinner", ("cancelled",)),
        ("Farewell lunch", ("added",)),
    ]


def test_a_change_that_touches_one_group_only(pair):
    briefing = "2009-10-07/hosts-internal-briefing"
    concerned = [p for p, changes in pair.people.items() if any(c.change.id == briefing for c in changes)]
    assert concerned == ["aiko-higuchi"]
    only = compare(load(V2), edited(V2, ('time: "10:00-11:00"', 'time: "10:15-11:00"')))
    assert list(only.people) == ["aiko-higuchi"]
    assert only.only("delegation").changed is False


def test_identity_kept_across_a_renamed_title_with_an_explicit_id_and_lost_without():
    kept = compare(load(V2), edited(V2, ("title: Meeting with MEXT\n", "title: Meeting at MEXT\n")))
    assert [(c.id, c.changes) for c in kept.events] == [("mext-meeting", ("renamed",))]
    lost = compare(load(V2), edited(V2, ("title: Lunch at Elio", "title: Lunch at Elio (French)")))
    assert [(c.id, c.changes) for c in lost.events] == [
        ("2009-10-06/lunch-at-elio", ("cancelled",)),
        ("2009-10-06/lunch-at-elio-french", ("added",)),
    ]


def test_nothing_changed_exit_0_and_a_file_diffed_with_itself():
    assert not compare(load(V2), load(V2)).changed
    result = run("diff", V2, V2)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "Nothing changed."
    japan = run("diff", JAPAN, JAPAN)
    assert japan.exit_code == 0


def test_notes_attendance_joined_and_legs_from_to():
    before = loads(
        """
programme: {id: legs, title: Legs, timezone: Asia/Tokyo, start: 2009-10-07, end: 2009-10-07}
participants: [{name: Tea Petrin}, {name: Akira Kimura}]
venues:
  tokyo: {name: Tokyo Station}
  hama: {name: Hamamatsu Station}
  nagoya: {name: Nagoya Station}
days:
  2009-10-07:
    - {time: "09:03-10:33", title: Shinkansen, kind: train, from: tokyo, to: hama, who: [tea-petrin]}
    - {time: "12:00-13:00", title: Lunch, kind: meal, who: [tea-petrin], notes: Table for two.}
""",
        "before.yaml",
    )
    after = loads(
        """
programme: {id: legs, title: Legs, timezone: Asia/Tokyo, start: 2009-10-07, end: 2009-10-07}
participants: [{name: Tea Petrin}, {name: Akira Kimura}]
venues:
  tokyo: {name: Tokyo Station}
  hama: {name: Hamamatsu Station}
  nagoya: {name: Nagoya Station}
days:
  2009-10-07:
    - {time: "09:03-10:33", title: Shinkansen, kind: train, from: tokyo, to: nagoya, who: [tea-petrin, akira-kimura]}
    - {time: "12:00-13:00", title: Lunch, kind: meal, who: [tea-petrin], notes: Table for three.}
""",
        "after.yaml",
    )
    found = compare(before, after)
    assert [(c.event.title, c.changes) for c in found.events] == [
        ("Shinkansen", ("venue", "attendance")),
        ("Lunch", ("notes",)),
    ]
    assert seen(found, "tea-petrin") == [("Shinkansen", ("venue",)), ("Lunch", ("notes",))]
    assert seen(found, "akira-kimura") == [("Shinkansen", ("joined",))]
    text = "\n".join(t for _, t in view.lines(found, "before.yaml", "after.yaml"))
    assert "    was Wed 7 Oct 09:03–10:33, Tokyo Station → Hamamatsu Station" in text
    assert "    now Wed 7 Oct 09:03–10:33, Tokyo Station → Nagoya Station" in text
    assert "  Now attending: Shinkansen\n    Wed 7 Oct 09:03–10:33, Tokyo Station → Nagoya Station" in text
    assert "  Notes changed: Lunch\n    Wed 7 Oct 12:00–13:00\n    notes now:\n      Table for three." in text


def test_same_instant_written_in_another_zone_is_not_a_move():
    before = loads(
        """
programme: {id: z, title: Z, timezone: Asia/Tokyo, start: 2009-10-04, end: 2009-10-04}
days:
  2009-10-04:
    - {id: call, time: "21:00-22:00", title: Call with Brussels}
""",
        "z.yaml",
    )
    after = loads(
        """
programme: {id: z, title: Z, timezone: Asia/Tokyo, start: 2009-10-04, end: 2009-10-04}
venues: {brussels: {name: DG Enterprise, timezone: Europe/Brussels}}
days:
  2009-10-04:
    - {id: call, time: "14:00-15:00", title: Call with Brussels, venue: brussels}
""",
        "z.yaml",
    )
    assert [c.changes for c in compare(before, after).events] == [("venue",)]


def test_an_all_day_item_on_the_same_date_is_not_a_move_whatever_the_zone():
    """An all-day item is a date, not an instant: a calendar imported back may carry another zone."""

    def version(zone: str) -> str:
        return f"""
programme: {{id: gg, title: GG, timezone: {zone}, start: 2025-07-11, end: 2025-07-13}}
days:
  2025-07-11:
    - {{id: day-1, title: Global Gathering, all_day: true}}
"""

    before = loads(version("America/Los_Angeles"), "a.yaml")
    after = loads(version("Australia/Brisbane"), "b.yaml")
    assert compare(before, after).events == ()
    moved = loads(version("Australia/Brisbane").replace("2025-07-11:\n", "2025-07-12:\n"), "c.yaml")
    assert [c.changes for c in compare(before, moved).events] == [("moved",)]


def test_a_participant_dropped_from_the_programme_leaves_their_events():
    after = edited(V2, ("  - name: Barbara Rhode\n", ""), (", barbara-rhode]", "]"))
    found = compare(load(V2), after)
    assert seen(found, "barbara-rhode") == [("Welcome session", ("left",)), ("Dinner", ("left",))]
    assert found.name("barbara-rhode") == "Barbara Rhode"  # known from the old version


EXPECTED = """\
Diff visit: changes from v2.yaml (revision 2) to v3.yaml (revision 3)
7 events changed: 1 added, 1 cancelled, 2 moved, 1 with a new venue, 1 renamed, 1 with a change in who attends; 4 participants concerned.

Delegation: Tea Petrin, Finn Lauritzen
  Cancelled: Dinner
    Mon 5 Oct 19:00–~20:30, Umayu Akasaka
  Renamed: Meeting with MEXT and JETRO (was “Meeting with MEXT”)
    Tue 6 Oct 09:30–12:00, MEXT
  Moved: Lunch at Elio
    was Tue 6 Oct 12:30–~14:00, Elio
    now Tue 6 Oct 13:00–~14:30, Elio
  New venue: Meeting with the hosts
    was Tue 6 Oct 14:30–15:30, Cabinet Office
    now Tue 6 Oct 14:30–15:30, MEXT
  New: Farewell lunch
    Wed 7 Oct 12:00–13:30, Elio

Aiko Higuchi
  New venue: Meeting with the hosts
    was Tue 6 Oct 14:30–15:30, Cabinet Office
    now Tue 6 Oct 14:30–15:30, MEXT
  Moved: Hosts' internal briefing
    was Wed 7 Oct 10:00–11:00, Cabinet Office
    now Wed 7 Oct 09:00–10:00, Cabinet Office

Barbara Rhode
  No longer attending: Welcome session
    Mon 5 Oct 17:00–18:00, MEXT
  Cancelled: Dinner
    Mon 5 Oct 19:00–~20:30, Umayu Akasaka
  New: Farewell lunch
    Wed 7 Oct 12:00–13:30, Elio
"""


def test_text_for_an_email_grouped_by_participant(tmp_path):
    old, new = tmp_path / "v2.yaml", tmp_path / "v3.yaml"
    old.write_bytes(V2.read_bytes())
    new.write_bytes(V3.read_bytes())
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("diff", "v2.yaml", "v3.yaml")
    finally:
        os.chdir(cwd)
    assert result.exit_code == 1
    assert result.stdout == EXPECTED
    assert "\x1b[" not in result.stdout


def test_who_a_participant_or_a_group():
    tea = run("diff", V2, V3, "--who", "tea-petrin")
    assert tea.exit_code == 1
    assert tea.stdout.splitlines()[0].endswith("(revision 3), for Tea Petrin")
    assert "Aiko Higuchi" not in tea.stdout and "Barbara Rhode" not in tea.stdout
    assert "\nTea Petrin\n  Cancelled: Dinner" in tea.stdout
    assert run("diff", V2, V3, "--who", "Tea Petrin").stdout == tea.stdout  # a name as a person types it
    hosts = json.loads(run("diff", V2, V3, "--who", "hosts", "--format", "json").stdout)
    assert [p["id"] for p in hosts["participants"]] == ["aiko-higuchi"]
    assert [e["id"] for e in hosts["events"]] == [
        "2009-10-06/meeting-with-the-hosts",
        "2009-10-07/hosts-internal-briefing",
    ]


def test_who_with_nothing_for_them_exits_0_and_an_unknown_who_exits_2():
    only = edited(V2, ('time: "10:00-11:00"', 'time: "10:15-11:00"'))
    found = compare(load(V2), only)
    assert found.changed and not found.only("tea-petrin").changed
    unknown = run("diff", V2, V3, "--who", "tea")
    assert unknown.exit_code == 2
    assert (
        unknown.stderr
        == "itinerary: --who: no participant or group 'tea' in either version (did you mean 'tea-petrin'?)\n"
    )


def test_json_for_scripts():
    result = run("diff", V2, V3, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["changed"] is True and data["who"] is None
    assert (data["old"]["revision"], data["new"]["revision"]) == (2, 3)
    assert data["summary"] == {
        "added": 1, "cancelled": 1, "moved": 2, "venue": 1, "place": 0, "renamed": 1, "kind": 0,
        "background": 0, "status": 0, "notes": 0, "attendance": 1,
    }  # fmt: skip
    lunch = next(e for e in data["events"] if e["id"] == "2009-10-06/lunch-at-elio")
    assert lunch["changes"] == ["moved"]
    assert (lunch["old"]["start"], lunch["new"]["start"]) == ("2009-10-06T12:30+09:00", "2009-10-06T13:00+09:00")
    dinner = next(e for e in data["events"] if e["id"] == "2009-10-05/dinner")
    assert dinner["new"] is None and dinner["old"]["title"] == "Dinner"
    welcome = next(e for e in data["events"] if e["id"] == "2009-10-05/welcome-session")
    assert welcome["left"] == ["barbara-rhode"] and welcome["joined"] == []
    barbara = next(p for p in data["participants"] if p["id"] == "barbara-rhode")
    assert barbara["name"] == "Barbara Rhode"
    assert [(c["event"], c["seen"]) for c in barbara["changes"]] == [
        ("2009-10-05/welcome-session", ["left"]),
        ("2009-10-05/dinner", ["cancelled"]),
        ("2009-10-07/farewell-lunch", ["added"]),
    ]


def test_a_file_that_does_not_load_exits_2(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        V3.read_text(encoding="utf-8").replace(
            "venue: elio\n      who: [delegation]", "venue: eliot\n      who: [delegation]"
        ),
        encoding="utf-8",
    )
    result = run("diff", V2, broken)
    assert result.exit_code == 2
    assert "unknown venue 'eliot' (did you mean 'elio'?)" in result.stderr
    assert result.stdout == ""


def test_two_imported_calendar_drafts_are_matched_by_uid(tmp_path):
    """The hosts moved the METI meeting to another day and renamed it: the same UID, so it moved."""
    first = DATA / "import" / "tzid.ics"
    second = tmp_path / "tzid-v2.ics"
    second.write_text(
        first.read_text(encoding="utf-8")
        .replace(
            "20091006T093000\nDTEND;TZID=Tokyo Standard Time:20091006T120000",
            "20091007T093000\nDTEND;TZID=Tokyo Standard Time:20091007T120000",
        )
        .replace("SUMMARY:Meeting with METI", "SUMMARY:Meeting with METI and JETRO"),
        encoding="utf-8",
    )
    result = run("diff", first, second, "--format", "json")
    assert result.exit_code == 1, result.output
    events = json.loads(result.stdout)["events"]
    assert [(e["id"], e["changes"]) for e in events] == [("uid-2916e941c655", ["moved", "renamed"])]
    text = run("diff", first, second).stdout.splitlines()
    assert text[3:7] == [  # no ATTENDEE in either calendar: the changes are everyone's
        "Everyone (neither version lists participants)",
        "  Moved, renamed: Meeting with METI and JETRO (was “Meeting with METI”)",
        "    was Tue 6 Oct 09:30–12:00, METI",
        "    now Wed 7 Oct 09:30–12:00, METI",
    ]


def test_the_japan_visit_v2_to_v3_as_a_real_process(tmp_path):
    v3 = JAPAN.read_text(encoding="utf-8").replace(
        '    - time: "12:30"\n      title: Lunch at Elio', '    - time: "13:00"\n      title: Lunch at Elio'
    )
    (tmp_path / "v3.yaml").write_text(v3, encoding="utf-8")
    env = plain_env()
    done = subprocess.run(
        [sys.executable, "-m", "itinerary", "diff", str(JAPAN), str(tmp_path / "v3.yaml"), "--who", "tea-petrin"],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[1] == "1 event changed: 1 moved; 1 participant concerned."
    assert "    now Tue 6 Oct 13:00–~14:30, Elio" in done.stdout
    assert "\x1b[" not in done.stdout


def test_a_venue_renamed_in_the_file_or_split_otherwise_is_the_same_place():
    after = edited(
        V2,
        (
            "  mext:\n    name: MEXT\n    address: 3-2-2 Kasumigaseki",
            "  ministry:\n    name: MEXT, 3-2-2\n    address: Kasumigaseki",
        ),
        (
            "venue: mext\n      who: [delegation, barbara-rhode]",
            "venue: ministry\n      who: [delegation, barbara-rhode]",
        ),
        ("venue: mext\n      who: [delegation]", "venue: ministry\n      who: [delegation]"),
    )
    assert not compare(load(V2), after).changed


def test_a_change_for_everyone_is_headed_everyone():
    # the welcome session moves by an hour and is for everyone in both versions: one block, not 13 names
    text = JAPAN.read_text(encoding="utf-8")
    meeting = text.index("title: Welcome session with EU Delegation")
    start = text.rindex("- time:", 0, meeting)
    end = text.index("\n    - ", meeting)
    block = text[start:end].replace("who: [ecpg, barbara-rhode]", "").replace('"17:00"', '"16:00"')
    old_text = text[:start] + text[start:end].replace("who: [ecpg, barbara-rhode]", "") + text[end:]
    found = compare(loads(old_text, "a.yaml"), loads(text[:start] + block + text[end:], "b.yaml"))
    report = "\n".join(str(line[1]) if isinstance(line, tuple) else str(line) for line in view.lines(found, "a", "b"))
    assert "Everyone (13 participants)" in report
    assert "Tea Petrin, " not in report


def test_a_change_of_kind_background_or_venue_details_is_reported():
    found = compare(load(DIFF / "details-v1.yaml"), load(DIFF / "details-v2.yaml"))
    changes = {c.event.title: c.changes for c in found.events}
    assert changes == {
        "Exhibition in the Parliament's hall": ("background",),
        "Commission briefing": ("place",),
        "Working lunch": ("kind",),
    }
    assert [p.seen for p in found.people["tea-petrin"]] == [("background",), ("place",), ("kind",)]


def test_the_report_says_what_the_kind_background_and_venue_details_now_are():
    done = run("diff", DIFF / "details-v1.yaml", DIFF / "details-v2.yaml")
    assert done.exit_code == 1, done.output
    text = done.stdout
    assert "1 with new venue details, 1 of another kind, 1 in or out of the background" in text
    assert "Kind changed: Working lunch" in text and "now a meal (was a meeting)" in text
    assert "Background changed: Exhibition in the Parliament's hall" in text
    assert "now in the background: other items may take place during it" in text
    assert "Berlaymont: map position now 50.84370, 4.38210" in text
    assert "Berlaymont: website now https://commission.europa.eu/about" in text
    back = run("diff", DIFF / "details-v2.yaml", DIFF / "details-v1.yaml", "--format", "json")
    data = json.loads(back.stdout)
    assert data["summary"]["kind"] == data["summary"]["background"] == data["summary"]["place"] == 1
    assert "no longer in the background" in run("diff", DIFF / "details-v2.yaml", DIFF / "details-v1.yaml").stdout


def test_a_position_moved_by_less_than_ten_metres_is_no_change():
    before = load(DIFF / "details-v1.yaml")
    after = edited(DIFF / "details-v1.yaml", ("geo: [50.8435, 4.3826]", "geo: [50.84352, 4.38261]"))
    assert not compare(before, after).changed


def test_a_programme_against_its_own_calendar_without_attendees_is_unchanged(tmp_path):
    """An exported calendar has no ATTENDEE (unless --invite): it says nothing about who attends, so
    comparing the programme with it must not tell every participant they no longer attend anything."""
    exported = tmp_path / "programme.ics"
    assert run("export", JAPAN, "-o", exported).exit_code == 0
    for old, new in ((JAPAN, exported), (exported, JAPAN)):
        result = run("diff", old, new)
        assert result.exit_code == 0, result.stdout
        assert "Nothing changed." in result.stdout


def test_a_change_against_a_calendar_without_attendees_goes_to_those_who_attend(tmp_path):
    exported = tmp_path / "programme.ics"
    assert run("export", JAPAN, "-o", exported).exit_code == 0
    text = exported.read_bytes().replace(
        b"DTSTART;TZID=Asia/Tokyo:20091008T153000", b"DTSTART;TZID=Asia/Tokyo:20091008T160000"
    )
    text = text.replace(b"DTEND;TZID=Asia/Tokyo:20091008T163000", b"DTEND;TZID=Asia/Tokyo:20091008T170000")
    moved = tmp_path / "moved.ics"
    moved.write_bytes(text)
    found = compare(load(JAPAN), convert(moved.read_bytes(), "moved.ics").programme)
    assert [(c.id, c.changes) for c in found.events] == [("2009-10-08/rounding-up", ("moved",))]
    assert sorted(found.people) == sorted(p.id for p in load(JAPAN).members("ecpg"))


def test_a_confirmed_dinner_and_a_time_given_to_a_call_are_reported():
    format_data = DATA / "format"
    confirmed = compare(load(format_data / "optional.yaml"), load(format_data / "optional-v2.yaml"))
    assert [(c.event.title, c.changes) for c in confirmed.events] == [("Dinner with the Mayor", ("status",))]
    text = run("diff", format_data / "optional.yaml", format_data / "optional-v2.yaml").stdout
    assert "Status changed: Dinner with the Mayor" in text and "now confirmed (was tentative)" in text
    timed = run("diff", format_data / "tbc.yaml", format_data / "tbc-v2.yaml").stdout
    assert "was Tue 9 Apr, time to be confirmed, Ministry of Foreign Affairs" in timed
    assert "now Tue 9 Apr 14:00–14:30, Ministry of Foreign Affairs" in timed
