"""`itinerary import`: calendars of every kind a host sends become programme files that load at the same instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import DATA, JAPAN, JS

from itinerary.importer import CalendarError, Options, convert
from itinerary.load import loads
from itinerary.model import Kind, Programme
from itinerary.timeutil import is_ambiguous

IMPORT = DATA / "import"
TOKYO = ZoneInfo("Asia/Tokyo")
BRUSSELS = ZoneInfo("Europe/Brussels")
BERLIN = ZoneInfo("Europe/Berlin")


def imported(name: str, **options):
    path = IMPORT / name
    return convert(path.read_bytes(), name, Options(**options))


def by_id(programme: Programme):
    return {e.id: e for e in programme.events}


def reloaded(converted) -> Programme:
    """The written text, loaded as a user's `itinerary agenda draft.yaml` would load it."""
    return loads(converted.text, "draft.yaml")


def said(text: str) -> str:
    """The file's comments as one line: what they say, however they are wrapped."""
    return " ".join(line.strip()[2:] for line in text.splitlines() if line.strip().startswith("# "))


GOOD = ["single.ics", "allday.ics", "tzid.ics", "utc.ics", "floating.ics", "recurring.ics", "cancelled.ics"]


@pytest.mark.parametrize("name", GOOD)
def test_every_good_calendar_writes_a_file_that_loads_with_the_same_events(name):
    converted = imported(name)
    again = reloaded(converted)
    assert not again.warnings
    assert [(e.id, e.start, e.end) for e in again.events] == [
        (e.id, e.start, e.end) for e in converted.programme.events
    ]
    assert converted.text.startswith(f"# Imported by `itinerary import` from {name}.")
    assert all(e.start.tzinfo is not None and e.end.tzinfo is not None for e in again.events)


def test_single_event_with_tzid_location_geo_and_attendees():
    converted = imported("single.ics")
    programme = converted.programme
    assert programme.title == "Study visit to Brussels" and programme.id == "study-visit-to-brussels"
    assert programme.timezone == "Europe/Brussels"
    assert (programme.start, programme.end) == (date(2009, 10, 6), date(2009, 10, 6))
    (event,) = programme.events
    assert event.id == "welcome-1"  # the UID's local part, slugged
    assert event.start == datetime(2009, 10, 6, 9, 30, tzinfo=BRUSSELS)
    assert event.end == datetime(2009, 10, 6, 12, 0, tzinfo=BRUSSELS)
    assert event.venue is not None
    assert (event.venue.name, event.venue.address) == (
        "DG Enterprise and Industry",
        "45 Avenue d'Auderghem, 1040 Bruxelles",
    )
    assert event.venue.geo == (50.8386, 4.38)
    assert event.notes == "Bring passports for the security check.\nRoom 3/12."
    people = {p.id: p for p in programme.participants.values()}
    assert set(people) == {"tea-petrin", "finn-lauritzen"}  # Emily declined; the room is no one
    assert people["tea-petrin"].email == "tea@example.org"
    assert event.who == ("tea-petrin", "finn-lauritzen")
    assert event.source.file == "single.ics" and event.source.line == 22  # its BEGIN:VEVENT
    text = said(converted.text)
    assert "Emily Wise <emily@example.org> declined: left out of `who`" in text
    assert "room Room 3/12" in text and "ORGANIZER (1)" in text and "reminders (VALARM) (1)" in text
    assert "categories: Meetings" in text


def test_all_day_events_one_item_per_day_and_a_missing_end_is_one_day():
    programme = imported("allday.ics").programme
    assert programme.timezone == "Asia/Tokyo"  # X-WR-TIMEZONE: no TZID anywhere
    events = by_id(programme)
    expo = [events[f"expo/2009-10-0{d}"] for d in (7, 8, 9)]
    assert all(e.all_day and e.venue and e.venue.name == "Makuhari Messe" for e in expo)
    assert [e.start.date() for e in expo] == [date(2009, 10, 7), date(2009, 10, 8), date(2009, 10, 9)]
    free = events["free-day"]
    assert free.all_day and free.background  # TRANSP:TRANSPARENT
    holiday = events["national-day"]
    assert holiday.all_day and holiday.start == datetime(2009, 10, 12, tzinfo=TOKYO)
    assert holiday.end == datetime(2009, 10, 13, tzinfo=TOKYO)
    assert (programme.start, programme.end) == (date(2009, 10, 7), date(2009, 10, 12))


def test_tzids_outlook_names_private_prefixes_and_a_leg_across_zones():
    converted = imported("tzid.ics")
    programme = converted.programme
    assert programme.timezone == "Asia/Tokyo"  # 'Tokyo Standard Time' (Outlook) and Asia/Tokyo: 4 of 8 times
    events = by_id(programme)
    meti = events["uid-2916e941c655"]  # a 100-digit Outlook UID becomes a short, stable hash
    assert meti.start == datetime(2009, 10, 6, 9, 30, tzinfo=TOKYO)
    briefing = events["briefing"]
    assert briefing.start == datetime(2009, 10, 5, 9, 0, tzinfo=BERLIN)
    assert briefing.venue is not None and briefing.venue.timezone == "Europe/Berlin"
    assert str(briefing.start.tzinfo) == "Europe/Berlin"  # read in the venue's zone, as the calendar wrote it
    flight = events["flight"]
    assert flight.kind is Kind.FLIGHT
    assert flight.start == datetime(2009, 10, 4, 13, 15, tzinfo=BERLIN)
    assert flight.end == datetime(2009, 10, 5, 8, 5, tzinfo=TOKYO)
    assert 'depart: "13:15 Europe/Berlin"' in converted.text and 'arrive: "2009-10-05 08:05"' in converted.text


def test_utc_times_keep_their_instants_in_the_x_wr_timezone():
    converted = imported("utc.ics")
    programme = converted.programme
    assert programme.timezone == "Asia/Tokyo" and programme.title == "Japan visit (hosts)"
    events = by_id(programme)
    meeting = events["5kq3c0h8m2dl7s0j2c9u1r4p6e"]
    assert meeting.start == datetime(2009, 10, 6, 0, 30, tzinfo=UTC)
    assert meeting.start.astimezone(TOKYO).hour == 9
    late = events["7a1b2c3d4e5f6g7h8i9j0k1l2m"]
    assert late.end - late.start == timedelta(hours=1, minutes=30)  # 23:30-01:00 across midnight
    assert late.notes == "Link: https://meet.example.org/abc-defg-hij"
    assert 'time: "23:30-01:00"' in converted.text


def test_floating_times_get_the_programme_zone_and_the_file_says_so():
    plain = imported("floating.ics")
    assert plain.programme.timezone == "UTC"
    assert "read in UTC, the programme's zone" in said(plain.text) and "choose one with --tz" in said(plain.text)
    converted = imported("floating.ics", timezone="Asia/Tokyo")
    assert "3 events have floating times (no zone in the calendar): read in Asia/Tokyo" in said(converted.text)
    events = by_id(converted.programme)
    assert events["visit"].start == datetime(2009, 10, 7, 13, 10, tzinfo=TOKYO)
    assert events["photonics"].end == datetime(2009, 10, 7, 15, 15, tzinfo=TOKYO)  # DURATION:PT1H5M
    reception = events["reception"]  # no DTEND, no DURATION: the usual length, marked estimated
    assert reception.kind is Kind.RECEPTION and reception.end_estimated
    assert reception.end - reception.start == timedelta(hours=2)
    assert "the calendar gives no length: the usual 2 h assumed" in said(converted.text)


def test_repeating_events_expanded_with_exdate_override_and_cancelled_occurrence():
    converted = imported("recurring.ics")
    events = by_id(converted.programme)
    breakfasts = sorted(i for i in events if i.startswith("breakfast/"))
    # 5 daily from the 5th; the 7th is an EXDATE, the 9th is cancelled, the 8th moved to 07:00
    assert breakfasts == ["breakfast/2009-10-05", "breakfast/2009-10-06", "breakfast/2009-10-08"]
    moved = events["breakfast/2009-10-08"]
    assert moved.title == "Breakfast briefing (early: train at 08:30)"
    assert (moved.start, moved.end) == (
        datetime(2009, 10, 8, 7, 0, tzinfo=TOKYO),
        datetime(2009, 10, 8, 7, 45, tzinfo=TOKYO),
    )
    assert moved.source.line == 14  # the override's own VEVENT
    assert events["breakfast/2009-10-05"].source.line == 4
    # The wrap-up repeats forever: expanded up to the end of the other events.
    wrapups = sorted(i for i in events if i.startswith("standup/"))
    assert wrapups == [f"standup/2009-10-0{d}" for d in range(5, 10)]
    assert "Left out, cancelled in the calendar: Breakfast briefing (2009-10-09)" in said(converted.text)
    assert "repeat forever are expanded up to 2009-10-09" in said(converted.text)


def test_a_range_bounds_what_is_imported_and_where_endless_events_stop():
    converted = imported("recurring.ics", start=date(2009, 10, 6), end=date(2009, 10, 12))
    programme = converted.programme
    assert (programme.start, programme.end) == (date(2009, 10, 6), date(2009, 10, 12))
    ids = {e.id for e in programme.events}
    assert "breakfast/2009-10-05" not in ids and "standup/2009-10-05" not in ids
    assert "standup/2009-10-12" in ids and "standup/2009-10-13" not in ids


def test_cancelled_events_are_left_out_and_named():
    converted = imported("cancelled.ics")
    assert [e.title for e in converted.programme.events] == ["Meeting with the Japan Industrial Location Center"]
    assert "Left out, cancelled in the calendar: Meeting with Yoshiaki Igarashi (2009-10-08)" in said(converted.text)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "missing-end.ics",
            "missing-end.ics:4: BEGIN:VEVENT is not closed: END:VEVENT is missing before the next BEGIN:VEVENT at line 9",
        ),
        ("bad-date.ics", "bad-date.ics:12: DTSTART: not a valid date or time (Wrong datetime format: 20091306T123000)"),
        (
            "undefined-tzid.ics",
            "undefined-tzid.ics:12: DTSTART: TZID 'Hamamatsu Local Time' is defined nowhere "
            "(no VTIMEZONE in the file has it, and it is no known zone name)",
        ),
        ("not-a-calendar.ics", "not-a-calendar.ics: not a calendar: it should begin with BEGIN:VCALENDAR"),
        ("empty.ics", "empty.ics: no events to import"),
    ],
)
def test_malformed_calendars_are_refused_in_one_line(name, message):
    with pytest.raises(CalendarError) as caught:
        imported(name)
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"BEGIN:VCALENDAR\r\n\x00\x01\x02\xff" * 4, "x.ics: binary data, not a calendar"),
        (b"BEGIN:VCALENDAR\nSUMMARY:Caf\xe9\n", "x.ics:2: not UTF-8 text"),
        (b"", "x.ics: empty file: not a calendar"),
        (JAPAN.read_bytes(), "x.ics: not a calendar: it should begin with BEGIN:VCALENDAR"),
        (b"BEGIN:VCALENDAR\nVERSION:2.0\nEND:VEVENT\nEND:VCALENDAR\n", "x.ics:3: END:VEVENT without a BEGIN:VEVENT"),
        (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:y\nEND:VEVENT\n", "x.ics:1: BEGIN:VCALENDAR is never closed"),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:y\nEND:VEVENT\nEND:VCALENDAR\n",
            "x.ics:2: VEVENT without DTSTART",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20091006T100000Z\nDTEND:20091006T090000Z\nEND:VEVENT\n"
            b"END:VCALENDAR\n",
            "x.ics:5: DTEND: 'the event' ends before it starts",
        ),
        (
            b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20091006T100000Z\nRRULE:FREQ=SOMETIMES\nEND:VEVENT\n"
            b"END:VCALENDAR\n",
            "x.ics:5: RRULE: not a valid date or time",
        ),
    ],
)
def test_broken_bytes_are_refused_in_one_line(data, message):
    with pytest.raises(CalendarError) as caught:
        convert(data, "x.ics")
    assert str(caught.value).startswith(message), str(caught.value)


def test_the_japan_round_trip_export_import_export_keeps_uids_titles_and_instants(japan):
    """export -> import -> export: the same events (UIDs), titles, instants, places and kinds."""
    from icalendar import Calendar

    from itinerary.export import ics

    stamp = datetime(2009, 9, 1, tzinfo=UTC)
    first = ics.calendar(japan, japan.events, stamp=stamp)
    converted = convert(first, "ecpg-japan-2009.ics")
    again = converted.programme
    assert again.id == japan.id and again.title == japan.title and again.revision == japan.revision
    assert (again.start, again.end, again.timezone) == (japan.start, japan.end, japan.timezone)
    second = ics.calendar(again, again.events, stamp=stamp)

    def events(data: bytes) -> dict[str, tuple]:
        calendar = Calendar.from_ical(data)
        return {
            str(e["UID"]): (
                str(e["SUMMARY"]),
                e["DTSTART"].dt,
                e["DTEND"].dt,
                str(e.get("LOCATION", "")),
                list(e["CATEGORIES"].cats),
                e.get("GEO").to_ical() if e.get("GEO") else None,
            )
            for e in calendar.walk("VEVENT")
        }

    before, after = events(first), events(second)
    assert len(before) == len(japan.events) == 25
    assert after == before
    # Not only equal as instants: written in the same zones too.
    by_uid = {str(e["UID"]): e for e in Calendar.from_ical(second).walk("VEVENT")}
    flight = by_uid["2009-10-04_departure-from-european-cities@ecpg-japan-2009.itinerary"]
    assert flight["DTSTART"].params["TZID"] == "Europe/Brussels" and flight["DTEND"].params["TZID"] == "Asia/Tokyo"
    # What the calendar cannot carry is said, not guessed: who attends each event.
    assert "who, in the calendar: Delegation of ECPG, Barbara Rhode" in said(converted.text)
    # Hotel check-in and check-out times come back from the description, not as 15:00 / 11:00 defaults.
    hotel = by_id(again)["2009-10-05/grand-prince-hotel-akasaka"]
    original = by_id(japan)["2009-10-05/grand-prince-hotel-akasaka"]
    assert (hotel.start, hotel.end) == (original.start, original.end)
    # Legs keep their ends; estimated ends stay estimated.
    train = by_id(again)["2009-10-07/shinkansen-hikari-465"]
    assert train.origin and train.destination and train.destination.name == "Hamamatsu Station"
    lunch = by_id(again)["2009-10-06/lunch-at-elio"]
    assert lunch.end_estimated and lunch.end == by_id(japan)["2009-10-06/lunch-at-elio"].end


def test_an_invitation_round_trip_brings_participants_back_by_email(tmp_path):
    from itinerary.export import ics

    programme = loads(
        """
programme: {id: mini, title: Mini visit, timezone: Europe/Brussels, start: 2009-10-06, end: 2009-10-06}
groups: {ecpg: Delegation}
participants:
  - {name: Tea Petrin, group: ecpg, email: tea@example.org}
  - {name: Finn Lauritzen, group: ecpg, email: finn@example.org}
  - {name: Barbara Rhode, email: barbara@example.org}
days:
  2009-10-06:
    - {time: "09:30-12:00", title: Briefing, who: [ecpg]}
    - {time: "13:00-14:00", title: Lunch, kind: meal, who: [ecpg, barbara-rhode]}
""",
        "mini.yaml",
    )
    invite = ics.Invite("host@example.org", "Host")
    data = ics.calendar(programme, programme.events, stamp=datetime(2009, 9, 1, tzinfo=UTC), invite=invite)
    again = convert(data, "mini.ics").programme
    assert {p.id: p.email for p in again.participants.values()} == {
        "tea-petrin": "tea@example.org",
        "finn-lauritzen": "finn@example.org",
        "barbara-rhode": "barbara@example.org",
    }
    attending = {e.id: again.attendees(e) for e in again.events}
    assert attending == {e.id: programme.attendees(e) for e in programme.events}


# -- calendars other libraries wrote --------------------------------------------------------------


def test_a_calendar_from_ics_py_utc_times_and_an_all_day_item():
    import ics as icspy

    calendar = icspy.Calendar()
    calendar.events.add(
        icspy.Event(
            name="Meeting with METI",
            begin=datetime(2009, 10, 6, 9, 30, tzinfo=TOKYO),
            end=datetime(2009, 10, 6, 12, 0, tzinfo=TOKYO),
            location="METI, 1-3-1 Kasumigaseki, Chiyoda-ku, Tokyo",
            uid="meti@icspy.example",
        )
    )
    free = icspy.Event(name="Free day", begin=datetime(2009, 10, 10), uid="free@icspy.example")
    free.make_all_day()
    calendar.events.add(free)
    text = calendar.serialize()
    assert "DTSTART:20091006T003000Z" in text  # ics-py writes UTC: the test is about that case
    converted = convert(text.encode(), "icspy.ics", Options(timezone="Asia/Tokyo"))
    events = by_id(converted.programme)
    assert events["meti"].start == datetime(2009, 10, 6, 9, 30, tzinfo=TOKYO)
    assert events["meti"].venue and events["meti"].venue.address == "1-3-1 Kasumigaseki, Chiyoda-ku, Tokyo"
    assert events["free"].all_day and events["free"].start.date() == date(2009, 10, 10)
    assert 'time: "09:30-12:00"' in converted.text


def test_a_calendar_from_vobject_with_its_own_vtimezones():
    import vobject

    calendar = vobject.iCalendar()
    for uid, title, start, end in (
        ("meti@vobject.example", "Meeting with METI", datetime(2009, 10, 6, 9, 30, tzinfo=TOKYO), 150),
        ("lunch@vobject.example", "Lunch", datetime(2009, 10, 6, 12, 30, tzinfo=TOKYO), 90),
        ("brief@vobject.example", "Briefing", datetime(2009, 10, 2, 9, 30, tzinfo=BERLIN), 60),
    ):
        event = calendar.add("vevent")
        event.add("uid").value = uid
        event.add("summary").value = title
        event.add("dtstart").value = start
        event.add("dtend").value = start + timedelta(minutes=end)
        event.add("dtstamp").value = datetime(2009, 10, 1, tzinfo=ZoneInfo("UTC"))
    text = calendar.serialize()
    assert "TZID:JST" in text  # vobject names zones by abbreviation: a private TZID to resolve
    converted = convert(text.encode(), "vobject.ics")
    programme = converted.programme
    assert programme.timezone == "Asia/Tokyo"
    assert "TZID 'JST' (defined in the calendar) is read as Asia/Tokyo" in said(converted.text)
    events = by_id(programme)
    assert events["meti"].start == datetime(2009, 10, 6, 9, 30, tzinfo=TOKYO)
    assert events["brief"].start == datetime(2009, 10, 2, 9, 30, tzinfo=BERLIN)
    assert 'time: "09:30-12:00"' in converted.text


def test_a_calendar_from_the_ical_package_with_a_repeating_event():
    from ical.calendar import Calendar
    from ical.calendar_stream import IcsCalendarStream
    from ical.event import Event
    from ical.types.recur import Recur

    calendar = Calendar()
    stamp = datetime(2009, 10, 1, tzinfo=UTC)
    calendar.events.append(
        Event(
            summary="Morning briefing",
            start=datetime(2009, 10, 5, 8, 0, tzinfo=TOKYO),
            end=datetime(2009, 10, 5, 8, 30, tzinfo=TOKYO),
            location="Grand Prince Hotel Akasaka",
            uid="brief@ical.example",
            dtstamp=stamp,
            rrule=Recur.from_rrule("FREQ=DAILY;COUNT=3"),
        )
    )
    calendar.events.append(
        Event(
            summary="Free day", start=date(2009, 10, 10), end=date(2009, 10, 11), uid="free@ical.example", dtstamp=stamp
        )
    )
    text = IcsCalendarStream.calendar_to_ics(calendar)
    assert "TZID=Asia/Tokyo" in text and "BEGIN:VTIMEZONE" not in text  # an IANA TZID without a VTIMEZONE
    programme = convert(text.encode(), "ical.ics").programme
    events = by_id(programme)
    assert sorted(events) == ["brief/2009-10-05", "brief/2009-10-06", "brief/2009-10-07", "free"]
    assert events["brief/2009-10-07"].start == datetime(2009, 10, 7, 8, 0, tzinfo=TOKYO)
    assert {e.venue.name for e in programme.events if e.venue} == {"Grand Prince Hotel Akasaka"}


@pytest.mark.node
def test_a_calendar_written_by_icaljs(node):
    import subprocess

    done = subprocess.run([node, str(JS / "write.mjs")], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert b"RRULE:FREQ=DAILY;COUNT=3" in done.stdout and b"EXDATE;TZID=Asia/Tokyo" in done.stdout
    converted = convert(done.stdout, "icaljs.ics")
    programme = converted.programme
    assert programme.title == "Drafted with ical.js" and programme.timezone == "Asia/Tokyo"
    events = by_id(programme)
    assert sorted(events) == ["daily/2009-10-05", "daily/2009-10-07", "free", "meti"]  # the 6th is an EXDATE
    assert events["meti"].who == ("tea-petrin",)
    assert events["meti"].start == datetime(2009, 10, 6, 9, 30, tzinfo=TOKYO)
    assert events["free"].all_day


# -- times the format cannot write as a plain span -------------------------------------------------


def calendar_of(*events: str, extra: str = "") -> bytes:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:e{n}@test\r\nSUMMARY:Event {n}\r\n{e}END:VEVENT\r\n" for n, e in enumerate(events)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n{extra}{body}END:VCALENDAR\r\n".encode()


def test_a_time_in_the_repeated_hour_as_clocks_go_back_keeps_its_instant():
    # 02:30 UTC on 25 Oct 2009 is 02:30 CET in Brussels, the second of the two 02:30s there.
    data = calendar_of(
        "DTSTART;TZID=Europe/Brussels:20091025T013000\r\nDTEND;TZID=Europe/Brussels:20091025T020000\r\n",
        "DTSTART:20091025T013000Z\r\nDTEND:20091025T023000Z\r\n",
    )
    programme = convert(data, "fold.ics").programme
    second = by_id(programme)["e1"]
    assert second.start == datetime(2009, 10, 25, 1, 30, tzinfo=UTC)
    assert second.end == datetime(2009, 10, 25, 2, 30, tzinfo=UTC)


def test_long_events_seconds_and_zero_length():
    data = calendar_of(
        "DTSTART;TZID=Asia/Tokyo:20091005T090000\r\nDTEND;TZID=Asia/Tokyo:20091007T170000\r\n",
        "DTSTART;TZID=Asia/Tokyo:20091006T093015\r\nDTEND;TZID=Asia/Tokyo:20091006T100045\r\n",
        "DTSTART;TZID=Asia/Tokyo:20091006T120000\r\nDTEND;TZID=Asia/Tokyo:20091006T120000\r\n",
    )
    converted = convert(data, "odd.ics")
    events = by_id(converted.programme)
    assert events["e0"].end - events["e0"].start == timedelta(days=2, hours=8)
    assert 'arrive: "2009-10-07 17:00"' in converted.text
    assert events["e1"].start == datetime(2009, 10, 6, 9, 30, tzinfo=TOKYO)
    assert "times in the calendar have seconds: written to the minute" in said(converted.text)
    assert events["e2"].end_estimated  # no length: the usual one, said so


def test_venues_are_deduplicated_and_ids_slugged():
    data = calendar_of(
        "DTSTART:20091006T010000Z\r\nLOCATION:Tokyo Station\\, 1-9-1 Marunouchi\r\nGEO:35.6812;139.7671\r\n",
        "DTSTART:20091006T030000Z\r\nLOCATION:tokyo station\\,  1-9-1 Marunouchi\r\n",
        "DTSTART:20091006T050000Z\r\nLOCATION:Café Ōsaka (大阪)\r\n",
    )
    programme = convert(data, "places.ics").programme
    assert sorted(programme.venues) == ["cafe-osaka", "tokyo-station"]
    station = programme.venues["tokyo-station"]
    assert station.geo == (35.6812, 139.7671) and station.address == "1-9-1 Marunouchi"
    assert programme.venues["cafe-osaka"].local_address == "大阪"


def test_yaml_special_text_survives_the_trip():
    titles = ["no", "Meeting: agenda #1", "- dash", "'quoted'", 'say "hi"', "tab\there", "null", "@home", "* star"]
    data = calendar_of(
        *(f"DTSTART:2009100{6 + n // 5}T0{n % 5}0000Z\r\nSUMMARY:{t}\r\n" for n, t in enumerate(titles)),
    ).replace(b"SUMMARY:Event ", b"X-OLD:")
    programme = convert(data, "yaml.ics").programme
    assert sorted(e.title for e in programme.events) == sorted(t.replace("\t", " ") for t in titles)


def test_notes_that_cannot_be_a_literal_block_are_quoted():
    data = calendar_of(
        "DTSTART:20091006T010000Z\r\nDESCRIPTION:  indented first line\\nsecond  \r\n",
        "DTSTART:20091006T020000Z\r\nDESCRIPTION:line one\\n\\nline three: with # hash\r\n",
    )
    events = by_id(convert(data, "notes.ics").programme)
    assert events["e0"].notes == "indented first line\nsecond"
    assert events["e1"].notes == "line one\n\nline three: with # hash"


# -- any instant, any zone: what is written loads back the same -------------------------------------

ZONES = ["Europe/Brussels", "Asia/Tokyo", "America/New_York", "Australia/Lord_Howe", "UTC"]


@pytest.mark.parametrize("seed_zone", ZONES[:2])
def test_any_times_in_any_zones_load_back_at_the_same_instants(seed_zone):
    """Starts and ends in and around DST changes (Lord Howe's is 30 minutes), across midnight and days,
    in another zone than the start's: the writer picks `time` or `depart`/`arrive` so nothing moves."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    moments = st.sampled_from(
        [datetime(2009, 3, 29, 0, 0, tzinfo=UTC), datetime(2009, 10, 25, 0, 0, tzinfo=UTC),
         datetime(2009, 4, 4, 14, 0, tzinfo=UTC), datetime(2009, 11, 1, 4, 0, tzinfo=UTC),
         datetime(2009, 10, 3, 15, 0, tzinfo=UTC)]
    ).flatmap(lambda base: st.integers(-600, 600).map(lambda m: base + timedelta(minutes=m)))  # fmt: skip
    events = st.lists(
        st.tuples(moments, st.integers(0, 4000), st.sampled_from(ZONES), st.sampled_from(ZONES)),
        min_size=1,
        max_size=6,
    )

    def stamp(instant: datetime, name: str) -> str:
        wall = instant.astimezone(ZoneInfo(name))
        if name == "UTC" or is_ambiguous(wall):  # a TZID reading that happens twice means the first (RFC 5545)
            return f":{instant.astimezone(UTC):%Y%m%dT%H%M%S}Z"
        return f";TZID={name}:{instant.astimezone(ZoneInfo(name)):%Y%m%dT%H%M%S}"

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(events)
    def check(spans):
        texts = [
            f"DTSTART{stamp(start, a)}\r\nDTEND{stamp(start + timedelta(minutes=length), b)}\r\n"
            for start, length, a, b in spans
        ]
        converted = convert(calendar_of(*texts, extra=f"X-WR-TIMEZONE:{seed_zone}\r\n"), "any.ics")
        got = by_id(converted.programme)
        for n, (start, length, _, _) in enumerate(spans):
            event = got[f"e{n}"]
            assert event.start.astimezone(UTC) == start  # in UTC: == of two zones is False in a fold
            if length:
                assert event.end.astimezone(UTC) == start + timedelta(minutes=length)
            else:
                assert event.end_estimated
        reloaded(converted)

    check()


def test_a_repeating_event_lasts_its_exact_length_across_a_dst_change():
    """RFC 5545: a length given by DTEND is exact for every occurrence (3 h 30 also on the night clocks go back)."""
    data = calendar_of(
        "DTSTART;TZID=Europe/Brussels:20091023T233000\r\nDTEND;TZID=Europe/Brussels:20091024T030000\r\n"
        "RRULE:FREQ=DAILY;COUNT=3\r\n"
    )
    events = convert(data, "night.ics").programme.events
    assert [e.end.astimezone(UTC) - e.start.astimezone(UTC) for e in events] == [timedelta(hours=3, minutes=30)] * 3
    assert events[1].start == datetime(2009, 10, 24, 23, 30, tzinfo=BRUSSELS)


def test_two_events_that_share_a_uid_stay_two_events():
    """Some exporters reuse a UID: each event keeps its own times, and the second id gets a suffix."""
    data = calendar_of(
        "DTSTART:20091006T010000Z\r\nDTEND:20091006T020000Z\r\n",
        "DTSTART:20091007T010000Z\r\nDTEND:20091007T030000Z\r\n",
    ).replace(b"UID:e1@test", b"UID:e0@test")
    events = convert(data, "twice.ics").programme.events
    assert [(e.id, e.start.astimezone(UTC).day, e.duration) for e in events] == [
        ("e0", 6, timedelta(hours=1)),
        ("e0-2", 7, timedelta(hours=2)),
    ]


def test_mangled_calendars_are_imported_or_refused_never_a_crash():
    """Lines dropped, repeated, cut short or garbled in the hand-written calendars: a CalendarError or a
    programme that loads at the calendar's instants (convert checks that itself), nothing else."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    sources = [p.read_bytes() for p in sorted(IMPORT.glob("*.ics"))]
    edits = st.lists(
        st.tuples(
            st.integers(0, 4), st.integers(0, 10_000), st.integers(0, 10_000), st.sampled_from(b"0129:;=,TZ-\\ ")
        ),
        min_size=1,
        max_size=3,
    )

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(sources), edits)
    def check(data, changes):
        lines = data.split(b"\n")
        for op, i, j, byte in changes:
            i %= len(lines)
            if op == 0:
                del lines[i]
            elif op == 1:
                lines.insert(i, lines[j % len(lines)])
            elif op == 2:
                lines[i] = lines[i][: j % (len(lines[i]) + 1)]
            elif op == 3 and lines[i]:
                garbled = bytearray(lines[i])
                garbled[j % len(garbled)] = byte
                lines[i] = bytes(garbled)
            else:
                lines.insert(i, b"RRULE:FREQ=DAILY")
            if not lines:
                lines = [b""]
        try:
            convert(b"\n".join(lines), "mangled.ics")
        except CalendarError as exc:
            assert "\n" not in str(exc)

    check()


def test_a_repeating_event_with_an_unreadable_geo_keeps_its_place_without_coordinates():
    """An occurrence is a copy that forgets which properties were broken: its GEO must be read with care."""
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:a@t\r\n"
        "DTSTART;TZID=Asia/Tokyo:20091006T093000\r\nDTEND;TZID=Asia/Tokyo:20091006T100000\r\n"
        "RRULE:FREQ=DAILY;COUNT=2\r\nSUMMARY:Briefing\r\nLOCATION:METI\r\nGEO::5.6733;139.7494\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    converted = convert(text.encode(), "geo.ics")
    events = converted.programme.events
    assert [e.start.day for e in events] == [6, 7]
    assert all(e.venue is not None and e.venue.name == "METI" and e.venue.geo is None for e in events)


def test_dtend_beside_duration_reads_dtend_and_says_so_even_beside_an_endless_event():
    """RFC 5545 allows one of the two; icalendar refuses to say where such an event ends (it raised, exit 3)."""
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:a@t\r\nDTSTART:20091007T131000\r\nDTEND:20091007T135500\r\nDURATION:PT1H5M\r\n"
        "SUMMARY:Visit\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b@t\r\nDTSTART:20091007T090000\r\nDURATION:PT30M\r\nRRULE:FREQ=DAILY\r\n"
        "SUMMARY:Briefing\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    converted = convert(text.encode(), "both.ics", Options(timezone="Asia/Tokyo"))
    visit = next(e for e in converted.programme.events if e.title == "Visit")
    assert (visit.start.hour, visit.start.minute, visit.end.hour, visit.end.minute) == (13, 10, 13, 55)
    assert "DURATION beside DTEND (1)" in converted.text
