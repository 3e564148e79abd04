// Writes a calendar with ical.js (the library inside Thunderbird) for the import tests: a draft as
// another program would send it, with a VTIMEZONE ical.js builds, a repeating event with an
// exception, an all-day item and an attendee.
import ICAL from "ical.js";

const tokyo = `BEGIN:VTIMEZONE
TZID:Asia/Tokyo
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
TZNAME:JST
END:STANDARD
END:VTIMEZONE`;

const calendar = new ICAL.Component(["vcalendar", [], []]);
calendar.updatePropertyWithValue("prodid", "-//itinerary tests//ical.js//EN");
calendar.updatePropertyWithValue("version", "2.0");
calendar.updatePropertyWithValue("x-wr-calname", "Drafted with ical.js");
const zoneComponent = new ICAL.Component(ICAL.parse(tokyo));
calendar.addSubcomponent(zoneComponent);
const zone = new ICAL.Timezone(zoneComponent);

function local(text) {
  const value = ICAL.Time.fromDateTimeString(text);
  value.zone = zone;
  return value;
}

function timed(uid, summary, start, end, location) {
  const vevent = new ICAL.Component("vevent");
  const event = new ICAL.Event(vevent);
  event.uid = uid;
  event.summary = summary;
  event.startDate = local(start);
  event.endDate = local(end);
  if (location) event.location = location;
  vevent.updatePropertyWithValue("dtstamp", ICAL.Time.fromDateTimeString("2009-10-01T08:00:00Z"));
  calendar.addSubcomponent(vevent);
  return vevent;
}

const meeting = timed("meti@icaljs.example", "Meeting with METI", "2009-10-06T09:30:00", "2009-10-06T12:00:00",
  "METI, 1-3-1 Kasumigaseki, Chiyoda-ku, Tokyo");
const attendee = meeting.addPropertyWithValue("attendee", "mailto:tea@example.org");
attendee.setParameter("cn", "Tea Petrin");

const daily = timed("daily@icaljs.example", "Morning briefing", "2009-10-05T08:00:00", "2009-10-05T08:30:00");
daily.addPropertyWithValue("rrule", ICAL.Recur.fromString("FREQ=DAILY;COUNT=3"));
const exdate = daily.addPropertyWithValue("exdate", local("2009-10-06T08:00:00"));
exdate.setParameter("tzid", "Asia/Tokyo");

const free = new ICAL.Component("vevent");
const freeEvent = new ICAL.Event(free);
freeEvent.uid = "free@icaljs.example";
freeEvent.summary = "Free day";
freeEvent.startDate = ICAL.Time.fromDateString("2009-10-10");
freeEvent.endDate = ICAL.Time.fromDateString("2009-10-11");
free.updatePropertyWithValue("dtstamp", ICAL.Time.fromDateTimeString("2009-10-01T08:00:00Z"));
calendar.addSubcomponent(free);

process.stdout.write(calendar.toString() + "\r\n");
