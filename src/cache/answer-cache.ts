import type { AnswerResult } from "../answer/answer.ts";

/**
 * Whole answers kept for repeated questions, so a cohort asking the same things is answered
 * without retrieval or writing. Implementations: an in-process LRU (bounded in entries and
 * bytes) and a Redis-backed one shared by replicas (which falls back to the local one while
 * Redis is away). Keys come from `answerCacheKey`, so a re-index (a new index version) never
 * serves an old answer; `clear` drops everything when an index version is replaced.
 */
export type AnswerCache = {
  readonly id: string;
  get(key: string): Promise<AnswerResult | undefined>;
  set(key: string, answer: AnswerResult): Promise<void>;
  clear(): Promise<void>;
};

/** What an answer depends on: the normalised question, the index version and the writer. */
export type AnswerCacheKeyParts = {
  /** The question as searched (`understoodAs`, or the standalone rewrite of a follow-up). */
  question: string;
  indexVersion: string;
  /** The generator id, e.g. "extractive". */
  generator: string;
  /**
   * Anything else the answer depends on, as one string (e.g. the rest of the question's
   * understanding); left out of the key when undefined, so keys without it are unchanged.
   */
  context?: string;
};

/** The cache key of an answer: stable, and different whenever any part differs. */
export function answerCacheKey(parts: AnswerCacheKeyParts): string {
  const key = [parts.indexVersion, parts.generator, parts.question];
  return JSON.stringify(parts.context === undefined ? key : [...key, parts.context]);
}
