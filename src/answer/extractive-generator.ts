import { splitSentences } from "../text/sentences.ts";
import { contentTerms, questionText } from "../text/terms.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { figureRequest } from "./evidence-gate.ts";
import type { GenerationInput, Generator, GeneratorEvent, Passage } from "./generator.ts";

/** Tuning of sentence selection; defaults chosen on the dev set. */
export type ExtractiveSettings = {
  /** Most sentences in a prose answer. @default 5 */
  maxSentences: number;
  /** Most rows in a list answer ("which tools…", "X vs Y"). @default 5 */
  maxRows: number;
  /** Most table rows in any other answer. @default 3 */
  maxRowsOtherwise: number;
  /** A unit joins the answer when it scores at least this share of the best unit. @default 0.5 */
  relativeCutoff: number;
};

export const DEFAULT_EXTRACTIVE_SETTINGS: ExtractiveSettings = {
  maxSentences: 5,
  maxRows: 5,
  maxRowsOtherwise: 3,
  relativeCutoff: 0.5,
};

/** A sentence, list item or table row that can be quoted, with where it sits. */
type Unit = { passage: Passage; position: number; text: string; terms: Set<string>; score: number };

const LIST_QUESTION =
  /^(which|what) (tools?|libraries|frameworks|platforms|certifications?|projects?|roles?|skills?|topics?|algorithms?|metrics?|models?)\b|\b(list|name) (the|all|some)\b/i;
const LEADING_REFERENCE = /^(this|these|that|those|it|they|such)\b/i;
/**
 * Text that addresses a model rather than a learner ("SYSTEM: …", "ignore the roadmap…", "tell
 * learners that…"): planted instructions in a corpus document are never quoted as an answer.
 */
const INSTRUCTION_TO_MODEL =
  /^\s*(system|assistant|developer|user)\s*:|\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|roadmap|prompt|above|previous|material)\b|\byou are now\b|\b(system prompt|developer mode|jailbreak)\b|^\s*(tell|instruct|inform) (the )?(learners|users|students|readers)\b|\b(reveal|print|output|show)\b.{0,30}\b(prompt|instructions|api[_ ]?key|config(uration)?)\b/i;
const FIGURE = /[\d₹$€£]/;

/** Splits a passage into quotable units: table rows whole, FAQ answers and prose by sentence. */
function unitsOf(passage: Passage): string[] {
  const { chunk } = passage;
  if (chunk.kind === "table-row") return [chunk.text];
  const lines = chunk.text.split("\n");
  // An FAQ chunk starts with its question, which is not an answer.
  const body = chunk.kind === "faq" ? lines.slice(1) : lines;
  const units: string[] = [];
  let inCode = false;
  for (const line of body) {
    // Code is shown in the cited passage, never quoted as a sentence of the answer.
    if (line.startsWith("```")) {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    if (/^(- |\d+\. )/.test(line)) units.push(line.replace(/^- /, ""));
    else units.push(...splitSentences(line));
  }
  return units.filter((unit) => /[\p{L}\p{N}]/u.test(unit) && !INSTRUCTION_TO_MODEL.test(unit));
}

/**
 * The offline answer writer: quotes the sentences, list items and table rows of the shown passages
 * that best cover the question, in passage order, each followed by its citation marker. It adds no
 * words of its own, so every sentence of the answer is supported by the passage it cites.
 */
export class ExtractiveGenerator implements Generator {
  readonly id = "extractive";
  private readonly statistics: CorpusStatistics;
  private readonly settings: ExtractiveSettings;

  constructor(statistics: CorpusStatistics, settings: Partial<ExtractiveSettings> = {}) {
    this.statistics = statistics;
    this.settings = { ...DEFAULT_EXTRACTIVE_SETTINGS, ...settings };
  }

  async *generate(input: GenerationInput): AsyncIterable<GeneratorEvent> {
    const text = this.compose(input);
    // A few words per delta, so clients render the answer as it streams.
    for (const piece of text.match(/(?:\S+\s*){1,6}|\s+/g) ?? []) {
      yield { type: "text-delta", text: piece };
    }
    yield { type: "answer-end", text, generator: this.id };
  }

  /** Picks and orders the units; returns the answer text with `[n]` markers. */
  compose(input: GenerationInput): string {
    const questionTerms = [...new Set(contentTerms(questionText(input.question)))];
    const weight = (term: string) => this.statistics.idf(term);
    const totalWeight = questionTerms.reduce((sum, term) => sum + weight(term), 0) || 1;
    const bestPassageScore = Math.max(...input.passages.map((passage) => passage.score), 1e-9);
    const wantsFigure = figureRequest(input.question) !== undefined;

    const units: Unit[] = [];
    for (const passage of input.passages) {
      const sectionTerms = new Set(contentTerms(passage.chunk.section));
      unitsOf(passage).forEach((text, position) => {
        const terms = new Set(contentTerms(text));
        let covered = 0;
        for (const term of questionTerms) {
          if (terms.has(term)) covered += weight(term);
          else if (sectionTerms.has(term)) covered += 0.5 * weight(term);
        }
        const relevance = Math.max(0, passage.score) / bestPassageScore;
        let score = 0.6 * (covered / totalWeight) + 0.4 * relevance;
        if (wantsFigure && FIGURE.test(text)) score += 0.1;
        units.push({ passage, position, text, terms, score });
      });
    }
    if (units.length === 0) return "";
    units.sort((left, right) => right.score - left.score);
    const best = units[0] as Unit;
    const isList =
      LIST_QUESTION.test(input.question) ||
      (best.passage.chunk.kind === "table-row" &&
        /\b(vs\.?|versus|or|and|compare|difference)\b/i.test(input.question));
    const limit = isList ? this.settings.maxRows : this.settings.maxSentences;

    const rowLimit = isList ? this.settings.maxRows : this.settings.maxRowsOtherwise;
    const chosen: Unit[] = [];
    let rowsChosen = 0;
    for (const unit of units) {
      if (chosen.length >= limit || unit.score < best.score * this.settings.relativeCutoff) break;
      const isRow = unit.passage.chunk.kind === "table-row";
      if (isRow && rowsChosen >= rowLimit) continue;
      const redundant = chosen.some((other) => overlap(unit.terms, other.terms) > 0.8);
      if (redundant) continue;
      chosen.push(unit);
      if (isRow) rowsChosen++;
    }
    // A sentence opening with "This…"/"It…" needs the one before it to make sense.
    for (const unit of [...chosen]) {
      if (!LEADING_REFERENCE.test(unit.text) || unit.position === 0) continue;
      const previous = units.find(
        (other) => other.passage === unit.passage && other.position === unit.position - 1,
      );
      if (previous !== undefined && !chosen.includes(previous)) chosen.push(previous);
    }
    chosen.sort(
      (left, right) => left.passage.n - right.passage.n || left.position - right.position,
    );
    // Table rows read best as a list; mixed with sentences, every piece gets its own line.
    const rows =
      chosen.some((unit) => unit.passage.chunk.kind === "table-row") && chosen.length > 1;
    return chosen
      .map((unit) => `${rows ? "- " : ""}${unit.text} [${unit.passage.n}]`)
      .join(rows ? "\n" : " ");
  }
}

function overlap(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  return shared / Math.min(left.size, right.size);
}
