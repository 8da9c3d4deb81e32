import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import type { Config } from "../config.ts";
import { OutputUnwritableError } from "../errors/plan-errors.ts";
import { RequestValidationError } from "../errors/request-errors.ts";
import { loadStudyChunks } from "../study/internal/load-study-chunks.ts";
import { buildPlan, type PlanRequest, planMaterial } from "../study/personal-plan.ts";
import { planCalendar } from "../study/plan-calendar.ts";
import { renderPlanMarkdown } from "../study/render-plan.ts";
import { QuestionUnderstanding } from "../understanding/question-understanding.ts";
import type { StudySubcommand } from "./study-command.ts";

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
  const chunks = await loadStudyChunks(config.INDEX_DIR);
  // Question understanding (abbreviations, spelling) only helps a description; it costs a second.
  const understanding =
    options.describe === undefined ? undefined : new QuestionUnderstanding(chunks);
  const request: PlanRequest = {
    hoursPerWeek,
    ...(options.learner === undefined ? {} : { learnerType: options.learner }),
    ...(options.describe === undefined ? {} : { description: options.describe }),
    ...(options.start === undefined ? {} : { start: options.start }),
  };
  const plan = buildPlan(
    request,
    planMaterial(
      chunks,
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

/** Adds `plan` to `study` (`npm run study -- plan …`). */
export const planSubcommand: StudySubcommand = (study, context) => {
  study
    .command("plan")
    .description(
      "a month-by-month plan with dates for a learner type (or a description of you) and hours per week",
    )
    .option("--learner <type>", 'a learner type of the roadmap, e.g. "Data Analyst", "cs student"')
    .option("--describe <text>", 'a sentence about you, e.g. "final year btech cse"')
    .requiredOption("--hours <n>", "hours per week you can study, 1 to 60")
    .option("--start <date>", "the first day, YYYY-MM-DD (default: today)")
    .option("--ics <file>", "also write the plan as an iCalendar file")
    .option("--json", "print the plan as JSON instead of Markdown", false)
    .action(async (options: PlanCommandOptions, command: Command) => {
      await planCommand(context.config(command), options);
    });
};
