import { dotProduct } from "../index/dot-product.ts";
import type { UnitVectors } from "../index/unit-vectors.ts";
import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import type { Retrieval, RetrievedChunk } from "../retrieval/retriever.ts";
import { isEverydayWord } from "../text/common-words.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { splitSentences } from "../text/sentences.ts";
import {
  contentTerms,
  QUESTION_META_WORDS,
  STOPWORDS,
  stem,
  withoutFraming,
  words,
  wordsAsWritten,
} from "../text/terms.ts";
import { questionFocus, remarkClauses } from "../understanding/question-focus.ts";
import { questionParts } from "../understanding/question-parts.ts";
import {
  spellingVariant,
  type UnderstoodQuestion,
} from "../understanding/question-understanding.ts";
import { figureAskedIn, withinBudget } from "./asked-figure.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { explainsWorkings, WORKINGS } from "./explained-workings.ts";
import { figureQualifiers, givenFor, qualifiersNotGiven } from "./figure-qualifiers.ts";
import { asksForDate, type FigureRequest, suppliesFigure } from "./figure-request.ts";
import { carriedTopic } from "./question-rewriter.ts";
import { writerPassages } from "./writer-passages.ts";

/**
 * A topic word of the question: as written, its index term, index terms that stand for it, and
 * the whole token it came from ("q-learning" for "learning").
 */
export type QuestionTerm = { word: string; term: string; alternatives: string[]; token: string };

/**
 * The signals the evidence gate weighs, each a number measured on the question and its top
 * passages. Names are stable: the fitted refusal model refers to them.
 */
export type GateFeatures = {
  /**
   * Share of the question's IDF-weighted topic terms in the best of the top 3 passages (0–1). An
   * adjective, adverb, interjection or everyday verb the corpus lacks ("bad", "scared", "done")
   * weighs a quarter of the largest IDF; other absent words weigh the largest.
   */
  coverage: number;
  /** The same share for the first-ranked passage alone. */
  coverageTop1: number;
  /** Best cosine similarity between question and a top-3 passage. */
  topDense: number;
  /** Fused retrieval score of the first passage. */
  topScore: number;
  /** Best share of the weighted topic terms found in a top-5 passage's headings (FAQ question included). */
  headingCoverage: number;
  /**
   * Topic terms that neither corpus nor dictionary knows (capped at 2), counted in the clauses
   * that ask the question, not in the situation around them.
   */
  unknownTopics: number;
  /** Share of topic terms that are ordinary English the corpus never uses, and not expanded to a corpus word. */
  unfamiliarShare: number;
  /** 1 when the question asks for a figure (cost, hours, a setting) that no top passage supplies. */
  figureMissing: number;
  /**
   * For a question asking for a figure: the best coverage of the question, or of its clauses that
   * ask, by one unit supplying that kind of figure (0–1); 1 when no figure is asked for.
   */
  figureSupport: number;
  /** log(1 + number of chunks holding the question's rarest corpus term): named once, or explained. */
  focusFrequency: number;
  /** IDF of the rarest corpus term of the question that the best passage lacks, over the largest IDF (0–1). */
  missingRareTerm: number;
  /** log(1 + number of topic terms): long questions cover less of themselves. */
  termCount: number;
  /** Best cosine similarity between the question and one sentence, item or row of a top-5 passage. */
  topUnitDense: number;
  /** Best share of the weighted topic terms held by one unit of a top-5 passage (its headings count half). */
  unitCoverage: number;
  /**
   * IDF-weighted share of the question held by specific words absent from the corpus: unknown
   * topics, and nouns outside the 3,000 most frequent spoken-English words ("poetry", "airflow").
   */
  absentSpecificShare: number;
  /** 1 when a specific absent word meets a passage that covers under 75 % of the question. */
  absentAndUncovered: number;
  /** 1 when under 20 % of the question is covered and the dense match is under 0.45. */
  weakMatch: number;
  /**
   * For a question asking how something works inside ("how does X work internally", "step by
   * step", "the math behind"): 1 / (1 + number of chunks holding the rarest corpus term of the
   * clause that asks), so a thing the material only names scores high; 0 for other questions and
   * for a clause that only points back at the learner's story ("how does that work?").
   */
  explainRareFocus: number;
  /**
   * 1 when the question compares two things ("xavier vs he init", "power bi or tableau") and no
   * top-5 passage holds any word of one side: the material covers at most half of the comparison.
   */
  comparisonSideMissing: number;
};

export const GATE_FEATURE_NAMES: readonly (keyof GateFeatures)[] = [
  "coverage",
  "coverageTop1",
  "topDense",
  "topScore",
  "headingCoverage",
  "unknownTopics",
  "unfamiliarShare",
  "figureMissing",
  "figureSupport",
  "focusFrequency",
  "missingRareTerm",
  "termCount",
  "topUnitDense",
  "unitCoverage",
  "absentSpecificShare",
  "absentAndUncovered",
  "weakMatch",
  "explainRareFocus",
  "comparisonSideMissing",
];

/**
 * A question asking how something works inside, rather than what it is or when to use it. No
 * question word stands between "how does" and the working: "how is blue-green different and when
 * do you roll back" asks no working of "do", while "how do hashing and caching work" does. It also
 * matches a learner's own steps ("how do i create a venv", "how do i choose k"); the refusal model
 * was fitted so, and leaving those out refused fewer unanswerable how-to questions (eval/README.md,
 * session from d697897).
 */
const EXPLAIN_REQUEST = new RegExp(
  `\\bhow (?:does|do|is|are|did)\\b(?: (?!(?:when|what|why|where|which|who|how)\\b)[^\\s?.!,;]+){0,5}? (?:${WORKINGS})\\b|\\bhow (?:do|can|should|would) (?:i|you|u|we|one) (?:read|interpret)\\b|\\binternally\\b|\\bunder the hood\\b|\\bstep[- ]by[- ]step\\b|\\bmath(?:s|ematics)? behind\\b|\\bexplain (?:how|the math|the way)\\b|\\bderivations?\\b|\\bderive\\b`,
  "i",
);

/** "how do I make sure it works": what to do to make something work, not how it works inside. */
const MAKES_IT_WORK = /\bhow (?:do|can|should) (?:i|we|you|u)\b(?: [^\s?.!,;]+){0,5}? works?\b/gi;

/** An everyday word the material uses in at most this many chunks ("phone") names no topic of it. */
const RARELY_USED_CHUNKS = 3;

/** Share of the largest IDF an everyday English word the corpus lacks weighs in coverage. */
const EVERYDAY_ABSENT_WEIGHT = 0.25;

/** Coverage one sentence or row supplying the figure asked for must reach. */
const MIN_FIGURE_COVERAGE = 0.3;
/**
 * The same for prices a stated budget asks ("budget is 70k, which laptop"): a price must be of
 * the thing asked for, not any price beside "ML".
 */
const MIN_BUDGET_COVERAGE = 0.5;
/** A number the learner writes: "3.9", "8gb", "10,000". */
const GUESSED_FIGURE = /^\d/;
const PASSAGES_CHECKED = 3;
const HEADING_PASSAGES = 5;

/**
 * Topic words of a question: no stop or meta words; hyphenated words split into their parts,
 * except a compound that names an unknown topic, which stays whole.
 */
export function questionTerms(
  understood: Pick<UnderstoodQuestion, "understoodAs" | "expansions" | "unknownTopics">,
  statistics?: CorpusStatistics,
): QuestionTerm[] {
  // An unknown compound ("q-learning") is one topic the corpus lacks, not its known parts.
  const unknownCompounds = new Set(
    understood.unknownTopics.filter((word) => word.includes("-")).map((word) => word.toLowerCase()),
  );
  const alternativesOf = new Map<string, string[]>();
  for (const expansion of understood.expansions) {
    const stems = expansion.alternatives.flatMap((alternative) => contentTerms(alternative));
    // A described situation ("justify a model's decisions" → explainability): each of its words
    // is covered by the material's word for it.
    const described = wordsAsWritten(expansion.word).map((word) => word.toLowerCase());
    for (const word of described.length > 1 ? described : [expansion.word.toLowerCase()]) {
      alternativesOf.set(word, [...(alternativesOf.get(word) ?? []), ...stems]);
    }
  }
  // The words the understanding reads as topics: an aside naming one is part of the question.
  const named = new Set([
    ...understood.unknownTopics.map((topic) => topic.toLowerCase()),
    ...alternativesOf.keys(),
  ]);
  const unremarked = withoutAsides(understood.understoodAs, named, statistics);
  const seen = new Set<string>();
  const terms: QuestionTerm[] = [];
  for (const token of wordsAsWritten(withoutFraming(unremarked))) {
    const lower = token.toLowerCase();
    if (STOPWORDS.has(lower) || QUESTION_META_WORDS.has(lower)) continue;
    for (const part of unknownCompounds.has(lower) ? [token] : token.split(/-/)) {
      const word = part.replace(/'s$/i, "");
      const key = word.toLowerCase();
      if (key.length < 2 || STOPWORDS.has(key) || seen.has(key)) continue;
      seen.add(key);
      terms.push({
        word,
        term: stem(key),
        alternatives: alternativesOf.get(lower) ?? [],
        token: lower,
      });
    }
  }
  // "/ vs //": an operator written as a symbol is a topic, named by the material's words for it.
  for (const expansion of understood.expansions) {
    const [named, ...others] = expansion.alternatives.flatMap((words) => contentTerms(words));
    if (/[\p{L}\p{N}]/u.test(expansion.word) || named === undefined) continue;
    terms.push({ word: expansion.word, term: named, alternatives: others, token: expansion.word });
  }
  return terms;
}

/**
 * The question without the remarks and asides around it: "what is RAG exactly, everyone keeps
 * saying it" is "what is RAG exactly"; given the corpus, an aside in words the material never or
 * barely uses ("deadline tonight", "typing from phone") goes too, unless it names a topic the
 * material lacks ("… in bitcoin") or a word the understanding reads as the material's
 * ("overview"): the `named` words, lower case.
 */
function withoutAsides(
  question: string,
  named: ReadonlySet<string>,
  statistics?: CorpusStatistics,
): string {
  const termOf = (word: string) => contentTerms(word)[0];
  const materialLacks =
    statistics === undefined
      ? undefined
      : (word: string) => {
          const term = termOf(word);
          return term !== undefined && !statistics.has(term) && !named.has(word.toLowerCase());
        };
  const rarelyUsed =
    statistics === undefined
      ? undefined
      : (word: string) => {
          const term = termOf(word);
          return term !== undefined && statistics.documentFrequency(term) <= RARELY_USED_CHUNKS;
        };
  let unremarked = question;
  for (const remark of remarkClauses(unremarked, materialLacks, rarelyUsed)) {
    unremarked = unremarked.replace(remark, " ");
  }
  return unremarked;
}

function covers(terms: Set<string>, term: QuestionTerm): boolean {
  return terms.has(term.term) || term.alternatives.some((alternative) => terms.has(alternative));
}

/** Measures every gate signal for a question and its retrieval. */
export function computeGateFeatures(
  retrieval: Retrieval,
  understood: UnderstoodQuestion,
  statistics: CorpusStatistics,
  units: UnitVectors = new Map(),
  lexicon?: EntityLexicon,
  focusResults: readonly RetrievedChunk[] = [],
): {
  features: GateFeatures;
  terms: QuestionTerm[];
  /** The place, role or year, as asked, that a figure is asked for and no top passage gives it for. */
  figureNotGivenFor: string | undefined;
  /** The kind of figure asked for, if any ("person" for "who wrote …"). */
  figureAsked: FigureRequest["type"] | undefined;
  /** A price limit the learner states ("budget is 60k") that no top passage gives a price for. */
  noPriceWithinBudget: boolean;
} {
  // The clauses that ask, and the figure they ask for: "I have 2 hours a day, how long will it
  // take?" asks how long, not for hours.
  const asking = questionFocus(understood.understoodAs);
  const { carried } = carriedTopic(understood.understoodAs);
  const ownAsking = carriedTopic(asking).own;
  const asked = figureAskedIn(ownAsking, carried);
  const request = asked ?? withinBudget(understood.understoodAs);
  // "what year did transformers come out": the words that ask for a date are not what a passage
  // giving it holds ("The Transformer, introduced in the 2017 paper").
  const terms = questionTerms(understood, statistics).filter(
    (term) => request?.type !== "date" || !asksForDate(term.token),
  );
  const top = retrieval.results.slice(0, PASSAGES_CHECKED);
  // An ordinary English word the corpus never uses ("bad", "scared", "done") that describes or is
  // an everyday verb weighs less than a corpus word: it says how the learner feels, not what about.
  const unfamiliar = new Set(understood.unfamiliarWords.map((word) => word.toLowerCase()));
  const everydayAbsent = new Set(understood.unfamiliarDescribing.map((word) => word.toLowerCase()));
  const absentWeight = EVERYDAY_ABSENT_WEIGHT * statistics.idf("\u0000absent");
  const weight = (term: QuestionTerm) =>
    everydayAbsent.has(term.word.toLowerCase()) && term.alternatives.length === 0
      ? absentWeight
      : statistics.idf(term.term);
  const weightOf = (some: QuestionTerm[]) => some.reduce((sum, term) => sum + weight(term), 0);
  const total = weightOf(terms) || 1;
  /** Share of the weight of `some` of the question's terms that a passage or unit holds. */
  const coverageOf = (chunkTerms: Set<string>, some = terms, someTotal = total) =>
    weightOf(some.filter((term) => covers(chunkTerms, term))) / someTotal;

  let coverage = 0;
  let best = new Set<string>();
  for (const result of top) {
    const chunkTerms = statistics.termsOf(result.chunk.id);
    const share = coverageOf(chunkTerms);
    if (share > coverage || best.size === 0) {
      coverage = Math.max(coverage, share);
      best = chunkTerms;
    }
  }
  const first = retrieval.results[0];
  const coverageTop1 = first === undefined ? 0 : coverageOf(statistics.termsOf(first.chunk.id));

  let headingCoverage = 0;
  for (const result of retrieval.results.slice(0, HEADING_PASSAGES)) {
    const heading =
      result.chunk.kind === "faq"
        ? `${result.chunk.section} ${result.chunk.text.split("\n")[0] ?? ""}`
        : result.chunk.section;
    headingCoverage = Math.max(headingCoverage, coverageOf(new Set(contentTerms(heading))));
  }

  const unfamiliarShare =
    terms.length === 0
      ? 0
      : terms.filter(
          (term) => unfamiliar.has(term.word.toLowerCase()) && term.alternatives.length === 0,
        ).length / terms.length;

  const maxIdf = statistics.idf("\u0000absent");
  let missingRareTerm = 0;
  for (const term of terms) {
    if (!statistics.has(term.term) || covers(best, term)) continue;
    missingRareTerm = Math.max(missingRareTerm, statistics.idf(term.term) / maxIdf);
  }

  let topUnitDense = 0;
  let unitCoverage = 0;
  for (const result of retrieval.results.slice(0, HEADING_PASSAGES)) {
    const sectionTerms = new Set(contentTerms(result.chunk.section));
    for (const unit of units.get(result.chunk.id) ?? []) {
      topUnitDense = Math.max(topUnitDense, dotProduct(retrieval.queryVector, unit.vector));
      const unitTerms = new Set(contentTerms(unit.text));
      let covered = 0;
      for (const term of terms) {
        if (covers(unitTerms, term)) covered += weight(term);
        else if (covers(sectionTerms, term)) covered += 0.5 * weight(term);
      }
      unitCoverage = Math.max(unitCoverage, covered / total);
    }
  }

  // Only words of the clauses that ask count as absent topics: "I'm in marketing, can I get into
  // ML?" is about getting into ML, whatever the corpus says about marketing.
  const focus = new Set(words(asking));
  const focusTopics = understood.unknownTopics.filter((topic) => namedAmong(topic, focus));
  const specific = new Set(focusTopics.map((word) => word.toLowerCase()));
  for (const noun of understood.unfamiliarNouns) {
    if (!isEverydayWord(noun.toLowerCase()) && focus.has(noun.toLowerCase())) {
      specific.add(noun.toLowerCase());
    }
  }
  const absentSpecificShare =
    terms
      .filter(
        (term) =>
          (specific.has(term.word.toLowerCase()) || specific.has(term.token)) &&
          term.alternatives.length === 0,
      )
      .reduce((sum, term) => sum + weight(term), 0) / total;

  // A unit supplying the figure asked for is measured against the whole question (the row that
  // matches the learner's story) and against the clauses that ask alone (a long story).
  const qualifiers = figureQualifiers(request, asking, ownAsking, carried, statistics, lexicon);
  const askingTerms = terms.filter((term) => focus.has(term.token));
  // "when did the transformer paper come out and why are long inputs so expensive": a figure
  // asked in one part of several is measured against that part's words too.
  const figurePart =
    request === undefined
      ? undefined
      : questionParts(ownAsking).find(
          (part) => part !== ownAsking && figureAskedIn(part, carried) !== undefined,
        );
  const partWords = new Set(words(figurePart ?? ""));
  // "which python version, is 3.9 still ok?": a value the learner offers for the setting asked,
  // which the material never writes, is checked against the material's, not looked for; a unit
  // giving "Python 3.11 or newer" supplies the figure asked. A price limit ("a laptop under 60k")
  // or a number the material writes ("the 12-month roadmap") still counts.
  const guessed = (term: QuestionTerm) =>
    request?.type === "setting" && GUESSED_FIGURE.test(term.token) && !statistics.has(term.term);
  const unguessed = (some: QuestionTerm[]) => some.filter((term) => !guessed(term));
  const figureTerms = unguessed(terms);
  const figureAskingTerms = unguessed(askingTerms);
  const partTerms = figureTerms.filter((term) => partWords.has(term.token));
  const [figureTotal, figureAskingTotal, partTotal] = [
    figureTerms,
    figureAskingTerms,
    partTerms,
  ].map(weightOf);
  const wholeCoverageOf = (unitTerms: Set<string>) =>
    figureTotal === 0 ? 0 : coverageOf(unitTerms, figureTerms, figureTotal);
  const figureAskingCoverageOf = (unitTerms: Set<string>) =>
    figureAskingTotal === 0
      ? wholeCoverageOf(unitTerms)
      : coverageOf(unitTerms, figureAskingTerms, figureAskingTotal);
  const partCoverageOf = (unitTerms: Set<string>) =>
    partTotal === 0 ? 0 : coverageOf(unitTerms, partTerms, partTotal);
  let figureMissing = 0;
  let figureSupport = 1;
  let placeGiven = false;
  let roleGiven = false;
  let toolGiven = false;
  let otherTool = false;
  if (request !== undefined) {
    // A row a search expansion names is the one asked about ("I've worked as an accountant… how
    // long would it take someone like me" → the Career Switcher row).
    const expandedNames = new Set(
      understood.expansions.flatMap((expansion) =>
        expansion.alternatives.map((alternative) => alternative.toLowerCase()),
      ),
    );
    let figureCoverage = 0;
    // The rows the writer is shown for the things named count too ("and for a career switcher?").
    const shown = writerPassages(retrieval.results, 5, understood.understoodAs);
    for (const result of [...shown, ...focusResults]) {
      const described = expandedNames.has(result.chunk.cells?.[0]?.value.toLowerCase() ?? "");
      const units = unitTextsOf(result.chunk);
      for (const unit of units) {
        if (!suppliesFigure(request, unit)) continue;
        const given = givenFor(qualifiers, request, result.chunk, unit);
        placeGiven ||= given.place;
        roleGiven ||= given.role;
        toolGiven ||= given.tool;
        // The figure is there, but for another tool ("port 5000" of MLflow, asked for Grafana's).
        otherTool ||= given.place && given.role && !given.tool;
        if (!given.place || !given.role || !given.tool) continue;
        figureCoverage = Math.max(
          figureCoverage,
          described ? 1 : 0,
          ...[wholeCoverageOf, figureAskingCoverageOf, partCoverageOf].map((measure) =>
            measure(new Set(contentTerms(`${result.chunk.section} ${unit}`))),
          ),
        );
      }
    }
    // "salaries in 2030": no figure for a year the material never names.
    if (qualifiers.absentYears.length > 0) figureCoverage = 0;
    const least = asked === undefined ? MIN_BUDGET_COVERAGE : MIN_FIGURE_COVERAGE;
    figureMissing = figureCoverage < least ? 1 : 0;
    figureSupport = figureCoverage;
  }
  // A tool is named as what the figure is missing for only when one was given for another tool.
  const notGivenFor = qualifiersNotGiven(
    qualifiers,
    placeGiven,
    roleGiven,
    toolGiven || !otherTool,
  );
  const figureNotGivenFor =
    figureMissing > 0 && notGivenFor.length > 0 ? notGivenFor.join(", ") : undefined;
  const known = terms.filter((term) => statistics.has(term.term));
  const rarestOf = (candidates: QuestionTerm[]) =>
    candidates.reduce<QuestionTerm | undefined>(
      (best, term) =>
        best === undefined || statistics.idf(term.term) > statistics.idf(best.term) ? term : best,
      undefined,
    );
  const rarest = rarestOf(known);
  // What a request to explain asks about is in the clause that asks: "…800 photos, training
  // from scratch gives rubbish results… how does that work?" explains no rare word of the story.
  const rarestAsked = rarestOf(known.filter((term) => focus.has(term.token)));
  const focusFrequency = Math.log1p(
    rarest === undefined ? 0 : statistics.documentFrequency(rarest.term),
  );

  const topDense = Math.max(0, ...top.map((result) => result.dense));
  return {
    terms,
    figureNotGivenFor,
    figureAsked: request?.type,
    noPriceWithinBudget: asked === undefined && request !== undefined && figureMissing > 0,
    features: {
      coverage,
      coverageTop1,
      topDense,
      topScore: first?.score ?? 0,
      headingCoverage,
      unknownTopics: Math.min(2, focusTopics.length),
      unfamiliarShare,
      figureMissing,
      figureSupport,
      focusFrequency,
      missingRareTerm,
      termCount: Math.log1p(terms.length),
      topUnitDense,
      unitCoverage,
      absentSpecificShare,
      absentAndUncovered: absentSpecificShare > 0 && coverage < 0.75 ? 1 : 0,
      weakMatch: coverage < 0.2 && topDense < 0.45 ? 1 : 0,
      comparisonSideMissing: comparisonSideMissing(understood, retrieval, statistics),
      explainRareFocus:
        EXPLAIN_REQUEST.test(asking.replace(MAKES_IT_WORK, " ")) &&
        rarestAsked !== undefined &&
        !explainsWorkings(asking, retrieval.results.slice(0, HEADING_PASSAGES), statistics)
          ? 1 / (1 + statistics.documentFrequency(rarestAsked.term))
          : 0,
    },
  };
}

/**
 * 1 when a side of a comparison is missing: none of its words is in the shown passages, or it
 * is an unknown topic ("pivot_table vs groupby": the material never names `pivot_table`).
 */
function comparisonSideMissing(
  understood: Pick<UnderstoodQuestion, "understoodAs" | "unknownTopics">,
  retrieval: Retrieval,
  statistics: CorpusStatistics,
): number {
  const sides = comparedSides(understood.understoodAs);
  if (sides === undefined) return 0;
  const unknown = new Set(understood.unknownTopics.map((topic) => topic.toLowerCase()));
  if (
    sides.some((side) =>
      side
        .trim()
        .split(/\s+/)
        .some((word) => unknown.has(word.toLowerCase())),
    )
  ) {
    return 1;
  }
  const shown = new Set<string>();
  for (const result of retrieval.results.slice(0, HEADING_PASSAGES)) {
    for (const term of statistics.termsOf(result.chunk.id)) shown.add(term);
  }
  for (const side of sides) {
    const terms = contentTerms(side);
    if (terms.length > 0 && terms.every((term) => !shown.has(term))) return 1;
  }
  return 0;
}

/** "6 LPA", "five folds": a figure guessed, not a kind of thing. */
const NUMBER_WORD = /^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten)$/;

/**
 * Of two kinds of one thing compared ("batch normalisation vs layer normalisation"), the one the
 * material never names, though it uses its words: no passage has the kind and the thing side by
 * side, in either spelling or number, or joined by a hyphen ("project-ready"), and the kind is a
 * word the material uses widely or not at all.
 */
export function unnamedKind(
  sides: readonly [string, string] | undefined,
  statistics: CorpusStatistics,
): string | undefined {
  if (sides === undefined) return undefined;
  const [left, right] = sides.map((side) => words(side).filter((word) => !STOPWORDS.has(word)));
  const head = right?.at(-1);
  const forms = (word: string) => [
    word,
    spellingVariant(word) ?? word,
    word.replace(/s$/, ""),
    `${word}s`,
  ];
  if (
    head === undefined ||
    left === undefined ||
    right?.length !== 2 ||
    left.length < 2 ||
    !forms(head).includes(left.at(-1) ?? "")
  ) {
    return undefined;
  }
  const named = (kind: string) =>
    statistics.has(contentTerms(`${kind}-${head}`)[0] ?? "") ||
    forms(kind).some((a) => forms(head).some((b) => statistics.pairFrequency(a, b) > 0));
  // A word the material uses in a few passages only names a thing of its own ("canary deployment"
  // is its canary release), not a kind of this one.
  const generic = (word: string) => {
    const frequency = statistics.documentFrequency(stem(word));
    return frequency === 0 || frequency > RARELY_USED_CHUNKS;
  };
  // A left side of more words ("canary release deployment") names its kind in several.
  const kind = [left.length === 2 ? left[0] : undefined, right[0]].find(
    (word) => word !== undefined && !NUMBER_WORD.test(word) && generic(word) && !named(word),
  );
  return kind === undefined ? undefined : `${kind} ${head}`;
}

/** Whether every word of a topic ("hugging", or "docker hub") is among `words` (lower case). */
export function namedAmong(topic: string, words: ReadonlySet<string>): boolean {
  return topic.split(/\s+/).every((word) => words.has(word.toLowerCase()));
}

/** The units a gate check reads in a passage: each sentence, or a table row whole. */
export function unitTextsOf(chunk: RetrievedChunk["chunk"]): string[] {
  return chunk.kind === "table-row" ? [chunk.text] : splitSentences(chunk.text);
}
