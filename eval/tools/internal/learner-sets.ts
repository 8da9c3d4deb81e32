import type { Assistant } from "../../../src/answer/assistant.ts";
import { type EvalItem, readDataset } from "../../../src/eval/dataset.ts";

/** The learner-voice sets, whose lines carry a train / dev / test `split`. */
export const LEARNER_SETS = [
  "eval/datasets/learner-voice.jsonl",
  "eval/datasets/learner-conversations.jsonl",
];
/** The older tidy sets used for tuning before the learner sets existed. */
export const TIDY_TUNING_SETS = [
  "eval/datasets/roadmap-dev.jsonl",
  "eval/datasets/tutorials-dev.jsonl",
];

/** Every line of the given datasets, in file order. */
export async function readSets(files: readonly string[]): Promise<EvalItem[]> {
  return (await Promise.all(files.map((file) => readDataset(file)))).flat();
}

/**
 * Understands a dataset line as the assistant would (with its conversation, if any), then
 * retrieves and lets the gate measure it; no answer is written.
 */
export async function prepareItem(assistant: Assistant, item: EvalItem) {
  const asked = assistant.normalise(item.question);
  const { understood } = await assistant.understandInContext(asked, item.history ?? [], undefined);
  return assistant.prepare(understood);
}
