import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import { commonWordRank, isEverydayWord } from "../text/common-words.ts";
import { numberedReferences, referenceAgreement } from "../text/numbered-references.ts";
import {
  contentTerms,
  hasWord,
  QUESTION_META_WORDS,
  STOPWORDS,
  stem,
  wordsAsWritten,
} from "../text/terms.ts";
import {
  isAcknowledgement,
  withoutLeadingAcknowledgement,
} from "../understanding/acknowledgement.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { figureRequest } from "./figure-request.ts";
import { REFUSAL_OPENING } from "./refusal-text.ts";

/** "ok", "wait", "hmm", "acha": words that open a chat message and change nothing. */
export const OPENER =
  "(?:(?:ok(?:ay)?|so|wait|hmm+|hm|oh|ah+|um+|acha|achha|accha|right|no|sorry),?\\s+)*";
const WHAT_ABOUT = new RegExp(`^${OPENER}(?:and\\s+)?(?:(?:what|how) about|i meant?)\\b`, "i");
/**
 * "what about for deep learning then, is colab enough?": what follows "what about" is a setting
 * ("for …", "in …", "with …"), so what is asked of it was said before, whatever the message asks.
 */
const WHAT_ABOUT_SETTING = new RegExp(
  `^${OPENER}(?:and\\s+)?(?:what|how) about (?:for|in|with|when|at|on)\\b`,
  "i",
);
/**
 * "ok back to ml, whats the milestone for that step", "back to it -": the learner returns to the
 * topic before an aside; a pointer or no topic of its own then leans on that topic.
 */
export const BACK_TO_EARLIER =
  /\b(?:back to|returning to|coming back to) (?:it|that|ml|the (?:topic|question|roadmap|point|ml(?: stuff| part)?)|what we were|my (?:earlier |last |previous |original )?question|our)\b/i;
/**
 * "so how do i roll back then", "so with 10k examples how many steps is that": a message opening
 * on a bare "so" draws a consequence of the last answer. "ok so what salary can a fresher get"
 * acknowledges the answer and moves on, and "so far" or "so much" opens nothing.
 */
const LEADING_SO = /^\W*so\s+(?!far\b|much\b|many\b|that\b)/i;
const LEADING_CONJUNCTION = new RegExp(
  `^${OPENER}(and|also|plus|then|but|what if|vs\\.?|versus|or|compared (?:to|with))\\b|^${OPENER}(?:n|nd|&)\\s`,
  "i",
);
/** After a leading "and"/"also": a whole question of its own ("and what is the difference between…"). */
const WHOLE_QUESTION = new RegExp(
  `^${OPENER}(?:and|also|plus|but),?\\s+(?:what|which|how|why|when|where|who|is|are|do|does|can|should)\\b`,
  "i",
);
/**
 * "what's federated learning", "and what is a transformer": a thing defined, named for itself;
 * "and what is the milestone", "and what are its…" ask about the last thing.
 */
const DEFINES_A_THING = new RegExp(
  `^${OPENER}(?:(?:and|also|plus|but),?\\s+)?(?:what\\s+(?:is|are)|what's|whats)\\s+(?!(?:the|its|their|that|this|these|those|it|they|them|his|her)\\b)`,
  "i",
);
/**
 * "also which python version should i install", "and also how do i count missing values": "also"
 * adds a question of its own, where "and" may carry the last one on.
 */
const ALSO_ASKS = new RegExp(`^${OPENER}(?:and\\s+)?also,?\\s+`, "i");
/**
 * "ok new q:", "unrelated but", "different question", "switching topics", "on a side note", a
 * message opening with "btw", "separately,", "moving on,", "forget that" or "never mind": the
 * learner says the topic changes.
 */
const NEW_TOPIC =
  /\b(?:new|another|different|diff|unrelated|separate|random|other) (?:q|qn|ques|question|topic)\b|\bunrelated\b|\b(?:changing|switching) (?:the )?(?:topics?|gears)\b|\bon (?:another|a (?:separate|different|side)) note\b|^\W*(?:(?:ok|okay|oh|and|also|hmm)\W+)*(?:btw|by the way|separately\b|moving on\s*[,:;–—-]|(?:forget|leave) (?:about )?(?:that|it|this)\b|never ?mind\b|nvm\b)/i;
/** "how is GPT different", "which is faster": a comparison whose other side was said before. */
const OPEN_COMPARISON =
  /\b(?:different|differs?|better|worse|faster|slower|cheaper|easier|harder|similar)\s*[?.!]*$/i;
/** Words that weigh one thing against another ("which pays more", "which one is easier"). */
export const COMPARATIVE =
  "(?:more|less|better|worse|higher|lower|faster|slower|cheaper|easier|harder)";
/**
 * "which pays more in india", "which one is better for a fresher": which of two things said before,
 * compared, when the message names no choices of its own.
 */
const WHICH_COMPARED = new RegExp(
  `^${OPENER}(?:and\\s+|but\\s+|so\\s+)?which(?: one| of (?:them|the two|those|these))?\\s+(?:[\\p{L}']+\\s+)?${COMPARATIVE}\\b`,
  "iu",
);
/**
 * Where one clause of a message ends and the next begins: punctuation, or "and", "but", "so", "or"
 * before a question word, a verb or a pronoun ("what is dropout and why does it help"); not the
 * "and" of two names ("the Staging and Production stages in it").
 */
const CLAUSE_BREAK =
  /[,;?!:]\s*|\s+(?:and|but|so|or)\s+(?=(?:what|which|how|why|when|where|who|is|are|was|were|do|does|did|can|could|should|will|would|i|you|we|it|they|he|she)\b)/i;
/** Where a sentence of a message ends. */
const SENTENCE_END = /(?<=[?.!])\s+/;
/** "what stack", "which dataset?": what or which and one noun, no verb. */
const BARE_WHAT_THING = new RegExp(
  `^${OPENER}(?:and\\s+)?(?:what|which|wat)\\s+(?!(?:is|are|was|were|about|if|for|do|does|to)\\b)[\\p{L}-]+\\s*[?.!]*$`,
  "iu",
);
/** "y not vertex ai?": asks why the last answer did not pick something else. */
const WHY_NOT = new RegExp(`^${OPENER}(?:but\\s+)?(?:y|why) not\\b`, "i");
/** "why python tho?", "but why fastapi": a why-question short enough to lean on the last answer. */
const SHORT_WHY = new RegExp(`^${OPENER}(?:but\\s+|so\\s+|and\\s+)?(?:y|why)\\b`, "i");
const SHORT_WHY_WORDS = 6;
/** "that one", "this one", "the aws one": always the thing talked about before. */
const DEMONSTRATIVE_ONE = /^(?:this|that|the\b.*) one$/i;
/**
 * Words that ask for more of what was just discussed ("any alternatives?", "which topics?"): not
 * topics.
 */
export const MORE_OF_THE_SAME = new Set(
  "alternative alternatives option options other others similar instead example examples simpler simply simple detail details detailed elaborate briefly shorter topic topics".split(
    " ",
  ),
);
/** Pointers that name their choices in the same message ("which one, streamlit or flask?"). */
const CHOICE_POINTER = /^(?:which one|the one|either|both of them)$/i;
/** How a message names its choices: "streamlit or flask", "between X and Y", "X vs Y". */
const CHOICES_NAMED = /\b(?:or|vs\.?|versus|between)\b/i;
/** "roadmap overview", "summarise the article": a message about the material itself. */
export const NAMES_THE_MATERIAL = /\b(?:roadmap|article|tutorials?|guide)\b/i;
/**
 * "what should my first project be then?", "thats fine then right?": a trailing "then", or one
 * before a tag question, carries the conversation on.
 */
const TRAILING_THEN =
  /\bthen(?:,?\s+(?:right|na|no|yeah|yes|ok(?:ay)?|correct|isn'?t it|is(?:n'?t)? it|yaar))?\s*[?.!]*$/i;
/**
 * "where do i load the model then, inside the handler", "what do i use to schedule the nightly job
 * then, airflow?? cron??": a "then" closing the first clause carries the conversation on.
 */
const CLAUSE_THEN = /\bthen\s*(?:,|\?+)\s*\S/i;
/**
 * "whats the ideal batch size then for my 8gb gpu": "then" after what is asked, before the
 * learner's own case, carries the conversation on.
 */
const THEN_FOR_MINE = /\bthen\s+(?:for|in|on|with)\s+(?:my|me|our)\b/i;
/** "does the loc version work on older pandas too": a closing "too" adds to what was just said. */
const TRAILING_TOO = /\b(?:too|as well)\s*[?.!]*$/i;
/** "when would i fine tune instead": a closing "instead" sets it against what was just said. */
const TRAILING_INSTEAD = /\binstead\s*[?.!]*$/i;
/**
 * "for the docker part", "why the python -m part?", "the fine tuning part": a part of what was
 * just said, named by its words.
 */
const THE_PART = /\bthe ((?:[\p{L}\d_.=-]+ ){1,3})part\b/iu;
/** "why percentiles and not just the avg": a why that weighs the last answer against another. */
const WHY_AND_NOT = new RegExp(`^${OPENER}(?:y|why) (?:\\S+ ){1,3}(?:and|but) not\\b`, "i");
/**
 * "any numbers for dubai specifically?", "for the calculus part specifically, what topics": a
 * place, thing or part narrowed down, of what was just asked (asked first, of nothing).
 */
const NARROWED =
  /\b(?:for|in|at|about|on|with) (?:[\p{L}\d-]+ ){1,3}(?:specifically|in particular)\b/iu;
/** "… to aim for tho?": a closing "though" sets the message against what was just said. */
const TRAILING_THOUGH = /\b(?:tho+|though)\s*[?.!]*$/i;
/**
 * "y tho?? isnt tf what everyone uses", "y the python -m pip thing tho, plain pip works fine": an
 * opening "why … though" asks the last answer's reason.
 */
const LEADING_WHY_THOUGH =
  /^\W*(?:(?:ok|okay|but|hmm+|so)\W+)?(?:why+|y)\b[^,.?!;]{0,60}?\b(?:tho+|though)\b/i;
/**
 * "how do i create one", "where can i get one", "tools for building one": "one" as the object of a
 * verb stands for a thing.
 */
export const ONE_AFTER_VERB =
  "(?<=\\b(?:create|make|get|buy|build|use|need|pick|choose|find|install|start|train|deploy|learn|evaluate|test|tune|host|creating|making|getting|buying|building|using|picking|choosing|finding|installing|starting|training|deploying|learning|evaluating|testing|tuning|hosting) )one";
/**
 * "how many competitions should I finish there", "what operator do i use there": a place said
 * before; not "is there", "there are", "out there".
 */
const PLACE_THERE =
  "(?<!\\b(?:is|are|was|were|be|been|out|hi|hey)\\s+)there(?!\\s*(?:is|are|was|were|be|will|would|'s|’s|any|exists?)\\b)";
/**
 * "aws one costs how much?", "rag one takes how much time": a message that opens with a word and
 * "one", the article of "the aws one" dropped.
 */
const OPENING_ONE = /^\W*(?:(?:ok|okay|so|and|but)\W+)?([\p{L}\d-]+) one\b/iu;
/** Words that point back at something said before ("use cases for each?", "use there"). */
const REFERENCE = new RegExp(
  `\\b((?:this|that) one|it|its|they|them|their|this|that|these|those|same|the (?:[\\p{L}\\d-]+ ){0,2}one|the (?:former|latter)|(?:the|which|those|these) (?:[\\p{L}\\d-]+ ){0,2}ones|which one|the two|both of them|each one|each of them|all of them|either|above|${ONE_AFTER_VERB}|(?<=\\b(?:for|of|about|with|in) )(?:each|both)(?=\\s*[?.!]*$)|${PLACE_THERE})\\b`,
  "iu",
);
/**
 * "how does q-learning update its q-values", "do Transformers use … their hidden layers": an
 * auxiliary, then its subject, then a verb; a possessive later in that clause is the subject's.
 */
const SUBJECT_BEFORE_POSSESSIVE =
  /\b(?:do|does|did|can|could|will|would|should)\s+(?!(?:i|you|u|we|they|it|he|she|ppl|people|one|everyone|anyone|someone)\b)([\p{L}\d.-]+(?:\s+[\p{L}\d.-]+){0,2})\s+[\p{L}-]+\b[^,;?!.:]*$/iu;
/** "that .venv folder", "that one file": after "that", a thing it points at. */
const POINTED_THING =
  /^\s+(?:\S+\s+)?(?:folder|file|model|project|dataset|data|library|tool|course|step|error|command|notebook|repo|package|app|certification|cert|book|video|link|table|column|chart|plot|metric|role|job|stage|version|container|image|endpoint|api|service|pipeline|script)s?\b/i;
/** "bias variance tradeoff what is it", "canary release - explain it": a thing, then "what is it". */
const THING_THEN_WHAT_IS_IT =
  /^(.+?)[\s,:;-]+(?:so\s+)?(?:what(?:'s|s| is| are)|wat is|explain|define)\s+(?:it|that|this|they|them)\s*[?.!]*$/i;
/**
 * "ok and mobilenet, what's that designed for?": a thing, then a question whose subject points
 * at it.
 */
const THING_THEN_ASKS_OF_IT =
  /^(.+?)[,:;–—-]+\s*(?:so\s+)?(?:what|how|why|when|where|which)(?:'s|s| is| are| does| do| did| can| would)?\s+(?:it|that|this|they)\b/i;
/** "NLP engineer salary in india how much it is?": a thing, then asked of it in spoken order. */
const THING_THEN_HOW_MUCH_IT_IS =
  /^(.+?)[\s,:;–—-]+(?:how much|how long|how many \w+|what)\s+(?:it|they)\s+(?:is|are|will be|costs?|takes?)\s*[?.!]*$/i;

/** "like u said", "the tools you mentioned": the message points at the last answer itself. */
const YOU_SAID =
  /\b(?:like|as) (?:you|u) (?:just )?(?:said|mentioned|suggested|told|explained|wrote)\b|\b(?:you|u) (?:just )?(?:said|mentioned|told me)\b/i;
/** "why do trees do better there?": a place said before; not "are there?". */
const THERE_BACK = /(?<!\b(?:is|are|was|were|be|been)\s+)\bthere\s*[?.!]*$/i;
/** Every such word of a message, in order. */
const REFERENCES = new RegExp(REFERENCE.source, "giu");
/**
 * "this roadmap", "this full roadmap", "this 12-month roadmap", "that year", "these days", "this
 * weekend": a determiner before a noun that is itself clear.
 */
const SELF_CONTAINED_DETERMINER =
  /\b(this|that|these) (?:(?:full|whole|entire|complete|same|current|particular|\d+[-–]?\w*) )?(roadmap|article|guide|tutorial|course|year|field|domain|industry|market|point|age|days|weekend|week|month|morning|evening|semester|summer|winter)\b/gi;
/**
 * "is it worth learning ML in 2026", "how long does it take to learn Python", "is it true pandas 3
 * broke chained assignment": an "it" that anticipates what follows, not one that points back.
 */
const ANTICIPATORY_IT =
  /\b(?:is|was|'s|isn't|would|will|does|do|did) it (?:still |really |even |actually |too )?(?:worth|possible|true|hard|easy|difficult|enough|necessary|okay|ok|fine|late|good|better|best|important|required|needed|mandatory|realistic|feasible|normal|common|useful|take|cost|make sense)\b[^?]*\b(?:to|learning|doing|getting|for|if|in)\b|\b(?:is|was|'s|isn't) it (?:really |actually )?true(?: that)? (?=\w+ \w+)/i;
/** The refusal reason for a first message that points back at nothing ("is it free?"). */
export const UNANCHORED_REASON =
  "it points back at something not asked about here: name the tool or topic you mean";
/** "can it…", "does it…", "how do they…": a pronoun that is the subject of the opening clause. */
const LEADING_PRONOUN = new RegExp(
  `^${OPENER}(?:but\\s+|so\\s+)?(?:(?:can|could|does|do|did|is|are|will|would|should|how|why|when|where|what)\\s+(?:else\\s+)?(?:do(?:es)?\\s+)?)?(?:it|they)\\b`,
  "i",
);
/** "a good first project for someone like me": the learner's situation, told before. */
const LIKE_ME =
  /\b(?:someone|somebody|people|ppl|a person|person) like me\b|\bin my (?:case|situation|position)\b/i;
/** "best first project for me?": a short question closing on the learner. */
const FOR_ME = /^(?:\S+\s+){0,6}for me\s*[?.!]*$/i;
/** "I'm a software engineer…", "i have 2 yrs in java…": a question telling the learner's situation. */
const TOLD_A_SITUATION = /\b(?:i'm|i am|im|i have|i've|ive|i work|i know|my background)\b/i;
/** A message this short whose topic words were all said in the last exchange carries it on. */
const SAID_BEFORE_WORDS = 12;
/** Most topic words the last exchange did not say that a message pointing back with "the" names. */
const MAX_NEW_TOPICS = 1;
/** A message this short with no topic word asks about something said before ("how long?"). */
const SHORT_MESSAGE_WORDS = 3;
/** A message this long carries its own context: its pronouns point inside it. */
const SELF_CONTAINED_WORDS = 16;
/** A word in more than this share of the chunks names no topic of its own ("model", "data"). */
const DISTINCTIVE_SHARE = 0.1;
/**
 * The IDF-weighted share of a message's topic words a chunk of the last question's topic must
 * hold for the message to carry that topic on.
 */
const CONTINUED_COVERAGE = 0.6;
/** Words among the most frequent in spoken English say little about a topic. */
export const VERY_COMMON_RANK = 1500;

/**
 * Decides whether a chat message depends on the conversation before it: it asks "what about …"
 * ("what about for deep learning then, is colab enough?"), comes "back to" the topic before an
 * aside with a pointer ("ok back to ml, whats the milestone for that step"), opens with "and…",
 * "vs…" or "what if…", ends with "then?", "instead" or an open comparison ("how
 * is GPT different"), closes with "tho" ("what rmse should i aim for tho"), asks for a thing with no
 * verb ("what stack", "which dataset?"), points back with a
 * pronoun ("is it free?", "which one pays more?", "the aws one", "which pretrained ones"),
 * names the learner's situation told before ("for someone like me") or no topic of its own
 * ("how long?"), or, short and naming no tool, only topic words the last exchange (`previous`:
 * the last question and its answer) said ("what happens if the request is missing a field"), or
 * asks a setting, count or share of nothing it names ("what patience value should i set"), or,
 * made of everyday words, is found best under the heading of the last question's topic ("when r
 * 2 shapes compatible" after broadcasting), or names a part of the last exchange ("for the docker
 * part"). A long message (16 words or more) with a topic carries its own context, unless
 * it opens with a pronoun ("can it log stuff automatically for sklearn or …") or its first sentence
 * points back and names no topic ("how do i know im ready to move on from it? i tend to rush
 * things"), or a pointer comes before its first topic word ("ok so how many of those steps in one
 * epoch if i have 10k samples …"). "The" before a thing the last exchange named points back at it
 * ("since when were the stages deprecated"). A message with a topic of its own and no pointer back ("what does
 * dropout do", "what is SHAP and why does it matter", "and what is the difference between AI and
 * ML?"), or one that says the topic changes ("ok new q: …"), stands alone, even when it follows
 * an unrelated question.
 * Deterministic; measured on the learner-conversations set (see eval/README.md).
 */
export class FollowUpDetector {
  private readonly lexicon: EntityLexicon;
  private readonly statistics: CorpusStatistics;

  constructor(lexicon: EntityLexicon, statistics: CorpusStatistics) {
    this.lexicon = lexicon;
    this.statistics = statistics;
  }

  /**
   * @param message the message as understood (filler dropped, abbreviations expanded).
   * @param said the message as typed, when it differs: "unrelated but …" and "ok new q: …" are
   *   dropped as filler from the understood message, but still say the topic changes.
   * @param previous the last question of the conversation and the replies after it.
   */
  dependsOnHistory(message: string, said: string = message, previous = ""): boolean {
    // "ok", "thanks!": a reply to the last answer, not a question about its topic; "???" or "🤔"
    // has no words to carry a topic over to.
    if (isAcknowledgement(message) || isAcknowledgement(said) || !hasWord(message)) return false;
    // "got it. what does the roadmap mean by edge ML?": what follows the thanks is the message.
    const text = withoutLeadingAcknowledgement(message.trim());
    const topics = this.topicWords(text);
    // The last question alone, the exchange's first line, without its answer.
    const lastQuestion = previous.split("\n")[0] ?? "";
    // The stemmed words of the last exchange, worked out once, when a test needs them.
    let previousTerms: ReadonlySet<string> | undefined;
    const exchangeTerms = () => {
      previousTerms ??= new Set(contentTerms(previous));
      return previousTerms;
    };
    // The stemmed words of the last question, likewise.
    let askedTerms: ReadonlySet<string> | undefined;
    const lastQuestionTerms = () => {
      askedTerms ??= new Set(contentTerms(lastQuestion));
      return askedTerms;
    };
    // The stemmed topic words of the message, likewise.
    let ownTerms: ReadonlySet<string> | undefined;
    const topicTerms = () => {
      ownTerms ??= new Set(contentTerms(topics.join(" ")));
      return ownTerms;
    };
    // "ok new q: what is dropout": the learner says so; so does "different question - what does
    // if __name__ == "__main__": do", whose code holds no topic word, unless it points back.
    if (
      (NEW_TOPIC.test(text) || NEW_TOPIC.test(said)) &&
      (topics.length > 0 || this.pointerBack(text, 0) === undefined)
    ) {
      return false;
    }
    // "ok so for the docker part why does my server need 0.0.0.0": a part of the last exchange.
    const part = THE_PART.exec(text)?.[1];
    if (part !== undefined && previous !== "") {
      const partTerms = contentTerms(part);
      if (partTerms.length > 0 && partTerms.every((term) => exchangeTerms().has(term))) return true;
    }
    // "and fine tuning, when is that useful instead?" weighs a thing against the last one.
    if (TRAILING_INSTEAD.test(text) && previous !== "") return true;
    if (WHY_AND_NOT.test(text)) return true;
    // "what is blue green" after "shadow vs canary": it names a row of its own, in common words.
    const defined = DEFINES_A_THING.exec(text);
    if (
      defined !== null &&
      this.lexicon.isLooseRowHead(text.slice(defined[0].length).replace(/[?!.\s]+$/, ""))
    ) {
      return false;
    }
    // "bias varience tradeoff wat is it": a thing named, then asked what it is, stands alone.
    // "ok and mobilenet, what's that designed for?" and "NLP engineer salary how much it is"
    // likewise; "what about django, when is that used" weighs it against what was just talked
    // about (below).
    const named =
      THING_THEN_WHAT_IS_IT.exec(text)?.[1] ??
      (WHAT_ABOUT.test(text)
        ? undefined
        : (THING_THEN_ASKS_OF_IT.exec(text)?.[1] ?? THING_THEN_HOW_MUCH_IT_IS.exec(text)?.[1]));
    if (
      named !== undefined &&
      this.topicWords(named).length > 0 &&
      this.pointerBack(named, 0) === undefined
    ) {
      return false;
    }
    // "no wait i meant what tools does the mlops tutorial cover" asks its whole question again.
    // "what about django, when would i use that" after "streamlit or fastapi?" names a thing and
    // asks of it, but weighs it against what was just talked about: it carries the topic on.
    // "what about the bias-variance tradeoff, what is it?" names its thing and asks what it is.
    const meantWholeQuestion =
      /\bi meant?\s+(?:what|which|how|why|when|where|who|is|are|do|does|can|should)\b/i.test(text);
    const asksWhatItIs =
      /,\s*(?:what(?:'s|s| is| are)\s+(?:it|that|this|they)\s*[?.!]*$|(?:(?:can|could) (?:u|you) |pls |please )?(?:explain|tell me about|define)\b)/i.test(
        text,
      );
    if (
      WHAT_ABOUT.test(text) &&
      (WHAT_ABOUT_SETTING.test(text) || (!meantWholeQuestion && !asksWhatItIs))
    ) {
      return true;
    }
    // "aws one costs how much?" points back like "the aws one"; "last one, what does dropout do"
    // and "suggest one good book" open with an everyday word, not a thing's name.
    const openingOne = OPENING_ONE.exec(text)?.[1];
    if (openingOne !== undefined && !isEverydayWord(openingOne)) return true;
    // "ok back to ml, whats the milestone for that step" points back past the aside; "ok back to
    // ml. what tools do ppl use to build rag stuff" asks a question of its own.
    const backTo = BACK_TO_EARLIER.exec(text) ?? BACK_TO_EARLIER.exec(said);
    if (backTo !== null) {
      const rest = backTo.input.slice(backTo.index + backTo[0].length);
      const restTopics = this.topicWords(rest);
      if (restTopics.length === 0 || this.pointerBack(rest, restTopics.length) !== undefined) {
        return true;
      }
    }
    // "and what is the difference between AI, ML and DL?": a whole question with its own topics.
    const namesTool = this.lexicon.find(text).length > 0;
    const pointer = this.pointerBack(text, topics.length);
    const wholeQuestion =
      WHOLE_QUESTION.test(text) &&
      (topics.length >= 3 ||
        namesTool ||
        ((DEFINES_A_THING.test(text) || ALSO_ASKS.test(text)) && topics.length > 0)) &&
      pointer === undefined;
    // "whats a good rmse value to aim for tho": a closing "though" answers back to the last turn
    // (the understood message has dropped it as filler; the message as typed keeps it).
    if (TRAILING_THOUGH.test(said) || TRAILING_THOUGH.test(text) || LEADING_WHY_THOUGH.test(said)) {
      return true;
    }
    if (
      (LEADING_CONJUNCTION.test(text) && !wholeQuestion) ||
      TRAILING_THEN.test(text) ||
      CLAUSE_THEN.test(text) ||
      THEN_FOR_MINE.test(text) ||
      TRAILING_TOO.test(text) ||
      TRAILING_INSTEAD.test(text) ||
      YOU_SAID.test(text) ||
      (previous !== "" && NARROWED.test(text))
    ) {
      return true;
    }
    if (LEADING_SO.test(said) && !wholeQuestion) return true;
    if (OPEN_COMPARISON.test(text) && topics.length <= 1) return true;
    if (WHICH_COMPARED.test(text) && !CHOICES_NAMED.test(text)) return true;
    if (WHY_NOT.test(text)) return true;
    // "what stack", "which dataset?": a thing asked with no verb, of what was just talked about.
    if (BARE_WHAT_THING.test(text)) return true;
    // "why python tho?" after "is R good for ML?", "why fastapi for the real ones?": a short why
    // asks the reason for the last answer.
    if (SHORT_WHY.test(text) && wordsAsWritten(text).length <= SHORT_WHY_WORDS) return true;
    // "can it log stuff automatically for sklearn or do i have to write every log call": a
    // pronoun in the opening words, before any topic, is what the message is about.
    if (pointer !== undefined && /^(?:it|they)$/i.test(pointer) && LEADING_PRONOUN.test(text)) {
      return true;
    }
    if (
      wordsAsWritten(text).length >= SELF_CONTAINED_WORDS &&
      topics.length > 0 &&
      !this.opensPointingBack(text, topics)
    ) {
      return false;
    }
    if (pointer !== undefined || THERE_BACK.test(text) || LIKE_ME.test(text)) return true;
    // "best first project for me?" after "I'm a software engineer, how long…": the situation told.
    if (FOR_ME.test(text) && TOLD_A_SITUATION.test(lastQuestion)) return true;
    // "what happens if the request is missing a field" after FastAPI: a short message that names
    // no tool and whose topic words were all just said carries that conversation on, unless it
    // names a rare thing only the last answer mentioned ("how many free gpu hours does colab give").
    // "what's the milestone for step 6" after an answer about Step 4 names a place of its own.
    const placeOfItsOwn = namesAnotherPlace(text, previous);
    if (
      previous !== "" &&
      topics.length > 0 &&
      wordsAsWritten(text).length <= SAID_BEFORE_WORDS &&
      !namesTool &&
      !placeOfItsOwn
    ) {
      if (
        [...topicTerms()].every((term) => exchangeTerms().has(term)) &&
        !this.namesANewThing(topics, lastQuestionTerms())
      ) {
        return true;
      }
    }
    // "since when were the stages deprecated" after the MLflow registry's stages: "the" before a
    // thing the last exchange named points at it.
    if (
      previous !== "" &&
      !namesTool &&
      !placeOfItsOwn &&
      wordsAsWritten(text).length <= SAID_BEFORE_WORDS &&
      this.definiteThingSaid(text, topicTerms(), exchangeTerms())
    ) {
      return true;
    }
    // "when r 2 shapes compatible" after "explain broadcasting in numpy": the message's words are
    // found together best where the last question's topic is. Not after a refusal: "ok tell me
    // the projects for resume" after a refused Scaler question asks its own question.
    const refused = previous.split("\n").slice(1).join("\n").includes(REFUSAL_OPENING);
    if (
      previous !== "" &&
      !refused &&
      topics.length > 0 &&
      !DEFINES_A_THING.test(text) &&
      !namesTool &&
      !placeOfItsOwn &&
      topics.every((word) => commonWordRank(word) !== undefined) &&
      this.continuesTopic(topicTerms(), lastQuestion)
    ) {
      return true;
    }
    // "what patience value should i set, 5? 10?" after "what is early stopping": a setting, count
    // or share asked for nothing the last question did not name is asked of what was just talked
    // about ("how many parameters does bert base have" names BERT, which only the answer said).
    const figure = previous === "" ? undefined : figureRequest(text);
    if (
      figure !== undefined &&
      ["setting", "count", "share"].includes(figure.type) &&
      wordsAsWritten(text).length <= SAID_BEFORE_WORDS &&
      !namesTool &&
      !this.namesANewThing(topics, lastQuestionTerms())
    ) {
      return true;
    }
    // "how long is step 4" names its own step, whatever month was asked about before; "roadmap
    // overview" is about the material itself.
    // "what do i do in week 2": only a staged plan of some tutorial has weeks, so a week is the
    // week of the plan talked about.
    const ownPlaces = numberedReferences(text).filter((reference) => reference.noun !== "week");
    return topics.length === 0 && ownPlaces.length === 0 && !NAMES_THE_MATERIAL.test(text);
  }

  /**
   * Whether a message points back at a conversation and names nothing itself ("is it free?",
   * "which one pays more", "how long?"): asked first, there is nothing it can be about. A step or
   * month it names ("month 5??") is a topic, and a longer message without a pointer back may be
   * made of common words only ("which year did the attention is all you need paper come out").
   * A message of 16 words or more says enough for its pronouns to point inside it ("how does a
   * program sort shoppers into bunches when nobody tells it what the bunches should be").
   */
  pointsNowhere(message: string): boolean {
    const text = message.trim();
    if (wordsAsWritten(text).length >= SELF_CONTAINED_WORDS) return false;
    if (!this.dependsOnHistory(text) || numberedReferences(text).length > 0) return false;
    const topics = this.topicWords(text);
    return (
      topics.length === 0 &&
      (wordsAsWritten(text).length <= SHORT_MESSAGE_WORDS ||
        this.pointerBack(text, topics.length) !== undefined)
    );
  }

  /**
   * The first word that points back at the conversation ("is it free?", "which one pays more?"),
   * if any; `topicCount` is how many topic words the message names. A pronoun after a topic the
   * message names itself points inside it ("what is dropout and why does it help", "is kaggle
   * worth it"), as does a possessive after its clause's subject ("how does q-learning update its
   * q-values"), and "which one" with its choices named ("which one, streamlit or flask?") needs
   * nothing from before.
   */
  private pointerBack(text: string, topicCount: number): string | undefined {
    const withoutClearDeterminers = text
      .replace(SELF_CONTAINED_DETERMINER, " ")
      .replace(ANTICIPATORY_IT, " ");
    for (const pointer of withoutClearDeterminers.matchAll(REFERENCES)) {
      if (DEMONSTRATIVE_ONE.test(pointer[0])) return pointer[0];
      const before = withoutClearDeterminers.slice(0, pointer.index);
      // The clauses before this one ("what is dropout", then "why does it help").
      const earlierClauses = before.split(CLAUSE_BREAK).slice(0, -1).join(" ");
      if (this.topicWords(earlierClauses).length > 0) continue;
      if (CHOICE_POINTER.test(pointer[0]) && topicCount >= 2 && CHOICES_NAMED.test(text)) continue;
      // "a pandas merge that suddenly has more rows": "that" right after a topic word opens a
      // relative clause about it; after a verb ("hosting that on aws") it is the verb's object.
      const wordBefore = before.trim().split(/\s+/).at(-1) ?? "";
      // "do i commit that .venv folder": "that" before a thing's noun points at that thing.
      const after = withoutClearDeterminers.slice((pointer.index ?? 0) + pointer[0].length);
      if (
        /^that$/i.test(pointer[0]) &&
        !/ing$/i.test(wordBefore) &&
        !POINTED_THING.test(after) &&
        this.topicWords(wordBefore).length > 0
      ) {
        continue;
      }
      // "can DVC use google drive as its remote storage": the possessive is the subject's.
      const subject = /^(?:its|their)$/i.test(pointer[0])
        ? SUBJECT_BEFORE_POSSESSIVE.exec(before)?.[1]
        : undefined;
      if (subject !== undefined && this.topicWords(subject).length > 0) continue;
      // "is kaggle worth it": the thing is named before "worth it" in the same clause.
      if (/\bworth\s+$/i.test(before) && this.topicWords(before).length > 0) continue;
      return pointer[0];
    }
    return undefined;
  }

  /**
   * Whether the first sentence of a message points back and names no topic ("how do i know im
   * ready to move on from it? i tend to rush things"), or a pointer other than a story's opening
   * "this" comes before its first topic word: what the learner adds after it is about them, not
   * the thing asked about. `topics` are the message's topic words.
   */
  private opensPointingBack(text: string, topics: string[]): boolean {
    const first = text.split(SENTENCE_END)[0] ?? "";
    if (this.topicWords(first).length === 0 && this.pointerBack(first, 0) !== undefined) {
      return true;
    }
    // "ok so how many of those steps in one epoch if i have 10k samples …": a pointer before the
    // message's first topic word.
    const topic = topics[0];
    const at = topic === undefined ? -1 : text.toLowerCase().indexOf(topic.toLowerCase());
    const opening = at > 0 ? text.slice(0, at) : "";
    const pointer = this.pointerBack(opening, 0);
    return pointer !== undefined && !/^this$/i.test(pointer);
  }

  /**
   * Whether the topic words of a message (`topicTerms`, stemmed) are found together best in a chunk
   * that also holds a distinctive word of the last question (`lastQuestion`) that the message does
   * not repeat: the
   * message asks about a detail of that topic ("how do i promote a new version to prod" after
   * "what does the MLflow model registry do").
   */
  private continuesTopic(topicTerms: ReadonlySet<string>, lastQuestion: string): boolean {
    const asked = [...topicTerms];
    const limit = DISTINCTIVE_SHARE * this.statistics.chunkCount;
    const before = contentTerms(lastQuestion).filter(
      (term) =>
        !asked.includes(term) &&
        this.statistics.has(term) &&
        this.statistics.documentFrequency(term) <= limit,
    );
    const weight = asked.reduce((sum, term) => sum + this.statistics.idf(term), 0);
    if (before.length === 0 || weight === 0) return false;
    let best = 0;
    let bestOnTopic = 0;
    for (const { terms, sectionTerms } of this.statistics.chunkTerms()) {
      const held = asked.filter((term) => terms.has(term));
      const coverage = held.reduce((sum, term) => sum + this.statistics.idf(term), 0) / weight;
      best = Math.max(best, coverage);
      if (before.some((term) => sectionTerms.has(term))) {
        bestOnTopic = Math.max(bestOnTopic, coverage);
      }
    }
    return bestOnTopic >= CONTINUED_COVERAGE && bestOnTopic >= best;
  }

  /**
   * Whether "the" stands before a topic word of the message (`topics`, stemmed) that the last
   * exchange said (`said`, its stemmed words): "the stages" after an answer about the registry's
   * stages.
   */
  private definiteThingSaid(
    text: string,
    topics: ReadonlySet<string>,
    said: ReadonlySet<string>,
  ): boolean {
    // "what's the salary range for NLP engineers in india" names things of its own.
    if ([...topics].filter((term) => !said.has(term)).length > MAX_NEW_TOPICS) return false;
    return [...text.matchAll(/\bthe\s+([\p{L}-]+)/giu)].some((match) => {
      const term = contentTerms(match[1] ?? "")[0];
      return term !== undefined && topics.has(term) && said.has(term);
    });
  }

  /**
   * Whether a topic word is a name no everyday English has ("resnet", "bert") that the last
   * exchange did not say (`said`, its stemmed words): "how many parameters does bert base have"
   * asks of it.
   */
  private namesANewThing(topics: string[], said: ReadonlySet<string>): boolean {
    return topics.some(
      (word) => commonWordRank(word) === undefined && !said.has(stem(word.toLowerCase())),
    );
  }

  /**
   * Words that name a topic: a tool the corpus tables name, a corpus word that is not among the
   * most common English words, or a word the corpus does not know at all (a new topic).
   */
  topicWords(text: string): string[] {
    const named = this.lexicon.find(text);
    if (named.length > 0) return named.map((entry) => entry.name);
    return wordsAsWritten(text).filter((word) => {
      const lower = word.toLowerCase();
      if (STOPWORDS.has(lower) || QUESTION_META_WORDS.has(lower) || lower.length < 2) return false;
      if (/^\d/.test(lower) || MORE_OF_THE_SAME.has(lower)) return false;
      const rank = commonWordRank(word);
      if (rank !== undefined && rank < VERY_COMMON_RANK) return false;
      return this.statistics.has(stem(lower)) || rank === undefined;
    });
  }
}

/**
 * Whether a message names a step or month the last exchange does not ("the milestone for step 6"
 * after "Step 4, Months 6–8 …"). A week is the week of the plan talked about, so it names none.
 */
function namesAnotherPlace(message: string, previous: string): boolean {
  const said = numberedReferences(previous);
  return numberedReferences(message)
    .filter((reference) => reference.noun !== "week")
    .some((reference) => referenceAgreement([reference], said) !== "agrees");
}
