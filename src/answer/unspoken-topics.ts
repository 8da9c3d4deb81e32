import { contentTerms } from "../text/terms.ts";
import { asksAboutAge, speaksOfAge } from "./age-question.ts";
import { asksCertificateValidity, saysCertificateValidity } from "./certificate-validity.ts";
import { asksInterviewContent, givesInterviewContent } from "./interview-content.ts";
import { asksForReadingOrChannels, namesReadingOrChannels } from "./recommended-resources.ts";
import { asksResumeWriting, speaksOfResumes } from "./resume-writing.ts";

/**
 * A topic the material answers only where a passage speaks of it: the test that a question's
 * asking clauses are about it, the test that passages (sentences, rows) speak of it, and the
 * refusal reason otherwise.
 */
export type UnspokenTopic = {
  /** Whether the question asks about it; `message` is the whole question, story included. */
  asks: (asking: string, message?: string) => boolean;
  /** Whether the passages speak of it; `asking` is the question's asking clauses. */
  speaks: (texts: readonly string[], asking?: string) => boolean;
  reason: string;
};

/** Whether the asking clauses match. */
const askedBy =
  (pattern: RegExp) =>
  (asking: string): boolean =>
    pattern.test(asking);

/** Whether one of the texts matches. */
const saidBy =
  (pattern: RegExp) =>
  (texts: readonly string[]): boolean =>
    texts.some((text) => pattern.test(text));

/**
 * "which companies in india hire the most ML engineers", "share list of companies hiring ML
 * freshers in Hyderabad": employers named. The material names roles, cities and salary bands, not
 * companies; "do companies hire people without a degree" asks no names.
 */
const EMPLOYERS_ASKED =
  /\b(?:which|what|list|names?|top|best|some|any)\b(?:\s+(?:of|the|good|top|big|product|service|it|mnc|indian|\w+-based))*\s+(?:companies|company|firms|employers|startups|mncs)\b[^?.!]*\b(?:hir\w*|recruit\w*|openings?|vacanc\w*|freshers?)\b|\bwho(?:'s| is| are)? (?:hiring|recruiting)\b/i;
const SPEAKS_OF_EMPLOYERS =
  /\b(?:companies|employers|firms)\b[^.]*\b(?:hir\w*|recruit\w*)\b|\b(?:hir\w*|recruit\w*)\b[^.]*\b(?:companies|employers|firms)\b/i;

/**
 * "does scaler's program give a placement guarantee", "do they guarantee a job": what a course
 * promises about jobs. "which project is good for placement" asks about projects, and "do fixed
 * seeds guarantee identical results" about seeds.
 */
const PLACEMENT_PROMISE_ASKED =
  /\b(?:placement|job)s?\s+(?:guarantee\w*|assurance|record|rates?|stats|statistics|support|assistance|percentage)\b|\bguarantee\w*\s+(?:(?:a|an|100%|full)\s+)?(?:placement|job|interview)s?\b|\b(?:100%|full)\s+placement\b/i;
const SPEAKS_OF_PLACEMENTS = /\bplacements?\b|\bjob guarantee\b/i;

/**
 * "will I definitely land a job if I do all the projects", "am I guaranteed a job after step 7":
 * a promise that following the material ends in a job, which it never makes.
 */
const JOB_PROMISE_ASKED =
  /\b(?:will|would|can|do|does|am|is)\s+(?:i|we|it|this|that|the roadmap)\s+(?:(?:be|then|still)\s+)?(?:definitely|surely|certainly|for sure|100%|guaranteed(?:\s+to)?|(?:100%\s+)?sure\s+(?:to|of))\s+(?:(?:get|be)\s+(?:placed|hired)\b|(?:get|land|crack|find|secure|getting|landing)\b[^?.!]*\b(?:job|jobs|placement|offer|role)\b)|\b(?:guaranteed|sure-shot|assured)\s+(?:a\s+)?(?:job|placement)\b|\b(?:job|placement)s?\s+(?:is\s+|are\s+)?guaranteed\b|\bam i guaranteed\b[^?.!]*\b(?:job|placement|role)\b/i;
const SPEAKS_OF_PROMISES = /\bguarantee\w*\b|\bpromis\w*\b/i;

/**
 * "when was this roadmap published or last updated", "who wrote this article": the material's
 * own date or author, which its text does not give.
 */
const PUBLICATION_ASKED =
  /\b(?:when|what date|which date|what year|how recent(?:ly)?|how old)\b[^?.!]*\b(?:published|written|updated|released|posted|wrote)\b[^?.!]*|\bwho (?:wrote|authored|writes|made|created)\b[^?.!]*|\bauthor of\b/i;
const NAMES_THE_MATERIAL = /\b(?:roadmap|article|guide|material|tutorials?|post|blog)\b/i;
/** "who wrote this", "when was it written": a pointer, at the material unless another work is named. */
const POINTS_AT_SOMETHING = /\b(?:this|it)\b/i;
/** "is there a paper showing trees beat DL? who wrote it": "it" is another work the message names. */
const ANOTHER_WORK = /\b(?:paper|papers|study|studies|book|books|research|benchmark|survey)\b/i;
const SPEAKS_OF_PUBLICATION =
  /\b(?:published|last updated|updated on|written by|author(?:ed)? by)\b/i;

/**
 * "how do i negotiate salary for my first ML job offer", "tips to negotiate my offer": how to
 * bargain over pay or terms. "what increases ML salary? i want to negotiate better" asks what
 * raises pay, which the material says.
 */
const NEGOTIATION_ASKED =
  /\b(?:how|tips?|ways?|advice|strateg\w*)\b[^?.!]{0,40}\bnegotiat\w*|\bnegotiat\w*\b[^?.!]{0,40}\b(?:tips?|how)\b/i;
const SPEAKS_OF_NEGOTIATION = /\bnegotiat\w*/i;

/**
 * "how does catboost handle categorical features internally", "how does XGBoost actually build
 * its trees, step by step?", "what is the time complexity of k-means": the inner workings of a
 * method, its derivation or its complexity. The material says what methods are for and when to
 * use them; "how do i set up a venv step by step" asks the learner's own steps.
 */
const INTERNALS_ASKED =
  /\bhow (?:does|do|is|are|did)\s+(?!(?:i|we|you|u)\b)[^?.!]{0,60}\b(?:internally|under the hood|mathematically|step[- ]by[- ]step)\b|\b(?:time|space) complexity\b|\b(?:derive|derivation)\b[^?.!]{0,40}\b(?:step|math|maths|equations?|formulas?)\b|\b(?:full|complete) (?:math|maths) derivation\b/i;
const SPEAKS_OF_INTERNALS =
  /\b(?:internally|under the hood|derivation|complexity)\b|\bstep[- ]by[- ]step\b/i;

/**
 * "is the tensorflow dev cert discontinued now or still a thing?": whether a course, exam or
 * tool is still offered. The material lists what exists, not what was withdrawn.
 */
const DISCONTINUED_ASKED =
  /\bdiscontinu\w*|\bno longer (?:offered|available|exists?|running)\b|\bshut (?:it )?down\b/i;
const SPEAKS_OF_DISCONTINUING =
  /\bdiscontinu\w*|\bno longer (?:offered|available)\b|\bshut down\b/i;

/**
 * "what's the usual notice period for ML engineers switching jobs?": the terms of a job (notice
 * or probation periods). The material speaks of roles and pay, not of contracts.
 */
const JOB_TERMS_ASKED = /\bnotice periods?\b|\bprobation(?:ary)?(?: periods?)?\b/i;

/**
 * "i have a 2 year gap after graduation, will companies reject me for it?": a gap in a career or
 * in study, told anywhere in the message, and what employers make of it asked. The material never
 * speaks of gaps.
 */
const CAREER_GAP =
  /\b(?:\d+|a|an|one|two|three|four|five|six|few)[- ]?(?:years?|yrs?|months?)(?:['’]s?)?\s+(?:long\s+)?(?:career\s+|education\s+|study\s+|work\s+)?gap\b|\b(?:career|employment|education|study|work)\s+(?:gap|break)s?\b|\bgap (?:years?|after|of)\b/i;
const EMPLOYERS_JUDGE =
  /\b(?:compan(?:y|ies)|recruiters?|employers?|hr|interviewers?|firms?|they)\b[^?.!]*\b(?:consider|reject|hire|accept|care|mind|judge|shortlist|select|ignore)\w*\b|\b(?:matter|matters|problem|issue|affect|hurt|red flag|chances?)\b/i;
const SPEAKS_OF_GAPS =
  /\b(?:career|employment|education|study)\s+(?:gap|break)s?\b|\bgap years?\b/i;

/**
 * "shud i buy nvidia stock now since AI is booming", "is bitcoin a good investment", "how to
 * invest in mutual funds as a fresher": personal investing. "scared to invest a year" invests
 * time, not money.
 */
const INVESTING_ASKED =
  /\b(?:buy|sell|invest(?:ing)? in|hold)\b[^?.!]{0,40}\b(?:stocks?|shares|crypto(?:currenc(?:y|ies))?|bitcoin|mutual funds?|etfs?)\b|\b(?:stocks?|shares|crypto|bitcoin|mutual funds?)\b[^?.!]{0,40}\b(?:good investment|worth (?:buying|investing)|to buy)\b|\ba good investment\b|\bhow (?:to|do i|should i|can i) (?:start )?invest\b/i;
const SPEAKS_OF_INVESTING =
  /\bstock market\b|\bshare prices?\b|\binvest(?:ing|ment)s? in\b|\bmutual funds?\b|\bcrypto\w*|\bbitcoin\b/i;

/**
 * "how do i change the port mlflow ui runs on?", "can i change that port to 8080?": how to run a
 * tool on another port. "shud i change the port?" asks whether, not how.
 */
const PORT_CHANGE_ASKED =
  /\b(?:how (?:do|can|should|would) (?:i|we|you|u)|how to|can (?:i|we|you|u)|is it possible to|(?:a|any) way to)\b[^?.!]{0,30}\b(?:change|set|use|pick|switch)\b[^?.!]{0,25}\bports?\b|\b(?:another|a different|other) port\b/i;
/** A command that sets a port ("--port 8000", "-p 8000:8000"). */
const SETS_A_PORT = /--port\b|\s-p\s+\d/;
/** Words of a port question that name no tool. */
const PORT_WORDS = new Set(
  contentTerms(
    "port ports change set use pick switch run runs taken machine mac laptop another different other default",
  ),
);

/**
 * Whether a passage sets a port for the tool asked about: a command with a port flag naming a word
 * of the question other than the port words ("uvicorn app:app --port 8000" for uvicorn).
 */
function setsPortOf(texts: readonly string[], asking = ""): boolean {
  const named = contentTerms(asking).filter((term) => !PORT_WORDS.has(term) && !/\d/.test(term));
  return texts.some((text) => {
    if (!SETS_A_PORT.test(text)) return false;
    const said = new Set(contentTerms(text));
    return named.some((term) => said.has(term));
  });
}

/**
 * "relu formula?", "what are the equations for the LSTM gates", "formula for f1 score pls": a
 * formula asked for. "do I have to be some kind of equations wizard" asks no formula.
 */
const FORMULA_ASKED =
  /\b(?:formulas?|formulae|equations?)\s+(?:for|of|behind|used|does|do|is|are)\b|\bwhat (?:is |are )?(?:the )?(?:exact |actual )?(?:formulas?|formulae|equations?)\b|\b(?:formulas?|formulae|equations?)\s*[?.!]*\s*$/i;
/** Mathematics as written: a function of a variable ("max(0, x)"), "y = …", "x²", "√", "σ". */
const WRITES_MATHEMATICS = /\b\w+\((?:[^()]*,)?\s*[a-z]\s*\)|\b[a-z]\s*=\s*[\w(]|[²³√∑σ]/i;
/** A table row's first value, the thing it is about: "ReLU" of "Activation: ReLU; Output: …". */
const ROW_SUBJECT = /^[^:;]+:\s*([^;]+);/;

/**
 * Whether a passage writes mathematics for a thing the question names: the row's thing ("ReLU"
 * for "relu formula?") or a word of the sentence. The ReLU row gives no LSTM gate equations.
 */
function givesFormulaFor(texts: readonly string[], asking = ""): boolean {
  const asked = new Set(contentTerms(asking));
  return texts.some(
    (text) =>
      WRITES_MATHEMATICS.test(text) &&
      contentTerms(ROW_SUBJECT.exec(text)?.[1] ?? text).some((term) => asked.has(term)),
  );
}

/**
 * "how to instal cuda drivers on windows 11", "steps to install CUDA on ubuntu", "how do i install
 * tensorflow and pytorch on windows": how to install a thing, named up to where the setting starts.
 */
const INSTALL_ASKED =
  /\b(?:how (?:do|can|should|would) (?:i|we|you|u)|how to|how 2|steps? (?:to|for)|guide to)\s+(?:(?:properly|correctly|actually|even)\s+)?(?:re)?instal(?:l|ling)?\s+([^?.!,;]+)/i;
/** Where the thing installed ends: "… on ubuntu", "… for pytorch", "… with cuda 12". */
const INSTALLED_ENDS =
  /\s(?:on|in|for|with|so|from|via|using|under|inside|into|because|but|step|steps|pls|please|keeps?|and then)\b/i;
/** Words of an install's object that name no particular thing: "the right version". */
const GENERIC_INSTALLED = new Set(
  contentTerms(
    "right correct proper latest new newest old older version versions exact specific everything stuff things thing all it them this that one",
  ),
);
const SPEAKS_OF_INSTALLING = /\binstal\w*|\bpreinstalled\b/i;

/**
 * Whether a passage says to install a thing the question names: "Install a recent Python 3
 * release …" for "how do i install python on windows". None speaks of installing CUDA.
 */
function saysHowToInstall(texts: readonly string[], asking = ""): boolean {
  const object = (INSTALL_ASKED.exec(asking)?.[1] ?? "").split(INSTALLED_ENDS)[0] ?? "";
  const named = contentTerms(object).filter((term) => !GENERIC_INSTALLED.has(term));
  if (named.length === 0) return true;
  return texts.some(
    (text) =>
      SPEAKS_OF_INSTALLING.test(text) && contentTerms(text).some((term) => named.includes(term)),
  );
}

/**
 * "which dataset should i use, any kaggle link?", "share the course link pls", "paper link?": a
 * web address asked for. "the link between features and target" and "how do i link" ask no
 * address.
 */
const LINK_ASKED =
  /\b(?:any|share|send|give|drop|post|paste)\s+(?:\w+\s+){0,2}(?:links?|urls?)\b(?!\s+between)|\b(?:download|dataset|course|paper|video|repo|website|site)\s+(?:links?|urls?)\b|\b(?:links?|urls?)\s+(?:to|for)\s+(?:download|the|that|it|this)\b|(?<!\b(?:to|i|you|u|we)\s+)\b(?:links?|urls?)\s*(?:pls|please|plz)?\s*[?.!]*\s*$/i;
/** A web address in a passage. */
const SPEAKS_OF_LINKS = /\bhttps?:\/\/|\bwww\./i;

/**
 * "which kaggle dataset shud i use for it", "which competitions does the roadmap recommend for
 * beginners", "where can i download a good fraud dataset": a particular dataset or competition to
 * use. "which pandas methods … for inspecting a dataset" asks about methods.
 */
const DATASET_ASKED =
  /\b(?:which|what|any|best|good|suggest(?:\s+(?:a|some|me))?|recommend(?:ed|s)?(?:\s+(?:a|some|me))?)\s+(?:(?:exact|free|good|public|real|kaggle|beginner|starter|practice|open|specific)\s+){0,3}(?:datasets?|data sets?|competitions?|comps?)\b|\bwhere (?:can|do|should|to) (?:i |we )?(?:download|get|find)\b[^?.!]*\bdatasets?\b/i;
/** A dataset or competition named ("a big dataset such as ImageNet", "the Titanic competition"). */
const NAMES_A_DATASET =
  /\b(?:datasets?|competitions?)\b[^.;]{0,30}\b(?:such as|like|called|named|e\.g\.)\s+[A-Z]|\b(?:Titanic|MNIST|CIFAR-?\d*|ImageNet|IMDB|COCO|SQuAD)\b/;

/**
 * "how do i renew my passport online", "H1B visa process for ML engineers", "canada student visa
 * documents": travel and immigration papers. A card network's "Visa transactions" are payments.
 */
const TRAVEL_PAPERS_ASKED =
  /\b(?:passports?|h-?1bs?|green cards?|work permits?|immigration|immigrate|citizenship|schengen)\b|\bvisas?\b(?!\s+(?:cards?|transactions?|payments?|network))/i;

/** What an exam is made of and takes to pass: its questions, passing score, syllabus, time limit. */
const EXAM_FACTS =
  "(?:(?:how many|no\\.? of|number of) (?:questions|qs)|pass(?:ing)? (?:score|marks?)|pass mark|syllabus|time limit)";
/**
 * "GCP PMLE exam - no. of Qs & duration?", "passing score for the aws ml specialty exam": how a
 * certification's exam is run. What it costs ("exam fee") is a price, which the tables give.
 */
const EXAM_DETAILS_ASKED = new RegExp(
  `\\bexams?\\b[^?.!]{0,40}\\b(?:${EXAM_FACTS}|duration|how long|format|pattern)\\b|\\b${EXAM_FACTS}\\b[^?.!]{0,60}\\b(?:exams?|certifications?|certificates?|certs?)\\b`,
  "i",
);
/** "… exam - no. of Qs & duration?": a clause asking only the details, the exam named before. */
const EXAM_DETAIL = new RegExp(`\\b(?:${EXAM_FACTS}|duration)\\b`, "i");
const NAMES_AN_EXAM = /\bexams?\b/i;
/** "… H1B visa sponsorship, which documents are needed": papers asked, the visa named before. */
const PAPERS_DETAIL = /\b(?:documents?|paperwork|processing time|sponsor(?:ship)?|stamping)\b/i;
/** Words with which a passage says how an exam is run. */
const SPEAKS_OF_EXAM_DETAILS =
  /\b(?:passing score|pass mark|time limit|syllabus|exam (?:format|duration|pattern)|multiple[- ]choice)\b/i;

/** "which ones come up most often", "which of them are asked": a clause pointing back. */
const POINTS_BACK_ONLY =
  /^\W*(?:so |and |ok )?(?:which|what) (?:ones?|of them|of those|of these)\b/i;

/** Topics the material answers only where a passage speaks of them. */
export const UNSPOKEN_TOPICS: readonly UnspokenTopic[] = [
  { asks: asksAboutAge, speaks: speaksOfAge, reason: "the material says nothing about age" },
  {
    // "MLE interview Qs on XGBoost - which ones come up most often?": a clause that only points
    // back asks of what the message named before it.
    asks: (asking, message = asking) =>
      asksInterviewContent(asking) ||
      (POINTS_BACK_ONLY.test(asking) && asksInterviewContent(message)),
    speaks: givesInterviewContent,
    reason: "the material says nothing about what interviews ask",
  },
  {
    asks: asksResumeWriting,
    speaks: speaksOfResumes,
    reason: "the material says nothing about writing a resume or cover letter",
  },
  {
    asks: asksCertificateValidity,
    speaks: saysCertificateValidity,
    reason: "the material does not say how long a certification stays valid",
  },
  {
    asks: asksForReadingOrChannels,
    speaks: namesReadingOrChannels,
    reason: "the material names no books, podcasts or YouTube channels",
  },
  {
    asks: askedBy(EMPLOYERS_ASKED),
    speaks: saidBy(SPEAKS_OF_EMPLOYERS),
    reason: "the material names no companies that hire",
  },
  {
    asks: askedBy(PLACEMENT_PROMISE_ASKED),
    speaks: saidBy(SPEAKS_OF_PLACEMENTS),
    reason: "the material says nothing about placement promises of courses",
  },
  {
    asks: askedBy(INTERNALS_ASKED),
    speaks: saidBy(SPEAKS_OF_INTERNALS),
    reason: "the material does not explain how it works inside, step by step or in equations",
  },
  {
    asks: askedBy(FORMULA_ASKED),
    speaks: givesFormulaFor,
    reason: "the material gives no formula for that",
  },
  {
    asks: askedBy(INSTALL_ASKED),
    speaks: saysHowToInstall,
    reason: "the material does not say how to install that",
  },
  {
    asks: askedBy(DISCONTINUED_ASKED),
    speaks: saidBy(SPEAKS_OF_DISCONTINUING),
    reason: "the material does not say whether anything it lists has been discontinued",
  },
  {
    asks: askedBy(JOB_TERMS_ASKED),
    speaks: saidBy(JOB_TERMS_ASKED),
    reason: "the material says nothing about notice or probation periods",
  },
  {
    asks: (asking, message = asking) => CAREER_GAP.test(message) && EMPLOYERS_JUDGE.test(asking),
    speaks: saidBy(SPEAKS_OF_GAPS),
    reason: "the material says nothing about gaps in a career or in study",
  },
  {
    asks: askedBy(NEGOTIATION_ASKED),
    speaks: saidBy(SPEAKS_OF_NEGOTIATION),
    reason: "the material says nothing about negotiating with an employer",
  },
  {
    asks: askedBy(PORT_CHANGE_ASKED),
    speaks: setsPortOf,
    reason: "the material does not say how to run that on another port",
  },
  {
    asks: askedBy(INVESTING_ASKED),
    speaks: saidBy(SPEAKS_OF_INVESTING),
    reason: "the material says nothing about investing money",
  },
  {
    asks: askedBy(DATASET_ASKED),
    speaks: saidBy(NAMES_A_DATASET),
    reason: "the material names no particular dataset or competition to use",
  },
  {
    asks: (asking, message = asking) =>
      TRAVEL_PAPERS_ASKED.test(asking) ||
      (PAPERS_DETAIL.test(asking) && TRAVEL_PAPERS_ASKED.test(message)),
    speaks: saidBy(TRAVEL_PAPERS_ASKED),
    reason: "the material says nothing about visas, passports or immigration",
  },
  {
    asks: (asking, message = asking) =>
      EXAM_DETAILS_ASKED.test(asking) || (EXAM_DETAIL.test(asking) && NAMES_AN_EXAM.test(message)),
    speaks: saidBy(SPEAKS_OF_EXAM_DETAILS),
    reason: "the material does not say how certification exams are run",
  },
  {
    asks: askedBy(LINK_ASKED),
    speaks: saidBy(SPEAKS_OF_LINKS),
    reason: "the material gives no links",
  },
  {
    asks: askedBy(JOB_PROMISE_ASKED),
    speaks: saidBy(SPEAKS_OF_PROMISES),
    reason: "the material promises no job",
  },
  {
    asks: (asking, message = asking) => {
      const asked = PUBLICATION_ASKED.exec(asking)?.[0];
      if (asked === undefined) return false;
      if (NAMES_THE_MATERIAL.test(asked)) return true;
      return POINTS_AT_SOMETHING.test(asked) && !ANOTHER_WORK.test(message);
    },
    speaks: saidBy(SPEAKS_OF_PUBLICATION),
    reason: "the material does not say when it was written or by whom",
  },
];
