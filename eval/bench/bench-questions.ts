import { readDataset } from "../../src/eval/dataset.ts";

/** The dev questions the bench times: both tuning sets (held-out stays unseen). */
export const DEV_DATASETS = [
  "eval/datasets/roadmap-dev.jsonl",
  "eval/datasets/tutorials-dev.jsonl",
];

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
