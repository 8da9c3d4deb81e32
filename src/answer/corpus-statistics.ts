import { type Chunk, indexText } from "../chunking/chunk.ts";
import { contentTerms } from "../text/terms.ts";

/** Document frequencies of stemmed content terms over the indexed chunks. */
export class CorpusStatistics {
  readonly chunkCount: number;
  private readonly documentFrequency = new Map<string, number>();
  private readonly termsByChunk = new Map<string, Set<string>>();

  constructor(chunks: Chunk[]) {
    this.chunkCount = chunks.length;
    for (const chunk of chunks) {
      const terms = new Set(contentTerms(indexText(chunk)));
      this.termsByChunk.set(chunk.id, terms);
      for (const term of terms) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  /** Whether any chunk contains the term. */
  has(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /** Smoothed inverse document frequency; a term absent from the corpus gets the largest value. */
  idf(term: string): number {
    const frequency = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount + 1) / (frequency + 0.5));
  }

  /** The stemmed content terms of a chunk (section path included). */
  termsOf(chunkId: string): Set<string> {
    return this.termsByChunk.get(chunkId) ?? new Set();
  }
}
