import { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import { readJsonl } from "../read-jsonl.ts";
import type { Judge } from "./judge.ts";

/** Where every eval run finds the labelled pairs the judge is validated on. */
export const DEFAULT_CALIBRATION_FILE = "eval/datasets/judge-calibration.jsonl";

export const calibrationPairSchema = z.object({
  id: z.string().min(1),
  passage: z.string().min(1),
  claim: z.string().min(1),
  supported: z.boolean(),
  /** How the claim was made: `exact`, `paraphrase`, `partial`, or a perturbation (`number`…). */
  kind: z.string().min(1),
});

/** One labelled (passage, claim, supported) pair. */
export type CalibrationPair = z.infer<typeof calibrationPairSchema>;

/** How well a judge agrees with the labels; "positive" means "supported". */
export type JudgeValidation = {
  name: string;
  file: string;
  pairs: number;
  /** Mean of recall (supported claims judged supported) and specificity. */
  balancedAccuracy: number | null;
  /** Claims judged supported that are labelled supported. */
  precision: number | null;
  /** Supported claims judged supported. */
  recall: number | null;
  /** Unsupported claims judged unsupported. */
  specificity: number | null;
  accuracy: number | null;
  confusion: {
    truePositive: number;
    falsePositive: number;
    trueNegative: number;
    falseNegative: number;
  };
  byKind: Record<string, { pairs: number; correct: number; accuracy: number }>;
  /** Every pair the judge got wrong, for whoever tunes it. */
  misjudged: Array<{ id: string; kind: string; expected: boolean; reason: string; claim: string }>;
  /** Set when the set could not be read: the judge is then unvalidated and the gate fails. */
  error?: string;
};

/** Reads the calibration set; errors name the file, line and field. */
export async function readCalibrationSet(file: string): Promise<CalibrationPair[]> {
  const pairs = await readJsonl(file, calibrationPairSchema, {
    label: "the judge calibration set",
    codes: { unreadable: "calibration_unreadable", invalid: "calibration_invalid" },
  });
  if (pairs.length === 0) {
    throw new AppError(`${file} holds no calibration pairs`, { code: "calibration_invalid" });
  }
  return pairs;
}

/**
 * Runs the judge on every pair (the claim against its passage alone) and compares its verdicts
 * with the labels. `concurrency` pairs are judged at once (useful for a remote model).
 */
export async function validateJudge(
  judge: Judge,
  pairs: CalibrationPair[],
  options: {
    file: string;
    concurrency?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<JudgeValidation> {
  const verdicts: Array<{ supported: boolean; reason: string }> = new Array(pairs.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < pairs.length) {
      const index = next++;
      const pair = pairs[index] as CalibrationPair;
      const [verdict] = await judge.judge({
        claims: [pair.claim],
        passages: [{ text: pair.passage }],
      });
      verdicts[index] = {
        supported: verdict?.supported ?? false,
        reason: verdict?.reason ?? "no verdict",
      };
      options.onProgress?.(++done, pairs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
  return summariseValidation(judge.id, options.file, pairs, verdicts);
}

/** Confusion counts and rates of verdicts against labels. */
export function summariseValidation(
  name: string,
  file: string,
  pairs: CalibrationPair[],
  verdicts: Array<{ supported: boolean; reason: string }>,
): JudgeValidation {
  const confusion = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 };
  const byKind: JudgeValidation["byKind"] = {};
  const misjudged: JudgeValidation["misjudged"] = [];
  pairs.forEach((pair, index) => {
    const verdict = verdicts[index] ?? { supported: false, reason: "no verdict" };
    const correct = verdict.supported === pair.supported;
    if (pair.supported) confusion[verdict.supported ? "truePositive" : "falseNegative"]++;
    else confusion[verdict.supported ? "falsePositive" : "trueNegative"]++;
    const kind = byKind[pair.kind] ?? { pairs: 0, correct: 0, accuracy: 0 };
    byKind[pair.kind] = kind;
    kind.pairs++;
    if (correct) kind.correct++;
    kind.accuracy = kind.correct / kind.pairs;
    if (!correct) {
      misjudged.push({
        id: pair.id,
        kind: pair.kind,
        expected: pair.supported,
        reason: verdict.reason,
        claim: pair.claim,
      });
    }
  });
  const { truePositive, falsePositive, trueNegative, falseNegative } = confusion;
  const recall = ratio(truePositive, truePositive + falseNegative);
  const specificity = ratio(trueNegative, trueNegative + falsePositive);
  return {
    name,
    file,
    pairs: pairs.length,
    balancedAccuracy: recall === null || specificity === null ? null : (recall + specificity) / 2,
    precision: ratio(truePositive, truePositive + falsePositive),
    recall,
    specificity,
    accuracy: ratio(truePositive + trueNegative, pairs.length),
    confusion,
    byKind,
    misjudged,
  };
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
