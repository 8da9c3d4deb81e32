import type { AnswerResult, Citation } from "../answer/answer.ts";
import type { AssistantEvent } from "../answer/assistant-event.ts";
import type { UnderstoodQuestion } from "../understanding/question-understanding.ts";
import { type AnswerCacheKeyParts, answerCacheKey } from "./answer-cache.ts";

/** The extractive writer's deltas: a few words each (extractive-generator.ts). */
const DELTA_PIECES = /(?:\S+\s*){1,6}|\s+/g;

/** The generator id of answers refused by the evidence gate before any writing. */
const GATE_GENERATOR = "evidence-gate";

/**
 * The cache key of an answer to `understood`. Besides the question as searched, an answer depends
 * on the rest of the understanding (expansions, unknown topics, unfamiliar words: retrieval and
 * the gate read them) and on two checks of the message as typed (asks for secrets, mostly not in
 * Latin script); those go into the key as `context`, so two messages share an answer only when
 * everything the pipeline reads from them is the same. `changes` (what understanding rewrote) and
 * the message as typed are per-request fields, taken from the current request on a hit.
 */
export function understoodAnswerKey(
  understood: UnderstoodQuestion,
  parts: Omit<AnswerCacheKeyParts, "question" | "context"> & { typedChecks: boolean[] },
): string {
  const { asked: _asked, changes: _changes, understoodAs, ...rest } = understood;
  return answerCacheKey({
    question: understoodAs,
    indexVersion: parts.indexVersion,
    generator: parts.generator,
    context: JSON.stringify([rest, parts.typedChecks]),
  });
}

/** The text deltas a cached answer is streamed as: those the fresh answer streamed. */
export function replayedDeltas(answer: AnswerResult): string[] {
  if (answer.generator === GATE_GENERATOR) return [answer.answer];
  return answer.answer.match(DELTA_PIECES) ?? [];
}

/**
 * The events a cached answer is streamed as, `retrieval` holding `passages` (the passages the
 * writer was shown, none for a refusal by the gate) and `answer` the final answer.
 */
export function replayedEvents(answer: AnswerResult, passages: Citation[]): AssistantEvent[] {
  return [
    {
      type: "retrieval",
      question: answer.understoodAs ?? answer.question,
      citations: answer.generator === GATE_GENERATOR ? [] : passages,
    },
    ...replayedDeltas(answer).map((text) => ({ type: "text-delta" as const, text })),
    { type: "answer-end", answer },
  ];
}

/**
 * Whether replaying `answer` gives exactly the `streamed` events (retrieval and deltas): only then
 * is it cached, so a cached answer streams as the fresh one did (a writer refusal after streamed
 * text, or a cut answer, is not cached).
 */
export function replaysAs(
  answer: AnswerResult,
  passages: Citation[],
  streamed: AssistantEvent[],
): boolean {
  const replayed = replayedEvents(answer, passages).slice(0, -1);
  return JSON.stringify(replayed) === JSON.stringify(streamed);
}
