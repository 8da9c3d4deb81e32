import type { Embedder } from "../embedders/embedder.ts";
import type { LoadedIndex } from "../index/index-store.ts";
import { HybridRetriever, type HybridSettings } from "../retrieval/hybrid-retriever.ts";
import type { Retrieval } from "../retrieval/retriever.ts";
import type { AnswerResult } from "./answer.ts";
import { resolveCitations } from "./citations.ts";
import { CorpusStatistics } from "./corpus-statistics.ts";
import { EvidenceGate, type GateDecision, type GateSettings } from "./evidence-gate.ts";
import { ExtractiveGenerator } from "./extractive-generator.ts";
import type { Generator, Passage } from "./generator.ts";
import { latinShare, normaliseQuestion } from "./question.ts";

export type AssistantOptions = {
  index: LoadedIndex;
  embedder: Embedder;
  /** The answer writer; the extractive one when not given. */
  generator?: Generator;
  retrieval?: Partial<HybridSettings>;
  gate?: Partial<GateSettings>;
  /** Longest question accepted, in characters. @default 2000 */
  maxQuestionCharacters?: number;
  /** How many top passages the writer sees. @default 5 */
  passagesShown?: number;
};

/** How many retrieved chunks an answer lists. */
const RETRIEVED_LISTED = 10;

/**
 * The question-answering use case: normalise the question, retrieve, let the evidence gate
 * decide, then have the generator write an answer citing the passages it was shown.
 */
export class Assistant {
  readonly index: LoadedIndex;
  readonly generator: Generator;
  readonly statistics: CorpusStatistics;
  private readonly retriever: HybridRetriever;
  private readonly gate: EvidenceGate;
  private readonly maxQuestionCharacters: number;
  private readonly passagesShown: number;

  constructor(options: AssistantOptions) {
    this.index = options.index;
    this.statistics = new CorpusStatistics(options.index.chunks);
    this.retriever = new HybridRetriever(options.index, options.embedder, options.retrieval);
    this.gate = new EvidenceGate(this.statistics, options.gate);
    this.generator = options.generator ?? new ExtractiveGenerator(this.statistics);
    this.maxQuestionCharacters = options.maxQuestionCharacters ?? 2000;
    this.passagesShown = options.passagesShown ?? 5;
  }

  /** Retrieval and the gate's verdict, without writing an answer. */
  async prepare(rawQuestion: string): Promise<{
    question: string;
    retrieval: Retrieval;
    decision: GateDecision;
    passages: Passage[];
    retrieveMs: number;
  }> {
    const question = normaliseQuestion(rawQuestion, this.maxQuestionCharacters);
    const started = performance.now();
    const retrieval = await this.retriever.retrieve(question, { k: RETRIEVED_LISTED });
    const retrieveMs = performance.now() - started;
    const assessed = this.gate.assess(retrieval);
    // The material is English; say so rather than listing foreign words as unknown topics.
    const decision =
      latinShare(question) < 0.5
        ? {
            ...assessed,
            answerable: false,
            reason: "the question is not in English, the language of the material",
          }
        : assessed;
    const passages = retrieval.results
      .slice(0, this.passagesShown)
      .map((result, position) => ({ n: position + 1, chunk: result.chunk, score: result.score }));
    return { question, retrieval, decision, passages, retrieveMs };
  }

  /** Answers one question; `id` is echoed back. */
  async ask(
    rawQuestion: string,
    options: { id?: string; signal?: AbortSignal } = {},
  ): Promise<AnswerResult> {
    const { question, retrieval, decision, passages, retrieveMs } = await this.prepare(rawQuestion);
    const started = performance.now();
    let text = "";
    let refused = !decision.answerable;
    if (!refused) {
      for await (const event of this.generator.generate({ question, passages }, options)) {
        if (event.type === "answer-end") text = event.text;
        else if (event.type === "error") throw event.error;
      }
      if (text.trim() === "") refused = true;
    }
    const resolved = refused
      ? { text: "", citations: [], dropped: 0 }
      : resolveCitations(text, passages);
    return {
      ...(options.id === undefined ? {} : { id: options.id }),
      question,
      answer: refused ? this.refusalText(decision, retrieval) : resolved.text,
      refused,
      citations: resolved.citations,
      retrieved: retrieval.results.map((result) => ({
        chunkId: result.chunk.id,
        score: Number(result.score.toFixed(4)),
        text: result.chunk.text,
      })),
      timings: {
        retrieveMs: Math.round(retrieveMs * 10) / 10,
        generateMs: Math.round((performance.now() - started) * 10) / 10,
      },
      ...(refused ? { refusalReason: decision.reason || "no answer could be written" } : {}),
      generator: this.generator.id,
      droppedCitations: resolved.dropped,
    };
  }

  /** A helpful refusal: what is missing and the closest sections the material does cover. */
  refusalText(decision: GateDecision, retrieval: Retrieval): string {
    const sections: string[] = [];
    for (const result of retrieval.results) {
      const section = result.chunk.section.split(" > ").at(-1) ?? result.chunk.section;
      if (!sections.includes(section)) sections.push(section);
      if (sections.length === 3) break;
    }
    const reason = decision.reason || "no passage answers it";
    const closest =
      sections.length > 0 ? ` Closest topics it does cover: ${sections.join("; ")}.` : "";
    return `The roadmap and its tutorials don't cover this (${reason}), so I won't guess.${closest}`;
  }
}
