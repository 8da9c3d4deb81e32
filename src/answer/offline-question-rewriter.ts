import type { CoordinatedWords } from "../retrieval/coordinated-words.ts";
import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import type { RowHeads } from "../retrieval/row-heads.ts";
import { commonWordRank } from "../text/common-words.ts";
import { comparedSides } from "../text/compared-sides.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import {
  contentTerms,
  QUESTION_META_WORDS,
  STOPWORDS,
  stem,
  withoutAnswerStyle,
  words,
  wordsAsWritten,
} from "../text/terms.ts";
import { withoutLeadingAcknowledgement } from "../understanding/acknowledgement.ts";
import { learnerLexicon } from "../understanding/learner-lexicon.ts";
import { tagWords } from "../understanding/part-of-speech.ts";
import { questionFocus } from "../understanding/question-focus.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { figureRequest } from "./figure-request.ts";
import {
  BACK_TO_EARLIER,
  COMPARATIVE,
  FollowUpDetector,
  MORE_OF_THE_SAME,
  NAMES_THE_MATERIAL,
  ONE_AFTER_VERB,
  OPENER,
  VERY_COMMON_RANK,
} from "./follow-up-detector.ts";
import { itemAt, ledRow, listedItems, ordinalReference } from "./ordinal-reference.ts";
import {
  type ChatTurn,
  carriedTopic,
  lastExchange,
  lastUserTurn,
  type QuestionRewriter,
} from "./question-rewriter.ts";

/** "what about LightGBM?", "i meant mlflow": the previous question about another thing. */
const WHAT_ABOUT = new RegExp(
  `^${OPENER}(?:and\\s+)?(?:(?:what|how) about|i meant?) (.+?)[?.!]*$`,
  "i",
);
/** "and shadow deployment?", "also LightGBM?": the same question about another named thing. */
const AND_NAMED = new RegExp(
  `^${OPENER}(?:and|also|plus|what about|how about)\\s+(?:(?:for|with|in)\\s+)?(.+?)[?.!]*$`,
  "i",
);
/**
 * "it", but not the "it" of "how long does it take to learn ml" or "is it ok to retrain daily",
 * which points at what follows: "how long does it take", "… take to build" or "is it hard to
 * pass" alone asks of the last thing.
 */
const IT =
  "it(?! (?:usually |really |actually )?(?:take|takes|cost|costs)\\s+(?:\\S+\\s+){0,3}?to\\s+\\S+\\s+\\S)" +
  "(?! (?:still |really |even |actually |too )?(?:fine|ok|okay|alright|worth|possible|necessary|safe|better|bad|wrong|normal|enough|required|mandatory|important|hard|easy|realistic|smart|wise) (?:for \\S+ |\\S+ )?to\\s+[\\w'-]+\\s+\\w)";
/**
 * "that", but not the "that" opening a relative clause: "a paper that showed this", "a published
 * study that supports this", "anything else that shouldn't end up in the image".
 */
const THAT =
  "that(?<!\\b(?:a|an|any|some|the|only)\\s+(?:[\\w-]+\\s+){1,3}that)(?<!\\b(?:anything|something|everything|nothing)(?:\\s+else)?\\s+that)";
/**
 * "they", but not the authors of "the first project they suggest" or of a study ("the accuracy gap
 * they found").
 */
const THEY =
  "they(?! (?:suggest|recommend|say|said|mention|advise|found|find|show|report|measur|test|conclud|stud)\\w*)";
const PRONOUN = new RegExp(`\\b(${IT}|its|${THEY}|them|their|this|${THAT}|these|those)\\b`, "i");
/** The pronoun a rewrite replaces with the thing it stands for ("that one", "it"). */
const PRONOUN_AFTER = new RegExp(
  `\\b(?:this|that) one\\b|\\b(?:${IT}|${THEY}|them|this|${THAT}|these|those)\\b`,
  "i",
);
/**
 * "and fine tuning, when is that useful instead?", "ok mobilenet - what's it for": a thing named,
 * then asked of with a pointer.
 */
const NAMED_THEN_ASKED =
  /^(?:(?:and|also|ok|okay|so|but)\s+)*([^,;:–—]+?)(?:\s*[,;:–—]+|\s+-+)\s*(?:so\s+)?(?:what|which|how|why|when|where)(?:'s|s| is| are| does| do| did| can| would)?\s+(?:it|that|this)\b/i;
/** A question word of the message's own: it asks something, not only names a thing. */
const OWN_QUESTION_WORD = /\b(?:what|which|how|when|where|why|who)\b/i;
/** "is there a paper that showed this", "any study backing that up": the source of a claim. */
const SOURCE_OF_CLAIM =
  /\b(?:papers?|study|studies|research|benchmark|source|proof|evidence|citation)\b[^?.!]{0,30}\b(?:this|that|it)\b|\b(?:this|that|it)\b[^?.!]{0,20}\b(?:from|in|backed by|proven by)\b[^?.!]{0,10}\b(?:papers?|study|studies|research)\b/i;
/** A pronoun that stands for a thing on its own, never before a noun it names. */
const PERSONAL_PRONOUN = new RegExp(`\\b(?:${IT}|${THEY}|them)\\b`, "i");
/** "its answers", "their salary": a possessive pronoun. */
const POSSESSIVE = /\b(?:its|their)\b/i;
/** A word that stands for a thing named before: a pronoun, or "one" after a verb ("build one"). */
const POINTER = new RegExp(`${PRONOUN_AFTER.source}|${ONE_AFTER_VERB}\\b`, "i");
/**
 * "the two", "both", "which one pays more", "which pays more": the things of the last two
 * questions (a choice between them, when "which" compares).
 */
const BOTH = new RegExp(
  `\\b(?:the two|these two|those two|the 2|both(?: of them)?)\\b|\\bwhich (?:one|of them|of the two)\\b.*\\b${COMPARATIVE}\\b|\\bwhich (?:[\\p{L}']+\\s+)?${COMPARATIVE}\\b`,
  "iu",
);
/** "does it have", "its gates": a singular pointer, so "they" in the message is something else. */
const SINGULAR_IT = /\b(?:it|its)\b/i;
/** "how are they pre-trained", "what are those used for": a plural pointer, standing alone. */
const THEY_BOTH = /\b(?:they|them|these|those)\b(?!\s+(?:\d|[\p{L}-]+s\b))/iu;
/** "use cases for each", "each one's downside": something asked of each thing named before. */
const EACH = /\beach(?: one| of them)?\b(?!\s+(?:day|week|month|year|step|time)\b)/i;
/**
 * "they", "them": people, when the last question named some; not the authors in "the project they
 * suggest".
 */
const PEOPLE_PRONOUN = /\bthem\b|\bthey\b(?! (?:suggest|recommend|say|said|mention|advise)\w*)/i;
/** A job and the words before it ("… computer vision engineers"). */
const JOB =
  /((?:[\p{L}\d+#-]+ ){0,2})(engineers?|scientists?|analysts?|developers?|architects?|researchers?)\b/giu;
/** "for someone like me", "in my case": the learner's situation, told in the previous question. */
const LIKE_ME = /\blike me\b|\bin my (?:case|situation)\b/i;
/** "why?", "but why", "how come": the reason for the last answer, so the whole last question. */
const BARE_WHY = new RegExp(
  `^${OPENER}(?:but |and )?(?:why|how come|why so|why is that|why tho|why though)\\s*[?!.]*$`,
  "i",
);
/** "JAX, worth learning instead": a thing named, then a clause asking something of it. */
const OWN_CLAUSE = /^[^,]+,\s*\S+\s+\S+/u;

/** "and for beginners?", "what about for freshers": the same question for other learners. */
const FOR_SOMEONE_ELSE = new RegExp(
  `^${OPENER}(?:and|but|what about|how about)\\s+(?:for|if)\\s+(?:a\\s+|an\\s+)?(?:complete\\s+|total\\s+|absolute\\s+)?(?:beginners?|freshers?|students?|newbies?|someone|somebody|people|working professionals?|career switchers?|non[- ]cs|i|already)\\b[^?]*[?.!]*$`,
  "i",
);
/** "… if its multi class", "… when it's huge": the case a purpose is in, said of the task. */
const CASE_OF_IT = /\s+(?:if|when)\s+(?:it'?s|it\s+is|its)\s+.+$/i;
/** "and for a real prod api?", "what about for images": the same question for another purpose. */
const FOR_ANOTHER = new RegExp(
  `^${OPENER}(?:and|but|what about|how about)\\s+for\\s+([^?!.,]+?)(?:\\s+(?:then|instead|specifically))?\\s*[?!.]*$`,
  "i",
);
/**
 * "for tabular data", "for quick portfolio demos as a beginner": a purpose a question names, up to
 * the next preposition or the end of the clause.
 */
const PURPOSE =
  /\bfor\s+((?:(?!(?:in|at|as|on|with|if|using|by|from|to|and|or|but|for)\b)[^\s?!.,;:()]+\s*)+)/giu;
/**
 * "which one is best for a demo", "what should i use", "the house price one, what stack": a
 * question whose answer picks one thing.
 */
const ASKS_TO_PICK =
  /\bwhich (?:one|[\p{L}-]+)\b|\bwhat should i (?:use|pick|choose|learn|build)\b|\bthe (?:[\p{L}\d-]+ ){1,3}one\b/iu;
/** The row an assistant's reply leads with ("Streamlit"), if it leads with one. */
function pickedRow(turn: ChatTurn | undefined): string | undefined {
  if (turn?.role !== "assistant") return undefined;
  return ledRow(turn.content);
}

/** Most words before the row a prose reply leads with ("The", "A", "Go with the"). */
const LEADING_WORDS = 3;
/** "the fraud one", "the aws one", "the deep learning one": a row meant by a word of it. */
const ONE_NAMED = /\bthe ((?:[\p{L}\d+#-]+ ){0,2}?[\p{L}\d+#-]+) one\b/iu;

/**
 * "what is a virtual environment in Python", "what does the Python tutorial say about virtual
 * environments": a question about one thing, which a later "it" means.
 */
const ASKS_ABOUT_A_THING =
  /^(?:(?:what|wat)\s+(?:is|are)\b|what's|whats|explain\b|define\b|how (?:does|do)\b.*\bwork\b|what (?:does|do)\b.*\b(?:say|says) about\b)/i;

/** "how many steps is that", "how much would that be": an amount asked of what the message says. */
const OWN_AMOUNT = /\bhow (?:many|much)\b[^?.!]*\b(?:is|are|was|would be|will be) (?:that|this)\b/i;

/** A preposition just before a pronoun ("… for that", "… in it"). */
const PREPOSITION_BEFORE = /\b(?:for|in|with|to|about|on|of|from|into|at|by)\s+$/i;
/** "for someone from mechanical", "in bengaluru", "on a mac": a setting named, not a thing. */
const SETTING = /^(?:at|in|on|for|with|during|after|before|when|if|without)\b/i;

/** How many questions back a chain of follow-ups is followed to find its topic. */
const MAX_CHAIN = 3;
/** "step 5", "months 6–8", "week 2": a place in the plan the previous question named. */
const PLAN_PLACE = /\b(?:step|month|week|phase)s?\s+\d+(?:\s*[–-]\s*\d+)?\b/i;
/** "0–2 years", "3-5 yrs": a band of experience, which heads a row of the salary tables. */
const EXPERIENCE_BAND = /\b\d+\s*[–-]\s*\d+\s*(?:years?|yrs?)\b/i;

/** "step" of "Step 5", "month" of "months 6–8": what kind of place in the plan. */
function placeKind(place: string): string {
  return place.toLowerCase().replace(/s?\s.*$/, "");
}

/** "and step 6?", "and in month 10?": the place in the plan a message names, and nothing else. */
function placeAsked(message: string): string | undefined {
  const named = AND_NAMED.exec(message.trim())?.[1]?.trim();
  const place = named === undefined ? undefined : PLAN_PLACE.exec(named)?.[0];
  return place !== undefined && place === named ? place : undefined;
}

/**
 * "and step 6?" after "main tools?" was answered about Step 5: the previous question asked of
 * another place of the same kind, which its answer named rather than the question; it is asked
 * of this one ("main tools? (step 6)").
 */
function placeAfterAnswer(
  message: string,
  previous: string,
  history: ChatTurn[],
): string | undefined {
  const place = placeAsked(message);
  if (place === undefined || PLAN_PLACE.test(previous)) return undefined;
  const answer = history.at(-1);
  const answered = answer?.role === "assistant" ? PLAN_PLACE.exec(answer.content)?.[0] : undefined;
  if (answered === undefined || placeKind(answered) !== placeKind(place) || answered === place) {
    return undefined;
  }
  return `${carriedTopic(previous).own.trim()} (${place})`;
}

/** How many of the assistant's last replies are searched for the list an ordinal points into. */
const LISTS_LOOKED_BACK = 3;

/**
 * Deterministic follow-up rewriting, no model needed. When a message leans on the conversation
 * (see FollowUpDetector: a pronoun, "what about …", a leading "and…", no topic of its own), the
 * previous question's topic is carried over:
 * - "what about LightGBM?" after "Which hyperparameters matter for XGBoost?" becomes
 *   "Which hyperparameters matter for LightGBM?" (the named tool is swapped), and "what about
 *   dropout?" after "what is early stopping" becomes "what is dropout" (the one thing asked about);
 * - "what are its hyperparameters?" after a question about XGBoost becomes
 *   "what are XGBoost's hyperparameters?" (the pronoun is replaced);
 * - "and shadow deployment?" after "what is a canary release" becomes "what is a shadow
 *   deployment" (one named thing for another), and "and for classification?" after "regression
 *   metrics?" becomes "classification metrics?" (a word the corpus pairs with one asked before);
 * - "how long does the fraud one take" after a list of projects becomes "how long does the
 *   End-to-End Fraud Detection take" (the row of the table just talked about that the word names);
 * - "and salaries?" becomes "and salaries? (NLP engineer)" (the topic words are appended);
 * - "how long would it take for someone like me" carries the whole previous question, where the
 *   learner told their situation; so do a bare "why?" (the reason for the last answer) and "and
 *   for beginners?" (the same question for other learners).
 * - "and for images?" after "whats a good first model for tabular data?" becomes "whats a good
 *   first model for images?" (the purpose the previous question named is swapped).
 * A self-contained message is returned unchanged.
 */
export class OfflineQuestionRewriter implements QuestionRewriter {
  readonly id = "offline";
  private readonly lexicon: EntityLexicon;
  private readonly statistics: CorpusStatistics;
  private readonly detector: FollowUpDetector;
  private readonly rowHeads: RowHeads | undefined;
  private readonly coordinated: CoordinatedWords | undefined;
  private readonly understand: (text: string) => string;

  /**
   * `detector` decides what is a follow-up; the Assistant passes the one it uses itself.
   * `rowHeads` lets "and X?" ask the previous question about a sibling row of one table, and
   * `coordinated` about a word the corpus pairs with one of the previous question's words.
   * `understand` reads the earlier questions as the assistant did ("diff between DS and MLE?"
   * names a data scientist and an ML engineer).
   */
  constructor(
    lexicon: EntityLexicon,
    statistics: CorpusStatistics,
    detector: FollowUpDetector = new FollowUpDetector(lexicon, statistics),
    rowHeads?: RowHeads,
    coordinated?: CoordinatedWords,
    understand: (text: string) => string = (text) => text,
  ) {
    this.lexicon = lexicon;
    this.statistics = statistics;
    this.detector = detector;
    this.rowHeads = rowHeads;
    this.coordinated = coordinated;
    this.understand = understand;
  }

  async rewrite(message: string, history: ChatTurn[]): Promise<string> {
    return this.rewriteWithin(message, history, MAX_CHAIN);
  }

  /**
   * The rewrite of `message`; the previous question is itself read in its own history first when
   * it was a follow-up ("how do i create one" after "what is a virtual environment"), up to
   * `depth` questions back.
   */
  private async rewriteWithin(
    message: string,
    history: ChatTurn[],
    depth: number,
  ): Promise<string> {
    // "ok back to ml, whats the milestone for that step" after an aside about biryani: the
    // conversation before the aside is what the message leans on.
    const aside = BACK_TO_EARLIER.test(message) ? lastUserTurn(history) : undefined;
    if (aside !== undefined && lastUserTurn(history.slice(0, aside.index)) !== undefined) {
      history = history.slice(0, aside.index);
    }
    const last = lastUserTurn(history);
    if (last === undefined) return message;
    const exchange = lastExchange(history);
    if (!this.detector.dependsOnHistory(message, message, exchange)) return message;
    // "got it. whats the ideal batch size then": the "it" of the thanks points at nothing.
    message = withoutLeadingAcknowledgement(message.trim());
    // "how long does the fraud one take" after a list of projects: the row meant is named.
    const meant = this.rowMeant(message, exchange) ?? this.itemMeant(message, history);
    if (meant !== undefined && !AND_NAMED.test(meant) && !WHAT_ABOUT.test(meant)) return meant;
    return this.rewriteFollowUp(meant ?? message, history, depth, last);
  }

  private async rewriteFollowUp(
    message: string,
    history: ChatTurn[],
    depth: number,
    last: { index: number; content: string },
  ): Promise<string> {
    const before = history.slice(0, last.index);
    const asked = this.understand(last.content);
    const previous = depth > 1 ? await this.rewriteWithin(asked, before, depth - 1) : asked;
    // "is there a paper that showed this", "which paper was that from": the source of the claim
    // just talked about; "this" is the whole claim, not one tool it names ("xgboost").
    if (SOURCE_OF_CLAIM.test(message)) {
      const claim = this.topicPhrase(previous, message);
      if (claim !== "") return `${message.trim()} (${claim})`;
    }
    const swapped =
      this.siblingSwap(message, previous) ?? placeAfterAnswer(message, previous, history);
    if (swapped !== undefined) return swapped;
    // "the two", "which one pays more": the question before the last, read in its own history
    // ("is it free" before "what about lightgbm" asked about XGBoost).
    const earlierTurn = lastUserTurn(before);
    const earlier =
      earlierTurn === undefined || !BOTH.test(message)
        ? undefined
        : await this.rewriteWithin(
            this.understand(earlierTurn.content),
            before.slice(0, earlierTurn.index),
            Math.max(1, depth - 1),
          );
    // "ok and the image classifier, what stack?" after the sentiment project's build time: a row
    // of the same table, asked a question of its own, needs nothing carried over.
    const compared =
      this.comparedWithSibling(message, previous) ??
      this.comparedAcrossTurns(message, previous, earlier);
    if (compared !== undefined) return compared;
    if (this.asksOwnOfSibling(message, previous)) return message;
    const next = nextPlace(message, previous);
    if (next !== undefined) return next;
    const purpose = otherPurpose(message, previous);
    if (purpose !== undefined) return purpose;

    // "which one is best for a quick demo" answered "Streamlit — …" (or in prose, "The RAG
    // Question-Answering System, built with …"): the thing the answer picked
    // is what "it" or "that" means next ("how long does that take to learn").
    // Not a comparison ("which one pays more") nor a swap ("what about an nlp engineer").
    const picked =
      ASKS_TO_PICK.test(previous) &&
      !BOTH.test(previous) &&
      PRONOUN.test(message) &&
      !WHAT_ABOUT.test(message.trim())
        ? (pickedRow(history.at(-1)) ?? this.rowLedInProse(history.at(-1)))
        : undefined;
    // "how much math does it need…" read as "…does AI engineer path need…": "it" next time is
    // what "it" stood for then.
    // "which tools to build one (RAG)": "its answers" next time are RAG's, too.
    const chained =
      picked === undefined
        ? (pronounReplaced(asked, previous) ?? pointerCarried(asked, previous))
        : undefined;
    const previousEntities = this.lexicon.find(picked ?? chained ?? previous);
    // "tensorflow vs pytorch which first", then "why?": both things compared are the topic.
    const entityTopic = previousEntities
      .slice(0, 2)
      .map((entity) => originalSpelling(picked ?? previous, entity.name))
      .join(" and ");
    const topic =
      chained !== undefined && (PERSONAL_PRONOUN.test(message) || POSSESSIVE.test(message))
        ? chained
        : picked !== undefined && previousEntities.length === 0
          ? picked
          : previousEntities.length > 0
            ? [
                picked === undefined && ASKS_ABOUT_A_THING.test(previous)
                  ? this.rarerRun(previous, entityTopic)
                  : undefined,
                entityTopic,
              ]
                .filter((part) => part !== undefined)
                .join(" ")
            : this.topicPhrase(previous, message);
    // "what's the diff between the two" after "what is MLflow", "what is DVC": both topics.
    if (earlier !== undefined) {
      const earlierEntity = this.lexicon.find(earlier)[0]?.name;
      const earlierTopic =
        earlierEntity !== undefined
          ? originalSpelling(earlier, earlierEntity)
          : this.topicPhrase(earlier);
      if (earlierTopic !== "" && earlierTopic.toLowerCase() !== topic.toLowerCase()) {
        return `${message.trim()} (${earlierTopic} and ${topic})`;
      }
    }

    const whatAbout = WHAT_ABOUT.exec(message.trim());
    // "ok and lightgbm?" after "catboost key hyperparameters?": a tool named alone after a question
    // about another tool asks the same of it, like "what about lightgbm?".
    const andTool =
      whatAbout === null && previousEntities.length > 0 ? this.toolNamedAlone(message) : undefined;
    // "no i meant the python one": "one" stands for the thing asked about before.
    const subject =
      andTool ?? whatAbout?.[1]?.replace(/^(?:the|that|this)\s+(.+?)\s+ones?$/i, "$1");
    // "what about JAX, worth learning instead?" after a question naming PyTorch and TensorFlow:
    // the message asks its own question of the thing it names; swapped into the last question,
    // the clause would land inside it. The last topic is context.
    // "what about SQL, why does everyone say its so important": the pronoun of that clause is
    // the thing just named (not a setting, "for deep learning then, is it enough"), and the
    // message says all it asks.
    const named = subject?.split(",")[0]?.trim() ?? "";
    const pointsAtNamed = !PRONOUN.test(named) && !SETTING.test(named) && !/\bones?\b/i.test(named);
    if (
      subject !== undefined &&
      OWN_CLAUSE.test(subject) &&
      (!PRONOUN.test(subject) || pointsAtNamed) &&
      topic !== ""
    ) {
      if (!PRONOUN.test(subject)) return `${message.trim()} (${topic})`;
      return message
        .trim()
        .replace(/\b(its|their)\b/i, `${named}'s`)
        .replace(PRONOUN_AFTER, named);
    }
    if (subject !== undefined && !PRONOUN.test(subject)) {
      const previousEntity = previousEntities[0];
      if (previousEntity !== undefined) {
        // Swap the tool the previous question named for the one asked about now.
        const spelled = originalSpelling(previous, previousEntity.name);
        return previous.replace(spelled, subject.trim());
      }
      // "is it free?", then "i meant mlflow": the thing takes the pronoun's place.
      if (PRONOUN.test(previous)) return previous.replace(PRONOUN, subject.trim());
      // "what about dropout?" after "what is early stopping": the one thing it asked about is
      // swapped; "what about at inference time" adds a setting, and a previous question that was
      // itself carried over ("and salary? (NLP engineer)") has no one thing.
      const addsSetting = SETTING.test(subject);
      const carriedOver = /[()]/.test(previous);
      const thing = addsSetting || carriedOver ? undefined : this.onlyTopicRun(previous);
      if (thing !== undefined) return previous.replace(thing, subject.trim());
      return topic === "" ? message : `${subject.trim()} (${topic})`;
    }
    if (topic === "") return message;
    // "how long would it take for someone like me" after "im from mechanical, no cs degree, can
    // i get into ml": the whole previous question is the situation and what "it" is.
    // "and for beginners?" after "how long does it take to learn ml from zero": the same
    // question for someone else, so the whole of it.
    if (LIKE_ME.test(message) || BARE_WHY.test(message) || FOR_SOMEONE_ELSE.test(message)) {
      return `${message.trim()} (${withoutCarried(previous)})`;
    }
    // "those 6 months", "that folder": a demonstrative before a noun already names what it points
    // at; the previous topic is context, not a replacement. ("how long does it take to build that
    // project": that "it" points at what follows.)
    if (
      namesWithDemonstrative(message) &&
      !PERSONAL_PRONOUN.test(message) &&
      !/\b(?:its|their)\b/i.test(message)
    ) {
      return `${message.trim()} (${topic})`;
    }
    // "and grafana? which port does that one run on": the pronoun after a tool the message names
    // itself points at that tool, not at the last topic.
    const ownEntity = this.lexicon
      .find(message)
      .find((entity) => !previousEntities.some((earlier) => earlier.name === entity.name));
    if (ownEntity !== undefined && PRONOUN.test(message)) {
      const spelled = originalSpelling(message, ownEntity.name);
      const pronoun = message.search(PRONOUN_AFTER);
      // "which hugging face libraries do i need for that": after a preposition, the pronoun is
      // what the tool is needed for, the last topic.
      if (
        pronoun > message.toLowerCase().indexOf(spelled.toLowerCase()) &&
        !PREPOSITION_BEFORE.test(message.slice(0, pronoun))
      ) {
        return message.replace(PRONOUN_AFTER, spelled);
      }
    }
    // "and fine tuning, when is that useful instead?": the pronoun after a thing the message names
    // first points at that thing; the last topic is context.
    const namedFirst = NAMED_THEN_ASKED.exec(message)?.[1];
    if (namedFirst !== undefined && contentTerms(namedFirst).length > 0) {
      return `${message.trim().replace(PRONOUN_AFTER, namedFirst)} (${topic})`;
    }
    // "with 10,000 samples and batch size 32, how many steps is that per epoch": "that" is the
    // amount the message's own figures make, not the last topic.
    if (OWN_AMOUNT.test(message) && /\d/.test(message)) return message;
    if (PRONOUN.test(message)) {
      // "what do they make in the us" after "and for computer vision engineers": "they" are the
      // people the last question named, not its topic words.
      const people = PEOPLE_PRONOUN.test(message)
        ? this.peopleNamed(withoutCarried(previous))
        : undefined;
      if (people !== undefined) {
        return message.replace(/\btheir\b/i, `${people}'s`).replace(PEOPLE_PRONOUN, people);
      }
      // "does this roadmap prepare me for it": "this" names the roadmap; "it" is what is meant.
      const pointer = namesWithDemonstrative(message) ? PERSONAL_PRONOUN : PRONOUN_AFTER;
      return message.replace(/\b(its|their)\b/i, `${topic}'s`).replace(pointer, topic);
    }
    return `${message.trim()} (${topic})`;
  }

  /**
   * The message with "the X one" replaced by the name of the row or column the last exchange
   * makes clear ("how long does the fraud one take" after a list of projects: "how long does the
   * End-to-End Fraud Detection take"), if it does.
   */
  private rowMeant(message: string, exchange: string): string | undefined {
    const match = ONE_NAMED.exec(message);
    const name = match?.[1];
    if (match === null || name === undefined) return undefined;
    // "the other one", "the new one": no word that names a topic, unless the words are part of a
    // head the last exchange said ("the house price one" after "a House Price Predictor").
    const everyday = !wordsAsWritten(name).some((word) => this.isTopicWord(word));
    const head = this.rowHeads?.rowMeant(name, this.understand(exchange), everyday);
    if (head === undefined) return undefined;
    // "and the rag one?" asks the last question of that row: its name alone, as a sibling's.
    const bare = message.replace(match[0], head);
    return AND_NAMED.test(bare) || WHAT_ABOUT.test(bare)
      ? bare
      : message.replace(match[0], `the ${head}`);
  }

  /**
   * The row a reply written as prose leads with: the longest head it names within its first
   * words ("The RAG Question-Answering System, built with Python, LangChain …": RAG
   * Question-Answering System), as the reply spells it; none when it names another row of that
   * table too (a list of projects picks none) or names the head only later ("Three reasons: …
   * supported by Hugging Face").
   */
  private rowLedInProse(turn: ChatTurn | undefined): string | undefined {
    const rowHeads = this.rowHeads;
    if (turn?.role !== "assistant" || rowHeads === undefined) return undefined;
    const [longest, ...others] = rowHeads.find(turn.content);
    if (longest === undefined || others.some((other) => rowHeads.siblings(longest, other))) {
      return undefined;
    }
    const opening = ` ${words(turn.content)
      .slice(0, LEADING_WORDS + longest.split(" ").length)
      .join(" ")} `;
    return opening.includes(` ${longest} `) ? originalSpelling(turn.content, longest) : undefined;
  }

  /**
   * The message with "the last one", "the second option" replaced by that item of the list the
   * assistant's reply gave ("examples of the last one?" after "Supervised, unsupervised and
   * reinforcement learning": "examples of reinforcement learning?"): the reply's list lines or
   * enumeration, or else the table rows it names in order; the latest of the last three replies
   * that lists anything. Undefined when that list is shorter.
   */
  private itemMeant(message: string, history: ChatTurn[]): string | undefined {
    const reference = ordinalReference(message);
    if (reference === undefined || history.at(-1)?.role !== "assistant") return undefined;
    // "how much does the first one cost" after a reply about the second: the list is further back.
    const replies = history.filter((turn) => turn.role === "assistant").slice(-LISTS_LOOKED_BACK);
    // "hw do i detect the 1st one" after "difference between data drift and model drift": the
    // things the last question compared, in its order, whatever order the reply took.
    const pair = namedPair(history.findLast((turn) => turn.role === "user")?.content ?? "");
    if (pair !== undefined) {
      const item = itemAt(pair, reference.place);
      return item === undefined ? undefined : message.replace(reference.phrase, item);
    }
    for (const reply of replies.reverse()) {
      const listed = listedItems(reply.content);
      // One quoted row names other rows in its cells ("level: Beginner"), not a list of them.
      const oneRow = !reply.content.trim().includes("\n") && ledRow(reply.content) !== undefined;
      const items =
        listed.length > 0 || oneRow ? listed : (this.rowHeads?.inOrder(reply.content) ?? []);
      if (items.length < 2) continue;
      const item = itemAt(items, reference.place);
      return item === undefined ? undefined : message.replace(reference.phrase, item);
    }
    return undefined;
  }

  /**
   * "and a computer vision engineer? which one pays more" after "what does an nlp engineer do":
   * the message names a row beside one the previous question named and asks which of the two is
   * more; both are compared ("… (nlp engineer or computer vision engineer)").
   */
  private comparedWithSibling(message: string, previous: string): string | undefined {
    if (!BOTH.test(message)) return undefined;
    const pair = this.siblingNamed(message, previous);
    if (pair === undefined) return undefined;
    return `${message.trim()} (${originalSpelling(previous, pair.other)} or ${originalSpelling(message, pair.head)})`;
  }

  /**
   * "so which of the two pays more" after "salary range for nlp engineer in india" and "and computer
   * vision engineer?": the last two questions named rows of one table, and both are compared
   * ("… (nlp engineer or computer vision engineer)").
   */
  private comparedAcrossTurns(
    message: string,
    previous: string,
    earlier: string | undefined,
  ): string | undefined {
    if (earlier === undefined) return undefined;
    const pair = this.siblingNamed(previous, earlier);
    if (pair === undefined) return undefined;
    // "which … pays more" chooses between them; "the diff between the two" takes both.
    const joint = /\bwhich\b/i.test(message) ? "or" : "and";
    return `${message.trim()} (${originalSpelling(earlier, pair.other)} ${joint} ${originalSpelling(previous, pair.head)})`;
  }

  /** Whether a message names a row beside one the previous question named, and asks of it. */
  private asksOwnOfSibling(message: string, previous: string): boolean {
    // "what about an nlp engineer" asks the last question again; "which of them…" points back.
    if (
      !OWN_QUESTION_WORD.test(message) ||
      WHAT_ABOUT.test(message.trim()) ||
      PRONOUN.test(message)
    ) {
      return false;
    }
    return this.siblingNamed(message, previous) !== undefined;
  }

  /**
   * A row head the message names (`head`) beside, in the same table, one the previous question
   * named (`other`), if any.
   */
  private siblingNamed(
    message: string,
    previous: string,
  ): { head: string; other: string } | undefined {
    const rowHeads = this.rowHeads;
    if (rowHeads === undefined) return undefined;
    const before = rowHeads.find(previous);
    for (const head of rowHeads.find(message)) {
      const other = before.find((name) => name !== head && rowHeads.siblings(name, head));
      if (other !== undefined) return { head, other };
    }
    return undefined;
  }

  /**
   * "and shadow deployment?" after "what is a canary release": the message names only a thing
   * that heads a row of the same table as something the previous question named, so it asks the
   * previous question about it ("what is a shadow deployment").
   */
  private siblingSwap(message: string, previous: string): string | undefined {
    const named = AND_NAMED.exec(message.trim())?.[1]?.trim();
    if (named === undefined) return undefined;
    // "and in month 10?" after "what should i learn in month 9": the same of another month.
    const place = placeAsked(message);
    const placeBefore = PLAN_PLACE.exec(previous)?.[0];
    if (place !== undefined && placeBefore !== undefined) {
      if (placeKind(place) === placeKind(placeBefore)) return previous.replace(placeBefore, place);
    }
    const rowHeads = this.rowHeads;
    // "and for a fresher?" after "salary for 3–5 years": a learner's word the lexicon reads as a
    // row's head ("0–2 years").
    const thing = named.replace(/^(?:for\s+)?(?:an?|the)\s+/i, "");
    const word = thing.toLowerCase();
    // "and for a software engineer?": the row named without its "for a".
    const heads = [
      named,
      ...(thing === named ? [] : [thing]),
      ...(/\s/.test(word) ? [] : (learnerLexicon().expansions.get(word) ?? [])),
    ];
    for (const head of heads) {
      if (rowHeads?.isHead(head) !== true) continue;
      const replaced = rowHeads.find(previous).find((other) => rowHeads.siblings(other, head));
      if (replaced !== undefined)
        return previous.replace(originalSpelling(previous, replaced), head);
    }
    // "and for classification?" after "regression metrics?": one word the corpus pairs with one
    // of the previous question's ("for regression … for classification").
    const coordinated = this.coordinated;
    if (coordinated === undefined || /\s/.test(named)) return undefined;
    const replaced = wordsAsWritten(previous)
      .filter((word) => this.isTopicWord(word) && coordinated.together(word, named))
      .sort(
        (left, right) =>
          this.statistics.idf(stem(right.toLowerCase())) -
          this.statistics.idf(stem(left.toLowerCase())),
      )[0];
    if (replaced === undefined) return undefined;
    return previous.replace(new RegExp(`\\b${escapeRegExp(replaced)}\\b`), named);
  }

  /** The tool an "and X?" message names and nothing else ("ok and lightgbm?"), if it does. */
  private toolNamedAlone(message: string): string | undefined {
    const named = AND_NAMED.exec(message.trim())?.[1]?.trim();
    if (named === undefined) return undefined;
    const tools = this.lexicon.find(named);
    const only = tools.length === 1 ? tools[0] : undefined;
    return only !== undefined &&
      originalSpelling(named, only.name).toLowerCase() === named.toLowerCase()
      ? named
      : undefined;
  }

  /**
   * The run of words a question asks about ("early stopping" in "what is early stopping?"), when
   * it names exactly one: consecutive words that are not stop or meta words, among them a topic
   * word. Undefined for a question about several things ("how does dropout help overfitting").
   */
  private onlyTopicRun(text: string): string | undefined {
    const topical = this.topicalRuns(text);
    return topical.length === 1 ? topical[0] : undefined;
  }

  /**
   * People a question names by their job ("computer vision engineers", "data scientists"): the
   * role word with up to two words of the corpus before it, the nearest a topic word.
   */
  private peopleNamed(text: string): string | undefined {
    for (const match of text.matchAll(JOB)) {
      const before = (match[1] ?? "").trim().split(/\s+/);
      const name: string[] = [];
      for (const word of before.reverse()) {
        const lower = word.toLowerCase();
        const known =
          name.length === 0
            ? this.isTopicWord(word)
            : !STOPWORDS.has(lower) && this.statistics.has(stem(lower));
        if (word === "" || name.length === 2 || !known) break;
        name.unshift(word);
      }
      if (name.length > 0) return `${name.join(" ")} ${match[2]}`;
    }
    return undefined;
  }

  /** Runs of consecutive words, among them a topic word, between stop words and punctuation. */
  private topicalRuns(text: string): string[] {
    const runs: string[][] = [[]];
    // Punctuation ends a run as a stop word does; so does how the answer was asked for
    // ("explain broadcasting in numpy").
    for (const token of withoutAnswerStyle(text).match(
      /[\p{L}\p{N}][\p{L}\p{N}'’-]*|[^\s\p{L}\p{N}]/gu,
    ) ?? []) {
      const lower = token.toLowerCase();
      if (!/[\p{L}\p{N}]/u.test(token) || STOPWORDS.has(lower) || QUESTION_META_WORDS.has(lower)) {
        runs.push([]);
      } else {
        runs.at(-1)?.push(token);
      }
    }
    return runs
      .filter((run) => run.some((word) => this.isTopicWord(word)))
      .map((run) => originalSpelling(text, run.join(" ")));
  }

  /**
   * A run of topic words of `text` rarer in the corpus than the tools it names (`tools`): "virtual
   * environment" in "what is a virtual environment in Python" is what was asked about, Python its
   * setting; undefined when the tools are the rarest ("what is mlflow experiment tracking").
   */
  private rarerRun(text: string, tools: string): string | undefined {
    const rarity = (phrase: string) =>
      Math.max(0, ...contentTerms(phrase).map((term) => this.statistics.idf(term)));
    const toolTerms = new Set(contentTerms(tools));
    const runs = this.topicalRuns(text).filter(
      (run) =>
        !NAMES_THE_MATERIAL.test(run) && !contentTerms(run).some((term) => toolTerms.has(term)),
    );
    const rarest = runs.sort((left, right) => rarity(right) - rarity(left))[0];
    return rarest !== undefined && rarity(rarest) > rarity(tools) ? rarest : undefined;
  }

  /**
   * A word the corpus knows that is not stop, meta or very common English ("day", "use"), nor one
   * asking for more of the same ("explain simpler", "an example").
   */
  private isTopicWord(word: string): boolean {
    const lower = word.toLowerCase();
    if (STOPWORDS.has(lower) || QUESTION_META_WORDS.has(lower) || lower.length < 2) return false;
    if (MORE_OF_THE_SAME.has(lower)) return false;
    if (!this.statistics.has(stem(lower))) return false;
    const rank = commonWordRank(word);
    return rank === undefined || rank >= VERY_COMMON_RANK;
  }

  /**
   * Whether a word too common to be a topic alone opens a name the material uses often with the
   * topic word after it ("deep" of "deep learning", in 55 passages); a name in a large share of
   * them ("machine learning", 136 of 329) is the material's subject, not a topic.
   */
  private opensName(word: string, next: string | undefined): boolean {
    if (next === undefined || !this.isTopicWord(next)) return false;
    const frequency = this.statistics.pairFrequency(word, next);
    return (
      frequency >= MIN_NAME_PASSAGES && frequency <= MAX_NAME_SHARE * this.statistics.chunkCount
    );
  }

  /** A compared side's own topic words, as written ("explain bias" → "bias"). */
  private topicRun(side: string): string {
    const written = this.topicWords(side);
    return written
      .filter((word, index) => this.isTopicWord(word) || this.opensName(word, written[index + 1]))
      .join(" ");
  }

  /** Topic words of a message: no stop or meta words. */
  private topicWords(text: string): string[] {
    return wordsAsWritten(text).filter((word) => {
      const lower = word.toLowerCase();
      return !STOPWORDS.has(lower) && !QUESTION_META_WORDS.has(lower) && lower.length > 1;
    });
  }

  /**
   * The previous question's most specific topic words (up to three, in their order): words the
   * corpus knows, minus very common English words ("day", "work"), ranked by IDF; after the place
   * in the plan it names, if any ("step 5"). `message`, the follow-up, may ask a figure of its own;
   * when it asks to choose between "the two" ("which one pays more") and the previous question
   * compared two things, the topic is both sides as written, "X or Y"; a plural pointer ("how are
   * they trained") stands for both, "X and Y".
   */
  private topicPhrase(text: string, message = ""): string {
    // "diff between data scientist and ml engineer?", then "which one pays more": the choice
    // between both sides, as written, not their rarest words ("data scientist engineer").
    // "how are they pre-trained" after "diff between bert and gpt": both sides, "X and Y", each
    // in its topic words ("what is relu vs softmax": relu, not "what is relu").
    const choice = BOTH.test(message);
    const each = EACH.test(message);
    const both = !choice && !each && THEY_BOTH.test(message) && !SINGULAR_IT.test(message);
    const sides = choice || both || each ? comparedSides(text) : undefined;
    if (sides !== undefined && both) {
      const named = sides.map((side) => this.topicRun(side));
      if (named.every((side) => side !== "")) return named.join(" and ");
    } else if (sides !== undefined) {
      return `${sides[0]} ${choice ? "or" : "vs"} ${sides[1]}`;
    }
    const seen = new Set<string>();
    // A bare number counts a noun ("the 12 month plan") and is no topic alone; a year is one.
    // A very common word that opens a name with the next one stays: "deep learning".
    // "explain broadcasting in numpy pls": how the answer was asked for is no topic.
    const written = this.topicWords(withoutAnswerStyle(text));
    const candidates = written.filter((word, index) => {
      const lower = word.toLowerCase();
      if (seen.has(lower) || COUNT.test(word)) return false;
      if (!this.isTopicWord(word) && !this.opensName(word, written[index + 1])) return false;
      seen.add(lower);
      return true;
    });
    const place = PLAN_PLACE.exec(text)?.[0];
    const ranked = [...candidates].sort(
      (left, right) =>
        this.statistics.idf(stem(right.toLowerCase())) -
        this.statistics.idf(stem(left.toLowerCase())),
    );
    const keep = new Set(ranked.slice(0, 3));
    let words = candidates.filter((word) => keep.has(word)).join(" ");
    // "how much do ML engineers earn in india", then "and in pune?": the money asked for is
    // part of the topic, so the follow-up asks a Pune salary; "how many months to prepare for
    // it" after a price asks a figure of its own.
    if (
      figureRequest(text)?.type === "money" &&
      !MONEY_TOPIC.test(words) &&
      [undefined, "money"].includes(figureRequest(message)?.type)
    ) {
      words = `${EARNING.test(text) ? "salary" : "cost"} ${words}`;
    }
    // "how long does that take?" after "what is step 5": the step is the topic; "which cities?"
    // after "ML salary for 0-2 years exp?" asks them of the 0–2 years row.
    const band = place === undefined ? EXPERIENCE_BAND.exec(text)?.[0] : undefined;
    const at = place ?? band;
    return at === undefined ? words : `${at} ${words}`.trim();
  }
}

/** How many passages must use a two-word name for its common first word to stay (train). */
const MIN_NAME_PASSAGES = 10;
/** The largest share of passages a two-word name may be in and still be a topic (train). */
const MAX_NAME_SHARE = 0.25;

/** A number that is not a year ("12", "10000"; not "2026"). */
const COUNT = /^(?!(?:19|20)\d\d$)\d+$/;
/** Words of a topic that already say money is asked about. */
const MONEY_TOPIC = /\b(?:salar(?:y|ies)|costs?|prices?|fees?|pay|earn\w*|packages?|lpa|ctc)\b/i;
/** A question about what someone earns rather than what something costs. */
const EARNING = /\b(?:earn\w*|salar(?:y|ies)|paid|pays?|package|ctc|lpa|make)\b/i;

/** "and after that?", "what's next", "then what?": the place in the plan after the one named. */
const WHAT_NEXT =
  /^(?:ok(?:ay)?,? |so,? )?(?:and )?(?:(?:what(?:'s| is| comes)?|then) )?(?:after (?:that|this|it)|next)(?: (?:step|one))?\s*[?.!]*$|^(?:and )?then what\s*[?.!]*$/i;
/** How many of each place the plan has. */
const LAST_PLACE: Record<string, number> = { step: 7, month: 12, week: 8 };

/**
 * "and after that?" after "what should i learn in month 9": the previous question about the next
 * place in the plan ("… in month 10"); after a range ("months 6–8"), the one after its end.
 * Undefined when the message does not ask what comes next or the previous question names no place.
 */
function nextPlace(message: string, previous: string): string | undefined {
  if (!WHAT_NEXT.test(message.trim())) return undefined;
  const place = PLAN_PLACE.exec(previous);
  if (place === null) return undefined;
  const kind = (place[0].match(/^[a-z]+/i)?.[0] ?? "").toLowerCase().replace(/s$/, "");
  const numbers = place[0].match(/\d+/g) ?? [];
  const next = Number(numbers.at(-1)) + 1;
  const last = LAST_PLACE[kind];
  if (last === undefined || next > last) return undefined;
  return previous.replace(place[0], `${kind} ${next}`);
}

/**
 * "and for images?" after "whats a good first model for tabular data?": the previous question
 * asked of the new purpose ("whats a good first model for images?"), when it names a purpose
 * with "for" in the clause that asks; the situation of other learners ("and for beginners?") is
 * read by FOR_SOMEONE_ELSE instead.
 */
function otherPurpose(message: string, previous: string): string | undefined {
  const purpose = FOR_ANOTHER.exec(message.trim())?.[1]?.trim();
  if (purpose === undefined || FOR_SOMEONE_ELSE.test(message.trim())) return undefined;
  // "and for the output if its multi class?": the "it" of the case the purpose is in is the task,
  // not a thing said before.
  const named = purpose.replace(CASE_OF_IT, "");
  if (OWN_QUESTION_WORD.test(named) || PRONOUN.test(named)) return undefined;
  const asking = questionFocus(withoutCarried(previous));
  const found = [...asking.matchAll(PURPOSE)].at(-1);
  if (found === undefined || found[1] === undefined) return undefined;
  const rewritten = `${asking.slice(0, found.index)}for ${purpose} ${asking.slice((found.index ?? 0) + found[0].length)}`;
  return rewritten
    .replace(/\s+/g, " ")
    .replace(/\s+([?!.])/g, "$1")
    .trim();
}

/**
 * What a pronoun of a question stood for in its rewrite ("how much math does it need" →
 * "how much math does AI engineer path need": "AI engineer path"), if the rewrite replaced one.
 */
function pronounReplaced(asked: string, rewritten: string): string | undefined {
  let start = 0;
  while (start < asked.length && asked[start] === rewritten[start]) start++;
  let end = 0;
  while (
    end < asked.length - start &&
    end < rewritten.length - start &&
    asked[asked.length - 1 - end] === rewritten[rewritten.length - 1 - end]
  ) {
    end++;
  }
  const replaced = asked.slice(start, asked.length - end);
  const replacement = rewritten.slice(start, rewritten.length - end).trim();
  return /^(?:it|they|them)$/i.test(replaced) && replacement !== "" ? replacement : undefined;
}

/**
 * The topic a rewrite appended for a pointer of the question ("which tools to build one" →
 * "… (RAG)"): what the pointer stood for.
 */
function pointerCarried(asked: string, rewritten: string): string | undefined {
  const trimmed = asked.trim();
  if (!rewritten.startsWith(`${trimmed} (`) || !rewritten.endsWith(")")) return undefined;
  if (!POINTER.test(trimmed)) return undefined;
  const carried = rewritten.slice(trimmed.length + 2, -1).trim();
  return carried === "" || /[()]/.test(carried) ? undefined : carried;
}

/**
 * A rewritten question carried whole into the next one, without the parentheses of its own
 * carried topic: "and for beginners? (ml zero)" → "and for beginners? ml zero".
 */
function withoutCarried(question: string): string {
  return question.replace(/\s*\(([^()]*)\)/g, " $1").trim();
}

/** The name as the text spells it ("xgboost" → "XGBoost"), found case-insensitively. */
function originalSpelling(text: string, name: string): string {
  const pattern = new RegExp(`\\b${name.split(" ").map(escapeRegExp).join("\\W+")}\\b`, "i");
  return pattern.exec(text)?.[0] ?? name;
}

/**
 * Whether a demonstrative stands before the noun it names ("those 6 months", "that folder", "this
 * full roadmap"), not for a thing on its own ("that one", "how long does that take", "for that
 * tho").
 */
function namesWithDemonstrative(message: string): boolean {
  const tagged = tagWords(message);
  return tagged.some((word, index) => {
    // "this full roadmap": an adjective may stand between.
    const after = tagged[index + 1];
    const next = after?.pos === "ADJ" ? tagged[index + 2] : after;
    return (
      /^(?:this|that|these|those)$/i.test(word.word) &&
      next !== undefined &&
      /^(?:NOUN|PROPN|NUM)$/.test(next.pos) &&
      !/^(?:one|ones|tho|though)$/i.test(next.word)
    );
  });
}

/** Most words a compared thing is named in ("data drift", "model drift"). */
const MAX_NAME_WORDS = 3;

/**
 * The two things a question compares by name ("difference between data drift and model drift"),
 * if each is a short name; "should i learn pytorch or tensorflow" compares "i learn pytorch".
 */
function namedPair(question: string): string[] | undefined {
  const sides = comparedSides(question);
  if (sides === undefined) return undefined;
  const named = sides.every((side) => {
    const sideWords = side.split(/\s+/);
    return (
      sideWords.length <= MAX_NAME_WORDS &&
      !/^(?:i|you|we|they|it|to|should|do)$/i.test(sideWords[0] ?? "")
    );
  });
  return named ? sides : undefined;
}
