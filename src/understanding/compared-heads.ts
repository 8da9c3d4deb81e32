import type { Chunk } from "../chunking/chunk.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { words, wordsUnhyphenated } from "../text/terms.ts";
import { tagWords } from "./part-of-speech.ts";

/** One side of a comparison completed with the word its row's name shares with the other's. */
export type CompletedSide = { from: string; to: string };

/** Text as compared: lower case, hyphens read as spaces ("blue-green" is "blue green"). */
function spoken(text: string): string {
  return wordsUnhyphenated(text).join(" ");
}

/** Words of a phrase as a pattern that reads a hyphen and a space alike. */
function phrasePattern(phrase: string): string {
  return phrase.split(" ").map(escapeRegExp).join("[\\s-]+");
}

/**
 * "supervised vs unsupervised", "shadow vs blue green": two things compared by the words that
 * set them apart, where the material names them as rows of one table whose names end in the same
 * word ("Supervised Learning", "Unsupervised Learning"). When a side is an adjective, it stands
 * for the thing it describes, so both sides are completed with that word and each is searched as
 * the material names it. Nouns compare in their own right: "ai vs ml" compares fields, not the
 * AI Engineer and ML Engineer rows.
 */
export class ComparedHeads {
  /** Per table, the [stem, shared last word] of its rows' names of two to four words. */
  private readonly tables: Array<Array<[string, string]>>;

  constructor(
    chunks: readonly { source?: string | undefined; section: string; cells?: Chunk["cells"] }[],
  ) {
    const byTable = new Map<string, Array<[string, string]>>();
    for (const chunk of chunks) {
      const first = chunk.cells?.[0]?.value;
      if (first === undefined) continue;
      // "BERT-style" is a compound adjective: "style" is no name the rows share.
      const named = words(first);
      const last = named.at(-1) ?? "";
      if (named.length < 2 || named.length > 4 || last.includes("-")) continue;
      const table = `${chunk.source ?? ""}#${chunk.section}`;
      const heads = byTable.get(table) ?? [];
      heads.push([spoken(named.slice(0, -1).join(" ")), last]);
      byTable.set(table, heads);
    }
    this.tables = [...byTable.values()];
  }

  /** The question with both compared sides named in full, and the sides it completed. */
  complete(question: string): { text: string; completed: CompletedSide[] } {
    const unchanged = { text: question, completed: [] };
    const sides = comparedSides(question);
    if (sides === undefined) return unchanged;
    const leftWords = spoken(sides[0]).split(" ");
    const rightWords = spoken(sides[1]).split(" ");
    // The left side ends where the comparison word stands; the right starts after it.
    const lefts = [1, 2, 3].map((n) => leftWords.slice(-n).join(" "));
    const right = rightWords.join(" ");
    for (const heads of this.tables) {
      for (const [leftStem, shared] of heads) {
        if (!lefts.includes(leftStem)) continue;
        for (const [rightStem, rightShared] of heads) {
          // The right side is the stem and nothing more: "… vs logistic regression" is named.
          if (rightStem === leftStem || rightShared !== shared || right !== rightStem) continue;
          const tags = tagWords(`${leftStem} vs ${rightStem}`);
          const describes = [tags[leftStem.split(" ").length - 1], tags.at(-1)].some(
            (tag) => tag?.pos === "ADJ",
          );
          if (!describes) continue;
          return this.rewrite(question, shared, leftStem, rightStem);
        }
      }
    }
    return unchanged;
  }

  private rewrite(
    question: string,
    shared: string,
    left: string,
    right: string,
  ): { text: string; completed: CompletedSide[] } {
    const completed: CompletedSide[] = [];
    let text = question;
    const add = (pattern: RegExp) => {
      text = text.replace(pattern, (match) => {
        completed.push({ from: match, to: `${match} ${shared}` });
        return `${match} ${shared}`;
      });
    };
    add(
      new RegExp(
        `(?<![\\p{L}\\p{N}-])${phrasePattern(left)}(?=\\s+(?:vs\\.?|versus|or|and|&)\\s)`,
        "iu",
      ),
    );
    add(
      new RegExp(
        `(?<=\\b(?:vs\\.?|versus|or|and|&)\\s+)${phrasePattern(right)}(?![\\p{L}\\p{N}-])`,
        "iu",
      ),
    );
    return { text, completed };
  }
}
