import type { Chunk } from "../../chunking/chunk.ts";
import { StepNotFoundError } from "../../errors/progress-errors.ts";
import { InvalidStepError } from "../../errors/study-errors.ts";
import { extractSteps } from "../extract-steps.ts";
import type { Step } from "../study-types.ts";

/** First and last step number of the material, e.g. `{ first: 1, last: 7 }`. */
export function stepRange(chunks: readonly Chunk[]): { first: number; last: number } {
  const numbers = extractSteps(chunks).map((step) => step.n);
  return { first: Math.min(...numbers, 1), last: Math.max(...numbers, 0) };
}

/**
 * The step a learner named ("5", " 5 "), or a typed error: InvalidStepError (400, exit 2) for
 * anything but a whole number, StepNotFoundError (404, exit 2) for a number the roadmap lacks;
 * both name the valid steps.
 */
export function resolveStep(chunks: readonly Chunk[], given: string): Step {
  const range = stepRange(chunks);
  const trimmed = given.trim();
  if (!/^\d{1,4}$/.test(trimmed)) throw new InvalidStepError(given, range);
  const step = extractSteps(chunks).find((candidate) => candidate.n === Number(trimmed));
  if (step === undefined) throw new StepNotFoundError(trimmed, range);
  return step;
}
