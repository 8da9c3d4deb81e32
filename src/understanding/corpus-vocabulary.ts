import levenshtein from "damerau-levenshtein";
import type { Chunk } from "../chunking/chunk.ts";
import { stem, wordsAsWritten } from "../text/terms.ts";

/**
 * Words joined by slashes or underscores without spaces: "A/B", "CI/CD", "TensorFlow/Keras", and
 * code names such as "train_test_split".
 */
const SLASH_JOINED = /[\p{L}\p{N}]+(?:[/_][\p{L}\p{N}]+)+/gu;

/**
 * The words of the indexed corpus as written (lower case) with their counts, for spelling
 * correction: a learner's "xgbooost" is the corpus's "xgboost".
 */
export class CorpusVocabulary {
  private readonly counts = new Map<string, number>();
  private readonly stems = new Set<string>();
  private readonly byLength = new Map<number, string[]>();
  /**
   * Slash- and underscore-joined names as the corpus writes them ("a/b", "ci/cd",
   * "train_test_split"), which `words` splits.
   */
  private readonly slashed = new Set<string>();
  /** Words the corpus only ever writes in capitals ("RAG", "AUC"): names, not English words. */
  private readonly onlyCapitals = new Set<string>();

  constructor(chunks: readonly Pick<Chunk, "section" | "text">[]) {
    const notCapitals = new Set<string>();
    for (const chunk of chunks) {
      const text = `${chunk.section}\n${chunk.text}`;
      for (const written of wordsAsWritten(text)) {
        const word = written.toLowerCase();
        this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
        for (const part of word.split(/[-.]/)) if (part.length > 1) this.stems.add(stem(part));
        this.stems.add(stem(word));
        if (written === written.toUpperCase() && written !== word) this.onlyCapitals.add(word);
        else notCapitals.add(word);
      }
      for (const joined of text.matchAll(SLASH_JOINED)) {
        this.slashed.add(joined[0].toLowerCase());
      }
    }
    for (const word of notCapitals) this.onlyCapitals.delete(word);
    for (const word of this.counts.keys()) {
      if (/\d/.test(word) || word.length < 4) continue;
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  /** Whether the corpus uses the word, as written or in another inflection of its stem. */
  has(word: string): boolean {
    const lower = word.toLowerCase();
    return this.counts.has(lower) || this.stems.has(stem(lower)) || this.slashed.has(lower);
  }

  /** Whether the corpus writes the word only in capitals, as a name ("RAG"), never as "rag". */
  writesOnlyInCapitals(word: string): boolean {
    return this.onlyCapitals.has(word.toLowerCase());
  }

  /** Whether the corpus uses exactly this word (lower case), not just its stem. */
  hasExactly(word: string): boolean {
    const lower = word.toLowerCase();
    return this.counts.has(lower) || this.slashed.has(lower);
  }

  /**
   * The corpus word a misspelling most likely stands for: at most one edit (insertion, deletion,
   * substitution or swap of neighbours) for words of 5 to 7 letters, two for longer ones, with
   * the same first letter; ties go to the more frequent word. A four-letter word is only
   * corrected by a swap of neighbours after its first letter ("bais" → "bias", "lsit" → "list").
   * Undefined when none is that close or the word is too short.
   */
  nearest(word: string): string | undefined {
    const lower = word.toLowerCase();
    if (/\d/.test(lower)) return undefined;
    // Four-letter words are too often other words one edit away ("repo" is not "repro").
    if (lower.length === 4) return this.swapped(lower);
    if (lower.length < 5) return undefined;
    const allowed = lower.length <= 7 ? 1 : 2;
    let best: { word: string; steps: number; count: number } | undefined;
    for (let length = lower.length - allowed; length <= lower.length + allowed; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        const { steps } = levenshtein(lower, candidate);
        // Typos rarely hit the first letter; names one edit from a word mostly differ there
        // ("dask" is not "task").
        if (steps === 0 || steps > allowed || candidate[0] !== lower[0]) continue;
        const count = this.counts.get(candidate) ?? 0;
        if (
          best === undefined ||
          steps < best.steps ||
          (steps === best.steps && count > best.count)
        ) {
          best = { word: candidate, steps, count };
        }
      }
    }
    return best?.word;
  }

  /** The most frequent corpus word a swap of two neighbours after the first letter makes. */
  private swapped(word: string): string | undefined {
    let best: { word: string; count: number } | undefined;
    for (let index = 1; index < word.length - 1; index++) {
      const candidate =
        word.slice(0, index) + word.charAt(index + 1) + word.charAt(index) + word.slice(index + 2);
      const count = this.counts.get(candidate) ?? 0;
      if (candidate !== word && count > 0 && (best === undefined || count > best.count)) {
        best = { word: candidate, count };
      }
    }
    return best?.word;
  }
}
