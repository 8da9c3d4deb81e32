import type { Chunk } from "../chunking/chunk.ts";
import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import { commonWordRank } from "../text/common-words.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { splitSentences } from "../text/sentences.ts";
import { contentTerms, wordsAsWritten } from "../text/terms.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { VERY_COMMON_RANK } from "./follow-up-detector.ts";

/**
 * A column's word found in at most this many passages is specific to the column ("key
 * hyperparameters": 11, "learning curve": 7), not a general word ("build time": 20).
 */
const MAX_COLUMN_PASSAGES = 12;

/** A figure a learner offers as a guess ("4L", "10k", "$200"), not a thing the material names. */
const OFFERED_FIGURE = /^[\d₹$€£]/u;

/** A column of a corpus table, with the rarest word of its header, which a question must use. */
type Column = { header: string; term: string };

/**
 * A column a question asks of a thing that heads no table row, as both are written, and the word
 * of the column the question used.
 */
export type UnrowedColumn = { column: string; term: string; thing: string };

/**
 * The columns the corpus tables give row by row ("Key Hyperparameters" of the algorithm table),
 * to tell when a question asks one of them of a thing the material only names in a cell:
 * "catboost key hyperparams" (CatBoost is listed among the boosting tools, and heads no row).
 */
export class TableColumns {
  private readonly columns: Column[] = [];
  /** Words found only in table cells after the first (not in heads, headers or prose). */
  private readonly onlyListed = new Set<string>();

  constructor(
    chunks: readonly Chunk[],
    statistics: CorpusStatistics,
    private readonly lexicon: EntityLexicon,
  ) {
    const listed = new Set<string>();
    const elsewhere = new Set<string>();
    for (const chunk of chunks) {
      const cells = chunk.cells ?? [];
      for (const [column, cell] of cells.entries()) {
        for (const term of contentTerms(cell.value)) (column === 0 ? elsewhere : listed).add(term);
        for (const term of contentTerms(cell.header)) elsewhere.add(term);
      }
      for (const term of contentTerms(chunk.section)) elsewhere.add(term);
      if (cells.length > 0) continue;
      // In prose, the items of an enumeration ("learn ROUGE, BLEU, BERTScore, …") only list.
      for (const sentence of splitSentences(chunk.text)) {
        const items = enumerationItems(sentence);
        for (const item of items) for (const term of contentTerms(item)) listed.add(term);
        const rest = items.reduce((text, item) => text.replace(item, " "), sentence);
        for (const term of contentTerms(rest)) elsewhere.add(term);
      }
    }
    for (const term of listed) if (!elsewhere.has(term)) this.onlyListed.add(term);
    const seen = new Set<string>();
    for (const chunk of chunks) {
      for (const cell of chunk.cells?.slice(1) ?? []) {
        if (seen.has(cell.header)) continue;
        seen.add(cell.header);
        // "Seaborn function" is named by a tool and "Why It Matters" by everyday words, not by
        // what the column gives; everyday words are judged as written ("goes", not its stem "goe").
        const everyday = new Set(
          wordsAsWritten(cell.header)
            .filter((word) => (commonWordRank(word) ?? Number.POSITIVE_INFINITY) < VERY_COMMON_RANK)
            .flatMap((word) => contentTerms(word)),
        );
        const term = contentTerms(cell.header)
          .filter((candidate) => !lexicon.isName(candidate) && !everyday.has(candidate))
          .sort(
            (left, right) =>
              statistics.documentFrequency(left) - statistics.documentFrequency(right),
          )[0];
        if (term === undefined || statistics.documentFrequency(term) > MAX_COLUMN_PASSAGES) {
          continue;
        }
        this.columns.push({ header: cell.header, term });
      }
    }
  }

  /**
   * The word a question asks what it does or how to work with, when the tables only list it in a
   * cell and nothing explains it ("what does gamma do": gamma is among SVM's key hyperparameters;
   * "how do i train yolo"), as written.
   */
  onlyListedAsked(question: string): string | undefined {
    // "ROUGE vs BLEU difference?": two things compared, both only listed; "4L or 5L?" offers
    // figures to choose from, not things.
    const sides = comparedSides(question);
    if (sides?.every((side) => this.isOnlyListed(side) && !OFFERED_FIGURE.test(side.trim()))) {
      return sides.map((side) => side.trim()).join('" and "');
    }
    const match =
      WHAT_IT_DOES.exec(question) ?? WHAT_IT_IS.exec(question) ?? HOW_TO_USE_IT.exec(question);
    const asked = match?.slice(1).find((group) => group !== undefined);
    return asked !== undefined && this.isOnlyListed(asked) ? asked : undefined;
  }

  /**
   * Whether a thing named in one or two words ("gamma", "BLEU", "Bayes theorem") is words the
   * material only lists.
   */
  private isOnlyListed(thing: string): boolean {
    const terms = contentTerms(thing);
    return (
      terms.length > 0 && terms.length <= 2 && terms.every((term) => this.onlyListed.has(term))
    );
  }

  /**
   * The column a question asks of a thing that heads no row of any table, if it asks one and
   * names no row head ("xgboost vs catboost hyperparameters" is answered for XGBoost).
   */
  askedOfUnrowed(asked: string): UnrowedColumn | undefined {
    // "CatBoost's hyperparameters" names CatBoost.
    const question = asked.replace(/['’]s\b/g, "");
    if (this.lexicon.rowHeadsNamed(question).length > 0) return undefined;
    // Only things without a row: "lightgbm vs catboost" is answered from LightGBM's row.
    const named = this.lexicon.find(question);
    const thing = named[0];
    if (thing === undefined || named.some((entry) => entry.heads.size > 0)) return undefined;
    const terms = new Set(contentTerms(question));
    const column = this.columns.find((candidate) => terms.has(candidate.term));
    if (column === undefined) return undefined;
    const written = new RegExp(
      `\\b${thing.name.split(" ").map(escapeRegExp).join("\\W+")}\\b`,
      "i",
    );
    return {
      column: column.header.toLowerCase(),
      term: column.term,
      thing: written.exec(question)?.[0] ?? thing.name,
    };
  }
}

/**
 * "what does gamma actually do", "what does the C hyperparameter in an SVM control": what a named
 * setting does, asked of the word right after "what does".
 */
const WHAT_IT_DOES =
  /\bwhat (?:does|do) (?:the |a |an )?([\p{L}\d_.-]+)(?: (?:hyper)?param(?:eter)?s?| setting| value| argument)?(?: (?:in|of|for) (?:an? |the )?[\p{L}\d-]+)?(?: (?:actually|really|exactly|even))? (?:do|control|mean|affect|change|tune|decide)\b/iu;

/** Most words of a piece of an enumeration ("human evaluation", "and task-specific datasets"). */
const ENUMERATION_ITEM_WORDS = 4;
/** Fewest items, one after another, that make an enumeration. */
const ENUMERATION_ITEMS = 4;

/**
 * The items of the enumerations in a sentence: a run of four or more pieces between commas, each
 * of at most four words after the piece that leads in ("For summarization and text generation,
 * learn ROUGE, BLEU, BERTScore, human evaluation, and task-specific evaluation datasets." gives
 * "learn ROUGE", "BLEU", "BERTScore", "human evaluation"). The run's first and last pieces are left
 * out: they may carry the sentence's own words ("and task-specific evaluation datasets").
 */
export function enumerationItems(sentence: string): string[] {
  const pieces = sentence.split(/[,;]/);
  const items: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= ENUMERATION_ITEMS) items.push(...run.slice(1, -1));
    run = [];
  };
  for (const piece of pieces) {
    const words = piece
      .trim()
      .split(/\s+/)
      .filter((word) => word !== "");
    if (words.length > 0 && words.length <= ENUMERATION_ITEM_WORDS) run.push(piece.trim());
    else {
      close();
      if (words.length > 0) run.push(piece.trim());
    }
  }
  close();
  return items;
}

/**
 * "what does BLEU actually measure", "what is BERTScore", "what is LoRA exactly and how does it
 * …", "explain LoRA", "how does TF-IDF work":
 * what a thing is or does, asked of the word named.
 */
const WHAT_IT_IS =
  /\bwhat (?:does|do) (?:the |a |an )?([\p{L}\d_.-]+) (?:(?:actually|really|exactly|even) )?(?:measure|stand for|mean)\b|\b(?:what(?:'s| is| are)|whats|explain|define) (?:the |a |an )?([\p{L}\d_.-]+)(?: (?:actually|really|exactly|even|again))?\s*(?:[?.!]+\s*(?:$|and\b|how\b|why\b|when\b)|$|,? and (?:how|why|when|what)\b)|\b(?:explain|define) (?:the |a |an )?([\p{L}\d_.-]+ [\p{L}\d_.-]+)(?: with (?:a |an )?(?:worked |simple |small )?examples?)?\s*(?:[?.!]+\s*$|$)|\bhow (?:does|do) (?:the |a |an )?([\p{L}\d_.-]+) (?:(?:actually|really|exactly) )?work\b/iu;

/**
 * "how do i train yolo on my own data", "exact code to train yolo", "how to use lora": how to work
 * with a thing, asked of the word named.
 */
const HOW_TO_USE_IT =
  /\bhow (?:do (?:i|you|we) |to |can (?:i|we) |should (?:i|we) )(?:use|train|implement|install|set up|setup|configure|tune|run|code|apply|read|interpret|fine-tune|deploy) (?:a |an |the |my )?([\p{L}\d_.-]+)|\b(?:code|example|steps) (?:for|to (?:train|use|run|implement)) (?:a |an |the |my )?([\p{L}\d_.-]+)/iu;

/** Whether one of `texts` (sentences, rows) names both the thing and the column's word. */
export function saysColumnOf(asked: UnrowedColumn, texts: readonly string[]): boolean {
  const thing = contentTerms(asked.thing);
  return texts.some((text) => {
    const terms = new Set(contentTerms(text));
    return terms.has(asked.term) && thing.every((term) => terms.has(term));
  });
}
