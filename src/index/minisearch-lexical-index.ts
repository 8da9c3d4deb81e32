import MiniSearch, { type Options } from "minisearch";
import { STOPWORDS, termsOfWord, words } from "../text/terms.ts";
import type { LexicalHit, LexicalIndex } from "./lexical-index.ts";

/** `heading` is the last heading of the section path; `section` the whole path. */
type LexicalDocument = { id: string; heading: string; section: string; text: string };

/** Stemmed, stop-word-free terms, as `contentTerms` makes them. */
function processTerm(term: string): string[] | null {
  return STOPWORDS.has(term) ? null : termsOfWord(term);
}

const OPTIONS: Options<LexicalDocument> = {
  fields: ["heading", "section", "text"],
  tokenize: words,
  processTerm,
  searchOptions: {
    // The passage and its own heading matter more than the path of headings above it.
    boost: { text: 1, heading: 1, section: 0.3 },
    combineWith: "OR",
  },
};

/** BM25 keyword search with MiniSearch, using the same word and stem rules as the rest. */
export class MiniSearchLexicalIndex implements LexicalIndex {
  readonly kind = "minisearch-bm25";
  private readonly miniSearch: MiniSearch<LexicalDocument>;

  private constructor(miniSearch: MiniSearch<LexicalDocument>) {
    this.miniSearch = miniSearch;
  }

  static build(
    chunks: Array<{ id: string; section: string; text: string }>,
  ): MiniSearchLexicalIndex {
    const miniSearch = new MiniSearch<LexicalDocument>(OPTIONS);
    miniSearch.addAll(
      chunks.map((chunk) => ({
        id: chunk.id,
        heading: chunk.section.split(" > ").at(-1) ?? "",
        section: chunk.section,
        text: chunk.text,
      })),
    );
    return new MiniSearchLexicalIndex(miniSearch);
  }

  static fromJSON(json: string): MiniSearchLexicalIndex {
    return new MiniSearchLexicalIndex(MiniSearch.loadJSON<LexicalDocument>(json, OPTIONS));
  }

  search(query: string, k: number, options: { expansions?: string } = {}): LexicalHit[] {
    const expansions = options.expansions?.trim() ?? "";
    // Expansions (synonyms of the learner's words) count, but less than the words asked.
    const search =
      expansions === ""
        ? query
        : {
            combineWith: "OR" as const,
            queries: [
              query,
              { queries: [expansions], boost: { text: 0.5, heading: 0.5, section: 0.15 } },
            ],
          };
    return this.miniSearch
      .search(search)
      .slice(0, k)
      .map((result) => ({ id: String(result.id), score: result.score, terms: result.terms }));
  }

  toJSON(): unknown {
    return this.miniSearch.toJSON();
  }
}
