import { writeFile } from "node:fs/promises";
import type { Config } from "../config.ts";
import { createEmbedder } from "../create-services.ts";
import { OutputUnwritableError } from "../errors/plan-errors.ts";
import { RequestValidationError } from "../errors/request-errors.ts";
import { loadIndex } from "../index/index-store.ts";
import { buildPlan, type PlanRequest, planMaterial } from "../study/personal-plan.ts";
import { planCalendar } from "../study/plan-calendar.ts";
import { renderPlanMarkdown } from "../study/render-plan.ts";
import { QuestionUnderstanding } from "../understanding/question-understanding.ts";

/** `study plan` options as commander hands them over (values are strings). */
export type PlanCommandOptions = {
  /** A learner type's name ("Data Analyst", "cs student", "SWE"). */
  learner?: string;
  /** Free text about the learner; the nearest learner type is used. */
  describe?: string;
  hours: string;
  /** `YYYY-MM-DD`; today when not given. */
  start?: string;
  /** Also write the plan as an iCalendar file here. */
  ics?: string;
  /** Print the plan as JSON instead of Markdown. */
  json: boolean;
};

/** Hours as typed: a plain decimal number; the range is checked by `buildPlan`. */
function parseHours(text: string): number {
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(text)) {
    throw new RequestValidationError(
      `--hours is ${JSON.stringify(text.slice(0, 40))}; give the hours per week you can study as a number, e.g. --hours 8`,
    );
  }
  return Number(text);
}

/**
 * `study plan --learner "…" | --describe "…" --hours 8 [--start 2027-01-04] [--ics plan.ics]
 * [--json]`: prints the personal plan as Markdown (or JSON), and writes the calendar when asked.
 * Reads the index's chunks only: no model is loaded. Bad input exits 2 with the error's message.
 */
export async function planCommand(config: Config, options: PlanCommandOptions): Promise<void> {
  if ((options.learner === undefined) === (options.describe === undefined)) {
    throw new RequestValidationError(
      'give exactly one of --learner "<learner type>" and --describe "<a sentence about you>"',
    );
  }
  const hoursPerWeek = parseHours(options.hours);
  const index = await loadIndex(config.INDEX_DIR, await createEmbedder(config));
  // Question understanding (abbreviations, spelling) only helps a description; it costs a second.
  const understanding =
    options.describe === undefined ? undefined : new QuestionUnderstanding(index.chunks);
  const request: PlanRequest = {
    hoursPerWeek,
    ...(options.learner === undefined ? {} : { learnerType: options.learner }),
    ...(options.describe === undefined ? {} : { description: options.describe }),
    ...(options.start === undefined ? {} : { start: options.start }),
  };
  const plan = buildPlan(
    request,
    planMaterial(
      index.chunks,
      understanding === undefined
        ? undefined
        : (text) => understanding.understand(text).understoodAs,
    ),
  );
  if (options.ics !== undefined) {
    const file = options.ics;
    await writeFile(file, planCalendar(plan)).catch((error: unknown) => {
      throw new OutputUnwritableError(file, (error as Error).message, { cause: error });
    });
    const events = plan.steps.length + plan.steps.filter((step) => step.milestone).length;
    process.stderr.write(`Wrote ${events} calendar events to ${file}.\n`);
  }
  process.stdout.write(options.json ? `${JSON.stringify(plan)}\n` : renderPlanMarkdown(plan));
}
