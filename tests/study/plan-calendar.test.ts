import { describe, expect, it } from "vitest";
import { buildPlan, planMaterial } from "../../src/study/personal-plan.ts";
import { planCalendar } from "../../src/study/plan-calendar.ts";
import { committedChunks } from "./study-fixtures.ts";

const material = planMaterial(committedChunks());

type CalendarEvent = Record<string, string>;

/**
 * A small RFC 5545 reader: unfolds continuation lines, checks CRLF line ends and that every
 * BEGIN has its END, and returns each VEVENT's properties (name with parameters → value).
 */
function parseCalendar(text: string): { calendar: CalendarEvent; events: CalendarEvent[] } {
  expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const open: string[] = [];
  const calendar: CalendarEvent = {};
  const events: CalendarEvent[] = [];
  for (const line of lines) {
    const colon = line.indexOf(":");
    expect(colon, line).toBeGreaterThan(0);
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === "BEGIN") {
      open.push(value);
      if (value === "VEVENT") events.push({});
    } else if (name === "END") {
      expect(open.pop()).toBe(value);
    } else if (open.at(-1) === "VEVENT") {
      const event = events.at(-1) ?? {};
      event[name] = value;
    } else {
      calendar[name] = value;
    }
  }
  expect(open).toEqual([]);
  return { calendar, events };
}

const plan = (hoursPerWeek: number) =>
  buildPlan({ learnerType: "Complete Beginner", hoursPerWeek, start: "2027-01-04" }, material);

describe("planCalendar", () => {
  it("writes one all-day event per step and one per milestone, on the plan's dates", () => {
    const sixHours = plan(6);
    const { calendar, events } = parseCalendar(planCalendar(sixHours));
    expect(calendar.VERSION).toBe("2.0");
    expect(calendar.PRODID).toBe("study-assistant/personal-plan");
    const milestones = sixHours.steps.filter((step) => step.milestone !== undefined);
    expect(events).toHaveLength(sixHours.steps.length + milestones.length);
    expect(new Set(events.map((event) => event.UID)).size).toBe(events.length);
    const compact = (date: string) => date.replace(/-/g, "");
    for (const step of sixHours.steps) {
      const event = events.find((entry) => entry.SUMMARY?.startsWith(`Step ${step.n}:`));
      expect(event?.["DTSTART;VALUE=DATE"]).toBe(compact(step.start));
      // DTEND of an all-day event is the day after the last day.
      expect(Number(event?.["DTEND;VALUE=DATE"])).toBeGreaterThan(Number(compact(step.end)));
      expect(event?.DESCRIPTION).toContain(`passage ${step.from.chunkId}`);
    }
    for (const step of milestones) {
      const event = events.find((entry) =>
        entry.SUMMARY?.startsWith(`Milestone\\, step ${step.n}:`),
      );
      expect(event?.["DTSTART;VALUE=DATE"]).toBe(compact(step.end));
      expect(event?.DESCRIPTION).toContain(`passage ${step.milestone?.from.chunkId}`);
    }
  });

  it("has later dates at 6 hours per week than at 15", () => {
    const lastStart = (hoursPerWeek: number) => {
      const { events } = parseCalendar(planCalendar(plan(hoursPerWeek)));
      return Math.max(...events.map((event) => Number(event["DTSTART;VALUE=DATE"])));
    };
    expect(lastStart(6)).toBeGreaterThan(lastStart(15));
  });

  it("keeps event ids for the same plan, so a re-import updates instead of doubling", () => {
    const uids = (text: string) => parseCalendar(text).events.map((event) => event.UID);
    expect(uids(planCalendar(plan(8)))).toEqual(uids(planCalendar(plan(8))));
    expect(uids(planCalendar(plan(8)))).not.toEqual(uids(planCalendar(plan(9))));
  });
});
