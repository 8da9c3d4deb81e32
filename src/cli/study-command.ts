import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import type { Command } from "commander";
import type { Config } from "../config.ts";
import { AppError } from "../errors/app-error.ts";
import { stepCards } from "../study/cards.ts";
import { extractSteps } from "../study/extract-steps.ts";
import { gradeAnswer } from "../study/grade-answer.ts";
import { loadStudyChunks } from "../study/internal/load-study-chunks.ts";
import { resolveStep } from "../study/internal/step-number.ts";
import { studyGuide } from "../study/study-guide.ts";
import type { Card } from "../study/study-types.ts";
import { terminalSafe } from "../text/terminal-safe.ts";
import { planSubcommand } from "./plan-command.ts";

/** What a `study` subcommand gets: the settings of the command line, and a way to set the exit code. */
export type StudyContext = {
  config: (command: Command) => Config;
  setExitCode: (code: number) => void;
};

/** Adds one subcommand to `study`; `plan` lives in its own file and is added the same way. */
export type StudySubcommand = (study: Command, context: StudyContext) => void;

/** Cards a quiz asks when `--limit` is not given. */
const DEFAULT_QUIZ_CARDS = 10;

/**
 * `study steps | guide <n> | quiz <n> | plan …` (`npm run study -- …`), plus any extra
 * subcommands given. They read the chunks of the current index only, no model.
 */
export function studyCommand(
  program: Command,
  context: StudyContext,
  extra: readonly StudySubcommand[] = [],
): Command {
  const study = program
    .command("study")
    .description(
      "study tools: the roadmap's steps, a study guide per step, quizzes, a personal plan",
    );
  for (const add of [stepsSubcommand, guideSubcommand, quizSubcommand, planSubcommand, ...extra]) {
    add(study, context);
  }
  return study;
}

const stepsSubcommand: StudySubcommand = (study, context) => {
  study
    .command("steps")
    .description("list the roadmap's steps with months, focus, tools and milestone")
    .option("--json", "print the steps as JSON", false)
    .action(async (options: { json: boolean }, command: Command) => {
      const chunks = await loadStudyChunks(context.config(command).INDEX_DIR);
      const steps = extractSteps(chunks);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ steps })}\n`);
        return;
      }
      const lines = steps.flatMap((step) => [
        `Step ${step.n} (${step.months.value}): ${step.title}`,
        ...(step.focus === undefined ? [] : [`  Focus: ${step.focus.value}`]),
        `  Tools: ${step.tools.map((tool) => tool.name).join(", ")}`,
        ...(step.milestone === undefined ? [] : [`  Milestone: ${step.milestone.value}`]),
        "",
      ]);
      process.stdout.write(terminalSafe(lines.join("\n")));
    });
};

const guideSubcommand: StudySubcommand = (study, context) => {
  study
    .command("guide")
    .description("print the study guide of step <n> as Markdown, with its sources")
    .argument("<n>", "step number")
    .option("--json", "print { step, markdown, citations, generator, notices? }", false)
    .action(async (n: string, options: { json: boolean }, command: Command) => {
      const config = context.config(command);
      const chunks = await loadStudyChunks(config.INDEX_DIR);
      const step = resolveStep(chunks, n);
      // The composition root loads the whole pipeline's code; only this subcommand needs it.
      const { studyGuideWriter } = await import("../create-services.ts");
      const writer = await studyGuideWriter(config);
      const guide = await studyGuide(chunks, step.n, writer === undefined ? {} : { writer });
      if (guide === undefined) return;
      if (options.json) {
        process.stdout.write(`${JSON.stringify(guide)}\n`);
        return;
      }
      const notices = (guide.notices ?? []).map((notice) => `(${notice})\n\n`).join("");
      const sources = guide.citations
        .map((citation) => `[${citation.n}] ${citation.section} (${citation.source})`)
        .join("\n");
      process.stdout.write(terminalSafe(`${notices}${guide.markdown}\nSources:\n${sources}\n`));
    });
};

const quizSubcommand: StudySubcommand = (study, context) => {
  study
    .command("quiz")
    .description("an interactive quiz on step <n>: answer each card, see the grade and the passage")
    .argument("<n>", "step number")
    .option("--limit <count>", `cards to ask (default ${DEFAULT_QUIZ_CARDS})`)
    .option("--json", "print the step's cards as JSON instead of asking them", false)
    .action(async (n: string, options: { limit?: string; json: boolean }, command: Command) => {
      const chunks = await loadStudyChunks(context.config(command).INDEX_DIR);
      const step = resolveStep(chunks, n);
      const cards = stepCards(chunks, step.n) ?? [];
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ step: step.n, cards })}\n`);
        return;
      }
      const limit = parseLimit(options.limit, cards.length);
      await runQuiz(cards.slice(0, limit), { input: process.stdin, output: process.stdout });
    });
};

function parseLimit(given: string | undefined, available: number): number {
  if (given === undefined) return DEFAULT_QUIZ_CARDS;
  if (!/^\d{1,4}$/.test(given.trim()) || Number(given) < 1) {
    throw new AppError(
      `--limit must be a whole number from 1 to 9999; got ${JSON.stringify(given.slice(0, 20))}`,
      { code: "invalid_request", exitCode: 2 },
    );
  }
  return Math.min(Number(given), available);
}

/**
 * Asks each card on `output`, reads an answer per line from `input`, grades it and shows the
 * passage it came from; ends with the score. Stops early, with the score so far, when the input
 * ends. Returns how many were right.
 */
export async function runQuiz(
  cards: readonly Card[],
  io: { input: Readable; output: Writable },
): Promise<{ asked: number; correct: number }> {
  const write = (text: string) => io.output.write(terminalSafe(text));
  const lines = createInterface({ input: io.input, terminal: false });
  const answers = lines[Symbol.asyncIterator]();
  let asked = 0;
  let correct = 0;
  try {
    for (const [position, card] of cards.entries()) {
      write(`\n${position + 1}/${cards.length}  ${card.prompt}\n`);
      for (const [index, choice] of (card.choices ?? []).entries()) {
        write(`   ${String.fromCharCode(65 + index)}) ${choice}\n`);
      }
      write("> ");
      const next = await answers.next();
      if (next.done === true) {
        write("\n(no more input)\n");
        break;
      }
      asked++;
      const grade = gradeAnswer(card, String(next.value));
      if (grade.correct) correct++;
      write(
        `${grade.correct ? "Right" : "Not quite"}: ${grade.reason}. Answer: ${grade.expected}\n` +
          `   From ${card.from.section} (${card.from.source}):\n   "${oneLine(grade.explanation)}"\n`,
      );
    }
  } finally {
    lines.close();
  }
  write(`\nScore: ${correct} of ${asked} right.\n`);
  return { asked, correct };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 400 ? `${flat.slice(0, 399)}…` : flat;
}
