import type { Chunk } from "../chunking/chunk.ts";
import { words, wordsUnhyphenated } from "../text/terms.ts";
import { KIND_WORDS, shortNames } from "./row-heads.ts";

/** Columns whose cells name tools, libraries, frameworks and algorithms (not categories or tiers). */
const NAME_COLUMN = /^(tools?|main tools|primary tools|framework|algorithm|model family|stack)$/i;

/** Columns whose cells name places ("Top Cities": Bengaluru, Hyderabad, Pune …). */
const PLACE_COLUMN = /\b(?:cit(?:y|ies)|locations?|countr(?:y|ies)|regions?)$/i;

/** A name with the chunks whose row it heads and the chunks that mention it. */
export type LexiconEntry = { name: string; heads: Set<string>; mentions: Set<string> };

function normalise(name: string): string {
  return words(name).join(" ");
}

/**
 * Names of tools, libraries, frameworks and algorithms ("XGBoost", "DVC", "Random Forest"), taken
 * from the cells of the corpus tables' name columns (Tool, Framework, Algorithm…), split on , / +.
 * A row "heads" a name when the name is in its first cell.
 * Used to pull up the rows a question names exactly.
 */
export class EntityLexicon {
  private readonly entries = new Map<string, LexiconEntry>();
  /** Places the tables list in their own columns ("top cities"), as normalised words. */
  private readonly places = new Set<string>();
  /**
   * First cells of table rows, as normalised words ("hugging face course", "step 4"), and the
   * short forms learners write ("google professional ml engineer"), each to its whole head as the
   * corpus writes it.
   */
  private readonly rowHeads = new Map<string, string>();
  /**
   * Row heads as learners name them loosely: hyphens as spaces, and without a closing word that
   * says their kind ("blue green" for "Blue-green deployment").
   */
  private readonly looseHeads = new Set<string>();

  constructor(chunks: Chunk[]) {
    for (const chunk of chunks) {
      const first = chunk.cells?.[0]?.value;
      if (first !== undefined) {
        const head = normalise(first);
        // Longer first cells are descriptions ("how do two numeric columns relate"), not names.
        if (head.length >= 2 && head.split(" ").length <= 6) {
          // "scaler advanced ai ml program": learners drop the "and" of a long name.
          const withoutAnd = head.includes(" and ") ? [head.replace(/ and /g, " ")] : [];
          for (const name of [head, ...shortNames(head), ...withoutAnd]) {
            this.rowHeads.set(name, first.trim());
          }
          const spaced = head.replace(/-/g, " ").split(" ");
          this.looseHeads.add(spaced.join(" "));
          if (spaced.length > 1 && KIND_WORDS.has(spaced.at(-1) ?? "")) {
            this.looseHeads.add(spaced.slice(0, -1).join(" "));
          }
        }
      }
      chunk.cells?.forEach((cell, column) => {
        if (PLACE_COLUMN.test(cell.header)) {
          for (const part of cell.value.split(/[,/;]| and /)) {
            const place = normalise(part);
            if (place !== "" && place.split(" ").length <= 2) this.places.add(place);
          }
        }
        if (!NAME_COLUMN.test(cell.header)) return;
        for (const part of cell.value.split(/[,/+()]| or | and /)) {
          const name = normalise(part);
          // Skip empty, one-letter and very long cells: they are descriptions, not names.
          if (name.length < 2 || name.split(" ").length > 4) continue;
          const entry = this.entries.get(name) ?? { name, heads: new Set(), mentions: new Set() };
          if (column === 0) entry.heads.add(chunk.id);
          this.entries.set(name, entry);
        }
      });
    }
    for (const chunk of chunks) {
      const text = ` ${words(`${chunk.section} ${chunk.text}`).join(" ")} `;
      for (const entry of this.entries.values()) {
        if (text.includes(` ${entry.name} `)) entry.mentions.add(chunk.id);
      }
    }
  }

  /** Places of the tables' place columns that the question names ("pune vs hyderabad"). */
  placesIn(question: string): string[] {
    const text = ` ${words(question).join(" ")} `;
    return [...this.places].filter((place) => text.includes(` ${place} `));
  }

  /** Entries named in the question, longest names first; a shorter name inside a longer one is dropped. */
  find(question: string): LexiconEntry[] {
    const text = ` ${words(question).join(" ")} `;
    const found = [...this.entries.values()]
      .filter((entry) => text.includes(` ${entry.name} `))
      .sort((left, right) => right.name.length - left.name.length);
    return found.filter(
      (entry) =>
        !found.some((other) => other !== entry && ` ${other.name} `.includes(` ${entry.name} `)),
    );
  }

  /** Whether a phrase is a row head as learners name it loosely ("blue green", "canary"). */
  isLooseRowHead(phrase: string): boolean {
    return this.looseHeads.has(wordsUnhyphenated(phrase).join(" "));
  }

  /** Whether a normalised name is one of the tools ("xgboost"). */
  isName(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * Heads of table rows the question names, in full or by a short form ("hugging face course",
   * "google professional ml engineer"), as the corpus writes them ("Hugging Face Course"), longest
   * first; a shorter head inside a longer one is dropped.
   */
  rowHeadsNamed(question: string): string[] {
    // "scaler's advanced ai and ml program" names the Scaler row.
    const text = ` ${words(question)
      .map((word) => word.replace(/'s$/, ""))
      .join(" ")} `;
    const found = [
      ...new Set(
        [...this.rowHeads].filter(([name]) => text.includes(` ${name} `)).map(([, head]) => head),
      ),
    ].sort((left, right) => right.length - left.length);
    const spaced = (head: string) => ` ${normalise(head)} `;
    return found.filter(
      (head) => !found.some((other) => other !== head && spaced(other).includes(spaced(head))),
    );
  }
}
