// Reads an iCalendar file with ical.js (Thunderbird's parser) and prints, as JSON, what a
// calendar application would show of each event. Usage: node read_ics.mjs FILE
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const zone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}

function moment(time) {
  if (!time) return null;
  return {
    text: time.toString(),
    allDay: time.isDate,
    zone: time.zone ? time.zone.tzid : null,
    utc: time.isDate ? null : time.toUnixTime(),
  };
}

const events = root.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  const categories = component.getFirstProperty("categories");
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    location: event.location,
    start: moment(event.startDate),
    end: moment(component.hasProperty("dtend") || component.hasProperty("duration") ? event.endDate : null),
    status: component.getFirstPropertyValue("status"),
    url: component.getFirstPropertyValue("url"),
    edtf: component.getFirstPropertyValue("x-timeline-edtf"),
    categories: categories ? categories.getValues() : [],
  };
});
console.log(JSON.stringify({ name: root.getFirstPropertyValue("name"), zones: root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")), events }));
