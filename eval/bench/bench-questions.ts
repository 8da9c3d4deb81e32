import { readDataset } from "../../src/eval/dataset.ts";

/** The dev questions the bench times: both tuning sets (held-out stays unseen). */
export const DEV_DATASETS = [
  "eval/datasets/roadmap-dev.jsonl",
  "eval/datasets/tutorials-dev.jsonl",
];

/** Every dataset the distinct questions of the serving runs come from. */
const ALL_DATASETS = [
  "eval/datasets/roadmap-dev.jsonl",
  "eval/datasets/tutorials-dev.jsonl",
  "eval/datasets/roadmap-heldout.jsonl",
  "eval/datasets/learner-voice.jsonl",
  "eval/datasets/learner-conversations.jsonl",
];

/**
 * Every distinct question of the eval datasets (as single questions, without their history), in
 * file order, or the first `limit` of them.
 */
export async function loadDistinctQuestions(limit?: number): Promise<string[]> {
  const questions = new Set<string>();
  for (const file of ALL_DATASETS) {
    for (const item of await readDataset(file)) questions.add(item.question);
  }
  return [...questions].slice(0, limit);
}

/**
 * Every dev question, or `limit` of them spread evenly over the list so that both datasets and
 * every kind of question stay represented.
 */
export async function loadDevQuestions(limit?: number): Promise<string[]> {
  const questions: string[] = [];
  for (const file of DEV_DATASETS) {
    for (const item of await readDataset(file)) questions.push(item.question);
  }
  if (limit === undefined || limit >= questions.length) return questions;
  const step = questions.length / limit;
  return Array.from(
    { length: limit },
    (_, position) => questions[Math.floor(position * step)] ?? "",
  );
}
