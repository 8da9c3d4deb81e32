import type { Chunk } from "../chunking/chunk.ts";

/** A passage shown to the answer writer; `n` is the number it cites it by. */
export type Passage = { n: number; chunk: Chunk; score: number };

/**
 * What an answer writer emits while it works, ending with exactly one `answer-end` or `error`.
 * `answer-end.text` is authoritative: after a `notice` (e.g. a fallback) it may differ from the
 * concatenated deltas.
 */
export type GeneratorEvent =
  | { type: "text-delta"; text: string }
  | { type: "notice"; message: string }
  | { type: "answer-end"; text: string; generator: string }
  | { type: "error"; error: Error };

/**
 * Input to an answer writer: the question and the numbered passages it may use and cite, and the
 * question's embedding when the retriever made one (the extractive writer ranks sentences by it).
 */
export type GenerationInput = {
  question: string;
  passages: Passage[];
  queryVector?: number[];
  /**
   * The embedding of each part of a question that asks several things ("how long is step 1, and
   * which python version?"), keyed by the part as `questionParts` splits the question.
   */
  partVectors?: ReadonlyMap<string, number[]>;
  /** Words that stand for question words in the material's terms ("downsides" → limitations). */
  expansions?: string[];
  /**
   * The material's names for what the learner describes instead of naming ("only 800 photos…
   * a model that has already seen millions of pictures" → transfer learning).
   */
  described?: string[];
};

/**
 * Writes an answer from numbered passages, citing them with `[n]` markers. Implementations:
 * extractive (offline default) and an LLM through LangChain's ChatOpenAI.
 */
export type Generator = {
  /** Shown in answers and health checks, e.g. `extractive` or `openai:gpt-4o-mini`. */
  readonly id: string;
  /**
   * True when the same question and passages always give the same text (the extractive writer),
   * so its answers may be cached; an LLM's may not. @default false
   */
  readonly deterministic?: boolean;
  generate(
    input: GenerationInput,
    options?: { signal?: AbortSignal },
  ): AsyncIterable<GeneratorEvent>;
};
