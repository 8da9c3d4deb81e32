import { describe, expect, it } from "vitest";
import { buildPlan, planMaterial } from "../../src/study/personal-plan.ts";
import { planCalendar } from "../../src/study/plan-calendar.ts";
import { parseCalendar } from "../support/parse-calendar.ts";
import { committedChunks } from "./study-fixtures.ts";

const material = planMaterial(committedChunks());

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
