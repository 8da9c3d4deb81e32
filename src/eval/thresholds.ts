import { z } from "zod";
import { readJsonFile } from "../internal/read-json-file.ts";
import type { Breach, Gate, Metrics } from "./report/report-schema.ts";
import { METRIC_NAMES } from "./report/report-schema.ts";

/** Where the release thresholds live. */
export const DEFAULT_THRESHOLDS_FILE = "eval/thresholds.json";

/** The judge's balanced accuracy on its calibration set must reach this unless the file says otherwise. */
export const DEFAULT_JUDGE_FLOOR = 0.85;

/** Judge metrics a threshold may name besides the answer and retrieval metrics. */
const JUDGE_METRICS = ["judgeBalancedAccuracy", "judgePrecision", "judgeRecall"] as const;
type JudgeMetric = (typeof JUDGE_METRICS)[number];

const boundSchema = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .strict()
  .refine((bound) => bound.min !== undefined || bound.max !== undefined, {
    message: "give min, max or both",
  });

export type Bound = z.infer<typeof boundSchema>;
export type Thresholds = Record<string, Bound>;

const metricNames = new Set<string>([...METRIC_NAMES, ...JUDGE_METRICS]);

/**
 * A thresholds file: `{ "<metric>": { "min": 0.9 } | { "max": 0.05 }, … }`. Keys starting with `$`
 * are comments. Unknown metric names are refused, so a typo cannot switch a check off.
 */
const thresholdsFileSchema = z
  .record(z.string(), z.unknown(), { error: "expected one JSON object of thresholds" })
  .transform((json, context) => {
    const thresholds: Thresholds = {};
    for (const [name, value] of Object.entries(json)) {
      if (name.startsWith("$")) continue;
      if (!metricNames.has(name)) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: `unknown metric "${name}"; known: ${[...metricNames].join(", ")}`,
        });
        continue;
      }
      const parsed = boundSchema.safeParse(value);
      if (parsed.success) thresholds[name] = parsed.data;
      else {
        for (const issue of parsed.error.issues) {
          context.addIssue({ code: "custom", path: [name, ...issue.path], message: issue.message });
        }
      }
    }
    return thresholds;
  });

/** Reads and checks a thresholds file (see `thresholdsFileSchema`). */
export async function readThresholds(file: string): Promise<Thresholds> {
  return readJsonFile(file, thresholdsFileSchema, "the thresholds file", {
    codes: { unreadable: "thresholds_unreadable", invalid: "thresholds_invalid" },
  });
}

/** The judge's numbers a threshold can name. */
export type JudgeNumbers = {
  balancedAccuracy: number | null;
  precision: number | null;
  recall: number | null;
  /** Why the judge could not be validated, if it could not. */
  error?: string | undefined;
};

/**
 * The release gate: every threshold is checked against the metrics; the judge's balanced accuracy
 * must also reach its floor (`judgeBalancedAccuracy.min`, default 0.85) — an unvalidated judge
 * fails the gate. A metric with nothing to measure (e.g. refusal recall without unanswerable
 * questions) is listed as unmeasured, not as a breach.
 */
export function applyGate(
  metrics: Metrics,
  judge: JudgeNumbers,
  thresholds: Thresholds,
  thresholdsFile: string,
): Gate {
  const bounds: Thresholds = {
    ...thresholds,
    judgeBalancedAccuracy: {
      min: DEFAULT_JUDGE_FLOOR,
      ...thresholds.judgeBalancedAccuracy,
    },
  };
  const breaches: Breach[] = [];
  const unmeasured: string[] = [];
  for (const [metric, bound] of Object.entries(bounds)) {
    const actual = measuredValue(metric, metrics, judge);
    if (actual === null) {
      if (metric.startsWith("judge")) {
        breaches.push({
          metric,
          bound: "min",
          threshold: bound.min ?? 0,
          actual: null,
          message: `${metric}: the judge was not validated (${judge.error ?? "no calibration result"})`,
        });
      } else {
        unmeasured.push(metric);
      }
      continue;
    }
    if (bound.min !== undefined && actual < bound.min) {
      breaches.push({
        metric,
        bound: "min",
        threshold: bound.min,
        actual,
        message: `${metric} ${formatValue(metric, actual)} is below the minimum ${formatValue(metric, bound.min)}`,
      });
    }
    if (bound.max !== undefined && actual > bound.max) {
      breaches.push({
        metric,
        bound: "max",
        threshold: bound.max,
        actual,
        message: `${metric} ${formatValue(metric, actual)} is above the maximum ${formatValue(metric, bound.max)}`,
      });
    }
  }
  return {
    passed: breaches.length === 0,
    breaches,
    unmeasured,
    thresholdsFile,
    thresholds: bounds,
  };
}

function measuredValue(metric: string, metrics: Metrics, judge: JudgeNumbers): number | null {
  switch (metric as JudgeMetric) {
    case "judgeBalancedAccuracy":
      return judge.balancedAccuracy;
    case "judgePrecision":
      return judge.precision;
    case "judgeRecall":
      return judge.recall;
    default:
      return metrics[metric as keyof Metrics] ?? null;
  }
}

function formatValue(metric: string, value: number): string {
  if (/Ms$/.test(metric)) return `${value.toFixed(0)} ms`;
  if (metric === "danglingCitations" || (Number.isInteger(value) && value > 1))
    return String(value);
  return value.toFixed(3);
}
