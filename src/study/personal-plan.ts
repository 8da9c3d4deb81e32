import type { Chunk } from "../chunking/chunk.ts";
import { HoursOutOfRangeError, UnknownLearnerTypeError } from "../errors/plan-errors.ts";
import { RequestValidationError } from "../errors/request-errors.ts";
import { extractSteps } from "./extract-steps.ts";
import { addDays, dateAtMonth, formatIsoDate, parseIsoDate, today } from "./internal/plan-dates.ts";
import {
  type LearnerType,
  type LearnerTypeMatch,
  learnerTypeByName,
  learnerTypes,
  nearestLearnerType,
} from "./learner-types.ts";
import type { Sourced, Step, StepProject, StudySource } from "./study-types.ts";

/** Hours per week a plan can be made for. */
export const HOURS_PER_WEEK_RANGE = { min: 1, max: 60 } as const;

/**
 * Hours per week at which a plan takes the middle of the learner type's expected timeline. The
 * roadmap gives timelines in months but never hours per week (tests/study/plan.test.ts checks the
 * corpus still says none), so this is the plan's own assumption, stated in every plan.
 * @default 10
 */
export const BASELINE_HOURS_PER_WEEK = 10;

/**
 * How far hours per week move the plan away from the timeline's middle: at most twice as fast
 * (20 h/week and more: absorbing the material and building projects take calendar time too) and
 * at most three times as slow (3⅓ h/week and fewer: a longer plan stops being a plan).
 */
export const PACE_LIMITS = { fastest: 0.5, slowest: 3 } as const;

/** What a plan is asked for: a learner type by name, or a description of the learner. */
export type PlanRequest = {
  /** A name from the learner-type table, case and abbreviation tolerant ("cs student", "SWE"). */
  learnerType?: string;
  /** Free text about the learner ("I'm 28, in marketing, no CS degree"); the nearest type is used. */
  description?: string;
  /** Between 1 and 60. */
  hoursPerWeek: number;
  /** `YYYY-MM-DD`; today when not given. */
  start?: string;
};

/** A step of the plan with its dates. */
export type PlanStep = {
  n: number;
  title: string;
  /** The roadmap's months for the step, as written ("Month 6–8"). */
  roadmapMonths: Sourced<string>;
  /** First and last day, inclusive, `YYYY-MM-DD`. */
  start: string;
  end: string;
  /** The plan's months (1-based) this step runs in. */
  planMonths: { first: number; last: number };
  /** True for a step the roadmap leaves open ("Month 12+"): it goes on after the plan's end. */
  ongoing: boolean;
  focus?: Sourced<string>;
  /** The overview table's main tools for the step. */
  tools: Array<{ name: string; from: StudySource }>;
  /** Due on the step's last day. */
  milestone?: { text: string; summary?: string; due: string; from: StudySource };
  projects: StepProject[];
  from: StudySource;
};

/** One calendar month of the plan. */
export type PlanMonth = {
  n: number;
  start: string;
  end: string;
  steps: Array<{ n: number; title: string; from: StudySource }>;
  milestones: Array<{ step: number; text: string; due: string; from: StudySource }>;
};

/** A month-by-month plan: every item names the passage it came from. */
export type PersonalPlan = {
  learnerType: LearnerType;
  /** How the learner type was chosen from the request, and why. */
  matched: Pick<LearnerTypeMatch, "how" | "reason" | "evidence"> & { input: string };
  hoursPerWeek: number;
  start: string;
  /** The last step's last day. */
  end: string;
  /** Length in months, one decimal. */
  lengthMonths: number;
  pace: {
    /** The type's expected timeline as written, e.g. "12–15 months". */
    expectedTimeline: Sourced<string>;
    /** Its middle in months, the plan's length at the baseline hours. */
    expectedMonths: number;
    baselineHoursPerWeek: number;
    /** Plan length ÷ expected months: below 1 faster, above 1 slower. */
    factor: number;
    /** The assumption behind the dates, in words (shown with every plan). */
    assumption: string;
  };
  firstFocus?: Sourced<string>;
  firstProject?: Sourced<string>;
  /** Things the learner should know about these dates (a pace limit reached, an open-ended step). */
  notes: string[];
  steps: PlanStep[];
  months: PlanMonth[];
};

/** What a plan is made from: the roadmap's steps and learner types. */
export type PlanMaterial = {
  steps: readonly Step[];
  learnerTypes: readonly LearnerType[];
  /** Normalises a description first (question understanding: abbreviations, spelling). */
  understand?: (text: string) => string;
};

/** The plan material of an index's chunks (each part memoised per chunks array). */
export function planMaterial(
  chunks: readonly Chunk[],
  understand?: (text: string) => string,
): PlanMaterial {
  return {
    steps: extractSteps(chunks),
    learnerTypes: learnerTypes(chunks),
    ...(understand === undefined ? {} : { understand }),
  };
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

function chooseLearnerType(request: PlanRequest, material: PlanMaterial) {
  const { learnerType, description } = request;
  if ((learnerType === undefined) === (description === undefined)) {
    throw new RequestValidationError("give exactly one of learnerType and description", [
      { path: "(body)", message: "give exactly one of learnerType and description" },
    ]);
  }
  if (learnerType !== undefined) {
    const match = learnerTypeByName(material.learnerTypes, learnerType);
    if (match === undefined) {
      throw new UnknownLearnerTypeError(
        learnerType,
        material.learnerTypes.map((type) => type.name),
      );
    }
    return { match, input: learnerType };
  }
  const text = description ?? "";
  return {
    match: nearestLearnerType(material.learnerTypes, text, material.understand),
    input: text,
  };
}

/**
 * A month-by-month plan: the roadmap's steps in order, each keeping its share of the roadmap's
 * months, scaled so the whole plan takes the middle of the learner type's expected timeline at
 * BASELINE_HOURS_PER_WEEK, and that length × baseline ÷ hours per week otherwise (within
 * PACE_LIMITS). Dates count calendar months from `start`; milestones are due on their step's last
 * day. Throws HoursOutOfRangeError, InvalidDateError, UnknownLearnerTypeError.
 */
export function buildPlan(
  request: PlanRequest,
  material: PlanMaterial,
  options: { now?: Date } = {},
): PersonalPlan {
  const hours = request.hoursPerWeek;
  if (
    !Number.isFinite(hours) ||
    hours < HOURS_PER_WEEK_RANGE.min ||
    hours > HOURS_PER_WEEK_RANGE.max
  ) {
    throw new HoursOutOfRangeError(hours, HOURS_PER_WEEK_RANGE);
  }
  const start = request.start === undefined ? today(options.now) : parseIsoDate(request.start);
  const { match, input } = chooseLearnerType(request, material);
  const type = match.type;
  const steps = [...material.steps].sort((left, right) => left.n - right.n);
  const notes: string[] = [];

  const expectedMonths = (type.timelineMonths.min + type.timelineMonths.max) / 2;
  const rawFactor = BASELINE_HOURS_PER_WEEK / hours;
  const factor = Math.min(PACE_LIMITS.slowest, Math.max(PACE_LIMITS.fastest, rawFactor));
  const lengthMonths = expectedMonths * factor;
  if (rawFactor < PACE_LIMITS.fastest) {
    notes.push(
      `More than ${BASELINE_HOURS_PER_WEEK / PACE_LIMITS.fastest} hours per week does not shorten the plan further: it is held at ${oneDecimal(lengthMonths)} months, half the expected ${type.timeline}, since absorbing the material and building projects take calendar time too.`,
    );
  } else if (rawFactor > PACE_LIMITS.slowest) {
    notes.push(
      `At ${hours} hour${hours === 1 ? "" : "s"} per week the roadmap's pace would take about ${oneDecimal(expectedMonths * rawFactor)} months; the plan is held at ${oneDecimal(lengthMonths)} months (three times the expected ${type.timeline}), so its dates are early for this many hours: more hours per week would make them realistic.`,
    );
  }

  const firstMonth = Math.min(...steps.map((step) => step.monthRange.first));
  const lastMonth = Math.max(...steps.map((step) => step.monthRange.last));
  const roadmapMonths = steps.length === 0 ? 1 : lastMonth - firstMonth + 1;
  const scale = lengthMonths / roadmapMonths;
  const planSteps = steps.map((step): PlanStep => {
    const from = (step.monthRange.first - firstMonth) * scale;
    const to = (step.monthRange.last - firstMonth + 1) * scale;
    const startDate = dateAtMonth(start, from);
    const endDate = addDays(dateAtMonth(start, to), -1);
    const last = new Date(Math.max(endDate.getTime(), startDate.getTime()));
    const ongoing = /\+/.test(step.months.value);
    const milestone = step.milestone ?? step.milestoneSummary;
    return {
      n: step.n,
      title: step.title,
      roadmapMonths: step.months,
      start: formatIsoDate(startDate),
      end: formatIsoDate(last),
      planMonths: {
        first: Math.floor(from) + 1,
        last: Math.max(Math.floor(from) + 1, Math.ceil(to)),
      },
      ongoing,
      ...(step.focus === undefined ? {} : { focus: step.focus }),
      tools: step.tools
        .filter((tool) => tool.main === true)
        .map((tool) => ({ name: tool.name, from: tool.from })),
      ...(milestone === undefined
        ? {}
        : {
            milestone: {
              text: milestone.value,
              ...(step.milestoneSummary !== undefined && step.milestoneSummary !== milestone
                ? { summary: step.milestoneSummary.value }
                : {}),
              due: formatIsoDate(last),
              from: milestone.from,
            },
          }),
      projects: step.projects,
      from: step.months.from,
    };
  });
  for (const step of planSteps.filter((entry) => entry.ongoing)) {
    notes.push(
      `Step ${step.n} is open-ended in the roadmap (${step.roadmapMonths.value}): its dates are where it starts; keep going after ${step.end}.`,
    );
  }

  const end =
    planSteps
      .map((step) => step.end)
      .sort()
      .at(-1) ?? formatIsoDate(start);
  const monthCount = Math.max(1, Math.ceil(lengthMonths - 1e-9));
  const months: PlanMonth[] = [];
  for (let n = 1; n <= monthCount; n++) {
    const monthStart = formatIsoDate(dateAtMonth(start, n - 1));
    const nextStart = formatIsoDate(addDays(dateAtMonth(start, n), -1));
    const monthEnd = n === monthCount || nextStart > end ? end : nextStart;
    months.push({
      n,
      start: monthStart,
      end: monthEnd,
      steps: planSteps
        .filter((step) => step.start <= monthEnd && step.end >= monthStart)
        .map((step) => ({ n: step.n, title: step.title, from: step.from })),
      milestones: planSteps.flatMap((step) =>
        step.milestone !== undefined && step.end >= monthStart && step.end <= monthEnd
          ? [
              {
                step: step.n,
                text: step.milestone.text,
                due: step.milestone.due,
                from: step.milestone.from,
              },
            ]
          : [],
      ),
    });
  }

  return {
    learnerType: type,
    matched: { how: match.how, reason: match.reason, evidence: match.evidence, input },
    hoursPerWeek: hours,
    start: formatIsoDate(start),
    end,
    lengthMonths: oneDecimal(lengthMonths),
    pace: {
      expectedTimeline: { value: type.timeline, from: type.from },
      expectedMonths,
      baselineHoursPerWeek: BASELINE_HOURS_PER_WEEK,
      factor: Math.round(factor * 100) / 100,
      assumption: `assumes ${BASELINE_HOURS_PER_WEEK} hours per week for the middle of the expected timeline (${type.timeline} → ${expectedMonths} months), and proportionally longer or shorter for fewer or more hours; the roadmap does not give hours per week`,
    },
    ...(type.firstFocus === undefined
      ? {}
      : { firstFocus: { value: type.firstFocus, from: type.from } }),
    ...(type.firstProject === undefined
      ? {}
      : { firstProject: { value: type.firstProject, from: type.from } }),
    notes,
    steps: planSteps,
    months,
  };
}
