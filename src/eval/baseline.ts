import { readJsonFile } from "../internal/read-json-file.ts";
import {
  type BaselineComparison,
  METRIC_NAMES,
  type Metrics,
  type QuestionRecord,
  type Report,
  reportSchema,
} from "./report/report-schema.ts";

/** Metrics where a larger value is worse; for every other rate larger is better. */
const LOWER_IS_BETTER = new Set<keyof Metrics>([
  "hallucinationRate",
  "unanswerableAnsweredRate",
  "falseRefusalRate",
  "danglingCitations",
  "latencyP50Ms",
  "latencyP95Ms",
  "unsupportedClaims",
  "generatorFallbacks",
]);
/** Counts that describe the run rather than its quality: reported, never "worse". */
const NEUTRAL = new Set<keyof Metrics>([
  "questions",
  "answerable",
  "unanswerable",
  "answered",
  "claims",
]);
/** A rate must move by more than this to count as worse (rounding noise otherwise). */
const RATE_TOLERANCE = 0.001;
/** Latency must grow by more than this share to count as worse (timing noise otherwise). */
const LATENCY_TOLERANCE = 0.2;
/** Answer F1 must fall by at least this much for a question to be listed as worse. */
const F1_DROP = 0.1;

/** Reads and validates an earlier report.json to compare with. */
export async function readBaseline(file: string): Promise<Report> {
  return readJsonFile(file, reportSchema, "the baseline report", {
    codes: { unreadable: "baseline_unreadable", invalid: "baseline_invalid" },
  });
}

/** Per-metric deltas (current − baseline) and the questions that got worse, matched by id. */
export function compareWithBaseline(
  current: { metrics: Metrics; questions: QuestionRecord[] },
  baseline: Pick<Report, "metrics" | "questions">,
  file: string,
): BaselineComparison {
  const deltas: BaselineComparison["deltas"] = {};
  for (const name of METRIC_NAMES) {
    const before = baseline.metrics[name];
    const now = current.metrics[name];
    const delta = before === null || now === null ? null : now - before;
    deltas[name] = { baseline: before, current: now, delta, worse: isWorse(name, before, now) };
  }
  const previous = new Map(baseline.questions.map((question) => [question.id, question]));
  const worseQuestions: BaselineComparison["worseQuestions"] = [];
  for (const question of current.questions) {
    const before = previous.get(question.id);
    if (before === undefined) continue;
    const changes = questionChanges(before, question);
    if (changes.length > 0)
      worseQuestions.push({ id: question.id, question: question.question, changes });
  }
  return { file, deltas, worseQuestions };
}

function isWorse(name: keyof Metrics, before: number | null, now: number | null): boolean {
  if (NEUTRAL.has(name) || before === null || now === null) return false;
  if (name === "latencyP50Ms" || name === "latencyP95Ms") {
    return now > before * (1 + LATENCY_TOLERANCE) + 1;
  }
  if (LOWER_IS_BETTER.has(name))
    return now - before > (Number.isInteger(before) && before > 1 ? 0 : RATE_TOLERANCE);
  return before - now > RATE_TOLERANCE;
}

/** What got worse for one question, in words. */
export function questionChanges(before: QuestionRecord, now: QuestionRecord): string[] {
  const changes: string[] = [];
  if (now.answerable && !before.refused && now.refused) changes.push("newly refused");
  if (!now.answerable && before.refused && !now.refused)
    changes.push("unanswerable question now answered");
  const inTop5 = (ranks: number[]) => ranks.filter((rank) => rank >= 0 && rank < 5).length;
  if (inTop5(now.evidenceRanks) < inTop5(before.evidenceRanks)) {
    changes.push(
      `lost evidence from the top 5 (${inTop5(before.evidenceRanks)} → ${inTop5(now.evidenceRanks)} of ${now.evidenceRanks.length})`,
    );
  }
  if (now.unsupportedClaims > before.unsupportedClaims) {
    changes.push(`new unsupported claims (${before.unsupportedClaims} → ${now.unsupportedClaims})`);
  }
  if (
    now.citationPrecision !== null &&
    before.citationPrecision !== null &&
    now.citationPrecision < before.citationPrecision - RATE_TOLERANCE
  ) {
    changes.push(
      `citation precision ${before.citationPrecision.toFixed(2)} → ${now.citationPrecision.toFixed(2)}`,
    );
  }
  if (now.droppedCitations > before.droppedCitations) {
    changes.push(`dangling citations ${before.droppedCitations} → ${now.droppedCitations}`);
  }
  if (
    now.answerF1 !== null &&
    before.answerF1 !== null &&
    before.answerF1 - now.answerF1 >= F1_DROP
  ) {
    changes.push(`answer F1 ${before.answerF1.toFixed(2)} → ${now.answerF1.toFixed(2)}`);
  }
  return changes;
}
