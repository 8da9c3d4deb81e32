/** A lexical match: chunk id and BM25 score (unbounded, larger is better). */
export type LexicalHit = { id: string; score: number; terms: string[] };

/** Keyword search over chunks (BM25). */
export type LexicalIndex = {
  readonly kind: string;
  /**
   * Up to `k` best matches of the query's terms, best first. `expansions` are further words
   * (synonyms of the learner's) that count less than the query's own.
   */
  search(query: string, k: number, options?: { expansions?: string }): LexicalHit[];
  /** Serialised form, read back by the implementation's loader. */
  toJSON(): unknown;
};
