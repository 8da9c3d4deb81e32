/** One VEVENT's (or the calendar's) properties: name with its parameters → value. */
export type CalendarProperties = Record<string, string>;

/**
 * A small RFC 5545 reader for tests: unfolds continuation lines and returns the calendar's and
 * each VEVENT's properties. Throws when a line does not end in CRLF, a line has no name, or a
 * BEGIN has no matching END, so "it parses" means something.
 */
export function parseCalendar(text: string): {
  calendar: CalendarProperties;
  events: CalendarProperties[];
} {
  if (!text.startsWith("BEGIN:VCALENDAR\r\n")) throw new Error("does not begin with VCALENDAR");
  if (text.replace(/\r\n/g, "").includes("\n")) throw new Error("a line ends without CRLF");
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "");
  const open: string[] = [];
  const calendar: CalendarProperties = {};
  const events: CalendarProperties[] = [];
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new Error(`a line without a property name: ${line}`);
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === "BEGIN") {
      open.push(value);
      if (value === "VEVENT") events.push({});
    } else if (name === "END") {
      const closed = open.pop();
      if (closed !== value) throw new Error(`END:${value} closes ${closed ?? "nothing"}`);
    } else if (open.at(-1) === "VEVENT") {
      const event = events.at(-1);
      if (event !== undefined) event[name] = value;
    } else {
      calendar[name] = value;
    }
  }
  if (open.length > 0) throw new Error(`unclosed: ${open.join(", ")}`);
  return { calendar, events };
}
