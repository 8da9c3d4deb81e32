import { dotProduct } from "../index/dot-product.ts";
import type { UnitVectors } from "../index/unit-vectors.ts";
import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import { commonWordRank } from "../text/common-words.ts";
import { comparedSides, listedOptions } from "../text/compared-sides.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { namedSource, roadmapNamed, withoutClosingSourceFrame } from "../text/named-source.ts";
import {
  type NumberedReference,
  numberedReferences,
  referenceAgreement,
} from "../text/numbered-references.ts";
import {
  contentTerms,
  QUESTION_META_WORDS,
  questionText,
  STOPWORDS,
  withoutAnswerStyle,
  words,
  wordsUnhyphenated,
} from "../text/terms.ts";
import { learnerLexicon } from "../understanding/learner-lexicon.ts";
import { tagWords } from "../understanding/part-of-speech.ts";
import { questionFocus } from "../understanding/question-focus.ts";
import { questionParts } from "../understanding/question-parts.ts";
import { askedFigure } from "./asked-figure.ts";
import { COMPARED_IN_COLUMNS } from "./compared-rows.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import {
  countsThing,
  type FigureRequest,
  figureRequest,
  NUMBER_WORDS,
  suppliesFigure,
} from "./figure-request.ts";
import { OPENER, VERY_COMMON_RANK } from "./follow-up-detector.ts";
import type { GenerationInput, Generator, GeneratorEvent, Passage } from "./generator.ts";
import { listsKindsAsked, rowOfAskedKind, rowOfListedKind } from "./listed-kind.ts";
import { carriedTopic } from "./question-rewriter.ts";
import { type QuotableUnit, quotableUnits } from "./quotable-units.ts";
import { REASON_COLUMN, readableRow } from "./readable-row.ts";
import { READINESS_QUESTION } from "./step-milestone.ts";
import { namedHeads } from "./writer-passages.ts";

/** Tuning of unit selection; defaults chosen on the train and dev splits (see eval/README.md). */
export type ExtractiveSettings = {
  /** Weight of the cosine similarity between question and unit. @default 0.4 */
  semanticWeight: number;
  /** Weight of the IDF-weighted share of question terms the unit holds. @default 0.8 */
  lexicalWeight: number;
  /** Weight of the unit's passage rank (its retrieval score over the best one). @default 0.4 */
  passageWeight: number;
  /** A unit joins the answer only when it scores at least this share of the best unit. @default 0.95 */
  relativeCutoff: number;
  /**
   * Most units chosen for a prose answer, before the units that complete them (the sentence a
   * "This…" leans on, the items after a colon). @default 1
   */
  maxUnits: number;
  /** Most units in a list answer ("which tools…", "X vs Y"). @default 5 */
  maxListUnits: number;
  /**
   * Added when the unit (or, when it names none, its passage's section) names the step or month
   * the question asks about; taken away when it names only others. @default 0.3
   */
  referenceWeight: number;
  /** Added to a unit that supplies the kind of figure the question asks for. @default 0.1 */
  figureBonus: number;
  /** Taken from a unit that adds to what was said before ("DVC can also …"). @default 0.05 */
  supplementaryPenalty: number;
  /**
   * Multiplies the bonus of a unit that defines what a definition question asks about
   * (0.15, or 0.25 when it says what the thing is). @default 1
   */
  definitionWeight: number;
  /**
   * Added to a milestone ("Milestone: You are ready to move on when …", "You are job-ready when
   * …") when the learner's own words ask for a milestone, whether they are ready to move on, or
   * what being ready means. @default 0.5
   */
  milestoneBonus: number;
  /**
   * Added to a table row whose name (first cell) the question names in full ("what does a data
   * scientist do" → the Data Scientist row). @default 0.05
   */
  namedRowBonus: number;
  /**
   * A lead that holds the question's words and at most this many of its own only restates the
   * question ("Understand the difference between BERT and GPT."): the unit after it in its
   * passage joins the answer (two for a comparison). -1 turns this off. @default 2
   */
  echoOwnTerms: number;
  /**
   * A later part of a question that asks several things ("what is X, and which month is it?")
   * adds its best unit when that scores at least this share of the lead's score. @default 0.8
   */
  partCutoff: number;
  /**
   * Weight of the words of the learner's story around the clauses that ask (`questionFocus`)
   * when units are matched to the question. @default 0.5
   */
  storyWeight: number;
  /**
   * Added to a row the question names in full that also supplies the figure asked for ("salary of
   * a data scientist": the Data Scientist row's salary, not the experience row listing "Senior
   * Data Scientist"). @default 0.1
   */
  namedFigureBonus: number;
  /**
   * The same for a salary or price asked for ("NLP engg salary in india": the NLP Engineer row,
   * not the experience row that lists NLP Engineer among its roles). @default 0.3
   */
  namedMoneyBonus: number;
  /**
   * Taken from a unit written for learners in another situation ("If you already know Python,
   * SQL…, you can shorten this timeline") when the question names none of that situation's words.
   * @default 0.1
   */
  conditionPenalty: number;
  /**
   * Subtracted from a unit about another of the roadmap's learner types than the one the question
   * names ("A complete beginner usually needs …" for a career switcher). @default 0.3
   */
  otherLearnerPenalty: number;
  /**
   * Weight of a search expansion of a question word ("downsides" → limitation; "overview" → the
   * roadmap's 7-step outline) that a unit holds, relative to the question's own words. It adds
   * to the unit's lexical match; the question's share is measured on its own words. @default 0.25
   */
  expansionWeight: number;
  /**
   * The same weight for the material's words for a situation the learner describes instead of
   * naming ("tries actions and gets points" → reinforcement learning): a reviewed reading of the
   * whole description, surer than a synonym of one word. @default 0.5
   */
  situationWeight: number;
  /**
   * Added to a unit that names both things a choice question weighs ("streamlit or fastapi for my
   * model?") and picks one ("Use Streamlit or Gradio for demos and FastAPI for real APIs"), or one
   * of three or more options it lists, and picks it.
   * @default 0.1
   */
  recommendationBonus: number;
  /** Added to a unit that gives a reason ("… because …") when the question asks why. @default 0.1 */
  reasonBonus: number;
  /**
   * Added to a unit that states a cost ("… needs a large labelled dataset and substantial GPU
   * time") when the question asks for a drawback ("what's the catch with scratch"). @default 0.1
   */
  drawbackBonus: number;
  /**
   * Added to a unit that says no ("… do not need …", "Avoid …", "Instead of …") when the learner
   * states a plan or belief and asks to have it confirmed ("… coz u cant learn ML without a gpu
   * right?", "can i skip projects?"), or that says a thing is not required when the learner asks
   * whether it is ("do i need to be a codeforces expert"): the material answers such questions by
   * correcting them.
   * @default 0.2
   */
  correctionBonus: number;
  /**
   * Weight of how closely an FAQ's own question and the learner's restate each other, added to
   * each unit of its answer ("which certifications are most valued in india" → FAQ 8's answer).
   * @default 0.3
   */
  faqWeight: number;
  /**
   * Added to a unit written for a case the question names, in a passage that takes case by case
   * ("For regression, learn MAE, MSE…" for "which metrics for regression"). @default 0.2
   */
  caseBonus: number;
  /**
   * Added for a unit of the document the question names ("in the MLOps tutorial", "the roadmap").
   * @default 0.1
   */
  namedSourceBonus: number;
  /**
   * Taken from a unit that only lists what a definition question asks about among other things
   * ("Learn neurons, layers, …, dropout, …" for "what is dropout"), or lists a word of a question
   * asking to pick one ("which one for sentiment classification?"). @default 0.1
   */
  enumerationPenalty: number;
  /**
   * Taken from a unit of a practice section ("Practice Checklist": "Count and handle missing
   * values, …"), an exercise rather than an answer, unless the question asks what to practise.
   * @default 0.2
   */
  exercisePenalty: number;
  /**
   * Added to a unit that gives the count a question asks the things of ("the 7-step roadmap:" for
   * "what are the 7 steps"), which is where the material lists them. @default 0.15
   */
  countBonus: number;
  /**
   * Taken from a table row when the question asks how to do something or why ("how do i roll
   * back with the mlflow registry", "why do trees beat neural nets"): a row says what a thing is,
   * prose says how and why. @default 0.05
   */
  rowForHowPenalty: number;
  /**
   * Added to a unit that opens with the verb a how-to question asks about ("how do i split my
   * data" → "**Split the data.** Keep a training set, …"): the step that does it. @default 0.1
   */
  stepBonus: number;
  /**
   * Added to a unit that says what happens at the extreme the question asks about ("what if it's
   * too high" → "Too high and the loss jumps around …"), written the same way. @default 0.2
   */
  extremeBonus: number;
  /**
   * Added to a unit that names a tool of the corpus tables the question does not, when the
   * question asks which tools, libraries or frameworks to use ("what tools do people use to build
   * rag stuff" → "LangChain and LlamaIndex are useful for building LLM applications …", not what
   * RAG is). @default 0.2
   */
  toolsBonus: number;
  /**
   * Taken from a table row the question neither names nor asks a figure of: "batch or online
   * predictions, which one shud i go with" is answered by the sentence that advises ("Batch
   * prediction is simpler and cheaper to operate, so prefer it …"), not by the Batch prediction row
   * found a little higher. @default 0.05
   */
  unnamedRowPenalty: number;
};

export const DEFAULT_EXTRACTIVE_SETTINGS: ExtractiveSettings = {
  semanticWeight: 0.4,
  lexicalWeight: 0.8,
  passageWeight: 0.4,
  relativeCutoff: 0.95,
  maxUnits: 1,
  maxListUnits: 5,
  referenceWeight: 0.3,
  figureBonus: 0.1,
  supplementaryPenalty: 0.05,
  definitionWeight: 1,
  milestoneBonus: 0.5,
  namedRowBonus: 0.05,
  echoOwnTerms: 2,
  partCutoff: 0.8,
  storyWeight: 0.5,
  namedFigureBonus: 0.1,
  namedMoneyBonus: 0.3,
  conditionPenalty: 0.1,
  otherLearnerPenalty: 0.3,
  expansionWeight: 0.25,
  situationWeight: 0.5,
  recommendationBonus: 0.1,
  reasonBonus: 0.1,
  drawbackBonus: 0.1,
  correctionBonus: 0.2,
  faqWeight: 0.3,
  caseBonus: 0.2,
  namedSourceBonus: 0.1,
  enumerationPenalty: 0.1,
  exercisePenalty: 0.2,
  countBonus: 0.15,
  rowForHowPenalty: 0.05,
  stepBonus: 0.1,
  extremeBonus: 0.2,
  toolsBonus: 0.2,
  unnamedRowPenalty: 0.05,
};

/** What the writer answers: the question without the tutorial it names, and that tutorial's title. */
type WriterInput = GenerationInput & { source?: string };

/** A quotable unit of a shown passage, scored against the question. */
type Candidate = QuotableUnit & {
  passage: Passage;
  position: number;
  terms: Set<string>;
  score: number;
  /** What the score is made of, before weighting. */
  signals: UnitSignals;
};

/** The measurements a unit's score is made of. */
type UnitSignals = {
  semantic: number;
  lexical: number;
  passage: number;
  figure: number;
  supplementary: number;
  reference: number;
  definition: number;
  milestone: number;
  namedRow: number;
  /** 1 for a unit written for a situation ("if you already know …") the question does not name. */
  unmetCondition: number;
  /** 1 for a unit about another learner type than the one the question names. */
  otherLearner: number;
  /** 1 for a unit that names both things a "which one, X or Y" question weighs and picks one. */
  recommends: number;
  /** 1 for a unit that gives a reason ("… because …") when the question asks why. */
  reason: number;
  /**
   * 1 for a unit that says no when the question asks to confirm a plan or belief, or says a thing
   * is not required when the question asks whether it is.
   */
  corrects: number;
  /** How closely its passage's FAQ question and the learner's restate each other (0 outside FAQs). */
  faq: number;
  /**
   * 1 for a unit written for a case the question names, in a passage that takes case by case
   * ("For classification, learn … For regression, learn MAE…").
   */
  caseMet: number;
  /** 1 for a unit of the tutorial the question names ("in the MLOps tutorial"). */
  namedSource: number;
  /** 1 for a unit that lists what a definition question asks about among three or more others. */
  enumerates: number;
  /** 1 for a unit of a practice section when the question does not ask what to practise. */
  exercise: number;
  /** 1 for a unit that gives as many of the things as the question says there are. */
  countGiven: number;
  /** 1 for a table row when the question asks how to do something or why. */
  rowForHow: number;
  /** 1 for a unit that states a cost when the question asks for a drawback. */
  drawback: number;
  /** 1 for a unit that opens with the verb a how-to question asks about ("Split the data."). */
  step: number;
  /** 1 for a unit that names the extreme the question asks about ("too high"). */
  extreme: number;
  /** 1 for a unit naming a tool the question does not, when it asks which tools to use. */
  namesTools: number;
  /** 1 for a table row the question neither names (nor its step or month) nor asks a figure of. */
  unnamedRow: number;
};

const LIST_QUESTION =
  /^(which|what) (are (the|some|all) )?(?:(?:\d+|two|three|four|five|main|different|key|common|important|major|top|various|all the) )*(tools?|libraries|frameworks|platforms|certifications?|projects?|roles?|skills?|topics?|algorithms?|metrics?|models?|steps?|types?|kinds?|prerequisites?|factors?|stages?|mistakes?)\b|^(?:which|what) are (?:the |some |all )?(?:different|various|main|key|common|major|top) (?:[\p{L}-]+ )?[\p{L}-]+s\b|\b(list|name) (the|all|some|of)\b|\b(vs\.?|versus|compare|comparison|difference between|differ)\b|\bor\b.{1,60}\b(?:which|who)\b.{0,20}\b(?:more|less|most|higher|lower)\b/iu;
/**
 * "how much longer does X take compared to Y", "the trade-offs between them", "who earns more, a
 * data scientist or an ML engineer?", "how is X different from Y", "how do I distinguish X from
 * Y", "tell X and Y apart": two things set side by side, said without "vs".
 */
const COMPARES_TWO =
  /\bcompared (?:to|with)\b|\b(?:different|differs?|diff) (?:from|than)\b|\b(?:distinguish(?:es|ing)?|differentiat(?:e|es|ing))\b.{1,60}\b(?:from|and|vs)\b|\btell\b.{1,60}\bapart\b|\btrade-?offs? between\b|\b(?:who|which)\b.{0,40}\b(?:more|less|most|higher|lower|better|worse|faster|slower|longer|shorter)\b.{0,60}\bor\b/i;
/** "conda or uv, when do i use which?": what each of two things is for. */
const USES_WHICH =
  /\bor\b.{1,60}\b(?:(?:use|pick|choose|need)\s+which|which\s+(?:one\s+)?(?:when|for what|for wat))\b/i;
/**
 * "they each", "each one", "both", "the two": a question asked of every one of several things
 * (not "each log call", which says how often).
 */
const DISTRIBUTIVE =
  /\b(?:(?:they|them|these|those) each|each(?= one\b| of\b|\s*[?.!,]|\s*$)|both|either|respectively|the two|all three)\b/i;
/** "what are the three main types …": a question that opens by asking for a list of things. */
const LIST_OPENING =
  /^(?:which|what) (?:are|r) (?:the |some |all )?(?:(?:\d+|two|three|four|five|main|different|key|common|important|major|top|various) )*[\p{L}-]+s\b/iu;
/** "what are BERT GPT each pre-trained to do?": "each" after the names a pronoun stood for. */
const NAMES_EACH = /\b[A-Z][\w-]* each\b/;
/**
 * "what are shadow deployment and canary release?", "explain X and Y", "what are the GELU and
 * Softmax activations typically used for?": two things, of up to three words each, asked at once
 * and nothing more but what they are used for.
 */
const ASKS_OF_BOTH =
  /^(?:\S+\s+){0,3}?(?:what (?:are|is|r)|explain|define|describe|tell me about) (?:the |a |an )?(?:[\p{L}\d-]+ ){0,2}[\p{L}\d-]+ (?:and|&) (?:the |a |an )?(?:[\p{L}\d-]+ ){0,2}[\p{L}\d-]+(?: (?:typically|usually|mainly|commonly|actually|really))?(?: used)?(?: for)?\s*[?.!]*$/iu;
/**
 * "how are BERT and GPT pre-trained", "how do bagging and boosting work": how two things, of up to
 * three words each, do one thing; not "how do i use pandas and numpy together".
 */
const HOW_OF_BOTH =
  /^(?:\S+\s+){0,3}?how (?:are|is|do|does|did|were|was) (?!(?:i|we|you|u|they|it|my|our)\b)(?:the |a |an )?(?:[\p{L}\d-]+ ){0,2}[\p{L}\d-]+ (?:and|&) (?:the |a |an )?(?:[\p{L}\d-]+ ){0,2}[\p{L}\d-]+ [\p{L}-]+(?: (?:though|tho|exactly|actually|really))?\s*[?.!]*$/iu;
/** A question about what a tradeoff is asks about both of its sides. */
const TRADEOFF =
  /^\W*(?:what(?:'s| is| are)?|whats|explain|define|describe|meaning of)\b(?:\s+\S+){0,6}?\s+trade-?offs?\b/i;
/** A unit that leans on the one before it ("This…", "It…", "They…"). */
const LEADING_REFERENCE =
  /^(?:this|these|that|those|it|they|such|both|each)\b|^(?:you|we) (?:can|could|should|must|may|then) \S+ (?:it|them|this|these)\b/i;
/** "This machine learning roadmap gives you…", "This tutorial supports…": its own document. */
const NAMES_ITS_DOCUMENT =
  /^(?:this|these) (?:(?:machine learning|ml|mlops|python) )?(?:roadmap|tutorials?|guide|article)\b/i;
/** "so …", "also …", "ok another thing — …": words before a question that only lead on to it. */
const LEADING_OPENER = new RegExp(
  `^${OPENER}(?:(?:and|also|plus)\\s+)*(?:(?:one more|another) (?:thing|q|qn|question)\\s*[,:;–—-]?\\s*)?`,
  "i",
);
/**
 * "what is X?", "what are Xs", "define X", "meaning of X", "help me understand X", "can someone
 * explain X", "tell me about X": a question asking for a definition.
 */
const DEFINITION =
  /^(?:what(?: is|'s| are| does| do)|define|meaning of|(?:(?:can|could) (?:you|someone|anyone|somebody) |pls |please |kindly )?(?:explain|tell me about)|help me understand|how does|how do(?! (?:i|we|you)\b))\s+(?:an? |the )?(.+?)(?:\s+(?:mean|means|do|does|work|works|involve|involves|entail|entails|in simple (?:words|terms)))?\s*\??$/i;
/**
 * "mlops meaning?", "deep learning in simple terms", "X in a nutshell", "X definition": the same,
 * said casually.
 */
const TRAILING_DEFINITION =
  /^(?:an? |the )?(.+?)\s+(?:meaning|definition|in simple (?:words|terms)|in a nutshell|explained|means what)\s*\??$/i;
/** "dropout explain", "docker explanation": a term of at most four words, then the request. */
const TERM_THEN_EXPLAIN =
  /^(?:an? |the )?((?:[^\s,]+\s+){0,3}[^\s,]+)\s+(?:explain|explanation)\s*\??$/i;
/**
 * "i still dont get what MLOps even is", "not sure what a feature store actually does": what a
 * thing is, asked inside a sentence of the learner's.
 */
const EMBEDDED_DEFINITION =
  /\b(?:what|wat)\s+(?:an? |the )?((?:[\p{L}\d][\p{L}\d+#.'-]*\s+){1,3}?)(?:even |actually |really |exactly )?(?:is|are|means|does)\s*(?:[,.?!]|$)/iu;
/** "dropout?", "adam optimizer?": a bare term of one to three words asks what it is. */
const BARE_TERM =
  /^(?!.*\b(?:what|which|how|why|when|where|who|vs|versus|or|and)\b)((?:[\p{L}\d][\p{L}\d+#.'-]*\s*){1,3}?)\s*\?*$/iu;
/** "… in python", "… for ML": the setting of a defined thing, not part of its name. */
const CONTEXT =
  /\s+(?:in|for|with|using|of)\s+(?:python|ml|machine learning|deep learning|ai|data science|pandas|numpy|scikit-learn|sklearn|pytorch|llms?|large language models|nlp|genai|generative ai|production|interviews?)$/i;
/** "X is a …", "X are the …", "X means …", "X refers to …": a unit that says what X is. */
const COPULA = /^(?:(?:is|are)\s+(?:an?|the|one|any|how|when|what|where)|means|refers to)\b/i;
/** Words that frame a definition question rather than name what it is about. */
const DEFINITION_FRAME = new Set(
  contentTerms(
    "meaning mean means definition define explain explained simple terms words involve entail",
  ),
);
/** A unit that adds to what was said before ("DVC can also …", "In addition, …"): a poor lead. */
const SUPPLEMENTARY =
  /^(?:\S+\s+){0,3}(?:also|additionally|furthermore|moreover)\b|^in addition\b/i;
/** "If you already know Python, SQL…, you can …": the situation a whole unit is written for. */
const CONDITION = /^if you (?:already )?(?:know|have|are|come from)\b([^,.;]*)/i;
/**
 * A unit that says when a learner is ready to move on, or what being ready means ("You are
 * job-ready when you can …").
 */
const MILESTONE = /^milestone:|\bready (?:to move on|for the next step)\b|\b\w+-ready when\b/i;
/** A sentence that only says how many there are: "There are two common strategies." */
const ANNOUNCES_A_COUNT =
  /^there (?:are|exist) (?:two|three|four|five|six|several|a few|\d+) (?:\S+ ){0,3}\S+\.$/i;
/** Words that say a question compares. */
const COMPARING_WORDS = new Set(["vs", "versus", "diff"]);
/** Words that only stress what is asked ("the actual difference", "the real difference"). */
const STRESS_WORDS = new Set(["actual", "real", "exact", "true", "main"]);
/**
 * Words of a follow-up that point at the carried-over topic rather than replace it; "which" only
 * when no word of the message's own follows it ("which is better", not "which python version").
 */
const POINTS_AT_CARRIED =
  /\bwhich\b(?!\s+(?!(?:one|ones|of|is|are|was|were|should|shud|would|will|do|does|did|to|for|pays?|costs?|has|have|gives?|needs?|takes?|works?|makes?)\b)[\p{L}\d])|\b(?:one|ones|it|its|they|them|their|this|that|these|those|both)\b/iu;
/** "6 months", "10,000 examples": a number and what it measures (the measure's stem, unpluralised). */
const AMOUNT = /\b(\d+(?:[.,]\d+)?)\s*(month|year|week|day|hour|example|row|sample|image)s?\b/gi;
/**
 * The ways a unit states an amount: "6 months", "6–9 months", "3–6 months", "6+ months", and for
 * a month, "Month 6".
 */
function amountPattern(number: string, measure: string): RegExp {
  const value = number.replace(".", "\\.");
  return new RegExp(
    `(?:^|[^\\d.])(?:\\d+\\s*[–-]\\s*)?${value}(?:\\s*[–-]\\s*\\d+)?\\+?\\s*${measure}|\\b${measure}\\s*${value}\\b`,
    "i",
  );
}

/** Share of the question's weighted terms a lead must hold to count as restating it. */
const ECHO_COVERAGE = 0.8;
/** A part of a question that leans on the rest: three words or fewer, or a pronoun. */
const LEANING_PART =
  /^\W*(?:\S+\s+){0,2}\S+\W*$|\b(?:it|its|they|them|their|one|ones|that|this|these|those)\b/i;
/** A part is answered by a chosen unit scoring at least this share of the part's best. */
const ANSWERED_PART = 0.9;
/** A row a part names by its head answers the part when it scores this share of its best. */
const NAMED_ROW_SHARE = 0.5;
/** Weight of the rest of the question's words when a unit is scored for one part of it. */
const PART_CONTEXT_WEIGHT = 0.3;
/**
 * Share of a unit's similarity to one part of a question taken from the part's own embedding, the
 * rest from the whole question's (a part such as "what do the other options keep?" needs the rest).
 */
const PART_MEANING_WEIGHT = 0.75;
/** Bonus for a unit that defines what a definition question asks about ("Dropout is …"). */
const DEFINITION_BONUS = 0.15;
/** Added when it says what the thing is ("… is a …") rather than what it does or differs in. */
const COPULA_BONUS = 0.1;

/**
 * The offline answer writer: quotes the few sentences, list items and table rows of the shown
 * passages that best answer the question, each followed by its citation marker. Units are ranked
 * by the cosine similarity of their embedding (made at ingest) to the question's, the share of
 * the question's terms they hold and their passage's rank; the best leads, and another joins only
 * when it scores nearly as well. A unit that leans on the one before it brings it along, a unit
 * that introduces a list brings its items, a lead that only restates the question or the
 * learner's problem brings the sentence after it, and a table row reads as a sentence. It adds no words
 * of its own beyond a row's column names, so every sentence is supported by the passage it cites.
 */
export class ExtractiveGenerator implements Generator {
  readonly id = "extractive";
  readonly deterministic = true;
  private readonly statistics: CorpusStatistics;
  private readonly units: UnitVectors;
  private readonly settings: ExtractiveSettings;

  /** Titles of the corpus documents of kind `roadmap`, which "the roadmap" names. */
  private readonly roadmapTitles: readonly string[];
  /** The tools of the corpus tables, when the assistant has them (see `toolsBonus`). */
  private readonly lexicon: EntityLexicon | undefined;

  constructor(
    statistics: CorpusStatistics,
    units: UnitVectors = new Map(),
    settings: Partial<ExtractiveSettings> = {},
    roadmapTitles: readonly string[] = [],
    lexicon?: EntityLexicon,
  ) {
    this.statistics = statistics;
    this.lexicon = lexicon;
    this.units = units;
    this.settings = { ...DEFAULT_EXTRACTIVE_SETTINGS, ...settings };
    this.roadmapTitles = roadmapTitles;
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
  compose(given: GenerationInput): string {
    // "… described in the deep learning tutorial": where to look, not what is asked.
    const source = namedSource(
      given.question,
      given.passages.map((passage) => passage.chunk.title),
    );
    // "How does the roadmap define machine learning?": the roadmap's own units are preferred, and
    // the question keeps its words.
    const roadmap =
      source === undefined ? roadmapNamed(given.question, this.roadmapTitles) : undefined;
    const input: WriterInput =
      source !== undefined
        ? { ...given, question: source.question, source: source.title }
        : roadmap !== undefined
          ? { ...given, source: roadmap }
          : given;
    const request = askedFigure(input.question);
    const candidates = this.score(input, request);
    if (candidates.length === 0) return "";
    const expansionTerms = contentTerms((input.expansions ?? []).join(" "));
    const questionTerms = new Set([
      ...contentTerms(questionText(input.question)),
      ...expansionTerms,
    ]);
    const listsKinds = listsKindsAsked(input.question);
    // The learner's own words, without a follow-up's carried-over topic.
    const own = carriedTopic(input.question).own;
    const ranked = kindsListedFirst(
      reasonFirst(
        closerOverRow(
          subjectOverListing(
            pickOverEcho(
              [...candidates].sort((left, right) => right.score - left.score),
              choiceBetween(input.question),
              input.question,
            ),
            () => this.rarestTerm(input.question),
            own,
          ),
        ),
        questionTerms,
      ),
      listsKinds,
    );
    const best = ranked[0] as Candidate;
    // "explain the bias-variance tradeoff" wants both sides; "how do i fix it (bias variance
    // tradeoff)" asks something else about it. "conda or uv, when do i use which?" wants each
    // one's row, unless a sentence already says which to use for what ("Use Streamlit or Gradio
    // for demos and FastAPI for real APIs").
    // "what kinds of tests are useful": a unit that says which ones there are lists them itself.
    // "which one should i prefer (batch vs online)": a lead that picks one answers the choice.
    const picksOneItself = PICKS_ONE_FOR_ME.test(own) && best.signals.recommends === 1;
    const isList =
      listsKinds?.(best.text) !== true &&
      !picksOneItself &&
      (LIST_QUESTION.test(input.question) ||
        COMPARES_TWO.test(input.question) ||
        TRADEOFF.test(own) ||
        (USES_WHICH.test(input.question) && best.signals.recommends === 0));
    const limit = isList ? this.settings.maxListUnits : this.settings.maxUnits;
    const cutoff =
      best.score * (isList ? this.settings.relativeCutoff - 0.1 : this.settings.relativeCutoff);

    // "XGBoost vs LightGBM": each thing compared answers with its own row, and nothing else;
    // "data drift vs concept drift": each with the best sentence that names it in full.
    // "what are they each pre-trained to do? (bert vs gpt)": a row for each thing named, too, as
    // for "what are shadow deployment and canary release?" and "how are BERT and GPT pre-trained".
    const rowsCompared =
      isList ||
      DISTRIBUTIVE.test(input.question) ||
      NAMES_EACH.test(input.question) ||
      ASKS_OF_BOTH.test(input.question) ||
      HOW_OF_BOTH.test(input.question)
        ? comparedRows(input.question, ranked, request !== undefined)
        : [];
    // "mlops plan week 3-4", "steps 2 and 3": a unit about each place asked.
    const places = rowsCompared.length > 0 ? [] : unitsOfPlaces(input.question, ranked);
    const compared =
      rowsCompared.length > 0 || places.length > 0 || !isList
        ? [...rowsCompared, ...places]
        : comparedSentences(input.question, ranked, request);
    // "what is LlamaIndex used for, and what should my RAG milestone include?": a unit for each;
    // "what are the three main types, and an example for each?" asks the list, each with more.
    const parts =
      compared.length > 0 ||
      (LIST_OPENING.test(input.question) && DISTRIBUTIVE.test(input.question))
        ? []
        : questionParts(input.question);
    // "which roadmap step covers docker": the row of the Step table that names Docker.
    const oneOfKind =
      compared.length > 0 || parts.length > 1
        ? undefined
        : rowOfAskedKind(input.question, ranked, () => this.rarestTerm(input.question));
    const chosen: Candidate[] =
      compared.length > 0
        ? [...compared]
        : parts.length > 1
          ? this.partLeads(input, parts, candidates, best)
          : oneOfKind !== undefined
            ? [oneOfKind]
            : [];
    // "which certifications does the roadmap list": the table of certifications lists them rather
    // than a sentence naming one, when its row holds as much of the question as that sentence. A
    // row that leads already lists ("what tools for drift monitoring": the monitoring row's tools).
    const listed =
      isList && best.kind !== "row" ? rowOfListedKind(input.question, ranked) : undefined;
    const listOrder =
      listed !== undefined &&
      listed.score >= cutoff &&
      listed.signals.lexical >= best.signals.lexical
        ? ledBy(listed, ranked)
        : ranked;
    for (const candidate of chosen.length > 0 ? [] : listOrder) {
      if (chosen.length >= limit || candidate.score < cutoff) break;
      if (chosen.some((other) => overlap(candidate.terms, other.terms) > 0.7)) continue;
      // A list comes from the lead's section (its table, its list), not from wherever words match.
      const lead = chosen[0];
      if (
        isList &&
        lead !== undefined &&
        (candidate.passage.chunk.section !== lead.passage.chunk.section ||
          (lead === listed && candidate.kind !== "row"))
      ) {
        continue;
      }
      chosen.push(candidate);
    }
    // Each chosen unit brings what completes it.
    const groups = chosen.map((unit) => [unit, ...this.complete(unit, candidates, chosen)]);
    if (compared.length === 0 && chosen.length === 1) {
      const after = this.afterAnEcho(input.question, candidates, chosen);
      (groups[0] as Candidate[]).push(
        ...(after.length > 0 ? after : this.afterTheProblem(input.question, candidates, chosen)),
      );
    }
    // The parts of a question are answered in their order, each in reading order.
    const ordered =
      parts.length > 1 && compared.length === 0
        ? groups.flatMap((group) => group.sort(byPlace))
        : inReadingOrder(groups.flat());

    const wantsFigure = request !== undefined;
    const asksWhy = ASKS_WHY.test(questionFocus(input.question));
    // The columns shown are the ones the learner's own words ask for: a carried topic ("what about
    // statistics, which topics? (SQL ML)") names the row, and its "ML" no column.
    const columnTerms = new Set([
      ...contentTerms(questionText(carriedTopic(input.question).own)),
      ...expansionTerms,
    ]);
    const pieces = ordered.map((unit) => {
      const text =
        unit.kind === "row" && unit.passage.chunk.cells !== undefined
          ? readableRow(unit.passage.chunk.cells, columnTerms, { wantsFigure, asksWhy })
          : unit.text;
      const markers = [unit.passage.n, ...alsoSaidIn(unit, candidates, ordered)];
      return {
        text: `${text} ${markers.map((n) => `[${n}]`).join(" ")}`,
        item: unit.kind !== "sentence",
      };
    });
    // Several rows or items read best as a list; a single one, or prose, as sentences.
    const asList = pieces.length > 1 && pieces.filter((piece) => piece.item).length > 1;
    return pieces
      .map((piece) => (asList ? `- ${piece.text}` : piece.text))
      .join(asList ? "\n" : " ");
  }

  /** The question's noun or name the material uses least, if it uses any ("docker"). */
  private rarestTerm(question: string): string | undefined {
    const nouns = tagWords(questionText(question))
      .filter((word) => word.pos === "NOUN" || word.pos === "PROPN")
      .map((word) => word.word);
    const known = contentTerms(nouns.join(" ")).filter((term) => this.statistics.has(term));
    return known.sort((left, right) => this.statistics.idf(right) - this.statistics.idf(left))[0];
  }

  /**
   * For a question that asks several things: the best unit for the whole question leads, and
   * each part it leaves unanswered (no chosen unit scores nearly as well for the part as the
   * part's best) adds its own best unit, when that holds a word of the part's own and scores at
   * least `partCutoff` of the lead.
   */
  private partLeads(
    input: WriterInput,
    parts: string[],
    candidates: Candidate[],
    lead: Candidate,
  ): Candidate[] {
    const same = (unit: Candidate) =>
      candidates.find(
        (other) => other.passage === unit.passage && other.position === unit.position,
      ) as Candidate;
    const chosen: Candidate[] = [lead];
    // The part each chosen unit answers, so the answer follows the question's order.
    const answers = new Map<Candidate, number>();
    const questionTerms = contentTerms(questionText(input.question));
    const partTerms = parts.map((part) => new Set(contentTerms(questionText(part))));
    for (const [index, part] of parts.entries()) {
      const request = figureRequest(part);
      const scored = this.score(input, request, part).sort(
        (left, right) => right.score - left.score,
      );
      // "…met the step 5 milestone? and what do weeks 7-8 cover": the part's words the other
      // parts lack say what it asks ("7", "8", "cover"), not "weeks", which both parts share;
      // the best unit holding one answers the part when it scores nearly as well as the best.
      const allOwn = [...(partTerms[index] ?? [])];
      const distinct = allOwn.filter(
        (term) => !partTerms.some((terms, other) => other !== index && terms.has(term)),
      );
      const top = scored[0];
      const distinctBest = scored.find((unit) => distinct.some((term) => unit.terms.has(term)));
      const byDistinct =
        top !== undefined &&
        distinctBest !== undefined &&
        distinctBest.score >= ANSWERED_PART * top.score;
      const own = byDistinct ? distinct : allOwn;
      const best = byDistinct ? distinctBest : top;
      // "… and whats the global range once ur 10+ yrs": a part naming the head of a table row is
      // answered by that row, not by a chosen row of the same table that shares its columns.
      const askedPart = ` ${words(part).join(" ")} `;
      // A one-letter name ("a" of "A/B test") is named by any "a".
      const headedHere = (unit: Candidate) =>
        unit.kind === "row" &&
        namedHeads(unit.passage.chunk, askedPart, request !== undefined).some(
          (name) => name.length > 1,
        );
      const partRow = scored.find((unit) => headedHere(unit));
      const sameTable = (unit: Candidate) =>
        unit.kind === "row" && unit.passage.chunk.section === partRow?.passage.chunk.section;
      if (
        partRow !== undefined &&
        best !== undefined &&
        partRow.score >= NAMED_ROW_SHARE * best.score &&
        chosen.some(sameTable) &&
        !chosen.some(headedHere)
      ) {
        chosen.push(same(partRow));
        answers.set(same(partRow), index);
        continue;
      }
      // A unit already chosen that holds a word of the part's own and scores nearly as well for
      // the part answers it; a row does not when another row of its table is the part's best
      // ("… and when does conda make sense" after the uv row: the rows share their columns).
      const rivalRow = (unit: Candidate) =>
        unit.kind === "row" &&
        best?.kind === "row" &&
        same(best) !== same(unit) &&
        best.passage.chunk.section === unit.passage.chunk.section;
      // A sentence that answers one part answers another only as that part's best: "which python
      // version…? and how do i save exact package versions…" wants a sentence for each. A row's
      // cells can answer several ("what does step 3 cover, which month is it").
      const answersAnother = (unit: Candidate) =>
        unit.kind !== "row" && answers.has(same(unit)) && same(unit) !== same(best as Candidate);
      const answered = scored.find(
        (unit) =>
          chosen.includes(same(unit)) &&
          own.some((term) => unit.terms.has(term)) &&
          !rivalRow(unit) &&
          !answersAnother(unit),
      );
      if (answered !== undefined && !answers.has(same(answered))) {
        answers.set(same(answered), index);
      }
      if (best === undefined || (answered?.score ?? 0) >= ANSWERED_PART * best.score) continue;
      // It holds a word of the part's own and, for a part that leans on the rest ("what parts?",
      // "how do i fix it"), a word of the rest of the question: it is about the same thing.
      const context = questionTerms.filter((term) => !own.includes(term));
      // A rival of a chosen row, best for the part, needs no share of the lead's score, which
      // was measured on the whole question.
      const rivalsChosen = chosen.some(rivalRow);
      if (
        own.some((term) => best.terms.has(term)) &&
        (!LEANING_PART.test(part) || context.some((term) => best.terms.has(term))) &&
        (rivalsChosen || best.score >= this.settings.partCutoff * lead.score)
      ) {
        chosen.push(same(best));
        answers.set(same(best), index);
      }
    }
    // "what do i do in wk 3, and whats the deliverable for wks 7-8": week 3's row first, though
    // the row of weeks 7-8 led; a unit answering no part keeps its place.
    const place = (unit: Candidate) => answers.get(unit) ?? chosen.indexOf(unit);
    return [...chosen].sort((left, right) => place(left) - place(right));
  }

  /**
   * Every unit of the shown passages with its score. Scored for one `part` of a question that asks
   * several things, the part's words count in full and the rest of the question's at
   * `PART_CONTEXT_WEIGHT` ("what is statsmodels for, is it free": "free" about Statsmodels).
   */
  private score(
    input: WriterInput,
    request: FigureRequest | undefined,
    part?: string,
  ): Candidate[] {
    // "my model gives 99% in notebook… what is data leakage": the clause that asks defines, and
    // words about the asking ("exactly", "actually") are not part of what is defined.
    // "what is machine learning, as defined in the roadmap?": where to look is not asked.
    const asked = withoutClosingSourceFrame(
      // "so what is dropout": a chat opener is not part of what is asked.
      questionFocus(part ?? input.question).replace(LEADING_OPENER, ""),
    )
      .split(/\s+/)
      .filter((word) => !QUESTION_META_WORDS.has(word.toLowerCase()))
      .join(" ")
      .trim()
      // "how does the roadmap define machine learning" asks to define it.
      .replace(
        /^how (?:does|do|would|will) (?:(?:the|this|it|they|you) )?(define|describe)\b/i,
        "$1",
      );
    // "what's RAG and why is everyone talking about it" defines RAG: the first clause only.
    const direct =
      DEFINITION.exec(asked) ?? TRAILING_DEFINITION.exec(asked) ?? TERM_THEN_EXPLAIN.exec(asked);
    // "i still dont get what MLOps even is, explain": the rest of the sentence is a remark.
    const embedded = direct === null ? EMBEDDED_DEFINITION.exec(part ?? input.question) : null;
    const defined = (direct ?? embedded ?? BARE_TERM.exec(asked))?.[1]
      ?.split(
        /\s*,\s*|\s+and\s+(?=why|how|what|when|where|which|who|is|are|do|does|can|should)\b/i,
      )[0]
      ?.replace(CONTEXT, "");
    // "…only 800 photos… a model that has already seen millions of pictures. How does that
    // work?": a definition asked of "that" is asked of what the learner described.
    const definedTerms =
      defined === undefined
        ? []
        : contentTerms(defined).length === 0 && POINTS_BACK.test(defined)
          ? contentTerms(input.described?.[0] ?? "")
          : contentTerms(defined);
    const questionTerms = [...new Set(contentTerms(questionText(input.question)))].filter(
      (term) => definedTerms.length === 0 || !DEFINITION_FRAME.has(term),
    );
    // The lexicon's and WordNet's words for the question's own ("downsides" → limitations).
    const expansionTerms = [...new Set(contentTerms((input.expansions ?? []).join(" ")))].filter(
      (term) => !questionTerms.includes(term),
    );
    const describedTerms = new Set(contentTerms((input.described ?? []).join(" ")));
    // Words counted in full: the part's, or the clauses that ask; the rest weigh less ("I'm 30,
    // sales for 6 yrs… how long would it take me?" is about how long, not about sales or years).
    // A follow-up's carried-over topic ("for regression (f1 calculated)") is context too: the
    // learner's own words ask, unless they point at it ("which one for sentiment (bert vs gpt)").
    const { own: carriedFree, carried } = carriedTopic(input.question);
    const own = POINTS_AT_CARRIED.test(carriedFree) ? input.question : carriedFree;
    const focus = part ?? questionFocus(own);
    // "…my accuracy changes every run. how do I make it stop changing?": a clause that asks about
    // "it", or only in everyday words ("what's the first thing I should change?", "week 3 of the
    // mlops plan, what am i building?"), with hardly a word of its own leaves the rest to say
    // what it is about.
    const focusWords = words(questionText(focus)).filter((word) => !STOPWORDS.has(word));
    const leansOnStory =
      part === undefined &&
      focus !== own &&
      // Figures ("6 LPA or 12 LPA") name no topic.
      contentTerms(questionText(focus)).filter((term) => !/^\d/.test(term)).length <= 3 &&
      (POINTS_BACK.test(focus) ||
        (focusWords.length >= 1 &&
          focusWords.every((word) => (commonWordRank(word) ?? Infinity) < VERY_COMMON_RANK)));
    const fullTerms = new Set(
      embedded !== null ? definedTerms : contentTerms(questionText(leansOnStory ? own : focus)),
    );
    const weight = (term: string) =>
      this.statistics.idf(term) *
      (fullTerms.has(term)
        ? 1
        : part === undefined
          ? this.settings.storyWeight
          : PART_CONTEXT_WEIGHT);
    const totalWeight = questionTerms.reduce((sum, term) => sum + weight(term), 0) || 1;
    // "6 months": a number the question measures something with matches only the same measure
    // ("6–9 months", "Month 6"), not "Step 6".
    const amounts = new Map(
      [...questionText(input.question).matchAll(AMOUNT)].map((match) => [
        match[1] ?? "",
        amountPattern(match[1] ?? "", match[2] ?? ""),
      ]),
    );
    const bestPassageScore = Math.max(...input.passages.map((passage) => passage.score), 1e-9);
    const {
      semanticWeight,
      lexicalWeight,
      passageWeight,
      referenceWeight,
      figureBonus,
      supplementaryPenalty,
      definitionWeight,
      milestoneBonus,
      namedRowBonus,
      namedFigureBonus,
      namedMoneyBonus,
      conditionPenalty,
      otherLearnerPenalty,
      expansionWeight,
      situationWeight,
      recommendationBonus,
      reasonBonus,
      drawbackBonus,
      correctionBonus,
      faqWeight,
      caseBonus,
      namedSourceBonus,
      enumerationPenalty,
      exercisePenalty,
      countBonus,
      rowForHowPenalty,
      stepBonus,
      extremeBonus,
      toolsBonus,
      unnamedRowPenalty,
    } = this.settings;
    const counted = countedThings(input.question);
    const picksOne = PICKS_ONE.test(input.question);
    const asksToPractise = PRACTISE.test(input.question);
    const references = numberedReferences(input.question);
    // The asking clause in the learner's own words, without a follow-up's carried-over topic.
    const askedOwn = carriedTopic(asked).own;
    // "which tools for that step (step 3 milestone)": the learner's own words ask for a milestone.
    const asksReadiness = READINESS_QUESTION.test(askedOwn);
    // "salary for both in india? (ML engineer or AI engineer)": the clause that asks ends at its
    // question mark, but the things "both" or "each" point at are carried after it.
    const pointsAtEach = DISTRIBUTIVE.test(carriedFree) && !asked.includes(carried);
    // "NLP engineer salary in india, is it more like 6 LPA or 12 LPA?": a clause that leaves the
    // rest to say what it is about asks about what the rest names (not a carried-over topic).
    const askedWords = ` ${words(
      pointsAtEach
        ? `${asked} ${carried}`
        : leansOnStory && own === carriedFree
          ? `${own} ${asked}`
          : asked,
    ).join(" ")} `;
    // "and salary? (NLP engineer)": a follow-up asking a salary or price that names no row of its
    // own asks it of the row its carried-over topic names (not "how many of those projects
    // again? (data analyst engineer)", which asks a count of something else).
    const rowNamingWords =
      carried !== "" &&
      request?.type === "money" &&
      !input.passages.some(
        (passage) => passage.chunk.cells !== undefined && namesRow(askedWords, passage.chunk.cells),
      )
        ? `${askedWords}${words(carried).join(" ")} `
        : askedWords;
    const askedTerms = new Set(contentTerms(input.question));
    // In the learner's own words: a follow-up's carried topic ("(analyst total beginner)") may
    // hold both learners of the conversation.
    const askedLearnerTypes = learnerTypesIn(carriedTopic(input.question).own);
    const choice = choiceBetween(input.question);
    const asksWhy = ASKS_WHY.test(asked);
    const asksDrawback = DRAWBACK_ASKED.test(asked);
    const asksHow =
      asksWhy ||
      ASKS_HOW_TO.test(asked) ||
      (ASKS_HOW_IT_WORKS.test(asked) && !COMPARES.test(asked));
    const stepVerb = howToVerb(asked);
    const extreme = extremeAsked(asked);
    const asksToConfirm = ASKS_TO_CONFIRM.test(asked);
    const asksIfNeeded = ASKS_IF_NEEDED.test(asked);
    // A search expansion that names a row ("did sales for 10 yrs" → career switcher) names it.
    const expandedNames = new Set((input.expansions ?? []).map((word) => word.toLowerCase()));
    // "which libraries do ppl build it with": the tools the question names itself are not asked.
    const toolsNamed = ASKS_TOOLS.test(askedOwn)
      ? new Set(this.lexicon?.find(input.question).map((entry) => entry.name))
      : undefined;

    // Scored for one part, a unit is measured mostly against that part's own meaning.
    const partVector = part === undefined ? undefined : input.partVectors?.get(part);
    const partMeant = partVector !== undefined && partVector.length > 0;
    const candidates: Candidate[] = [];
    for (const passage of input.passages) {
      const embedded = this.units.get(passage.chunk.id);
      const sectionTerms = new Set(contentTerms(passage.chunk.section));
      // An FAQ's question (its heading) restating the learner's, and the learner's restating it:
      // its answer is what is asked ("Is machine learning worth learning" does not restate "what
      // is machine learning").
      const faq =
        passage.chunk.kind === "faq" && faqWeight > 0
          ? this.restates(passage.chunk, questionTerms, weight, totalWeight)
          : 0;
      const sectionReferences =
        references.length > 0 ? numberedReferences(passage.chunk.section) : [];
      // "For classification, learn … For regression, learn …": a passage that takes case by case.
      const units = quotableUnits(passage.chunk);
      const cases = units.filter((unit) => CASE.test(unit.text)).length;
      units.forEach((unit, position) => {
        const terms = new Set(contentTerms(unit.text));
        // "the recommended 7-step roadmap:", "three portfolio projects".
        const countGiven =
          counted !== undefined && countsThing([counted.thing], unit.text, counted.number);
        let covered = 0;
        for (const term of questionTerms) {
          if (amounts.get(term)?.test(unit.text) === false) continue;
          // "the 7 steps" counts steps: its 7 matches only where the steps are counted, not "Step 7".
          if (term === counted?.number && !countGiven) continue;
          if (terms.has(term)) covered += weight(term);
          else if (sectionTerms.has(term)) covered += 0.5 * weight(term);
        }
        for (const term of expansionTerms) {
          if (!terms.has(term)) continue;
          const share = describedTerms.has(term) ? situationWeight : expansionWeight;
          covered += share * this.statistics.idf(term);
        }
        const vector =
          embedded?.[position]?.text === unit.text ? embedded[position]?.vector : undefined;
        // "why docker tho": a row's "Why It Matters" says why.
        const givesReasonColumn =
          asksWhy &&
          unit.kind === "row" &&
          (passage.chunk.cells ?? []).slice(1).some((cell) => REASON_COLUMN.test(cell.header));
        // Without unit vectors (an index built before them) the passage's own similarity stands in.
        const semantic =
          vector !== undefined && input.queryVector !== undefined
            ? !partMeant
              ? dotProduct(input.queryVector, vector)
              : PART_MEANING_WEIGHT * dotProduct(partVector, vector) +
                (1 - PART_MEANING_WEIGHT) * dotProduct(input.queryVector, vector)
            : Math.max(0, passage.score) / bestPassageScore / 2;
        const signals: UnitSignals = {
          semantic,
          lexical: covered / totalWeight,
          passage: Math.max(0, passage.score) / bestPassageScore,
          // "how long does step 3 take": "Month 5" supplies a time; "End of Steps 3–4" only a number.
          figure: request !== undefined && suppliesFigure(request, unit.text) ? 1 : 0,
          supplementary: SUPPLEMENTARY.test(unit.text) ? 1 : 0,
          reference: 0,
          definition:
            definedTerms.length > 0 ? definitionBonus(unit.text, definedTerms, unit.kind) : 0,
          milestone: asksReadiness && MILESTONE.test(unit.text) ? 1 : 0,
          namedRow:
            unit.kind === "row" &&
            (namesRow(rowNamingWords, passage.chunk.cells) ||
              expandedNames.has(passage.chunk.cells?.[0]?.value.toLowerCase() ?? ""))
              ? 1
              : 0,
          unmetCondition: conditionUnmet(unit.text, askedTerms) ? 1 : 0,
          otherLearner: forAnotherLearner(unit.text, askedLearnerTypes) ? 1 : 0,
          recommends: choice !== undefined && recommendsOne(unit.text, terms, choice) ? 1 : 0,
          reason: asksWhy && (GIVES_REASON.test(unit.text) || givesReasonColumn) ? 1 : 0,
          corrects:
            (asksToConfirm && SAYS_NO.test(unit.text)) ||
            (asksIfNeeded && DENIES_NEED.test(unit.text))
              ? 1
              : 0,
          faq,
          caseMet: cases >= 2 && caseNamed(unit.text, askedTerms) ? 1 : 0,
          namedSource: passage.chunk.title === input.source ? 1 : 0,
          enumerates: 0,
          exercise:
            !asksToPractise &&
            PRACTICE_SECTION.test(passage.chunk.section.split(" > ").at(-1) ?? "")
              ? 1
              : 0,
          countGiven: countGiven ? 1 : 0,
          rowForHow: asksHow && unit.kind === "row" && !givesReasonColumn ? 1 : 0,
          drawback: asksDrawback && STATES_COST.test(unit.text) ? 1 : 0,
          step: stepVerb !== undefined && opensWithVerb(unit.text, stepVerb) ? 1 : 0,
          extreme: extreme?.test(unit.text) === true ? 1 : 0,
          unnamedRow: 0,
          namesTools:
            toolsNamed !== undefined &&
            this.lexicon?.find(unit.text).some((entry) => !toolsNamed.has(entry.name)) === true
              ? 1
              : 0,
        };
        // "Learn neurons, layers, …, dropout, …" names dropout without saying what it is.
        // "which one for sentiment classification? (bert gpt)": a list naming one of them among
        // many ("… sentiment analysis with BERT, image classification …") picks nothing.
        signals.enumerates =
          signals.definition === 0 &&
          (enumeratesTerms(unit.text, definedTerms) ||
            (picksOne && questionTerms.some((term) => enumeratesTerms(unit.text, [term]))))
            ? 1
            : 0;
        if (references.length > 0) {
          const agreement = referenceAgreement(references, placesOf(unit.text, sectionReferences));
          signals.reference = agreement === "agrees" ? 1 : agreement === "differs" ? -1 : 0;
        }
        // "what are steps 1-3 about" names the rows of Steps 1 to 3 by their places.
        signals.unnamedRow =
          unit.kind === "row" &&
          signals.namedRow === 0 &&
          signals.figure === 0 &&
          signals.reference !== 1
            ? 1
            : 0;
        const score =
          semanticWeight * signals.semantic +
          lexicalWeight * signals.lexical +
          passageWeight * signals.passage +
          figureBonus * signals.figure -
          supplementaryPenalty * signals.supplementary +
          referenceWeight * signals.reference +
          definitionWeight * signals.definition +
          milestoneBonus * signals.milestone +
          namedRowBonus * signals.namedRow +
          (request?.type === "money" ? namedMoneyBonus : namedFigureBonus) *
            signals.namedRow *
            signals.figure -
          conditionPenalty * signals.unmetCondition -
          otherLearnerPenalty * signals.otherLearner +
          recommendationBonus * signals.recommends +
          reasonBonus * signals.reason +
          drawbackBonus * signals.drawback +
          correctionBonus * signals.corrects +
          faqWeight * signals.faq +
          caseBonus * signals.caseMet +
          namedSourceBonus * signals.namedSource -
          enumerationPenalty * signals.enumerates -
          exercisePenalty * signals.exercise +
          countBonus * signals.countGiven -
          rowForHowPenalty * signals.rowForHow +
          stepBonus * signals.step +
          extremeBonus * signals.extreme +
          toolsBonus * signals.namesTools -
          unnamedRowPenalty * signals.unnamedRow;
        candidates.push({ ...unit, passage, position, terms, score, signals });
      });
    }
    return candidates;
  }

  /**
   * How closely an FAQ's question and the learner's restate each other: the smaller of the share
   * of the learner's words the FAQ question holds and the share of its words the learner's holds.
   */
  private restates(
    chunk: GenerationInput["passages"][number]["chunk"],
    questionTerms: string[],
    weight: (term: string) => number,
    totalWeight: number,
  ): number {
    const asked = new Set(questionTerms);
    // "how much maths for ml" restates "How much math do I need for machine learning?".
    const heading = `${chunk.section.split(" > ").at(-1)} ${chunk.text.split("\n")[0]}`;
    const faqTerms = [
      ...new Set(
        contentTerms(asked.has("ml") ? heading.replace(/machine learning/gi, "ML") : heading),
      ),
    ];
    const held = questionTerms.filter((term) => faqTerms.includes(term));
    const faqTotal = faqTerms.reduce((sum, term) => sum + this.statistics.idf(term), 0) || 1;
    const restated = faqTerms.filter((term) => asked.has(term));
    return Math.min(
      held.reduce((sum, term) => sum + weight(term), 0) / totalWeight,
      restated.reduce((sum, term) => sum + this.statistics.idf(term), 0) / faqTotal,
    );
  }

  /**
   * When the lead only restates the question ("Understand the difference between BERT and GPT.",
   * for "BERT vs GPT diff?"), the sentence or item after it in its passage carries the answer and
   * joins it; for a comparison, the two after it.
   */
  private afterAnEcho(question: string, candidates: Candidate[], chosen: Candidate[]): Candidate[] {
    const lead = chosen[0];
    const limit = this.settings.echoOwnTerms;
    if (lead === undefined || limit < 0 || lead.kind === "row") return [];
    // "vs", "or": how the question compares, not what it is about; "in simple words": how to answer;
    // "the actual difference": a stress, not a word to restate.
    const asked = new Set(
      contentTerms(questionText(withoutAnswerStyle(question))).filter(
        (term) => !COMPARING_WORDS.has(term) && !STRESS_WORDS.has(term),
      ),
    );
    const weight = (term: string) => this.statistics.idf(term);
    const total = [...asked].reduce((sum, term) => sum + weight(term), 0) || 1;
    const held = [...asked].filter((term) => lead.terms.has(term));
    const own = [...lead.terms].filter((term) => !asked.has(term));
    // "There are two common strategies.": says how many, and the next sentence says which.
    const announces = ANNOUNCES_A_COUNT.test(lead.text);
    if (
      !announces &&
      (held.reduce((sum, term) => sum + weight(term), 0) / total < ECHO_COVERAGE ||
        own.length > limit)
    ) {
      return [];
    }
    // "BERT vs GPT": one sentence about each side follows the restatement.
    const following = /\b(?:vs\.?|versus|diff|difference|compare)\b/i.test(question) ? 2 : 1;
    const after: Candidate[] = [];
    for (let offset = 1; offset <= following; offset++) {
      const next = candidates.find(
        (other) =>
          other.passage === lead.passage &&
          other.position === lead.position + offset &&
          other.kind !== "row",
      );
      if (next === undefined) break;
      if (!chosen.includes(next)) after.push(next);
    }
    return after;
  }

  /**
   * When a learner who asks what to do is answered with a sentence that describes their problem
   * ("Without tracking, experiments end up as final_v3_really_final."), the sentence after it in
   * its passage, which usually says what to do, joins it.
   */
  private afterTheProblem(
    question: string,
    candidates: Candidate[],
    chosen: Candidate[],
  ): Candidate[] {
    const lead = chosen[0];
    if (lead === undefined || lead.kind === "row" || !ASKS_WHAT_TO_DO.test(question)) return [];
    const next = candidates.find(
      (other) =>
        other.passage === lead.passage &&
        other.position === lead.position + 1 &&
        other.kind !== "row",
    );
    if (next === undefined || chosen.includes(next)) return [];
    // "Training a large CNN from scratch needs…" then "Transfer learning starts instead from…".
    return STATES_A_PROBLEM.test(lead.text) || OFFERS_INSTEAD.test(next.text) ? [next] : [];
  }

  /**
   * What a chosen unit needs to be understood and is not chosen already: the unit before one that
   * opens with "This…" (not "This roadmap…"), the items (or the one sentence) after one that ends
   * with a colon.
   */
  private complete(unit: Candidate, candidates: Candidate[], chosen: Candidate[]): Candidate[] {
    const neighbour = (offset: number) =>
      candidates.find(
        (other) => other.passage === unit.passage && other.position === unit.position + offset,
      );
    const added: Candidate[] = [];
    const add = (other: Candidate) => {
      if (!chosen.includes(other) && !added.includes(other)) added.push(other);
    };
    if (LEADING_REFERENCE.test(unit.text) && !NAMES_ITS_DOCUMENT.test(unit.text)) {
      const previous = neighbour(-1);
      if (previous !== undefined) add(previous);
    }
    if (unit.text.trimEnd().endsWith(":")) {
      // "Here is the recommended 7-step … roadmap:" then its outline as a line of its own.
      const next = neighbour(1);
      if (next?.kind === "sentence") add(next);
      for (let offset = 1; offset <= 4; offset++) {
        const item = neighbour(offset);
        if (item === undefined || item.kind !== "item") break;
        add(item);
      }
    }
    return added;
  }
}

/** "what if it's too high", "lr too low?": what happens when a setting is at an extreme. */
const TOO_FAR = /\btoo (high|low|big|small|large|many|few)\b/i;

/** The extreme a question asks about, as a pattern for a unit that names it ("too high"). */
function extremeAsked(asked: string): RegExp | undefined {
  const extreme = TOO_FAR.exec(asked)?.[1];
  return extreme === undefined ? undefined : new RegExp(`\\btoo ${extreme}\\b`, "i");
}

/** "how do i roll back …", "how to schedule …", "how can I fix …": how to do something. */
const ASKS_HOW_TO = /\bhow (?:do|can|should|would) (?:i|we|you)\b|\bhow to\b/i;
/**
 * "how does DVC version a large dataset", "what is the use of seaborn when matplotlib is there":
 * how a thing does its work, or what it is for; not "how does X compare" (rows compare things).
 */
const ASKS_HOW_IT_WORKS =
  /\bhow (?:exactly |actually )?(?:does|do) (?!(?:i|we|you|u|one|people|ppl)\b)(?:[^\s?.!,;]+ ){1,3}\p{L}+|\bwhat(?:'s| is)? (?:the )?(?:use|point|purpose) of\b/iu;
/** "how does X compare / differ / stack up": things weighed, which rows side by side answer. */
const COMPARES = /\b(?:compare|compares|differ|differs|stack up|rank|ranks)\b/i;
/** "which libraries do ppl build it with", "what tools should i learn": tools to use, asked for. */
const ASKS_TOOLS =
  /\b(?:which|what)\s+(?:[\p{L}-]+\s+){0,2}?(?:tools?|librar(?:y|ies)|libs?|frameworks?|packages?)\b/iu;
/** "how do i split my data", "how to create a venv": the verb of what the learner asks how to do. */
const HOW_TO_VERB = /\bhow (?:do|can|should|would) (?:i|we|you) (\p{L}+)\b|\bhow to (\p{L}+)\b/iu;
/** Verbs too general to name a step ("how do i get…", "how to learn…"). */
const GENERAL_VERBS = new Set(
  "be become get make do use know learn start go have find prepare begin".split(" "),
);

/** The verb a how-to question asks about, unless it is too general to name a step. */
function howToVerb(asked: string): string | undefined {
  const match = HOW_TO_VERB.exec(asked);
  const verb = (match?.[1] ?? match?.[2])?.toLowerCase();
  return verb === undefined || GENERAL_VERBS.has(verb) ? undefined : verb;
}

/**
 * Whether a unit opens, after a list number or bold, with that verb as written, a command
 * ("**Split the data.**"); "Evaluation rules …" does not open with "evaluate".
 */
function opensWithVerb(text: string, verb: string): boolean {
  const first = /^\s*(?:\d+\.\s*|[-*]\s+)?(?:\*\*)?(\p{L}+)/u.exec(text)?.[1];
  return first?.toLowerCase() === verb;
}
/** "what am i doing wrong", "how do i fix this", "what should i do": asks for a remedy. */
const ASKS_WHAT_TO_DO = new RegExp(
  `${ASKS_HOW_TO.source}|\\bwhat (?:should|do|can|must) (?:i|we) do\\b|\\bwhat am i (?:doing wrong|supposed to do|missing)\\b|\\bwhat to do\\b|\\bany (?:tips|advice|fix)\\b|\\b(?:better|smarter|easier|cheaper|simpler) (?:way|approach|option)\\b|\\balternatives?\\b`,
  "i",
);
/** A sentence offering the other way ("Transfer learning starts instead from…"). */
const OFFERS_INSTEAD = /\binstead\b/i;
/** A sentence that describes what goes wrong rather than what to do. */
const STATES_A_PROBLEM =
  /^(?:without|if you (?:do not|don't|never|skip))\b|\b(?:end(?:s)? up|fails?|failing|breaks?|goes wrong|can(?:not|'t) (?:tell|remember|reproduce)|is lost|becomes? (?:impossible|hard))\b/i;

/** How close to the lead's score a unit giving the reason may be and still lead a why-question. */
const REASON_LEAD_SHARE = 0.9;
/** How much of the question's words the reason must hold, against the claim it leads over. */
const REASON_LEXICAL_SHARE = 0.95;
/** The same, over a table row, which names a thing and gives no reason for it. */
const REASON_OVER_ROW_SHARE = 0.85;

/**
 * "Why is PyTorch recommended for most learners?": the unit that gives the reason ("… because it
 * is Pythonic …") leads over one that only states the claim ("PyTorch is the better first
 * choice…"), when it scores nearly as well and holds nearly as much of the question. Over a row
 * that gives no reason ("PyTorch — purpose: Deep learning framework") and has no column the
 * question asks for, the row's cells need not be matched: "why is pytorch recommended for deep
 * learning" asks the reason, not the row.
 */
function reasonFirst(ranked: Candidate[], questionTerms: ReadonlySet<string>): Candidate[] {
  const best = ranked[0];
  if (best === undefined || best.signals.reason > 0) return ranked;
  const reason = ranked.find((candidate) => candidate.signals.reason > 0);
  if (reason === undefined) return ranked;
  // A row with a column the question asks for ("any downside" → its limitation) answers it. The
  // first column names what the rows are ("Algorithm"), not something asked of them.
  const overRow =
    best.kind === "row" &&
    best.signals.rowForHow > 0 &&
    !(best.passage.chunk.cells ?? [])
      .slice(1)
      .some((cell) => contentTerms(cell.header).some((term) => questionTerms.has(term)));
  if (
    reason.score < (overRow ? REASON_OVER_ROW_SHARE : REASON_LEAD_SHARE) * best.score ||
    // It states what the question asks about nearly as fully as the claim does, not another
    // reason.
    (!overRow && reason.signals.lexical < REASON_LEXICAL_SHARE * best.signals.lexical)
  ) {
    return ranked;
  }
  return ledBy(reason, ranked);
}

/** How close to a leading row's score a unit closer to the question may be and still lead. */
const CLOSER_LEAD_SHARE = 0.9;

/**
 * "should i commit the .venv folder to my github repo?": a row that leads only by its passage's
 * rank ("Git and GitHub — category: Version control …") gives way to a sentence that is closer to
 * the question in meaning and in words ("Add .venv/ to your .gitignore; the environment itself is
 * never committed to Git …"), when it scores nearly as well.
 */
function closerOverRow(ranked: Candidate[]): Candidate[] {
  const best = ranked[0];
  // A row the question names ("lightgbm good for big tabular data?") is about what is asked.
  if (best === undefined || best.kind !== "row" || best.signals.namedRow > 0) return ranked;
  const closer = ranked.find(
    (candidate) =>
      candidate.kind !== "row" &&
      candidate.score >= CLOSER_LEAD_SHARE * best.score &&
      candidate.signals.semantic > best.signals.semantic &&
      candidate.signals.lexical > best.signals.lexical,
  );
  return closer === undefined ? ranked : ledBy(closer, ranked);
}

/** How close to a row that only lists the asked thing a unit about that thing may be and still lead. */
const SUBJECT_LEAD_SHARE = 0.65;
/** A cell naming at least this many things lists them ("AWS SageMaker, Vertex AI, Azure ML"). */
const LISTED_THINGS = 3;
/** The words of a sentence that hold its subject ("Google Vertex AI integrates well …"). */
const SUBJECT_WORDS = 4;

/**
 * "what's vertex ai good for", "what exactly in calculus (math ml)": a row that names the asked
 * thing only as one of several in a cell ("Cloud ML — tools: AWS SageMaker, Vertex AI, Azure ML"),
 * or a sentence that names it only as one item of its list ("Cloud ML experience with AWS
 * SageMaker, Vertex AI, or Azure ML"), gives way to a unit about that thing: a row it heads
 * ("Calculus — why it matters in ml: …") or a sentence it opens ("Google Vertex AI integrates well
 * with BigQuery …"), when that scores at least 0.65 of it; not when the learner's own words (`own`)
 * name the row or its kind. `rarest` is the question's noun the material uses least.
 */
function subjectOverListing(
  ranked: Candidate[],
  rarest: () => string | undefined,
  own: string,
): Candidate[] {
  const best = ranked[0];
  if (best === undefined) return ranked;
  // Checked before the rarest noun is worked out: most leads list nothing.
  const listsOnly = best.kind === "row" ? rowListing(best, own) : sentenceListing(best.text);
  if (listsOnly === undefined) return ranked;
  const term = rarest();
  if (term === undefined) return ranked;
  const holds = (text: string) => contentTerms(text).includes(term);
  if (!listsOnly(holds)) return ranked;
  const about = ranked.find(
    (candidate) =>
      candidate !== best &&
      candidate.score >= SUBJECT_LEAD_SHARE * best.score &&
      (candidate.kind === "row"
        ? holds(candidate.passage.chunk.cells?.[0]?.value ?? "")
        : holds(candidate.text.split(/\s+/).slice(0, SUBJECT_WORDS).join(" "))),
  );
  return about === undefined ? ranked : ledBy(about, ranked);
}

/** A test of whether a lead names the thing `holds` finds only among others, or none possible. */
type ListsOnly = (holds: (text: string) => boolean) => boolean;

/**
 * For a row: whether it names the thing only in a cell listing three or more, not in its first
 * cell. None when the row has one cell, or the learner's own words (`own`) name its first cell or
 * header ("which step lists SHAP among its main tools", "is cloud ML a must know"): the row itself,
 * or its kind, is what they ask about.
 */
function rowListing(row: Candidate, own: string): ListsOnly | undefined {
  const cells = row.passage.chunk.cells ?? [];
  if (cells.length < 2) return undefined;
  const asked = new Set(contentTerms(own));
  const head = `${cells[0]?.header ?? ""} ${cells[0]?.value ?? ""}`;
  if (contentTerms(head).some((term) => asked.has(term))) return undefined;
  return (holds) =>
    !holds(cells[0]?.value ?? "") &&
    cells
      .slice(1)
      .some((cell) => holds(cell.value) && cell.value.split(",").length >= LISTED_THINGS);
}

/** Most words of a list item that only names a thing ("Vertex AI", "or Azure ML"). */
const ITEM_WORDS = 3;

/**
 * For a sentence: whether it names the thing only as a short item of a list of at least three
 * ("… with AWS SageMaker, Vertex AI, or Azure ML"), not as its subject. None when it lists fewer
 * things. Examples in brackets ("gradient-boosted trees (XGBoost, LightGBM, CatBoost) are …") are
 * not its list.
 */
function sentenceListing(text: string): ListsOnly | undefined {
  const items = text
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/[.!?]+$/, "")
    .split(/,\s*/);
  if (items.length < LISTED_THINGS) return undefined;
  return (holds) =>
    items
      .slice(1)
      .some(
        (item) =>
          holds(item) && item.replace(/^(?:or|and)\s+/i, "").split(/\s+/).length <= ITEM_WORDS,
      );
}

/** The ranked units with `lead` moved to the front. */
function ledBy(lead: Candidate, ranked: readonly Candidate[]): Candidate[] {
  return [lead, ...ranked.filter((candidate) => candidate !== lead)];
}

/** How close to the lead's score a unit saying which kinds there are may be and still lead. */
const KINDS_LEAD_SHARE = 0.9;

/**
 * "What kinds of automated tests are useful in CI?": the unit that says which tests there are
 * ("Useful tests for an ML project include …") leads over one that only names tests ("GitHub
 * Actions — Runs tests and builds …"), when it scores nearly as well.
 */
function kindsListedFirst(
  ranked: Candidate[],
  lists: ((text: string) => boolean) | undefined,
): Candidate[] {
  const best = ranked[0];
  if (lists === undefined || best === undefined || lists(best.text)) return ranked;
  const listing = ranked.find((candidate) => lists(candidate.text));
  if (listing === undefined || listing.score < KINDS_LEAD_SHARE * best.score) return ranked;
  return ledBy(listing, ranked);
}

/** "why python tho?", "ok but why is SQL a must": a question asking for a reason. */
const ASKS_WHY = /^(?:\S+\s+){0,2}(?:why|y)\b/i;
/** "what's the catch", "any downsides", "cons of …": a drawback asked for. */
const DRAWBACK_ASKED =
  /\b(?:(?:the|a|any|what's|whats) catch|downsides?|drawbacks?|cons|disadvantages?|limitations?|risks?|problems? with|pitfalls?)\b/i;
/** A unit that states what a thing costs or lacks: "needs a large labelled dataset", "slower". */
const STATES_COST =
  /\b(?:needs?|requires?|costly|expensive|slow|slower|harder|risks?|limitations?|downsides?|drawbacks?|however|but|may|can fail|misleading)\b/i;
/** A unit that gives a reason. */
const GIVES_REASON = /\bbecause\b|\bso that\b/i;
/**
 * "… so the model is perfect na?", "can i skip it till month 9?", "i assumed AI engineer", "good
 * plan?": the learner states a plan or belief and asks to have it confirmed.
 */
const ASKS_TO_CONFIRM =
  /\b(?:right|correct|na|naa|no|isn'?t it|ok|okay|fine|enough|good plan|good enough|true)\s*\?+\s*$|\b(?:i assumed|i think|i thought|i was thinking|so basically|i'?m planning|i am planning|planning to|my plan is|(?:can|should) i skip|i can skip|is (?:that|this|it) (?:a )?(?:good|ok|okay|fine|enough|correct|right|true)|(?:gonna|going to|will) replace|is there any point|why even bother|(?:that'?s|thats|that is|this is|it'?s|its|is (?:that|this|it)) (?:the |a )?(?:right|correct|proper|good|best|smart) (?:way|approach|move|call|choice|idea|plan)\b)\b/i;
/**
 * "do i need to be a codeforces expert", "do I need competitive programming skills", "is a CS
 * degree mandatory?": the learner asks whether something is required (not "what do i need to
 * learn").
 */
const ASKS_IF_NEEDED =
  /(?:^|[,.;?!]\s*|\b(?:and|but|so|or)\s+)(?:do (?:i|you|we) (?:really |even |actually |still )?(?:need|have to)|must i)\b|\b(?:is|are) (?:\S+ ){1,4}?(?:necessary|mandatory|compulsory|required|needed|a must)\b/i;
/** A unit that says something is not required: "You do not need …", "… is not mandatory". */
const DENIES_NEED =
  /\b(?:do not|don'?t|does not|doesn'?t) (?:need|have to)\b|\bnot (?:mandatory|required|necessary|compulsory|a must|a replacement)\b|\bno need\b/i;
/** A unit that says no: "do not need", "Avoid …", "Instead of …", "may be misleading". */
const SAYS_NO =
  /\b(?:not|never|no|avoid|instead|misleading|rather than|don'?t|doesn'?t|isn'?t|aren'?t|without)\b/i;

/** Words that pick one thing over another. */
const RECOMMENDS =
  /\b(?:better|best|prefer|preferred|recommended|safest|safer|outperforms?|first choice|start with|instead of|more common|easier)\b|\buse \S+(?: or \S+)? for\b|\b(?:learn|pick|choose) \S+ first\b/i;
/** A question asking to choose: "streamlit or fastapi for my model?", "X vs Y which first". */
const CHOOSING = /\b(?:which|better|best|first|prefer|should|or)\b/i;

/**
 * The things a choice question weighs, as content terms: two sides ("streamlit or fastapi"), or
 * three or more listed options ("sagemaker, vertex or azure ml"); undefined for other questions.
 */
function choiceBetween(question: string): string[][] | undefined {
  const text = questionText(question);
  if (!CHOOSING.test(text)) return undefined;
  // The list's commas are in the question as written.
  const sides = listedOptions(question) ?? comparedSides(text);
  if (sides === undefined) return undefined;
  const options = sides.map((side) => contentTerms(side));
  return options.every((terms) => terms.length > 0) ? options : undefined;
}

/**
 * Whether a unit picks one of a choice's options: words that pick, and a term of each side of two
 * ("Use Streamlit or Gradio for demos and FastAPI for real APIs") or of one of three or more ("If
 * your target market is India, AWS SageMaker is often the safest starting point").
 */
function recommendsOne(text: string, terms: Set<string>, choice: string[][]): boolean {
  const named = choice.filter((option) => option.some((term) => terms.has(term))).length;
  return (choice.length > 2 ? named > 0 : named === choice.length) && RECOMMENDS.test(text);
}

/** Most of a lead's terms that the question does not say, for it to only repeat a choice. */
const ECHO_OWN_SHARE = 0.5;

/**
 * "which cloud should i learn first - sagemaker, vertex or azure ml?": a lead that names every
 * option without picking one, and says little else ("Cloud ML experience with AWS SageMaker,
 * Vertex AI, or Azure ML"), only repeats the choice. It gives way to a unit that picks one when
 * that scores at least 0.65 of it. A lead that says more of them ("… (XGBoost, LightGBM,
 * CatBoost) and Random Forests are usually the strongest starting point") stays.
 */
function pickOverEcho(
  ranked: Candidate[],
  choice: string[][] | undefined,
  question: string,
): Candidate[] {
  const best = ranked[0];
  if (best === undefined || choice === undefined || best.signals.recommends === 1) return ranked;
  if (!choice.every((option) => option.some((term) => best.terms.has(term)))) return ranked;
  const asked = new Set(contentTerms(questionText(question)));
  const own = [...best.terms].filter((term) => !asked.has(term)).length;
  if (own > ECHO_OWN_SHARE * best.terms.size) return ranked;
  const picks = ranked.find(
    (candidate) =>
      candidate.signals.recommends === 1 && candidate.score >= SUBJECT_LEAD_SHARE * best.score,
  );
  return picks === undefined ? ranked : ledBy(picks, ranked);
}

/** Passage order, then position in the passage. */
function byPlace(left: Candidate, right: Candidate): number {
  return left.passage.n - right.passage.n || left.position - right.position;
}

/** The lead first, then the rest of its passage, then other passages, each in reading order. */
function inReadingOrder(chosen: Candidate[]): Candidate[] {
  const lead = chosen[0] as Candidate;
  const order = (unit: Candidate) =>
    unit.passage === lead.passage
      ? -1
      : chosen.findIndex((other) => other.passage === unit.passage);
  return [...chosen].sort((left, right) => order(left) - order(right) || byPlace(left, right));
}

/** "what are the 7 steps", "list all three projects": a number of things the question says there are. */
const THE_COUNTED = new RegExp(
  `\\b(?:the|all|those|these)\\s+(\\d{1,2}|${NUMBER_WORDS.slice(2).join("|")})\\s+((?:[\\p{L}-]+\\s+)?[\\p{L}-]+s)\\b`,
  "iu",
);

/** "which one should i use", "which of them": a question asking to pick one thing. */
const PICKS_ONE = /\bwhich (?:one|1|of (?:them|those|these|the two))\b/i;
/**
 * "which one should i pick", "which of them do i use": the learner asks which to choose, not which
 * one "pays more".
 */
const PICKS_ONE_FOR_ME = new RegExp(
  `${PICKS_ONE.source}\\s+(?:should|shud|shd|do|would|can)\\s+(?:i|we|u)\\b`,
  "i",
);

/** Words that measure rather than name things counted. */
const MEASURES =
  /^(?:seconds|minutes|hours|hrs|days|weeks|months|years|yrs|lakhs|rupees|dollars|rows|samples|examples|images|records|gbs|percent)$/;

/** The number (in digits) and the thing (its last word) a question counts, if it counts one. */
function countedThings(question: string): { number: string; thing: string } | undefined {
  const match = THE_COUNTED.exec(question);
  if (match === null) return undefined;
  const number = (match[1] ?? "").toLowerCase();
  const last = ((match[2] ?? "").split(/\s+/).at(-1) ?? "").toLowerCase();
  // "those 6 months" measures time, as "10,000 rows" measures data: a length, not things listed.
  if (MEASURES.test(last)) return undefined;
  return {
    number: /^\d/.test(number) ? number : String(NUMBER_WORDS.indexOf(number)),
    thing: last,
  };
}

/** A section of exercises for the learner ("Practice Checklist", "Exercises"). */
const PRACTICE_SECTION = /\b(?:practi[cs]e|exercises?)\b/i;
/** A question asking what to practise ("what should i practise in month 1", "any exercises"). */
const PRACTISE = /\bpracti[cs](?:e|es|ed|ing)\b|\bexercises?\b|\bchecklist\b|\btick\b/i;

/** Whether a unit lists the terms as one item of four or more separated by commas. */
function enumeratesTerms(text: string, terms: string[]): boolean {
  if (terms.length === 0) return false;
  const items = text.split(/,\s*(?:and\s+|or\s+)?|\s+and\s+/);
  if (items.length < 4) return false;
  return items.some((item) => {
    const itemTerms = new Set(contentTerms(item));
    return terms.every((term) => itemTerms.has(term)) && itemTerms.size <= terms.length + 2;
  });
}

/**
 * How well a unit defines the terms: it is about them as its subject ("Dropout randomly switches
 * off …": the terms among its first four words) and, better, says what they are ("Machine
 * Learning is a branch …", "MLOps (machine learning operations) is …"); a sentence may also gloss
 * them after a colon (`glossesTerms`).
 */
function definitionBonus(text: string, terms: string[], kind: QuotableUnit["kind"]): number {
  // "DVC can also describe pipelines …" adds to a definition given before; it is none itself.
  if (SUPPLEMENTARY.test(text)) return 0;
  const opening = text.split(/\s+/).slice(0, 4).join(" ");
  const openingTerms = new Set(contentTerms(opening));
  if (!terms.every((term) => openingTerms.has(term)))
    return kind === "sentence" && glossesTerms(text, terms) ? DEFINITION_BONUS : 0;
  const written = text.replace(/^(?:an?|the)\s+/i, "");
  const subject = written.replace(/\s*\([^)]*\)/, "").split(/\s+/);
  const subjectEnd = subject.slice(terms.length);
  // "DVC (Data Version Control) versions …": a name spelled out in brackets is followed by what
  // it does.
  const spelledOut = written.split(/\s+/)[terms.length]?.startsWith("(") === true;
  // "A learning rate schedule changes …" is about a schedule: a noun after the terms makes them
  // part of another thing's name.
  if (
    !spelledOut &&
    subject.slice(0, terms.length).every((word) => terms.includes(contentTerms(word)[0] ?? ""))
  ) {
    // The tagger reads "sets" in "learning rate sets the size" as a noun too: a word before a
    // determiner is the verb.
    const next = tagWords(subject.slice(0, terms.length + 2).join(" "))[terms.length];
    const verbBefore = /^(?:the|a|an|each|every|its|their|your|this|that)$/i.test(
      subjectEnd[1] ?? "",
    );
    if (next?.pos === "NOUN" && !verbBefore) return 0;
  }
  return COPULA.test(subjectEnd.join(" ")) ? DEFINITION_BONUS + COPULA_BONUS : DEFINITION_BONUS;
}

/** Fewest words of the clause before a glossing colon ("Python is dynamically typed:"). */
const MIN_GLOSSING_CLAUSE_WORDS = 3;
/** Most terms of a thing a colon glosses ("aliases in MLflow's registry"). */
const MAX_GLOSSED_TERMS = 3;

/**
 * "… current versions use aliases: movable labels such as …": the terms (or the first, the thing
 * a question like "what are aliases in MLflow's registry" defines) end a clause, and a colon then
 * says what they are.
 */
function glossesTerms(text: string, terms: string[]): boolean {
  const colon = text.indexOf(": ");
  // A long phrase ("an ML model's failure mode differ from …") is asked about, not glossed.
  if (colon < 0 || terms.length === 0 || terms.length > MAX_GLOSSED_TERMS) return false;
  // "AutoML: AutoML tools speed up …" is a label, not a clause, before its colon.
  if (words(text.slice(0, colon)).length < MIN_GLOSSING_CLAUSE_WORDS) return false;
  const before = contentTerms(text.slice(0, colon));
  const last = before.slice(-terms.length);
  return (
    before.at(-1) === terms[0] ||
    (last.length === terms.length && terms.every((term) => last.includes(term)))
  );
}

/**
 * Whether a unit is written for a situation ("If you already know Python, SQL, statistics…") of
 * which the question names nothing ("how long to learn ML from scratch").
 */
function conditionUnmet(text: string, questionTerms: Set<string>): boolean {
  const situation = CONDITION.exec(text)?.[1];
  if (situation === undefined) return false;
  const terms = contentTerms(situation);
  return terms.length > 0 && !terms.some((term) => questionTerms.has(term));
}

/** The roadmap's learner types a text names ("a complete beginner", "data analysts"). */
function learnerTypesIn(text: string): Set<string> {
  const lower = text.toLowerCase();
  return new Set(
    learnerLexicon()
      // `search`, not `test`: the lexicon's patterns are global, and `test` would move their
      // lastIndex from one question to the next.
      .learnerTypes.filter(({ descriptions }) =>
        descriptions.some((phrase) => lower.search(phrase) >= 0),
      )
      .map(({ type }) => type),
  );
}

/**
 * "how long does it take a career switcher …": a unit about another learner type ("A complete
 * beginner usually needs 12 months …") is written for a case the question is not about.
 */
function forAnotherLearner(text: string, asked: ReadonlySet<string>): boolean {
  if (asked.size === 0) return false;
  const named = learnerTypesIn(text);
  return named.size > 0 && ![...named].some((type) => asked.has(type));
}

/** "make it stop", "how do i fix this": a clause pointing back at what was said before it. */
const POINTS_BACK = /\b(?:it|this|that|these|those|them)\b/i;

/** "For regression, learn MAE…", "In PyTorch, call model.eval()": the case a unit is written for. */
const CASE = /^(?:for|in|with) ([^,.;:]{2,40}),/i;

/** Whether a unit is written for a case ("For regression, …") all of whose words the question names. */
function caseNamed(text: string, questionTerms: Set<string>): boolean {
  const written = CASE.exec(text)?.[1];
  if (written === undefined) return false;
  const terms = contentTerms(written);
  return terms.length > 0 && terms.every((term) => questionTerms.has(term));
}

/**
 * Whether the question (its words, space-padded) names a row's first cell in full, as whole words
 * ("data scientist"), or with the words before the last as initials ("cv engineer"); in a table
 * that compares things in its columns, a column it names ("ML Engineer").
 */
function namesRow(
  paddedQuestionWords: string,
  cells: ReadonlyArray<{ header: string; value: string }> | undefined,
): boolean {
  if (namesPhrase(paddedQuestionWords, cells?.[0]?.value ?? "")) return true;
  // A table that compares things in its columns ("Dimension | ML Engineer | Deep Learning
  // Engineer"): a column of two words or more that the question names.
  if (!COMPARED_IN_COLUMNS.test(cells?.[0]?.header ?? "")) return false;
  return (cells ?? [])
    .slice(1)
    .some(
      (cell) => words(cell.header).length >= 2 && namesPhrase(paddedQuestionWords, cell.header),
    );
}

/**
 * Whether the question names a phrase in full, or with its words before the last as initials;
 * the last word may be inflected ("cv engineering" names Computer Vision Engineer).
 */
function namesPhrase(paddedQuestionWords: string, phrase: string): boolean {
  const name = words(phrase);
  const last = name.at(-1);
  if (last === undefined) return false;
  const head = name.slice(0, -1);
  const said = (lead: string[]) =>
    new RegExp(` ${escapeRegExp([...lead, last].join(" "))}(?:s|es|ing)? `).test(
      paddedQuestionWords,
    );
  // "cv engineer" names the Computer Vision Engineer row: the words before the last as initials.
  const initials = head.map((word) => word[0]).join("");
  return said(head) || (initials.length >= 2 && said([initials]));
}

/**
 * For a question comparing two things the shown passages describe in prose ("data drift vs
 * concept drift"): for each side, the best-ranked sentence or item holding all of its words and
 * none of the other side's own words; empty unless both sides have one.
 */
function comparedSentences(
  question: string,
  ranked: Candidate[],
  request?: FigureRequest,
): Candidate[] {
  const sides = comparedSides(questionText(question));
  // Two things only: "ai vs ml vs dl" is not two sides.
  if (sides === undefined || sides.some((side) => /\b(?:vs\.?|versus|or)\b/i.test(side))) {
    return [];
  }
  const [left, right] = sides.map((side) =>
    wordsUnhyphenated(side).filter((word) => !STOPWORDS.has(word) && !COMPARING_WORDS.has(word)),
  );
  if (left === undefined || right === undefined || left.length === 0 || right.length === 0) {
    return [];
  }
  // "GPT-style models are …" names GPT: hyphens read as spaces.
  const unitWords = new Map(
    ranked.map((candidate) => [candidate, wordsUnhyphenated(candidate.text)]),
  );
  const said = (candidate: Candidate) => ` ${unitWords.get(candidate)?.join(" ")} `;
  const names = (candidate: Candidate, side: string[]) =>
    said(candidate).includes(` ${side.join(" ")} `);
  // A lead that names both already compares them ("In feature extraction you …; in fine-tuning …");
  // "CI/CD", "Prometheus/Grafana" joined by a slash name one thing and compare nothing.
  const lead = ranked[0];
  if (lead === undefined) return [];
  const leadSaid = ` ${wordsUnhyphenated(lead.text.replace(/\S+\/\S+/g, " ")).join(" ")} `;
  const leadNames = (side: string[]) => leadSaid.includes(` ${side.join(" ")} `);
  // A row about a third thing that mentions both in a cell ("GELU — typical use: … such as BERT
  // and GPT") compares nothing.
  const leadHead = ` ${wordsUnhyphenated(lead.passage.chunk.cells?.[0]?.value ?? "").join(" ")} `;
  const aboutAThird =
    lead.kind === "row" && ![left, right].some((side) => leadHead.includes(` ${side.join(" ")} `));
  if (leadNames(left) && leadNames(right) && !aboutAThird) return [];
  // Rows headed by each side ("Supervised Learning", "Unsupervised Learning") answer as a list.
  const headed = (side: string[]) =>
    ranked.some(
      (candidate) =>
        candidate.kind === "row" &&
        ` ${words(candidate.passage.chunk.cells?.[0]?.value ?? "").join(" ")} `.includes(
          ` ${side.join(" ")} `,
        ),
    );
  if (headed(left) && headed(right)) return [];
  // The best-ranked unit about the side, one whose subject it is first ("An ML engineer focuses
  // …", not "This roadmap prepares you for the ML engineer path").
  const best = (side: string[], other: string[]) => {
    // "which one pays more": only a sentence giving the pay answers for its side.
    const about = ranked.filter(
      (candidate) =>
        candidate.kind !== "row" &&
        names(candidate, side) &&
        !names(candidate, other) &&
        (request === undefined || suppliesFigure(request, candidate.text)),
    );
    const opening = (candidate: Candidate) =>
      ` ${unitWords
        .get(candidate)
        ?.slice(0, side.length + 2)
        .join(" ")} `.includes(` ${side.join(" ")} `);
    return about.find(opening) ?? about[0];
  };
  const first = best(left, right);
  const second = best(right, left);
  return first === undefined || second === undefined || first === second ? [] : [first, second];
}

/** Most places of one range shown one by one ("weeks 1-4"); a longer range is a period. */
const MAX_PLACES = 4;
/** "week 3-4", "steps 2 and 3", "step 5 and step 7": several places of the plan asked at once. */
const PLACES_ASKED =
  /\b(?:step|month|week)s?\s*\d{1,2}\s*(?:[-–—]|to|and|&|,)\s*(?:(?:step|month|week)s?\s*)?\d{1,2}\b/i;

/**
 * For a question asking about several steps or weeks at once ("week 3-4", "steps 2 and 3"): the
 * best unit about each (by its own step or week, or its section's), in ranked order; empty unless
 * two or more units are found ("End of Steps 3–4" answers both at once).
 */
function unitsOfPlaces(question: string, ranked: Candidate[]): Candidate[] {
  if (!PLACES_ASKED.test(question)) return [];
  const places = numberedReferences(question).flatMap((reference) =>
    Number.isFinite(reference.last) && reference.last - reference.first < MAX_PLACES
      ? Array.from({ length: reference.last - reference.first + 1 }, (_, offset) => ({
          noun: reference.noun,
          first: reference.first + offset,
          last: reference.first + offset,
        }))
      : [],
  );
  if (places.length < 2) return [];
  const about = ranked.map((candidate) =>
    placesOf(candidate.text, numberedReferences(candidate.passage.chunk.section)),
  );
  const units: Candidate[] = [];
  for (const place of places) {
    const found = about.findIndex((stated) => referenceAgreement([place], stated) === "agrees");
    const unit = ranked[found];
    if (unit !== undefined && !units.includes(unit)) units.push(unit);
  }
  return units.length >= 2 ? units : [];
}

/** The steps, months or weeks a unit is about: those it names itself, or else its section's. */
function placesOf(
  text: string,
  sectionReferences: readonly NumberedReference[],
): readonly NumberedReference[] {
  const stated = numberedReferences(text);
  return stated.length > 0 ? stated : sectionReferences;
}

/**
 * For a question comparing things that head rows of the shown tables ("shap vs lime", "conda or
 * pip"): the best row headed by each, in ranked order; empty unless two or more are named.
 */
function comparedRows(question: string, ranked: Candidate[], figureAsked: boolean): Candidate[] {
  const asked = ` ${words(question).join(" ")} `;
  // The best row of each thing named, and of each table its best row of each thing: one table
  // with a row for each thing compares them side by side ("lgbm vs xgb - when to use which": the
  // algorithm table, with its When to Use column).
  const rows = new Map<string, Candidate>();
  const tables = new Map<string, Map<string, Candidate>>();
  for (const candidate of ranked) {
    if (candidate.kind !== "row") continue;
    const section = candidate.passage.chunk.section;
    const table = tables.get(section) ?? new Map<string, Candidate>();
    tables.set(section, table);
    for (const name of namedHeads(candidate.passage.chunk, asked, figureAsked)) {
      if (!rows.has(name)) rows.set(name, candidate);
      if (!table.has(name)) table.set(name, candidate);
    }
  }
  // A head inside another named head ("ml" in "ml engineer") is not compared on its own.
  const names = [...rows.keys()].filter(
    (name) =>
      ![...rows.keys()].some((other) => other !== name && ` ${other} `.includes(` ${name} `)),
  );
  // The table whose rows score best together.
  const sideBySide = [...tables.values()]
    .filter((table) => names.every((name) => table.has(name)))
    .map((table) => names.map((name) => table.get(name) as Candidate))
    .sort((left, right) => total(right) - total(left))[0];
  const compared = [...new Set(sideBySide ?? names.map((name) => rows.get(name) as Candidate))];
  return compared.length >= 2 ? compared : [];
}

/** The summed score of units. */
function total(units: Candidate[]): number {
  return units.reduce((sum, unit) => sum + unit.score, 0);
}

/** Share of a chosen unit's terms another unit must hold to say all it says. */
const SAME_SAYING_SHARE = 0.8;
/** Fewest terms of a unit for another to be found saying the same ("Yes."). */
const SAME_SAYING_TERMS = 4;

/**
 * The passages, other than its own and those of the other chosen units, with a sentence holding
 * nearly every term of a chosen sentence ("A complete beginner usually needs 12–18 months to become
 * interview-ready" in the FAQ, and the fuller sentence of the timeline): each is cited beside it.
 */
function alsoSaidIn(
  unit: Candidate,
  candidates: readonly Candidate[],
  chosen: readonly Candidate[],
): number[] {
  if (unit.kind !== "sentence" || unit.terms.size < SAME_SAYING_TERMS) return [];
  const taken = new Set(chosen.map((other) => other.passage.n));
  const found: number[] = [];
  for (const other of candidates) {
    const n = other.passage.n;
    if (
      other.kind === "sentence" &&
      !taken.has(n) &&
      !found.includes(n) &&
      other.terms.size >= SAME_SAYING_TERMS &&
      heldShare(unit.terms, other.terms) >= SAME_SAYING_SHARE
    ) {
      found.push(n);
    }
  }
  return found;
}

/** How many of `left`'s terms `right` holds. */
function sharedTerms(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  return shared;
}

/** Share of `unit`'s terms that `other` holds. */
function heldShare(unit: Set<string>, other: Set<string>): number {
  return unit.size === 0 ? 0 : sharedTerms(unit, other) / unit.size;
}

function overlap(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  return sharedTerms(left, right) / Math.min(left.size, right.size);
}
