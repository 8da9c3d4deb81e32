import { createHash } from "node:crypto";
import { createEvents, type DateArray, type EventAttributes } from "ics";
import { AppError } from "../errors/app-error.ts";
import { addDays, parseIsoDate } from "./internal/plan-dates.ts";
import type { PersonalPlan } from "./personal-plan.ts";
import type { StudySource } from "./study-types.ts";

/** `PRODID` of the calendars written here. */
const PRODUCT_ID = "study-assistant/personal-plan";

/** `[year, month, day]`: an all-day date in `ics`' array form. */
function day(date: Date): DateArray {
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

function source(from: StudySource): string {
  return `Source: ${from.section} (${from.source}, passage ${from.chunkId})`;
}

/** The plan's identity, so re-importing the same plan updates its events instead of doubling them. */
function planKey(plan: PersonalPlan): string {
  return createHash("sha256")
    .update(JSON.stringify([plan.learnerType.name, plan.hoursPerWeek, plan.start]))
    .digest("hex")
    .slice(0, 16);
}

/**
 * The plan as an iCalendar file (RFC 5545, written by the `ics` library): one all-day event per
 * step spanning its dates, and one all-day event per milestone on its step's last day. Each
 * event's description names the passage it came from. UIDs are stable for the same learner
 * type, hours and start.
 */
export function planCalendar(plan: PersonalPlan): string {
  const key = planKey(plan);
  const events: EventAttributes[] = [];
  for (const step of plan.steps) {
    const start = parseIsoDate(step.start);
    const details = [
      `${step.start} to ${step.end}${step.ongoing ? " and on" : ""}: the roadmap's ${step.roadmapMonths.value}, scaled to ${plan.hoursPerWeek} hours per week.`,
      step.focus === undefined ? undefined : `Focus: ${step.focus.value}`,
      step.tools.length === 0
        ? undefined
        : `Main tools: ${step.tools.map((tool) => tool.name).join(", ")}`,
      ...step.projects.map((project) => `Project: ${project.name}`),
      source(step.from),
    ].filter((line): line is string => line !== undefined);
    events.push({
      uid: `${key}-step-${step.n}@study-assistant`,
      title: `Step ${step.n}: ${step.title}`,
      description: details.join("\n"),
      start: day(start),
      // All-day events end on the day after their last day (RFC 5545 DTEND is exclusive).
      end: day(addDays(parseIsoDate(step.end), 1)),
      categories: ["ML roadmap", "study step"],
      transp: "TRANSPARENT",
    });
    if (step.milestone !== undefined) {
      const due = parseIsoDate(step.milestone.due);
      events.push({
        uid: `${key}-milestone-${step.n}@study-assistant`,
        title: `Milestone, step ${step.n}: ${step.milestone.summary ?? step.title}`,
        description: `${step.milestone.text}\n${source(step.milestone.from)}`,
        start: day(due),
        end: day(addDays(due, 1)),
        categories: ["ML roadmap", "milestone"],
        transp: "TRANSPARENT",
      });
    }
  }
  const { error, value } = createEvents(events, {
    productId: PRODUCT_ID,
    calName: `ML study plan: ${plan.learnerType.name}, ${plan.hoursPerWeek} h/week`,
  });
  if (error !== null || value === null) {
    throw new AppError(`the calendar could not be written: ${error?.message ?? "no output"}`, {
      code: "internal_error",
      cause: error,
    });
  }
  return value;
}
