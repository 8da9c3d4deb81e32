import type { Retrieval } from "../retrieval/retriever.ts";
import { commonWordRank } from "../text/common-words.ts";
import { splitSentences } from "../text/sentences.ts";
import {
  contentTerms,
  QUESTION_META_WORDS,
  STOPWORDS,
  stem,
  words,
  wordsAsWritten,
} from "../text/terms.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";

/** Thresholds of the evidence gate; defaults calibrated on the dev set (see README). */
export type GateSettings = {
  /**
   * A question word absent from the corpus counts as a specific topic (not everyday phrasing)
   * when it is not among this many most frequent spoken-English words. @default 9000
   */
  specificWordRank: number;
  /** Coverage a passage needs when the question names a topic absent from the corpus. @default 0.75 */
  minCoverageWithUnknownTopic: number;
  /**
   * Words absent from the corpus but among this many most frequent spoken-English words are
   * uncommon rather than specific ("gadgets", "genuinely"): they only need
   * `minCoverageWithUncommonWord`. @default 30000
   */
  uncommonWordRank: number;
  /** Coverage a passage needs when the question uses an uncommon word absent from the corpus. @default 0.65 */
  minCoverageWithUncommonWord: number;
  /** Coverage below which a question is refused unless the dense match is strong. @default 0.2 */
  minCoverage: number;
  /** Dense similarity that rescues a low-coverage question (paraphrase). @default 0.45 */
  rescueDenseSimilarity: number;
  /** How many top passages are checked for coverage. @default 3 */
  passagesChecked: number;
  /**
   * For questions asking for a figure ("what dropout rate…", "how many hours…"): coverage that one
   * sentence or table row supplying that kind of figure must reach. @default 0.3
   */
  minFigureCoverage: number;
};

export const DEFAULT_GATE_SETTINGS: GateSettings = {
  specificWordRank: 9000,
  minCoverageWithUnknownTopic: 0.75,
  uncommonWordRank: 30000,
  minCoverageWithUncommonWord: 0.65,
  minCoverage: 0.2,
  rescueDenseSimilarity: 0.45,
  passagesChecked: 3,
  minFigureCoverage: 0.3,
};

const NUMBER =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|dozen)\b/i;
const MONEY_WORDS = /^(price|prices|cost|costs|fee|fees|salary|salaries|charge|charges|budget)$/;
const MONEY = /[₹$€£]|\bfree\b|\bvaries\b/i;
/** "how many hours", "hours per week", "three days a week": a time figure, not "all day". */
const TIME_PHRASE =
  /\b(?:how many|per|a|each|every) (hours?|days?|weeks?|months?|years?)\b|\b(hours?|days?|weeks?) (?:per|a|each|every)\b/g;
/** "what dropout rate…", "which YOLO version…": a setting asked for, not "data version control". */
const SETTING_PHRASE =
  /\b(?:what|which)(?: [\p{L}\d'-]+){0,3} (rate|size|score|rank|alpha|threshold|value|values|epochs|version|memory|ram|gb|percentage|percent|length)\b/u;

/**
 * What kind of figure a question asks for, if any: money ("what does it cost"), time ("how long",
 * "hours per week"), a count ("how many models") or a setting ("what dropout rate").
 * `words` are the question words the figure must stand next to.
 */
export type FigureRequest = { type: "money" | "time" | "count" | "setting"; words: string[] };

export function figureRequest(question: string): FigureRequest | undefined {
  const tokens = words(question);
  const text = ` ${tokens.join(" ")} `;
  const money = tokens.filter((token) => MONEY_WORDS.test(token));
  if (money.length > 0 || (text.includes(" how much ") && / (cost|pay|charge|earn)/.test(text))) {
    return { type: "money", words: [] };
  }
  const time = [...text.matchAll(TIME_PHRASE)].map((match) => match[1] ?? match[2] ?? "");
  if (time.length > 0) return { type: "time", words: time.filter((word) => word !== "") };
  if (text.includes(" how long ")) return { type: "time", words: [] };
  const setting = SETTING_PHRASE.exec(text)?.[1];
  if (setting !== undefined) return { type: "setting", words: [setting] };
  // The counted thing is one of the next two words ("how many different models").
  const many = /\bhow many ([\p{L}-]+)(?: ([\p{L}-]+))?/u.exec(text);
  if (many?.[1] !== undefined) {
    return { type: "count", words: [many[1], many[2] ?? many[1]] };
  }
  return undefined;
}

/** Whether a sentence or row supplies the figure a question asks for. */
function suppliesFigure(request: FigureRequest, unit: string): boolean {
  const unitTerms = new Set(contentTerms(unit));
  const mentions =
    request.type === "count"
      ? request.words.some((word) => unitTerms.has(stem(word)))
      : request.words.every((word) => unitTerms.has(stem(word)));
  switch (request.type) {
    case "money":
      return MONEY.test(unit);
    case "time":
      return (
        NUMBER.test(unit) &&
        (request.words.length === 0
          ? /\b(hours?|days?|weeks?|months?|years?)\b/i.test(unit)
          : mentions)
      );
    case "count":
    case "setting":
      return NUMBER.test(unit) && mentions;
    default: {
      const unknown: never = request.type;
      throw new Error(`unknown figure type ${String(unknown)}`);
    }
  }
}

/** The gate's verdict and the measurements behind it. */
export type GateDecision = {
  answerable: boolean;
  /** Why the question was refused, for people; empty when answerable. */
  reason: string;
  /** Share of the question's IDF-weighted topic terms found in the best top passage (0–1). */
  coverage: number;
  /** Cosine similarity of the best passage. */
  topDense: number;
  /** Question words that name something the corpus never mentions. */
  unknownTopics: string[];
};

/** A topic word of the question: as written, its stemmed index term, and the whole token it came from. */
type QuestionTerm = { word: string; term: string; token: string };

/** Topic words of a question: no stop or meta words; hyphenated words split into their parts. */
function questionTerms(question: string): QuestionTerm[] {
  const seen = new Set<string>();
  const terms: QuestionTerm[] = [];
  for (const token of wordsAsWritten(question)) {
    const lower = token.toLowerCase();
    if (STOPWORDS.has(lower) || QUESTION_META_WORDS.has(lower)) continue;
    for (const part of token.split(/-/)) {
      const word = part.replace(/'s$/i, "");
      const key = word.toLowerCase();
      if (key.length < 2 || STOPWORDS.has(key) || seen.has(key)) continue;
      seen.add(key);
      terms.push({ word, term: stem(key), token: token.replace(/'s$/i, "") });
    }
  }
  return terms;
}

/** Best frequency rank among a word's simple inflections ("gadgets" -> "gadget"). */
function everydayRank(word: string): number | undefined {
  const forms = [word, word.replace(/s$/, ""), word.replace(/es$/, ""), word.replace(/ed$/, "")];
  let best: number | undefined;
  for (const form of forms) {
    const rank = commonWordRank(form);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/**
 * Decides, before any answer is written, whether the retrieved passages can answer the question.
 * Deterministic: the same question and index always get the same verdict. A question is refused
 * when it names a topic the corpus never mentions and no passage covers the rest of it well, or
 * when no passage covers its topic words and the dense match is weak.
 */
export class EvidenceGate {
  private readonly statistics: CorpusStatistics;
  private readonly settings: GateSettings;

  constructor(statistics: CorpusStatistics, settings: Partial<GateSettings> = {}) {
    this.statistics = statistics;
    this.settings = { ...DEFAULT_GATE_SETTINGS, ...settings };
  }

  assess(retrieval: Retrieval): GateDecision {
    const terms = questionTerms(retrieval.question);
    const top = retrieval.results.slice(0, this.settings.passagesChecked);
    const topDense = Math.max(0, ...top.map((result) => result.dense));
    if (terms.length === 0 || top.length === 0) {
      return {
        answerable: false,
        reason: "the question has no topic words to look up",
        coverage: 0,
        topDense,
        unknownTopics: [],
      };
    }
    const weight = (term: QuestionTerm) => this.statistics.idf(term.term);
    const total = terms.reduce((sum, term) => sum + weight(term), 0);
    let coverage = 0;
    for (const result of top) {
      const passageTerms = this.statistics.termsOf(result.chunk.id);
      const covered = terms
        .filter((term) => passageTerms.has(term.term))
        .reduce((sum, term) => sum + weight(term), 0);
      coverage = Math.max(coverage, covered / total);
    }
    const { specificWordRank, uncommonWordRank } = this.settings;
    const absent = terms
      .filter((term) => !this.statistics.has(term.term))
      .map((term) => ({ word: term.token, rank: everydayRank(term.word) }))
      .filter(({ rank }) => rank === undefined || rank > specificWordRank);
    const unknownTopics = [...new Set(absent.map(({ word }) => word))];
    const specific = absent.some(({ rank }) => rank === undefined || rank > uncommonWordRank);
    const required = specific
      ? this.settings.minCoverageWithUnknownTopic
      : this.settings.minCoverageWithUncommonWord;

    const { minCoverage, rescueDenseSimilarity } = this.settings;
    if (unknownTopics.length > 0 && coverage < required) {
      return {
        answerable: false,
        reason: `the material never mentions ${unknownTopics.map((word) => `"${word}"`).join(", ")}`,
        coverage,
        topDense,
        unknownTopics,
      };
    }
    if (coverage < minCoverage && topDense < rescueDenseSimilarity) {
      return {
        answerable: false,
        reason: "no passage matches the question closely enough",
        coverage,
        topDense,
        unknownTopics,
      };
    }
    const request = figureRequest(retrieval.question);
    if (request !== undefined) {
      const figureCoverage = this.figureCoverage(request, terms, retrieval, total);
      if (figureCoverage < this.settings.minFigureCoverage) {
        return {
          answerable: false,
          reason: "the material gives no figure for that",
          coverage,
          topDense,
          unknownTopics,
        };
      }
    }
    return { answerable: true, reason: "", coverage, topDense, unknownTopics };
  }

  /** Best coverage of the question by one sentence or table row that supplies the figure asked for. */
  private figureCoverage(
    request: FigureRequest,
    terms: QuestionTerm[],
    retrieval: Retrieval,
    total: number,
  ): number {
    let best = 0;
    for (const result of retrieval.results.slice(0, 5)) {
      const units =
        result.chunk.kind === "table-row" ? [result.chunk.text] : splitSentences(result.chunk.text);
      for (const unit of units) {
        if (!suppliesFigure(request, unit)) continue;
        const unitTerms = new Set(contentTerms(`${result.chunk.section} ${unit}`));
        const covered = terms
          .filter((term) => unitTerms.has(term.term))
          .reduce((sum, term) => sum + this.statistics.idf(term.term), 0);
        best = Math.max(best, covered / total);
      }
    }
    return best;
  }
}
