import type { Chunk } from "../chunking/chunk.ts";
import { contentTerms, words } from "../text/terms.ts";

/** Closing words of a row's name that say its kind ("Canary release", "Supervised Learning"). */
export const KIND_WORDS: ReadonlySet<string> = new Set([
  "deployment",
  "release",
  "learning",
  "testing",
]);

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
  /**
   * The things of every table a learner may mean by one of their words ("the fraud one"): its
   * rows (head and the words of all cells, space-padded) and its columns after the first ("Deep
   * Learning Engineer"), with the table's terms (section and row heads) and the heads it names.
   */
  private readonly things = new Map<
    string,
    {
      terms: Set<string>;
      heads: Set<string>;
      things: Array<{ head: string; name: string; said: string }>;
    }
  >();

  constructor(chunks: readonly Chunk[]) {
    for (const chunk of chunks) {
      const first = chunk.cells?.[0]?.value;
      if (first === undefined) continue;
      const head = words(first).join(" ");
      if (head === "") continue;
      const table = `${chunk.source}#${chunk.section}`;
      this.addThings(table, chunk, first, head);
      // Long first cells are descriptions, not names of things.
      if (head.split(" ").length > 4) continue;
      for (const name of [head, ...shortNames(head)]) {
        const tables = this.tables.get(name) ?? new Set<string>();
        tables.add(table);
        this.tables.set(name, tables);
      }
    }
  }

  private addThings(table: string, chunk: Chunk, first: string, head: string): void {
    let entry = this.things.get(table);
    if (entry === undefined) {
      entry = { terms: new Set(contentTerms(chunk.section)), heads: new Set(), things: [] };
      for (const cell of chunk.cells?.slice(1) ?? []) {
        const column = words(cell.header).join(" ");
        entry.things.push({ head: column, name: cell.header, said: ` ${column} ` });
      }
      this.things.set(table, entry);
    }
    const cells = chunk.cells?.map((cell) => cell.value).join(" ") ?? "";
    entry.things.push({ head, name: first, said: ` ${words(cells).join(" ")} ` });
    entry.heads.add(head);
    for (const term of contentTerms(head)) entry.terms.add(term);
  }

  /** The heads the text names, longest first, as the text spells them in lower case. */
  find(text: string): string[] {
    const padded = ` ${words(text).join(" ")} `;
    return [...this.tables.keys()]
      .filter((head) => padded.includes(` ${head} `))
      .sort((left, right) => right.length - left.length);
  }

  /**
   * The rows of one table the text names, in the order it first names them ("… House Price
   * Predictor …, and the Customer Churn Classifier …"): the table most of its heads belong to (of
   * equals, the one with longer names); a head inside a longer one it names is not counted.
   * Empty when no table has two of them.
   */
  inOrder(text: string): string[] {
    const padded = ` ${words(text).join(" ")} `;
    const taken: Array<{ head: string; start: number; end: number }> = [];
    for (const head of this.find(text)) {
      for (let start = padded.indexOf(` ${head} `); start !== -1; ) {
        const end = start + head.length + 1;
        if (!taken.some((other) => start < other.end && other.start < end)) {
          taken.push({ head, start, end });
        }
        start = padded.indexOf(` ${head} `, start + 1);
      }
    }
    // Each head once, where the text first names it.
    const firsts = taken
      .sort((left, right) => left.start - right.start)
      .filter((entry, index, all) => all.findIndex((other) => other.head === entry.head) === index)
      .map((entry) => entry.head);
    // The table with most of them; between equals, the one with longer (more specific) names.
    const weight = (heads: string[]) => heads.length * 1000 + heads.join(" ").split(" ").length;
    const tables = new Set(firsts.flatMap((head) => [...(this.tables.get(head) ?? [])]));
    const rows = [...tables]
      .map((table) => firsts.filter((head) => this.tables.get(head)?.has(table) === true))
      .sort((left, right) => weight(right) - weight(left))[0];
    return rows !== undefined && rows.length >= 2 ? rows : [];
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

  /**
   * The name, as the corpus writes it, of the one row or column a learner means by "the fraud
   * one" or "the deep learning one" (`name`: "fraud"), if it is clear: the one head naming it
   * that the conversation (`spoken`) says (the longest, if several); or else, among the things
   * naming it, those of the table the conversation speaks of most (the heads it names; the terms
   * of its section and heads, a term of many tables counting less), the one whose head names it,
   * or, when no head there does, the one head naming it in another table spoken of ("the rag one"
   * → RAG Question-Answering System). Undefined when nothing names it, or two heads are equally
   * likely. With `saidOnly`, only a head
   * the conversation says counts ("the house price one" after "House Price Predictor": everyday
   * words, which name a row only as part of a head just said).
   */
  rowMeant(name: string, spoken: string, saidOnly = false): string | undefined {
    const named = ` ${words(name).join(" ")} `;
    if (named.trim() === "") return undefined;
    const heardTerms = new Set(contentTerms(spoken));
    const said = ` ${words(spoken).join(" ")} `;
    const tables = [...this.things.values()];
    // A term of many tables ("ml", "learning") says little about which one was spoken of.
    const tablesWith = (term: string) => tables.filter((table) => table.terms.has(term)).length;
    const candidates = tables.flatMap((table) => {
      const spokenOf =
        [...table.heads].filter((head) => said.includes(` ${head} `)).length +
        [...table.terms]
          .filter((term) => heardTerms.has(term))
          .reduce((sum, term) => sum + 1 / tablesWith(term), 0);
      return table.things
        .filter((thing) => thing.said.includes(named))
        .map((thing) => ({
          head: thing.head,
          name: thing.name,
          spokenOf,
          inHead: ` ${thing.head} `.includes(named),
        }));
    });
    // "the deep learning one" after a question about "a deep learning engineer": the thing said.
    const heard = candidates.filter(
      (candidate) => candidate.inHead && said.includes(` ${candidate.head} `),
    );
    const mostSpecific = heard.filter(
      (candidate) =>
        !heard.some(
          (other) =>
            ` ${other.head} `.includes(` ${candidate.head} `) && other.head !== candidate.head,
        ),
    );
    if (new Set(mostSpecific.map((candidate) => candidate.head)).size === 1) {
      return mostSpecific[0]?.name;
    }
    if (saidOnly) return undefined;
    const best = Math.max(0, ...candidates.map((candidate) => candidate.spokenOf));
    if (best === 0) return undefined;
    const likeliest = candidates.filter((candidate) => candidate.spokenOf === best);
    // Within that table, the thing whose head names it ("the aws one": AWS Certified …); when no
    // head there does, the one head that names it in another table spoken of ("the rag one" after
    // talk of projects and NLP: RAG Question-Answering System, not the NLP row listing RAG).
    const namedByHead = candidates.filter(
      (candidate) => candidate.inHead && candidate.spokenOf > 0,
    );
    const byHead = likeliest.some((candidate) => candidate.inHead)
      ? likeliest.filter((candidate) => candidate.inHead)
      : new Set(namedByHead.map((candidate) => candidate.head)).size === 1
        ? namedByHead
        : likeliest;
    const heads = new Set(byHead.map((candidate) => candidate.head));
    return heads.size === 1 ? byHead[0]?.name : undefined;
  }
}
