import type { Chunk } from "../chunking/chunk.ts";
import { words } from "../text/terms.ts";

/** How learners shorten the words of a row's name ("Machine Learning Engineer" → "ml engineer"). */
const SHORT_FORMS: ReadonlyArray<[string, string]> = [
  ["machine learning", "ml"],
  ["deep learning", "dl"],
  ["artificial intelligence", "ai"],
];

/** The head as learners shorten it, if they do: "machine learning engineer" → "ml engineer". */
export function shortNames(head: string): string[] {
  return SHORT_FORMS.filter(([long]) => ` ${head} `.includes(` ${long} `)).map(([long, short]) =>
    head.replace(long, short),
  );
}

/**
 * What the corpus tables' rows are about: the first cell of every row ("Canary release",
 * "Calculus", "XGBoost"), with the tables it heads a row of. Two heads of one table are siblings,
 * so "and shadow deployment?" after "what is a canary release" asks the same of a sibling. A head
 * is also found by its short form ("ml engineer" for "Machine Learning Engineer").
 */
export class RowHeads {
  /** Normalised head → the tables (source and section) it heads a row of. */
  private readonly tables = new Map<string, Set<string>>();

  constructor(chunks: readonly Chunk[]) {
    for (const chunk of chunks) {
      const first = chunk.cells?.[0]?.value;
      if (first === undefined) continue;
      const head = words(first).join(" ");
      // Long first cells are descriptions, not names of things.
      if (head === "" || head.split(" ").length > 4) continue;
      for (const name of [head, ...shortNames(head)]) {
        const tables = this.tables.get(name) ?? new Set<string>();
        tables.add(`${chunk.source}#${chunk.section}`);
        this.tables.set(name, tables);
      }
    }
  }

  /** The heads the text names, longest first, as the text spells them in lower case. */
  find(text: string): string[] {
    const padded = ` ${words(text).join(" ")} `;
    return [...this.tables.keys()]
      .filter((head) => padded.includes(` ${head} `))
      .sort((left, right) => right.length - left.length);
  }

  /** Whether the whole text is one head (ignoring case and punctuation). */
  isHead(text: string): boolean {
    return this.tables.has(words(text).join(" "));
  }

  /** Whether two heads head rows of one table. */
  siblings(left: string, right: string): boolean {
    const leftTables = this.tables.get(words(left).join(" "));
    const rightTables = this.tables.get(words(right).join(" "));
    if (leftTables === undefined || rightTables === undefined || left === right) return false;
    return [...leftTables].some((table) => rightTables.has(table));
  }
}
