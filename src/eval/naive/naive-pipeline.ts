import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import type { AnswerResult } from "../../answer/answer.ts";
import { resolveCitations, toCitation } from "../../answer/citations.ts";
import type { Generator, Passage } from "../../answer/generator.ts";
import type { Chunk } from "../../chunking/chunk.ts";
import { loadCorpus } from "../../corpus/load-corpus.ts";
import { HnswLangChainStore } from "./hnsw-langchain-store.ts";

/** The textbook settings: LangChain's documented defaults for a first RAG app. */
export const NAIVE_SETTINGS = { chunkSize: 1000, chunkOverlap: 200, k: 4 } as const;

export const NAIVE_DESCRIPTION =
  "Textbook LangChain.js RAG: RecursiveCharacterTextSplitter (1000/200) on each document's Markdown body, " +
  "the same embedder, a LangChain VectorStore over hnswlib-node (cosine), top-4 similarity search, " +
  "no lexical search, no evidence gate, the same answer writer.";

/** One naive answer plus the passages its writer was shown. */
export type NaiveAnswer = { result: AnswerResult; shown: ReturnType<typeof toCitation>[] };

/**
 * The peer baseline the eval compares with: the pipeline of LangChain's RAG tutorial, answered by
 * our answer writer so that only retrieval and refusal differ.
 */
export class NaivePipeline {
  readonly chunks: Chunk[];
  readonly #store: HnswLangChainStore;
  readonly #generator: Generator;
  readonly #chunkById: Map<string, Chunk>;

  private constructor(store: HnswLangChainStore, chunks: Chunk[], generator: Generator) {
    this.#store = store;
    this.chunks = chunks;
    this.#generator = generator;
    this.#chunkById = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  }

  /** Loads and splits the corpus and embeds every chunk into the store. */
  static async build(options: {
    corpusDir: string;
    embeddings: EmbeddingsInterface;
    generator: Generator;
  }): Promise<NaivePipeline> {
    const splitter = new RecursiveCharacterTextSplitter({
      chunkSize: NAIVE_SETTINGS.chunkSize,
      chunkOverlap: NAIVE_SETTINGS.chunkOverlap,
    });
    const chunks: Chunk[] = [];
    const documents: Document[] = [];
    for (const corpusDocument of await loadCorpus(options.corpusDir)) {
      const pieces = await splitter.splitText(corpusDocument.body);
      pieces.forEach((text, position) => {
        const id = `naive:${corpusDocument.source}#${position}`;
        chunks.push({
          id,
          source: corpusDocument.source,
          title: corpusDocument.title,
          section: `${corpusDocument.title} (chunk ${position + 1})`,
          kind: "prose",
          text,
          position,
        });
        documents.push(new Document({ pageContent: text, metadata: { id } }));
      });
    }
    const store = await HnswLangChainStore.fromDocuments(documents, options.embeddings);
    return new NaivePipeline(store, chunks, options.generator);
  }

  /** Retrieves the top 4 chunks and has the writer answer from them; never refuses up front. */
  async ask(question: string): Promise<NaiveAnswer> {
    const retrieveStarted = performance.now();
    const hits = await this.#store.similaritySearchWithScore(question, NAIVE_SETTINGS.k);
    const retrieveMs = performance.now() - retrieveStarted;
    const passages: Passage[] = hits.flatMap(([document, score], index) => {
      const chunk = this.#chunkById.get(String(document.metadata.id));
      return chunk === undefined ? [] : [{ n: index + 1, chunk, score }];
    });
    const generateStarted = performance.now();
    let text = "";
    let generator = this.#generator.id;
    const notices: string[] = [];
    for await (const event of this.#generator.generate({ question, passages })) {
      if (event.type === "answer-end") {
        text = event.text;
        generator = event.generator;
      } else if (event.type === "notice") {
        notices.push(event.message);
      } else if (event.type === "error") {
        throw event.error;
      }
    }
    const resolved = resolveCitations(text, passages);
    const refused = resolved.text === "" || resolved.citations.length === 0;
    const result: AnswerResult = {
      question,
      answer: refused ? "No answer: the writer found nothing to quote." : resolved.text,
      refused,
      citations: refused ? [] : resolved.citations,
      retrieved: passages.map((passage) => ({
        chunkId: passage.chunk.id,
        score: Number(passage.score.toFixed(4)),
        text: passage.chunk.text,
      })),
      timings: {
        retrieveMs: Math.round(retrieveMs * 10) / 10,
        generateMs: Math.round((performance.now() - generateStarted) * 10) / 10,
      },
      generator,
      droppedCitations: resolved.dropped,
      ...(refused ? { refusalReason: "the answer writer found no supported answer" } : {}),
      ...(notices.length > 0 ? { notices } : {}),
    };
    return { result, shown: passages.map(toCitation) };
  }
}
