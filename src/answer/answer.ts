import type { Expansion, UnderstandingChange } from "../understanding/question-understanding.ts";

/** A passage the answer cites; `n` is the marker number used in the answer text. */
export type Citation = {
  n: number;
  chunkId: string;
  source: string;
  title: string;
  section: string;
  text: string;
};

/** One of the top retrieved chunks, cited or not. */
export type RetrievedPassage = { chunkId: string; score: number; text: string };

/** The answer JSON of DESIGN.md (CLI `--json`, `POST /api/chat`). */
export type AnswerResult = {
  id?: string;
  question: string;
  answer: string;
  refused: boolean;
  citations: Citation[];
  /** Top 10 chunks in rank order. */
  retrieved: RetrievedPassage[];
  timings: { retrieveMs: number; generateMs: number };
  /** Why the question was refused; absent when answered. */
  refusalReason?: string;
  /** Which answer writer produced the text. */
  generator: string;
  /** Citation markers the writer produced that pointed at no shown passage, removed. */
  droppedCitations: number;
  /** The normalised question that was searched (abbreviations expanded, spelling corrected…). */
  understoodAs?: string;
  /** What question understanding changed and added, and why. */
  understanding?: {
    changes: UnderstandingChange[];
    expansions: Expansion[];
    unknownTopics: string[];
  };
  /**
   * True when the message asked nothing to look up — it acknowledged the last answer ("thanks!"),
   * had no word ("???") or, asked first, pointed back at nothing ("is it free?"): `answer`
   * replies, and `refused` is true because nothing was answered.
   */
  reply?: true;
  /** The question actually looked up, when a follow-up was rewritten from the conversation. */
  standaloneQuestion?: string;
  /**
   * Questions to click or ask: with a refusal, about the closest topics the material covers; with
   * an answer, about the sections and FAQ entries around its cited passages.
   */
  suggestions?: string[];
  /** Things the learner should know about this answer, e.g. a fallback from the LLM. */
  notices?: string[];
};
