import { countsThing, figureRequest } from "../answer/figure-request.ts";
import type { Chunk } from "../chunking/chunk.ts";
import type { Embedder } from "../embedders/embedder.ts";
import { dotProduct } from "../index/dot-product.ts";
import type { LoadedIndex } from "../index/index-store.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { namedSource } from "../text/named-source.ts";
import {
  type NumberedReference,
  numberedReferences,
  referenceAgreement,
} from "../text/numbered-references.ts";
import { questionText, withoutFraming, words } from "../text/terms.ts";
import { EntityLexicon } from "./entity-lexicon.ts";
import type { Retrieval, RetrievedChunk, RetrieveOptions, Retriever } from "./retriever.ts";

/** Weights and sizes of hybrid retrieval; defaults tuned on the train and dev splits (see eval/README.md). */
export type HybridSettings = {
  /** Candidates taken from each of dense and lexical search. @default 40 */
  candidates: number;
  /** Weight of the dense cosine similarity. @default 1 */
  denseWeight: number;
  /** Weight of the normalised BM25 score. @default 0.6 */
  lexicalWeight: number;
  /**
   * Added when the question names the entity a table row is about, divided by the square root of
   * the number of rows that entity heads, doubled when the question names several. @default 0.3
   */
  headBoost: number;
  /** Added when the question names an entity the chunk mentions. @default 0.05 */
  mentionBoost: number;
  /**
   * Cosine similarity above which a chunk counts as a near duplicate of a better-ranked one and
   * is moved behind the distinct ones. 1 turns the diversity step off. @default 0.97
   */
  duplicateSimilarity: number;
  /**
   * Weight of the best cosine similarity between the question and one sentence, list item or row
   * of the chunk (unit vectors made at ingest); 0 turns it off. @default 0.4
   */
  unitWeight: number;
  /**
   * Added when the question names a step, month or week the chunk (with its section) names too,
   * and taken away when the chunk names only other numbers of that kind. @default 0.3
   */
  referenceBoost: number;
  /**
   * Added to every chunk of the tutorial a question names as where to look ("… according to the
   * deep learning tutorial"), whose naming words are left out of the search. @default 0.15
   */
  sourceBoost: number;
  /**
   * Added to a candidate that gives a count of the things a "how many …" question counts ("how
   * many projects do i need": "Build at least three portfolio projects"). @default 0.15
   */
  countBoost: number;
};

export const DEFAULT_HYBRID_SETTINGS: HybridSettings = {
  candidates: 40,
  denseWeight: 1,
  lexicalWeight: 0.6,
  headBoost: 0.3,
  mentionBoost: 0.05,
  duplicateSimilarity: 0.97,
  unitWeight: 0.4,
  referenceBoost: 0.3,
  sourceBoost: 0.15,
  countBoost: 0.15,
};

/**
 * BM25 (MiniSearch) + dense (HNSW) retrieval, fused by a weighted sum of the cosine similarity,
 * the max-normalised BM25 score and the best similarity of one of the chunk's sentences (embedded
 * at ingest), with a boost for rows about a tool the question names and for chunks naming the step
 * or month it asks about; near
 * duplicates of a better-ranked chunk then move behind the distinct ones, so they cannot crowd out
 * other evidence. (Full MMR was measured too: it lowered recall@5 on the dev set, because questions
 * comparing two rows of one table need both rows.)
 */
export class HybridRetriever implements Retriever {
  private readonly index: LoadedIndex;
  private readonly embedder: Embedder;
  private readonly settings: HybridSettings;
  private readonly lexicon: EntityLexicon;
  /** Labels of the rows with a two-word name, by its first word ("supervised"); built on first use. */
  private twoWordHeads: Map<string, number[]> | undefined;
  /** The steps, months and weeks each chunk names, by label; built on first use. */
  private chunkReferences: NumberedReference[][] | undefined;
  /** Titles of the corpus documents; built on first use. */
  private titles: string[] | undefined;

  constructor(
    index: LoadedIndex,
    embedder: Embedder,
    settings: Partial<HybridSettings> = {},
    lexicon: EntityLexicon = new EntityLexicon(index.chunks),
  ) {
    this.index = index;
    this.embedder = embedder;
    this.settings = { ...DEFAULT_HYBRID_SETTINGS, ...settings };
    this.lexicon = lexicon;
  }

  async retrieve(question: string, options: RetrieveOptions = {}): Promise<Retrieval> {
    const k = options.k ?? 10;
    const { candidates, denseWeight, lexicalWeight, headBoost, mentionBoost, unitWeight } =
      this.settings;
    // "What is the vanishing gradient problem, according to the deep learning tutorial?": the
    // tutorial is where to look, and "deep learning" there is no topic to search for.
    this.titles ??= [...new Set(this.index.chunks.map((chunk) => chunk.title))];
    const source = this.settings.sourceBoost === 0 ? undefined : namedSource(question, this.titles);
    const searched = source?.question ?? question;
    // Started first: with a pooled embedder the model runs in a worker while BM25 and the boosts
    // are computed here; the vector is awaited only where the dense search needs it.
    const embedding = options.lexicalOnly
      ? Promise.resolve<number[]>([])
      : this.embedder.embedQuery(searched);
    // Handled at the await below; this only keeps a failure seen before then from going unhandled.
    embedding.catch(() => {});

    const lexical = new Map<number, number>();
    const lexicalHits = this.index.lexicalIndex.search(
      // "relu vs sigmoid": "vs" says how to compare, and would match headings such as "ML vs Deep
      // Learning vs AI Engineer" by that word alone; so would "work" in "how does dropout work"
      // ("How CNNs Work") and "simple words" in "what is RAG in simple words".
      questionText(withoutFraming(searched)).replace(/\b(?:vs\.?|versus)(?=\s|$)/gi, " "),
      candidates,
      options.expansions === undefined ? {} : { expansions: options.expansions.join(" ") },
    );
    const bestLexical = lexicalHits[0]?.score ?? 0;
    for (const hit of lexicalHits) {
      const label = this.index.labelById.get(hit.id);
      if (label !== undefined && bestLexical > 0) lexical.set(label, hit.score / bestLexical);
    }
    const boosts = new Map<number, number>();
    if (source !== undefined) {
      this.index.chunks.forEach((chunk, label) => {
        if (chunk.title === source.title) boosts.set(label, this.settings.sourceBoost);
      });
    }
    const entities = this.lexicon.find(question);
    // "MLflow vs DVC": each named row must beat the rows that merely list both names.
    const comparison = entities.length > 1 ? 2 : 1;
    for (const entry of entities) {
      for (const id of entry.mentions) {
        const label = this.index.labelById.get(id);
        if (label !== undefined) boosts.set(label, (boosts.get(label) ?? 0) + mentionBoost);
      }
      // A name that heads many rows ("Python") says less about which row is meant than one that
      // heads a single row ("DVC").
      const boost = (comparison * headBoost) / Math.sqrt(Math.max(1, entry.heads.size));
      for (const id of entry.heads) {
        const label = this.index.labelById.get(id);
        if (label !== undefined) boosts.set(label, (boosts.get(label) ?? 0) + boost);
      }
    }

    // "supervised vs unsupervised": each side is the first word of a row's two-word name
    // ("Supervised Learning"), which the entity lexicon does not hold. The boost is the one a
    // compared tool name heading two rows gets above.
    for (const label of this.rowsNamedBySides(question)) {
      boosts.set(label, (boosts.get(label) ?? 0) + (2 * headBoost) / Math.SQRT2);
    }

    const asked = numberedReferences(question);
    if (asked.length > 0 && this.settings.referenceBoost !== 0) {
      this.chunkReferences ??= this.index.chunks.map((chunk) =>
        numberedReferences(`${chunk.section}\n${chunk.text}`),
      );
      // Every chunk that names the step or month asked about competes, not only the best matches.
      this.chunkReferences.forEach((stated, label) => {
        const agreement = referenceAgreement(asked, stated);
        if (agreement === "silent") return;
        const boost =
          agreement === "agrees" ? this.settings.referenceBoost : -this.settings.referenceBoost;
        boosts.set(label, (boosts.get(label) ?? 0) + boost);
      });
    }

    const queryVector = await embedding;
    const searchedDense = queryVector.length > 0;
    const dense = new Map<number, number>();
    if (searchedDense) {
      for (const hit of this.index.vectorIndex.search(queryVector, candidates)) {
        dense.set(hit.label, hit.score);
      }
    }

    const labels = new Set([...dense.keys(), ...lexical.keys(), ...boosts.keys()]);
    // "how many projects do i need": a candidate counting projects says how many.
    const counted = figureRequest(question);
    if (counted?.type === "count" && counted.words.length > 0 && this.settings.countBoost !== 0) {
      for (const label of labels) {
        const chunk = this.index.chunks[label] as Chunk;
        if (countsThing(counted.words, chunk.text)) {
          boosts.set(label, (boosts.get(label) ?? 0) + this.settings.countBoost);
        }
      }
    }
    const scored: Array<RetrievedChunk & { label: number }> = [];
    for (const label of labels) {
      const chunk = this.index.chunks[label] as Chunk;
      const denseScore = searchedDense
        ? (dense.get(label) ?? dotProduct(queryVector, this.index.vectorIndex.vector(label)))
        : 0;
      const lexicalScore = lexical.get(label) ?? 0;
      const unitScore =
        unitWeight > 0 && searchedDense ? this.bestUnitSimilarity(chunk.id, queryVector) : 0;
      scored.push({
        label,
        chunk,
        dense: denseScore,
        lexical: lexicalScore,
        score:
          denseWeight * denseScore +
          lexicalWeight * lexicalScore +
          unitWeight * unitScore +
          (boosts.get(label) ?? 0),
      });
    }
    scored.sort((left, right) => right.score - left.score);
    const results = this.diversify(scored, k).map(({ label: _label, ...result }) => result);
    return { question, results, queryVector };
  }

  /**
   * Rows named by one side of a comparison: a one-word side that is the first word of the row's
   * two-word name ("supervised" for "Supervised Learning"). Empty unless both sides name one.
   */
  private rowsNamedBySides(question: string): number[] {
    const sides = comparedSides(questionText(question));
    if (sides === undefined || this.settings.headBoost === 0) return [];
    const sideWords = sides.map((side) => words(side));
    if (sideWords.some((side) => side.length !== 1)) return [];
    this.twoWordHeads ??= this.rowsByFirstOfTwoWords();
    const twoWordHeads = this.twoWordHeads;
    const named = sideWords.map((side) => twoWordHeads.get(side[0] ?? "") ?? []);
    return named.every((labels) => labels.length > 0) ? named.flat() : [];
  }

  /** The rows whose name is two words, by the first ("supervised" → "Supervised Learning"). */
  private rowsByFirstOfTwoWords(): Map<string, number[]> {
    const rows = new Map<string, number[]>();
    this.index.chunks.forEach((chunk, label) => {
      const [first, ...rest] = words(chunk.cells?.[0]?.value ?? "");
      if (first === undefined || rest.length !== 1) return;
      rows.set(first, [...(rows.get(first) ?? []), label]);
    });
    return rows;
  }

  /** Best cosine similarity between the question and one unit of the chunk; 0 without units. */
  private bestUnitSimilarity(chunkId: string, queryVector: number[]): number {
    let best = 0;
    for (const unit of this.index.units.get(chunkId) ?? []) {
      best = Math.max(best, dotProduct(queryVector, unit.vector));
    }
    return best;
  }

  /** Keeps rank order but defers chunks nearly identical to one already kept. */
  private diversify<T extends RetrievedChunk & { label: number }>(ranked: T[], k: number): T[] {
    const threshold = this.settings.duplicateSimilarity;
    if (threshold >= 1) return ranked.slice(0, k);
    const kept: Array<{ item: T; vector: number[] }> = [];
    const deferred: T[] = [];
    for (const item of ranked) {
      if (kept.length >= k) break;
      const vector = this.index.vectorIndex.vector(item.label);
      if (kept.some((other) => dotProduct(vector, other.vector) >= threshold)) deferred.push(item);
      else kept.push({ item, vector });
    }
    return [...kept.map(({ item }) => item), ...deferred].slice(0, k);
  }
}
