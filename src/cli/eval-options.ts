import { DEFAULT_CALIBRATION_FILE } from "../eval/judge/calibration.ts";
import { DEFAULT_THRESHOLDS_FILE } from "../eval/thresholds.ts";

/** The `eval` command's options, apart from the command so the CLI can list them cheaply. */
export type EvalCommandOptions = {
  dataset: string[];
  /** Only lines of this split; lines without one (the older sets) always run. */
  split?: "train" | "dev" | "test";
  generator: "extractive" | "openai";
  judge: "local" | "llm";
  out?: string;
  baseline?: string;
  thresholds: string;
  calibration: string;
  compareNaive: boolean;
  json: boolean;
};

export const DEFAULT_EVAL_OPTIONS = {
  generator: "extractive",
  judge: "local",
  thresholds: DEFAULT_THRESHOLDS_FILE,
  calibration: DEFAULT_CALIBRATION_FILE,
} as const;
