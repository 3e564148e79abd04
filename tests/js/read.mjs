// Reads .ics files with ical.js (the parser inside Thunderbird) and prints what it understood as JSON.
// A TZID without its VTIMEZONE falls back to floating time in the process's TZ; the tests run this
// with a TZ far from the calendar's zones so that such a fallback shows as wrong instants.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function time(value) {
  return {
    isDate: value.isDate,
    date: value.toString().slice(0, 10),
    tzid: value.zone ? value.zone.tzid : null,
    epoch: value.isDate ? null : value.toUnixTime(),
    js: value.isDate ? null : value.toJSDate().toISOString(),
  };
}

const out = {};
for (const path of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(path, "utf8")));
  out[path] = {
    name: root.getFirstPropertyValue("x-wr-calname"),
    method: root.getFirstPropertyValue("method"),
    timezones: root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
    events: root.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        sequence: event.sequence,
        start: time(event.startDate),
        end: time(event.endDate),
        attendees: event.attendees.length,
        organizer: component.getFirstPropertyValue("organizer"),
        geo: component.getFirstPropertyValue("geo"),
      };
    }),
  };
}
process.stdout.write(JSON.stringify(out, null, 1));
