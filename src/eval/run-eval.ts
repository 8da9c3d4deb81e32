import type { Assistant } from "../answer/assistant.ts";
import type { EvalItem } from "./dataset.ts";
import { type QuestionScore, type Summary, scoreQuestion, summarise } from "./metrics.ts";

/** Scores of one dataset: per question, overall and per kind. */
export type DatasetReport = {
  dataset: string;
  overall: Summary;
  byKind: Record<string, Summary>;
  questions: Array<QuestionScore & { question: string; answer: string }>;
};

/** Runs every question of a dataset through the assistant and scores the answers. */
export async function evaluateDataset(
  assistant: Assistant,
  dataset: string,
  items: EvalItem[],
  onProgress?: (done: number, total: number) => void,
): Promise<DatasetReport> {
  const questions: DatasetReport["questions"] = [];
  for (const [position, item] of items.entries()) {
    const started = performance.now();
    const result = await assistant.ask(item.question, { id: item.id });
    const score = scoreQuestion(item, result, performance.now() - started);
    questions.push({ ...score, question: item.question, answer: result.answer });
    onProgress?.(position + 1, items.length);
  }
  const kinds = [...new Set(questions.map((question) => question.kind))].sort();
  const byKind: Record<string, Summary> = {};
  for (const kind of kinds)
    byKind[kind] = summarise(questions.filter((question) => question.kind === kind));
  return { dataset, overall: summarise(questions), byKind, questions };
}
