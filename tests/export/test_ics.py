"""The .ics exporter against the rules real clients need (issue 4), read back with the icalendar library."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from conftest import DATA, JAPAN
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from itinerary.export import ics
from itinerary.load import load, loads
from itinerary.model import Kind

STAMP = datetime(2009, 9, 30, 12, 0, tzinfo=UTC)
AUTUMN = DATA / "export" / "autumn.yaml"


@pytest.fixture(scope="module")
def autumn():
    return load(AUTUMN)


def export(programme, ref=None, **kwargs) -> bytes:
    (found,) = ics.calendars(programme, [ref], stamp=kwargs.pop("stamp", STAMP), **kwargs)
    return found.data


def vevents(data: bytes) -> dict[str, object]:
    return {str(e["UID"]): e for e in Calendar.from_ical(data).walk("VEVENT")}


def by_title(programme, title):
    return next(e for e in programme.events if e.title == title)


# -- identity ------------------------------------------------------------------------


def test_uid_is_the_event_identity_at_the_programme(japan):
    meeting = by_title(japan, "Meeting with METI, MEXT and JETRO")
    assert meeting.id == "2009-10-06/meeting-with-meti-mext-and-jetro"
    assert ics.uid(japan, meeting) == "2009-10-06_meeting-with-meti-mext-and-jetro@ecpg-japan-2009.itinerary"
    assert ics.identity(ics.uid(japan, meeting)) == ("ecpg-japan-2009", meeting.id)


@given(text=st.text(min_size=1, max_size=40))
def test_uid_reads_back_and_stays_file_name_safe(japan, text):
    event = replace(japan.events[0], id=text)
    value = ics.uid(japan, event)
    assert re.fullmatch(r"[A-Za-z0-9._+@-]+", value), value
    if len(text.encode("utf-8")) <= 20:  # short enough never to be hashed (test_uid_length covers the rest)
        assert ics.identity(value) == (japan.id, text)


@pytest.mark.parametrize(
    "value",
    [
        "040000008200E00074C5B7101A82E008@google.com",
        "2009-10-06_meeting@ecpg-japan-2009.example",
        "tea-petrin@calendars.ecpg-japan-2009.itinerary",  # a calendar's UID, not an event's
        "+41bc@ecpg-japan-2009.itinerary",  # 'A' written the long way: not one we made
        "abc+4@ecpg-japan-2009.itinerary",
        "@ecpg-japan-2009.itinerary",
        "a b@ecpg-japan-2009.itinerary",
    ],
)
def test_identity_refuses_uids_we_did_not_make(value):
    assert ics.identity(value) is None


def test_uids_survive_edits_but_not_a_rename():
    text = JAPAN.read_text(encoding="utf-8")
    before = {ics.uid(p, e) for p in [loads(text, "a.yaml")] for e in p.events}
    edited = text.replace('time: "09:30-12:00"', 'time: "10:00-12:30"').replace(
        "- Regional Tie-Up Initiative", "- Regional Tie-Up Initiative (moved)"
    )
    after = {ics.uid(p, e) for p in [loads(edited, "b.yaml")] for e in p.events}
    assert after == before
    renamed = text.replace("title: Lunch at Elio", "title: Lunch at Elio Locanda")
    after_rename = {ics.uid(p, e) for p in [loads(renamed, "c.yaml")] for e in p.events}
    assert "2009-10-06_lunch-at-elio@ecpg-japan-2009.itinerary" in before - after_rename
    assert "2009-10-06_lunch-at-elio-locanda@ecpg-japan-2009.itinerary" in after_rename - before


def test_an_explicit_id_keeps_identity_through_a_move_to_another_day(autumn):
    kickoff = next(e for e in autumn.events if e.id == "kickoff")
    assert ics.uid(autumn, kickoff) == "kickoff@autumn-2030.itinerary"
    moved = loads(AUTUMN.read_text(encoding="utf-8").replace('"09:30-11:00"', '"15:00-16:00"'), "m.yaml")
    assert "kickoff@autumn-2030.itinerary" in vevents(export(moved))


# -- reproducible, revisions ---------------------------------------------------------


def test_exporting_twice_gives_the_same_bytes(japan):
    first = [c.data for c in ics.calendars(japan, stamp=STAMP)]
    again = [c.data for c in ics.calendars(load(JAPAN), stamp=STAMP)]
    assert first == again
    assert ics.calendar(japan, japan.events, stamp=ics.stamp(japan, {})) == ics.calendar(
        load(JAPAN), japan.events, stamp=ics.stamp(load(JAPAN), {})
    )


def test_stamps_come_from_source_date_epoch_or_the_programme(japan):
    assert ics.stamp(japan, {"SOURCE_DATE_EPOCH": "1254355200"}) == datetime(2009, 10, 1, tzinfo=UTC)
    assert ics.stamp(japan, {}) == datetime(2009, 10, 4, tzinfo=UTC)  # the Japan file says no `updated:`
    text = JAPAN.read_text(encoding="utf-8").replace("  revision: 1\n", "  revision: 1\n  updated: 2009-09-30 18:15\n")
    revised = loads(text, "japan.yaml")
    assert ics.stamp(revised, {}) == datetime(2009, 9, 30, 9, 15, tzinfo=UTC)  # 18:15 in Tokyo
    for bad in ("yesterday", "-5", "99999999999999999"):
        with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
            ics.stamp(japan, {"SOURCE_DATE_EPOCH": bad})
    data = export(japan, stamp=datetime(2009, 10, 1, tzinfo=UTC))
    for event in vevents(data).values():
        assert event["DTSTAMP"].to_ical() == b"20091001T000000Z"
        assert event["LAST-MODIFIED"].to_ical() == b"20091001T000000Z"


def test_sequence_grows_when_the_revision_is_bumped():
    text = JAPAN.read_text(encoding="utf-8")
    assert "revision: 1\n" in text
    first = load(JAPAN)
    second = loads(text.replace("revision: 1\n", "revision: 2\n"), "v2.yaml")
    old, new = vevents(export(first)), vevents(export(second))
    assert old.keys() == new.keys()
    assert {int(e["SEQUENCE"]) for e in old.values()} == {1}
    assert all(int(new[u]["SEQUENCE"]) > int(old[u]["SEQUENCE"]) for u in old)


# -- what is in the file -------------------------------------------------------------


def test_calendar_head(japan):
    data = export(japan, "tea-petrin")
    calendar = Calendar.from_ical(data)
    assert str(calendar["PRODID"]).startswith("-//itinerary//")
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "ECPG Study Visit to Japan — Tea Petrin"
    assert str(calendar["NAME"]) == "ECPG Study Visit to Japan — Tea Petrin"
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in data
    assert ics.owner(data) == "ecpg-japan-2009"


def test_the_bytes_are_what_icalendar_itself_writes(japan, autumn):
    """Calendars are joined from pieces icalendar wrote (for speed); icalendar, reading and writing them whole,
    gives the same bytes back, so nothing in the joining departs from it."""
    invite = ics.Invite("org@example.org", "Org")
    for programme in (japan, autumn):
        for found in ics.calendars(programme, stamp=STAMP, invite=invite):
            assert Calendar.from_ical(found.data).to_ical() == found.data, found.filename


def test_crlf_and_folded_lines(japan):
    data = export(japan)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # long lines were folded, not cut
    for line in lines:
        line.decode("utf-8")  # no fold splits a character


def test_every_tzid_has_its_vtimezone_first_and_bounded(japan, autumn):
    for programme in (japan, autumn):
        for found in ics.calendars(programme, stamp=STAMP):
            calendar = Calendar.from_ical(found.data)
            assert calendar.get_missing_tzids() == set()
            kinds = [c.name for c in calendar.subcomponents]
            assert kinds == sorted(kinds, key=lambda k: k != "VTIMEZONE")  # VTIMEZONEs before the events
            for zone in calendar.walk("VTIMEZONE"):
                assert str(zone["TZID"]) != "UTC"
                assert "RDATE" not in zone.to_ical().decode()
                years = {c.DTSTART.year for c in zone.subcomponents}
                assert years <= {programme.start.year, programme.end.year}, years
    used = Calendar.from_ical(export(japan)).get_used_tzids()
    assert used == {"Asia/Tokyo", "Europe/Brussels"}


def test_a_leg_across_zones_keeps_each_end_in_its_zone(japan):
    flight = by_title(japan, "Departure from European cities")
    event = vevents(export(japan))[ics.uid(japan, flight)]
    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert event["DTEND"].params["TZID"] == "Asia/Tokyo"
    start, end = event.DTSTART, event.DTEND
    assert start == flight.start and end == flight.end
    assert start.utcoffset().total_seconds() == 2 * 3600


def test_hotel_stay_is_whole_days_with_check_out_as_exclusive_end(japan):
    stay = next(e for e in japan.events if e.kind is Kind.HOTEL)
    event = vevents(export(japan))[ics.uid(japan, stay)]
    start, end = event.DTSTART, event.DTEND
    assert start == date(2009, 10, 5) and end == date(2009, 10, 9)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert "Check-in Mon 05 Oct 15:00 JST" in event["DESCRIPTION"]
    assert "check-out Fri 09 Oct 08:00 JST" in event["DESCRIPTION"]


def test_free_day_is_a_date(autumn):
    free = by_title(autumn, "Free day")
    event = vevents(export(autumn))[ics.uid(autumn, free)]
    start, end = event.DTSTART, event.DTEND
    assert (start, end) == (date(2030, 10, 27), date(2030, 10, 28))


def test_a_time_that_happens_twice_is_written_in_utc(autumn):
    fold = by_title(autumn, "Clocks go back")
    event = vevents(export(autumn))[ics.uid(autumn, fold)]
    assert event["DTSTART"].to_ical() == b"20301027T003000Z"
    assert event.DTSTART.timestamp() == fold.start.timestamp()  # == is never true across zones in a fold (PEP 495)
    assert "the first of the two 02:30" in event["DESCRIPTION"]
    assert event["DTEND"].params["TZID"] == "Europe/Brussels"  # 03:30 happens once


def test_location_geo_url_categories_description(japan):
    events = vevents(export(japan))
    dinner = events[ics.uid(japan, by_title(japan, "Dinner at Zipangu Akasaka"))]
    assert str(dinner["LOCATION"]) == (
        "Zipangu Akasaka, Akasaka Excel Hotel Tokyu 14F, 2-14-3 Nagata-cho, Chiyoda-ku, Tokyo"
        " (東京都千代田区永田町2-14-3 赤坂エクセルホテル東急14階)"
    )
    assert dinner["CATEGORIES"].cats == ["meal"]
    assert "Who: Delegation of ECPG, Julien Guerrier, Aiko Higuchi, Barbara Rhode" in dinner["DESCRIPTION"]
    assert "End time estimated" in dinner["DESCRIPTION"] and "1 h 30 for a meal" in dinner["DESCRIPTION"]
    train = events[ics.uid(japan, by_title(japan, "Shinkansen HIKARI 465"))]
    assert "End time estimated" not in train["DESCRIPTION"]
    assert "From: Tokyo Station" in train["DESCRIPTION"] and "To: Hamamatsu Station" in train["DESCRIPTION"]
    assert str(train["LOCATION"]).startswith("Tokyo Station, 1-9-1 Marunouchi")
    data = export(japan)
    assert b"\r\nGEO:35.6812;139.7671\r\n" in data
    hotel = events[ics.uid(japan, by_title(japan, "Grand Prince Hotel Akasaka"))]
    assert str(hotel["URL"]) == "http://www.princehotels.com/en/akasaka/"
    argo = events[ics.uid(japan, by_title(japan, "Lunch at Argo (French)"))]
    assert "GEO" not in argo and str(argo["URL"]) == "http://www.tojo.co.jp/argo/en/html/location.html"


def test_no_invitation_unless_asked(autumn):
    data = export(autumn)
    assert b"ATTENDEE" not in data and b"ORGANIZER" not in data and b"METHOD:REQUEST" not in data
    invite = ics.Invite.parse("Org Anizer <org@example.org>")
    asked = vevents(export(autumn, invite=invite))
    kickoff = asked["kickoff@autumn-2030.itinerary"]
    assert str(kickoff["ORGANIZER"]) == "mailto:org@example.org"
    assert kickoff["ORGANIZER"].params["CN"] == "Org Anizer"
    assert sorted(str(a) for a in kickoff["ATTENDEE"]) == ["mailto:ann@example.org", "mailto:bob@example.org"]
    assert b"METHOD:PUBLISH" in export(autumn, invite=invite)


@pytest.mark.parametrize("text", ["", "not an address", "a <b>", "<@>"])
def test_invite_needs_an_address(text):
    with pytest.raises(ValueError, match="not an email address"):
        ics.Invite.parse(text)


def test_participants_get_their_own_events_and_names(autumn):
    found = {c.filename: c for c in ics.calendars(autumn, stamp=STAMP)}
    assert set(found) == {"programme.ics", "ann-example.ics", "bob-example.ics", "carol-example.ics"}
    assert found["programme.ics"].events == len(autumn.events)
    ann = vevents(found["ann-example.ics"].data)
    assert ics.uid(autumn, by_title(autumn, "Night walk")) in ann
    assert ics.uid(autumn, by_title(autumn, "Clocks go back")) not in ann
    assert found["ann-example.ics"].name == "Autumn Visit to Brussels — Ann Example"


def test_an_empty_calendar_is_still_a_valid_one(autumn):
    (carol,) = ics.calendars(autumn, ["carol-example"], stamp=STAMP)
    assert carol.events == 0
    calendar = Calendar.from_ical(carol.data)
    assert calendar.walk("VEVENT") == []
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]  # RFC 5545: 1+ component


def test_a_participant_called_programme_would_clash_with_programme_ics():
    text = AUTUMN.read_text(encoding="utf-8").replace("  - name: Carol Example\n", "  - name: Programme\n")
    programme = loads(text, "clash.yaml")
    with pytest.raises(ValueError, match=r"programme\.ics"):
        ics.calendars(programme, stamp=STAMP)


def test_owner_tells_our_files_from_others(japan, autumn):
    assert ics.owner(export(autumn)) == "autumn-2030"
    foreign = (
        b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    )
    assert ics.owner(foreign) is None
    assert ics.owner(b"\x89PNG\r\n") is None
    assert ics.owner(export(japan).replace(b"PRODID:-//itinerary//", b"PRODID:-//other//")) is None


def test_control_characters_never_reach_the_calendar():
    """RFC 5545 TEXT holds no control character but HTAB: an ESC from a file is written out as text."""
    programme = loads(
        'programme: {id: esc, title: "Visit \\e]0;pwned\\a", timezone: Europe/Brussels, start: 2024-05-14, end: 2024-05-14}\n'
        "participants:\n"
        '  - {name: "Ann \\e[31m", email: ann@example.org}\n'
        "venues:\n"
        '  v: {name: "Hall \\e[2J", address: "Street 1\\x7f"}\n'
        "days:\n"
        "  2024-05-14:\n"
        '    - {time: "09:00-10:00", title: "Talk \\e[31mred", venue: v, notes: "a\\x01b\\rc"}\n',
        "esc.yaml",
    )
    for invite in (None, ics.Invite("org@example.org", "Org")):
        data = export(programme, invite=invite)
        assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)", data), data
        (event,) = vevents(data).values()
        assert str(event["SUMMARY"]) == "Talk \\x1b[31mred"
        assert "Hall \\x1b[2J" in str(event["LOCATION"])


def test_owner_reads_past_the_first_kilobytes_when_the_calendar_s_own_properties_go_on(japan):
    """Only the first few kilobytes are read at first; a head longer than that is read whole."""
    data = export(japan)
    long = b"X-WR-CALDESC:" + b"x" * 70 + b"\r\n" + (b" " + b"y" * 74 + b"\r\n") * 80
    moved = data.replace(b"UID:programme@", long + b"UID:programme@", 1)
    assert moved.index(b"UID:programme@") > 5000
    assert ics.owner(moved) == "ecpg-japan-2009"
    assert ics.owner(moved.replace(b"UID:programme@", b"UID:other@")) == "ecpg-japan-2009"
    assert (
        ics.owner(moved.replace(b"UID:programme@calendars.ecpg", b"UID:programme@calendars.else")) == "else-japan-2009"
    )
