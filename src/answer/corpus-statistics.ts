import { type Chunk, indexText } from "../chunking/chunk.ts";
import { contentTerms, words } from "../text/terms.ts";

/** Document frequencies of stemmed content terms over the indexed chunks. */
export class CorpusStatistics {
  readonly chunkCount: number;
  private readonly frequencies = new Map<string, number>();
  private readonly termsByChunk = new Map<string, Set<string>>();
  private readonly sectionTermsByChunk = new Map<string, Set<string>>();
  /** How many chunks have two words side by side ("deep learning"), lower-cased. */
  private readonly pairFrequencies = new Map<string, number>();

  constructor(chunks: Chunk[]) {
    this.chunkCount = chunks.length;
    for (const chunk of chunks) {
      const terms = new Set(contentTerms(indexText(chunk)));
      const said = words(`${chunk.section}\n${chunk.text}`);
      const pairs = new Set(said.slice(1).map((word, index) => `${said[index]} ${word}`));
      for (const pair of pairs) {
        this.pairFrequencies.set(pair, (this.pairFrequencies.get(pair) ?? 0) + 1);
      }
      this.termsByChunk.set(chunk.id, terms);
      this.sectionTermsByChunk.set(chunk.id, new Set(contentTerms(chunk.section)));
      for (const term of terms) {
        this.frequencies.set(term, (this.frequencies.get(term) ?? 0) + 1);
      }
    }
  }

  /** Whether any chunk contains the term. */
  has(term: string): boolean {
    return this.frequencies.has(term);
  }

  /** How many chunks contain the term. */
  documentFrequency(term: string): number {
    return this.frequencies.get(term) ?? 0;
  }

  /** How many chunks have the two words side by side, in any case ("deep", "learning"). */
  pairFrequency(first: string, second: string): number {
    return this.pairFrequencies.get(`${first.toLowerCase()} ${second.toLowerCase()}`) ?? 0;
  }

  /** Smoothed inverse document frequency; a term absent from the corpus gets the largest value. */
  idf(term: string): number {
    const frequency = this.frequencies.get(term) ?? 0;
    return Math.log(1 + (this.chunkCount + 1) / (frequency + 0.5));
  }

  /**
   * Every chunk's stemmed content terms and those of its section path alone, for finding where
   * words occur together and under which heading.
   */
  *chunkTerms(): Iterable<{ terms: Set<string>; sectionTerms: Set<string> }> {
    for (const [id, terms] of this.termsByChunk) {
      yield { terms, sectionTerms: this.sectionTermsByChunk.get(id) ?? new Set() };
    }
  }

  /** The stemmed content terms of a chunk (section path included). */
  termsOf(chunkId: string): Set<string> {
    return this.termsByChunk.get(chunkId) ?? new Set();
  }
}
