import { describe, expect, it } from "vitest";
import {
  HoursOutOfRangeError,
  InvalidDateError,
  UnknownLearnerTypeError,
} from "../../src/errors/plan-errors.ts";
import { RequestValidationError } from "../../src/errors/request-errors.ts";
import { addMonths, dateAtMonth, parseIsoDate } from "../../src/study/internal/plan-dates.ts";
import type { LearnerType } from "../../src/study/learner-types.ts";
import {
  BASELINE_HOURS_PER_WEEK,
  buildPlan,
  type PersonalPlan,
  planMaterial,
} from "../../src/study/personal-plan.ts";
import { renderPlanMarkdown } from "../../src/study/render-plan.ts";
import type { Step, StudySource } from "../../src/study/study-types.ts";
import { committedChunks } from "./study-fixtures.ts";

const chunks = committedChunks();
const material = planMaterial(chunks);
const chunkById = new Map(chunks.map((chunk) => [chunk.id, chunk]));

const from = (chunkId: string): StudySource => ({
  chunkId,
  source: "corpus/roadmap.md",
  section: "fixture",
});

/** A small roadmap: three steps over months 1–2, 3 and 4–6 (six months). */
const fixtureSteps: Step[] = [
  {
    n: 1,
    title: "Basics",
    months: { value: "Month 1–2", from: from("s1") },
    monthRange: { first: 1, last: 2 },
    sections: [],
    tools: [],
    milestone: { value: "Load a CSV", from: from("m1") },
    projects: [],
  },
  {
    n: 2,
    title: "Models",
    months: { value: "Month 3", from: from("s2") },
    monthRange: { first: 3, last: 3 },
    sections: [],
    tools: [{ name: "Scikit-learn", main: true, from: from("t2") }],
    projects: [{ name: "Churn", difficulty: "Beginner", buildTime: "2 weeks", from: from("p2") }],
  },
  {
    n: 3,
    title: "Deploy",
    months: { value: "Month 4–6", from: from("s3") },
    monthRange: { first: 4, last: 6 },
    sections: [],
    tools: [],
    milestone: { value: "Serve a model", from: from("m3") },
    projects: [],
  },
];
const fixtureTypes: LearnerType[] = [
  {
    name: "Tinkerer",
    timeline: "6–6 months",
    timelineMonths: { min: 6, max: 6 },
    firstProject: "A toy",
    from: from("lt1"),
  },
  {
    name: "Dreamer",
    timeline: "10–14 months",
    timelineMonths: { min: 10, max: 14 },
    from: from("lt2"),
  },
];
const fixture = { steps: fixtureSteps, learnerTypes: fixtureTypes };

describe("buildPlan on a fixture roadmap", () => {
  it("takes the timeline's middle at the baseline hours, each step keeping its share", () => {
    const plan = buildPlan(
      { learnerType: "Dreamer", hoursPerWeek: BASELINE_HOURS_PER_WEEK, start: "2027-01-04" },
      fixture,
    );
    // 12 months for a 6-month roadmap: every roadmap month becomes two calendar months.
    expect(plan.lengthMonths).toBe(12);
    expect(plan.steps.map((step) => [step.n, step.start, step.end])).toEqual([
      [1, "2027-01-04", "2027-05-03"],
      [2, "2027-05-04", "2027-07-03"],
      [3, "2027-07-04", "2028-01-03"],
    ]);
    expect(plan.end).toBe("2028-01-03");
    expect(plan.steps[0]?.milestone).toMatchObject({ text: "Load a CSV", due: "2027-05-03" });
    expect(plan.steps[1]?.milestone).toBeUndefined();
    expect(plan.steps[1]?.tools).toEqual([{ name: "Scikit-learn", from: from("t2") }]);
    expect(plan.steps[1]?.projects[0]?.name).toBe("Churn");
    expect(plan.months).toHaveLength(12);
    expect(plan.months[4]).toMatchObject({ n: 5, start: "2027-05-04", end: "2027-06-03" });
    expect(plan.months[4]?.steps.map((step) => step.n)).toEqual([2]);
    expect(plan.months[3]?.milestones.map((milestone) => milestone.step)).toEqual([1]);
    expect(plan.months.at(-1)?.end).toBe(plan.end);
  });

  it("stretches for fewer hours and compresses for more, within the pace limits", () => {
    const at = (hoursPerWeek: number) =>
      buildPlan({ learnerType: "Dreamer", hoursPerWeek, start: "2027-01-04" }, fixture);
    expect(at(5).lengthMonths).toBe(24);
    expect(at(20).lengthMonths).toBe(6);
    // Past 20 h/week the plan stops shrinking, and says so.
    expect(at(40).lengthMonths).toBe(6);
    expect(at(40).notes.join(" ")).toContain("does not shorten the plan further");
    expect(at(20).notes).toEqual([]);
    // Below 3⅓ h/week it stops growing at three times the middle, and says so.
    expect(at(1).lengthMonths).toBe(36);
    expect(at(1).notes.join(" ")).toContain("would take about 120 months");
  });

  it("counts calendar months from the start, clamping to short months", () => {
    const start = parseIsoDate("2027-01-31");
    expect(addMonths(start, 1).toISOString().slice(0, 10)).toBe("2027-02-28");
    expect(addMonths(start, 2).toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(addMonths(parseIsoDate("2028-01-31"), 1).toISOString().slice(0, 10)).toBe("2028-02-29");
    expect(dateAtMonth(parseIsoDate("2027-01-01"), 0.5).toISOString().slice(0, 10)).toBe(
      "2027-01-17",
    );
  });

  it("starts today when no start is given", () => {
    const plan = buildPlan({ learnerType: "Tinkerer", hoursPerWeek: 10 }, fixture, {
      now: new Date(2027, 2, 9, 23, 30),
    });
    expect(plan.start).toBe("2027-03-09");
  });

  it("refuses hours out of range, malformed dates and unknown names with what is allowed", () => {
    const plan = (request: Parameters<typeof buildPlan>[0]) => () => buildPlan(request, fixture);
    for (const hoursPerWeek of [0, 0.5, 61, 1000, -3, Number.NaN]) {
      expect(plan({ learnerType: "Dreamer", hoursPerWeek })).toThrow(HoursOutOfRangeError);
    }
    expect(plan({ learnerType: "Dreamer", hoursPerWeek: 61 })).toThrow(
      "hours per week must be between 1 and 60; got 61",
    );
    for (const start of ["2027-02-30", "04/01/2027", "2027-1-4", "tomorrow", "1850-01-01"]) {
      expect(plan({ learnerType: "Dreamer", hoursPerWeek: 8, start })).toThrow(InvalidDateError);
    }
    expect(plan({ learnerType: "Astronaut", hoursPerWeek: 8 })).toThrow(
      'no learner type called "Astronaut"; the roadmap\'s learner types are: Tinkerer, Dreamer',
    );
    expect(plan({ learnerType: "Astronaut", hoursPerWeek: 8 })).toThrow(UnknownLearnerTypeError);
    expect(plan({ hoursPerWeek: 8 })).toThrow(RequestValidationError);
    expect(plan({ learnerType: "Dreamer", description: "I dream", hoursPerWeek: 8 })).toThrow(
      RequestValidationError,
    );
  });
});

describe("buildPlan on the roadmap", () => {
  const plan = (hoursPerWeek: number, learnerType = "Complete Beginner"): PersonalPlan =>
    buildPlan({ learnerType, hoursPerWeek, start: "2027-01-04" }, material);

  it("plans every step of the roadmap within the learner type's timeline at the baseline", () => {
    const beginner = plan(BASELINE_HOURS_PER_WEEK);
    expect(beginner.steps.map((step) => step.n)).toEqual(material.steps.map((step) => step.n));
    expect(beginner.pace.expectedTimeline.value).toBe("12–15 months");
    expect(beginner.lengthMonths).toBe(13.5);
    expect(beginner.firstProject?.value).toBe("House price prediction with Scikit-learn");
    const analyst = plan(BASELINE_HOURS_PER_WEEK, "analyst");
    expect(analyst.learnerType.name).toBe("Data Analyst");
    expect(analyst.lengthMonths).toBe(7.5);
    expect(analyst.end < beginner.end).toBe(true);
  });

  it("ends later at 6 hours per week than at 15, step by step", () => {
    const slow = plan(6);
    const fast = plan(15);
    expect(slow.end > fast.end).toBe(true);
    for (const [index, step] of slow.steps.entries()) {
      expect(step.end > (fast.steps[index]?.end ?? "")).toBe(true);
      expect(step.milestone?.due).toBe(step.end);
    }
    // Fewer hours never give an earlier end.
    const ends = [2, 4, 6, 8, 10, 15, 20, 40].map((hours) => plan(hours).end);
    expect([...ends].sort().reverse()).toEqual(ends);
  });

  it("cites, for every item, a passage of the index that states it", () => {
    const described = buildPlan(
      { description: "final year btech cse", hoursPerWeek: 8, start: "2027-01-04" },
      material,
    );
    expect(described.learnerType.name).toBe("CS / IT Student");
    expect(described.matched.how).toBe("description");
    const said: Array<[string, StudySource]> = [
      [described.learnerType.name, described.learnerType.from],
      [described.pace.expectedTimeline.value, described.pace.expectedTimeline.from],
    ];
    for (const step of described.steps) {
      said.push([step.roadmapMonths.value, step.roadmapMonths.from]);
      if (step.milestone !== undefined) said.push([step.milestone.text, step.milestone.from]);
      for (const project of step.projects) said.push([project.name, project.from]);
      for (const tool of step.tools) said.push([tool.name, tool.from]);
    }
    expect(said.length).toBeGreaterThan(20);
    const normal = (text: string) => text.replace(/\s+/g, " ");
    for (const [text, source] of said) {
      const chunk = chunkById.get(source.chunkId);
      expect(chunk?.section, text).toBe(source.section);
      expect(normal(chunk?.text ?? ""), text).toContain(normal(text));
    }
  });

  it("states the hours assumption, since the roadmap gives none", () => {
    // If the corpus ever states weekly hours, the baseline should come from it instead.
    const weekly = /\b(\d+\s*)?(hours?|hrs?|h)\s*(per|a|each|every|\/)\s*week\b/i;
    expect(chunks.filter((chunk) => weekly.test(chunk.text))).toEqual([]);
    const beginner = plan(8);
    expect(beginner.pace.assumption).toContain(
      `assumes ${BASELINE_HOURS_PER_WEEK} hours per week for the middle of the expected timeline`,
    );
    expect(beginner.pace.assumption).toContain("the roadmap does not give hours per week");
    expect(beginner.notes.join(" ")).toContain("Step 7 is open-ended in the roadmap (Month 12+)");
  });
});

describe("renderPlanMarkdown", () => {
  it("renders the summary, every month and step, and numbered sources for every citation", () => {
    const plan = buildPlan({ learnerType: "SWE", hoursPerWeek: 12, start: "2027-01-04" }, material);
    const markdown = renderPlanMarkdown(plan);
    expect(markdown).toContain("# ML study plan: Software Engineer, 12 hours per week");
    expect(markdown).toContain("the roadmap does not give hours per week");
    for (const month of plan.months) {
      expect(markdown).toContain(`| ${month.n} | ${month.start} to ${month.end} |`);
    }
    for (const step of plan.steps) expect(markdown).toContain(`### Step ${step.n}: ${step.title}`);
    const [body = "", sources = ""] = markdown.split("## Sources");
    const cited = new Set([...body.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
    const listed = [...sources.matchAll(/^\[(\d+)\] /gm)].map((match) => Number(match[1]));
    expect(listed).toEqual([...cited].sort((left, right) => left - right));
    expect(listed).toEqual(listed.map((_, index) => index + 1));
  });

  it("says why a type was chosen only when it was not named", () => {
    const summary = (learner: { learnerType: string } | { description: string }) =>
      renderPlanMarkdown(buildPlan({ ...learner, hoursPerWeek: 8, start: "2027-01-04" }, material))
        .split("\n")
        .find((line) => line.includes("Learner type:"));
    expect(summary({ learnerType: "Career Switcher" })).toMatch(
      /Learner type: \*\*Career Switcher\*\* \[\d+\]\.$/,
    );
    expect(summary({ learnerType: "SWE" })).toContain(': "SWE" is short for "software engineer".');
    // A close runner-up is named without the scores behind it.
    const described = summary({ description: "I know basic python but nothing about ML" });
    expect(described).toContain('(a close second: "Data Analyst")');
    expect(described).not.toMatch(/\d\.\d+ against/);
  });
});
