import type { UnitVectors } from "../index/unit-vectors.ts";
import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import type { Retrieval, RetrievedChunk } from "../retrieval/retriever.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { words, wordsAsWritten } from "../text/terms.ts";
import { questionFocus } from "../understanding/question-focus.ts";
import type { UnderstoodQuestion } from "../understanding/question-understanding.ts";
import { qualityCompared, saysQualityOf } from "./compared-attribute.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { explainsThing, workingThing } from "./explained-workings.ts";
import { type FigureRequest, YEAR } from "./figure-request.ts";
import {
  computeGateFeatures,
  type GateFeatures,
  namedAmong,
  unitTextsOf,
  unnamedKind,
} from "./gate-features.ts";
import { namedOnlyTogether } from "./named-together.ts";
import { answerableProbability, type RefusalModel, shippedRefusalModel } from "./refusal-model.ts";
import { replacementUnmentioned } from "./replacement-unmentioned.ts";
import { saysColumnOf, type TableColumns } from "./table-columns.ts";
import { unsaidCompound } from "./unsaid-compound.ts";
import { UNSPOKEN_TOPICS } from "./unspoken-topics.ts";
import { writerPassages } from "./writer-passages.ts";

export { figureRequest } from "./figure-request.ts";

/** Passages read for a table column asked of a thing without a row, as the writer is shown. */
const PASSAGES_READ = 5;

/** A message this long that asks in some of its clauses tells a story around its question. */
const STORY_WORDS = 30;

/** Settings of the evidence gate. */
export type GateSettings = {
  /**
   * Probability of "answerable" below which a question is refused. @default the threshold stored
   * with the fitted model (chosen on the dev split; see eval/README.md)
   */
  threshold: number;
};

/** The gate's verdict and the measurements behind it. */
export type GateDecision = {
  answerable: boolean;
  /** Why the question was refused, for people; empty when answerable. */
  reason: string;
  /** Probability that the material answers the question (0–1), per the refusal model. */
  probability: number;
  /** Share of the question's IDF-weighted topic terms found in the best top passage (0–1). */
  coverage: number;
  /** Cosine similarity of the best passage. */
  topDense: number;
  /** Question words that name something neither the corpus nor the dictionary knows. */
  unknownTopics: string[];
  features: GateFeatures;
};

/**
 * Decides, before any answer is written, whether the retrieved passages can answer the question.
 * In this order:
 * 1. A question with no topic words to look up ("What is it?", "?") is refused.
 * 2. A question for which retrieval found no passage at all is refused.
 * 3. So is one the material cannot answer however well the rest matches: a figure asked for a
 *    place, role or year it gives none for, a topic only a passage speaking of it answers
 *    (`UNSPOKEN_TOPICS`: age, interview questions, a promised job…), a service named in several
 *    words it never names, what a topic it never mentions is, whether it is any good or how to
 *    work with it, or a choice between two such topics.
 * 4. Otherwise the refusal model (a logistic regression fitted on the train split by
 *    eval/tools/fit-refusal-model.ts) turns the gate's signals (`GateFeatures`: how much of the
 *    question the best passages, their headings and their single sentences cover, dense and fused
 *    retrieval scores, unknown topics, ordinary or specific words the corpus never uses, a figure
 *    asked for and not given, …) into the probability that the material answers the question; below
 *    `threshold` it is refused, with the most readable reason (a topic the material never
 *    mentions, a figure it does not give, or no passage close enough). A question it would
 *    answer is still refused when it asks how a thing works that no retrieved sentence explains
 *    ("how does gradient boosting work": the tables only name it), asks to explain a name that
 *    joins a word the corpus never uses to one of its rare words ("the svm kernel trick",
 *    `unsaid-compound.ts`), or asks a detail no passage says (`unsaidDetail`).
 * Deterministic: the same question and index always get the same verdict.
 */
export class EvidenceGate {
  private readonly statistics: CorpusStatistics;
  private readonly model: RefusalModel;
  private readonly threshold: number;
  private readonly units: UnitVectors;
  private readonly lexicon: EntityLexicon | undefined;
  private readonly columns: TableColumns | undefined;
  /** The latest year the material names ("2026"), if any. */
  private readonly latestYear: number | undefined;

  constructor(
    statistics: CorpusStatistics,
    options: {
      settings?: Partial<GateSettings>;
      units?: UnitVectors;
      model?: RefusalModel;
      /** Tool names of the corpus tables: a figure asked for a tool must be given for it. */
      lexicon?: EntityLexicon;
      /** The tables' columns: one asked of a thing without a row must be given for it. */
      columns?: TableColumns;
    } = {},
  ) {
    const model = options.model ?? shippedRefusalModel();
    const settings = options.settings ?? {};
    this.statistics = statistics;
    this.units = options.units ?? new Map();
    this.lexicon = options.lexicon;
    this.columns = options.columns;
    this.latestYear = latestYearNamed(statistics);
    this.model = model;
    this.threshold = settings.threshold ?? model.threshold;
  }

  assess(
    retrieval: Retrieval,
    understood: UnderstoodQuestion,
    focusResults: readonly RetrievedChunk[] = [],
  ): GateDecision {
    const { features, terms, figureNotGivenFor, figureAsked, noPriceWithinBudget } =
      computeGateFeatures(
        retrieval,
        understood,
        this.statistics,
        this.units,
        this.lexicon,
        focusResults,
      );
    const probability = answerableProbability(this.model, features);
    const measured = {
      probability,
      coverage: features.coverage,
      topDense: features.topDense,
      unknownTopics: understood.unknownTopics,
      features,
    };
    if (terms.length === 0) {
      return {
        ...measured,
        answerable: false,
        reason: "the question has no topic words to look up",
      };
    }
    if (retrieval.results.length === 0) {
      return { ...measured, answerable: false, reason: "no passage of the material matches it" };
    }
    // A figure asked for a place, role or year the material gives none for ("data engineer
    // salary", "salaries in 2030") is refused however well the rest of the question matches.
    if (figureNotGivenFor !== undefined) {
      return {
        ...measured,
        answerable: false,
        reason: `the material gives no ${figureAsked === "date" ? "date" : "figure"} for ${figureNotGivenFor}`,
      };
    }
    // "budget is around 70k, which exact laptop model should I buy": the material prices no
    // laptop, so it cannot say what fits the budget, however well "laptop" matches.
    if (noPriceWithinBudget) {
      return { ...measured, answerable: false, reason: "the material gives no prices for that" };
    }
    // "is there any age limit for ML jobs", "common ml interview questions list pls", "how to write
    // resume as a fresher": only a passage speaking of it answers, however well the rest matches.
    const focus = questionFocus(understood.understoodAs);
    const units = unitsOf(retrieval.results);
    const unspoken = UNSPOKEN_TOPICS.find(
      ({ asks, speaks }) => asks(focus, understood.understoodAs) && !speaks(units, focus),
    );
    if (unspoken !== undefined) return { ...measured, answerable: false, reason: unspoken.reason };
    // "how do i push that image to docker hub": a service named in several words the material
    // never names, asked about, is refused; each of its words alone is the material's or English.
    const asking = new Set(words(focus));
    const service = understood.unknownTopics.find(
      (topic) => topic.includes(" ") && namedAmong(topic, asking),
    );
    if (service !== undefined) {
      return { ...measured, answerable: false, reason: `the material never mentions "${service}"` };
    }
    // "a friend told me to use SMOTE. what's SMOTE exactly…": it cannot say what a thing it
    // never mentions is, judge it or say how to use it, however well the learner's story matches.
    if (definesUnknown(understood)) {
      return {
        ...measured,
        answerable: false,
        reason: this.reason(understood, features, figureAsked),
      };
    }
    // "which vector database is best for RAG, pinecone or chroma": it cannot choose between two
    // things it never names, however well the rest of the question matches.
    const unnamed = unnamedSides(understood);
    if (unnamed !== undefined) {
      return {
        ...measured,
        answerable: false,
        reason: `the material never mentions ${unnamed.map((side) => `"${side}"`).join(" or ")}`,
      };
    }
    // "batch normalisation vs layer normalisation": it cannot compare a kind of a thing it never
    // names, though each word of it is the material's.
    const kind = unnamedKind(comparedSides(understood.understoodAs), this.statistics);
    if (kind !== undefined) {
      return { ...measured, answerable: false, reason: `the material never mentions "${kind}"` };
    }
    if (probability < this.threshold) {
      return {
        ...measured,
        answerable: false,
        reason: this.reason(understood, features, figureAsked),
      };
    }
    // "how does gradient boosting work": a thing the material names in rows and lists, or does not
    // name at all ("how do generators and yield work"), and no sentence of the retrieved passages
    // explains (see explained-workings.ts).
    const working = workingThing(focus, this.statistics);
    if (working !== undefined && !explainsThing(working.sides, retrieval.results)) {
      return {
        ...measured,
        answerable: false,
        reason: working.named
          ? `the material names "${working.phrase}" but does not explain how it works`
          : `the material does not explain how "${working.phrase}" works`,
      };
    }
    // "explain the svm kernel trick": the material names the kernel, never the trick.
    const compound = unsaidCompound(focus, understood.unfamiliarWords, this.statistics);
    if (compound !== undefined) {
      return {
        ...measured,
        answerable: false,
        reason: `the material never mentions "${compound}"`,
      };
    }
    const unsaid = this.unsaidDetail(retrieval, understood.understoodAs);
    if (unsaid !== undefined) return { ...measured, answerable: false, reason: unsaid };
    return { ...measured, answerable: true, reason: "" };
  }

  /**
   * What a question the model would answer asks that no passage says, as a refusal reason: the
   * quality two things are compared on ("GRU vs LSTM, which one trains faster"), a choice between
   * two things it only lists together ("H2O.ai or AutoGluon"), a table column asked of a thing
   * without a row ("catboost key hyperparams"), what a word the tables only list does ("what does
   * gamma do"), or a year later than any it names ("… in 2030?").
   */
  private unsaidDetail(retrieval: Retrieval, question: string): string | undefined {
    // "will ML be worth it in 2030?": the material is written for its own year, not later ones.
    const later = this.laterYearAsked(question);
    if (later !== undefined) return `the material says nothing about ${later}`;
    // Any retrieved passage may say the quality ("XGBoost … Strength: High accuracy").
    const compared = qualityCompared(question);
    if (compared !== undefined && !saysQualityOf(compared, unitsOf(retrieval.results))) {
      return `the material does not say which is ${compared.quality}`;
    }
    // "google drive as the remote instead of s3": no section names both.
    const replacement = replacementUnmentioned(question, this.statistics);
    if (replacement !== undefined) {
      return `the material never mentions "${replacement[0]}" where it speaks of "${replacement[1]}"`;
    }
    // "H2O.ai or AutoGluon": listed side by side ("AutoML tools such as …, H2O.ai, AutoGluon, …").
    const together = namedOnlyTogether(question, retrieval.results, (term) =>
      this.statistics.idf(term),
    );
    if (together !== undefined) {
      return `the material names "${together[0]}" and "${together[1]}" only together in a list, without comparing them`;
    }
    // The table gives the column row by row, and CatBoost has no row; the writer's passages are read.
    const unrowed = this.columns?.askedOfUnrowed(question);
    if (
      unrowed !== undefined &&
      !saysColumnOf(unrowed, unitsOf(writerPassages(retrieval.results, PASSAGES_READ, question)))
    ) {
      return `the material gives no ${unrowed.column} for ${unrowed.thing}`;
    }
    // "what does gamma do": the tables list it among SVM's hyperparameters, and nothing explains it.
    const listed = this.columns?.onlyListedAsked(question);
    if (listed !== undefined)
      return `the material only lists "${listed}" among other things, without explaining it`;
    return undefined;
  }

  /** A year later than any the material names, in the clauses that ask, if there is one. */
  private laterYearAsked(question: string): string | undefined {
    const latest = this.latestYear;
    if (latest === undefined) return undefined;
    return [...questionFocus(question).matchAll(YEAR)]
      .map((match) => match[0])
      .find((year) => Number(year) > latest);
  }

  /** The strongest readable reason for a refusal. */
  private reason(
    understood: UnderstoodQuestion,
    features: GateFeatures,
    figureAsked: FigureRequest["type"] | undefined,
  ): string {
    // In a long story only the topics of the clauses that ask are named: "… I saw some YouTube
    // videos … can someone like me become an ML engineer?" is not about YouTube.
    const focus = questionFocus(understood.understoodAs);
    const asking = new Set(words(focus));
    const story =
      wordsAsWritten(understood.understoodAs).length >= STORY_WORDS &&
      focus !== understood.understoodAs;
    const unknown = understood.unknownTopics.filter((topic) => !story || namedAmong(topic, asking));
    if (unknown.length > 0) {
      const named = unknown.map((word) => `"${word}"`).join(", ");
      return `the material never mentions ${named}`;
    }
    if (features.figureMissing > 0) {
      if (figureAsked === "person") return "the material does not say who";
      if (figureAsked === "date") return "the material gives no date for that";
      return "the material gives no figure for that";
    }
    return "no passage matches the question closely enough";
  }
}

/** The units the gate's checks read in passages: each sentence, or a table row whole. */
function unitsOf(results: ReadonlyArray<{ chunk: RetrievedChunk["chunk"] }>): string[] {
  return results.flatMap((result) => unitTextsOf(result.chunk));
}

/** The latest year from 1900 to 2099 the corpus names, if any. */
function latestYearNamed(statistics: CorpusStatistics): number | undefined {
  for (let year = 2099; year >= 1900; year--) {
    if (statistics.has(String(year))) return year;
  }
  return undefined;
}

/** "how do i", "how to", "how 2": a how-to question's opening. */
const HOW_TO = "how (?:(?:do|can|should|would) (?:i|we|you)|to|2)";

/** Words that ask the material to judge a thing: "is the iit madras bsc good for ml jobs". */
const JUDGED =
  "(?:good|bad|worth|useful|legit|valid|recogni[sz]ed|respected|valued|enough|reliable|better|best|ok|okay|fine)";

/**
 * The ways a question asks about an unknown topic the material cannot answer for, each a pattern
 * around the topic's escaped name.
 */
const ASKED_OF_UNKNOWN: ReadonlyArray<(named: string) => string> = [
  // "what's SMOTE exactly", "explain q-learning", "how does q-learning work".
  (named) =>
    `\\b(?:what(?:'s|’s|s| is| are| was| were)|explain|define|meaning of|how (?:does|do|did))\\s+(?:(?:the|a|an|this|that)\\s+)?${named}(?![\\p{L}\\d-])`,
  // "xavier init kya hai", "SMOTE meaning".
  (named) => `(?<![\\p{L}\\d-])${named}\\s+(?:kya|meaning|means|matlab)\\b`,
  // "is the iit madras online bsc good for ml jobs", "udemy worth it?".
  (named) =>
    `^(?:(?:is|are)\\s+)?(?:(?:the|a|an|this|that)\\s+)?(?:[\\p{L}\\d'-]+\\s+){0,2}${named}(?:\\s+[\\p{L}\\d'-]+){0,6}?\\s+${JUDGED}\\b`,
  // "how do i deploy my model on heroku".
  (named) => `${HOW_TO}\\s+(?:[\\p{L}\\d'-]+\\s+){0,5}?${named}(?![\\p{L}\\d-])`,
  // "RLHF with TRL - how 2 write the reward model code".
  (named) => `^${named}\\b[^?.]{0,40}?\\s${HOW_TO}\\b`,
  // "same thing in pyspark, how would i write it", "how do i do that in polars": the last
  // answer's task, done with it.
  (named) =>
    `\\b(?:same(?:\\s+thing)?|(?:do|write|doing|writing)\\s+(?:it|this|that|the same))\\s+(?:in|with|using|for)\\s+${named}(?![\\p{L}\\d-])`,
];

/**
 * Whether the question asks what an unknown topic is or how it works ("what's SMOTE exactly", "how
 * does q-learning work", "xavier init kya hai"), asks the material to judge it ("is the iit
 * madras online bsc good for ml jobs", "udemy worth it?"), or asks how to work with it ("how do i
 * deploy on heroku", "RLHF with TRL - how 2 write the reward model code", "same thing in
 * pyspark").
 */
function definesUnknown(
  understood: Pick<UnderstoodQuestion, "understoodAs" | "unknownTopics">,
): boolean {
  return understood.unknownTopics.some((topic) => {
    const named = escapeRegExp(topic);
    return new RegExp(ASKED_OF_UNKNOWN.map((pattern) => pattern(named)).join("|"), "iu").test(
      understood.understoodAs,
    );
  });
}

/** Both things a choice weighs, when the material names neither ("pinecone or chroma"). */
function unnamedSides(
  understood: Pick<UnderstoodQuestion, "understoodAs" | "unknownTopics">,
): [string, string] | undefined {
  const sides = comparedSides(understood.understoodAs);
  if (sides === undefined) return undefined;
  const unknown = understood.unknownTopics.map((topic) => topic.toLowerCase());
  const unnamed = sides.map((side) => {
    const sideWords = new Set(words(side));
    return unknown.find((topic) => namedAmong(topic, sideWords));
  });
  const [left, right] = unnamed;
  return left !== undefined && right !== undefined && left !== right ? [left, right] : undefined;
}
