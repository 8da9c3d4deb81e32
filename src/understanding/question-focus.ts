import { isEverydayWord } from "../text/common-words.ts";
import { STOPWORDS } from "../text/terms.ts";
import { isEnglishNameOnly } from "./english-dictionary.ts";
import { type TaggedWord, tagWords } from "./part-of-speech.ts";
import { timeExpressions } from "./time-expressions.ts";

/**
 * Opens a clause that asks something: a question word, an auxiliary verb, or a request ("confirm
 * what package…", "guide me"), maybe after a short phrase saying where ("in the 8 week mlops plan
 * what do i do in week 3") or a label ("two questions: how long…", "FastAPI q: what happens…").
 */
const ASKING =
  /^(?:[\p{L}\d' -]{1,30}:\s+)?(?:so |and |but |ok |okay |then |also |pls |please |like |i mean |(?:as per|according to) (?:the |my |your )?[\p{L}-]+ )*(?:(?:in|for|on|at|during|within) (?:(?!(?:i|we|you|he|she|they|im|i'm)\b)[\p{L}\d'’–-]+ ){1,5})?(what|which|who|whom|whose|when|where|why|how|is|are|am|was|were|do|does|did|can|could|should|shall|will|would|may|might|must|have|has|any|tell|explain|give|list|name|suggest|recommend|help|compare|define|confirm|clarify|advise|guide (?:me|us)|let me know|walk me through)\b/iu;

/**
 * "did some python on youtube during lockdown.", "have 2 yrs exp in java, …": a clause told with
 * its "I" left out, not a question: it opens with a verb that could ask, no subject follows, and
 * it has no question mark (see `toldWithoutSubject`).
 */
const TOLD_WITHOUT_SUBJECT =
  /^(?:do|does|did|have|has|had|was|were|am|can|could|will|would)\s+(?!(?:i|you|we|they|he|she|it|there|this|that|these|those|my|your|our|their|his|her|anyone|someone|people|ppl|u)\b)[^?]*$/i;

/** "did a python course last year", "have 2 yrs exp": what the learner did or has. */
const DID_OR_HAS = /^(?:did|have|had)\s/i;

/**
 * Whether a clause is told with its "I" left out: it ends with a full stop, or it tells what the
 * learner did or has and another clause follows ("did a python course last year, is that
 * enough?"); "does the certificate expire, and …" still asks.
 */
function toldWithoutSubject(clause: string, last: boolean): boolean {
  return (
    TOLD_WITHOUT_SUBJECT.test(clause) &&
    (clause.endsWith(".") || (!last && DID_OR_HAS.test(clause)))
  );
}

/**
 * Asks for an amount after naming it: "aws cert valid for how long", "course fees kitna". The
 * clause opens like a statement but asks.
 */
const ASKS_AT_THE_END = /\b(?:how (?:long|much|many|often)|kitna|kitne|kitni)\s*[?!.]*$/i;

/** Ends a clause that guesses at the answer ("…, eigenvectors of a covariance matrix or wat"). */
const GUESS_TAG = /\bor (?:what|wat|smth|something|sth|not)\s*[?!.]*$|,?\s*right\s*[?!.]*$/i;

/**
 * The part of a message that asks the question, without the situation around it: "I'm 28, in
 * marketing, no CS degree, can I still get into ML?" asks "can I still get into ML?". A message
 * is cut into clauses at sentence ends, commas, semicolons and dashes; the clauses that end with
 * a question mark, open like a question, end by asking an amount ("… valid for how long") or end
 * on a guess ("… or what") are the focus. A message
 * with no such clause, or only one clause, is its own focus.
 */
export function questionFocus(message: string): string {
  const clauses = clausesOf(message);
  if (clauses.length < 2) return message;
  const kept = focusClauses(clauses, message)?.kept;
  return kept === undefined ? message : clauses.filter((_clause, index) => kept[index]).join(" ");
}

/** Most words of a remark ("everyone keeps saying it", "still confused"). */
const REMARK_WORDS = 5;
/** Most words of an aside in words the material never uses ("my boss wants to know"), time left out. */
const ASIDE_WORDS = 8;
/** "… for my viva", "… for our internals": the purpose the learner closes the question with. */
const CLOSING_PURPOSE = /\s(?:for|in) (?:my|our) (?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+\s*[?!.]*$/iu;
/**
 * "my manager keeps saying it in every meeting", "my manager is asking and I am not knowing",
 * "everyone talks about it": who says or asks the thing, not what it is.
 */
const SAYS_IT =
  /^(?:(?:my|our|the|a|an|all|every|some)\s+)?(?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+\s+(?:(?:keeps?|kept)\s+(?:saying|asking|mentioning|talking about|using)|(?:is|are|was|were)\s+(?:asking|saying|talking about)|says|said|asks|asked|mentioned|mentions|talks about|wants to know|wanted to know|told me(?: about)?)(?:\s+(?:it|this|that|them|these|me|us|about (?:it|this|that)))?(?:\s+(?:in|at|during|on|every|all|for)\b[^?]{0,30})?(?:\s+and\s+i\s+(?:am|'m)\s+not\s+(?:knowing|sure|getting it))?\s*[.!]*\s*\p{Extended_Pictographic}*$/iu;

/**
 * "saw it in some youtube video", "heard about it on reddit", "came across this on linkedin": where
 * the learner met the thing, not what it is.
 */
const HEARD_OF_IT =
  /^(?:(?:i|we)\s+)?(?:(?:just|first|recently|once)\s+)?(?:saw|seen|heard(?:\s+(?:about|of))?|came across|read about|found out about|learnt about|learned about)\s+(?:(?:about|of)\s+)?(?:it|this|that|them|these|this term|the term|the name)\s+(?:on|in|from|at|during)\s+(?:(?:a|an|the|some|my|our|one|this|that|random)\s+)?(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+\s*[.!]*\s*\p{Extended_Pictographic}*$/iu;

/** "quick sanity check before i submit: should i …": a label before the question. */
const LEADING_LABEL = /^([^:?]{1,60}):\s/u;
/**
 * "my friend asked me …", "my manager wants to know …", "prof asked in viva …": who asks, and
 * where, before the question.
 */
const OPENING_ASKER =
  /^(?:(?:my|our|the|a|an) )?(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+ (?:asked|asks|is asking|wants to know|wanted to know)(?: me| us)?(?: (?:in|during|at|after|before) (?:the |my |our |a |an )?[\p{L}'’-]+)?(?: that)?\b/iu;

/**
 * The clauses around the focus that only remark, in everyday words, without a noun or a figure:
 * "what is RAG exactly, everyone keeps saying it", "still confused, what's RAG in simple words".
 * They say how the learner feels about the question, not what it is about; "data cleaning seems
 * boring" names what it is about, and "my english is weak" a language. Given the words the
 * material lacks (and, optionally, those it barely uses), also an aside of at most eight words:
 * everyday words, nouns the material never or barely uses, and expressions of time, after a
 * comma, a dash, a question mark or an emoji, before a colon, or in brackets: "… deadline
 * tonight", "… (asking for my cousin)", "…, viva is at 10am tomorrow", "typing from phone - …".
 */
export function remarkClauses(
  message: string,
  materialLacks?: (word: string) => boolean,
  rarelyUsed?: (word: string) => boolean,
): string[] {
  const clauses = clausesOf(message);
  const focus = clauses.length < 2 ? undefined : focusClauses(clauses, message);
  const kept = focus?.kept;
  const everyday = (word: string) => isEverydayWord(word.toLowerCase()) && !isEnglishNameOnly(word);
  const nounless = (tagged: TaggedWord[]) =>
    tagged.every((word) => word.pos !== "NOUN" && word.pos !== "PROPN");
  // "what is dropout?? deadline tonight", "…, my boss wants to know": an aside whose nouns the
  // material never or barely uses, the rest everyday words; "viva is at 10am tomorrow": or when.
  const isAside = (text: string) => {
    if (materialLacks === undefined) return false;
    let timeless = text;
    for (const expression of timeExpressions(text)) timeless = timeless.replace(expression, " ");
    const tagged = tagWords(timeless);
    if (tagged.some((word) => /\d/.test(word.word))) return false;
    const lettered = tagged.filter((word) => /\p{L}/u.test(word.word));
    const fits = (word: TaggedWord) =>
      STOPWORDS.has(word.word.toLowerCase()) ||
      (!isEnglishNameOnly(word.word) && materialLacks(word.word)) ||
      (everyday(word.word) && (nounless([word]) || (rarelyUsed?.(word.word) ?? false)));
    return lettered.length <= ASIDE_WORDS && lettered.every(fits);
  };
  // "how do i handle missing values (asking for my cousin)": an aside in brackets, inside a clause
  // that asks; so are a closing purpose, "… for my viva", and who asks, "my friend asked me …".
  const inside =
    materialLacks === undefined
      ? []
      : [
          ...[...message.matchAll(/\(([^()]{1,60})\)/g)].map((match) => match[0]),
          ...[
            CLOSING_PURPOSE.exec(message)?.[0],
            OPENING_ASKER.exec(message)?.[0],
            LEADING_LABEL.exec(message)?.[1],
          ].filter((found): found is string => found !== undefined),
        ].filter((found) => isAside(found.replace(/[()?!.]/g, " ")));
  if (kept === undefined) return inside;
  const remarks = clauses.filter((clause, index) => {
    if (kept[index] !== true && (SAYS_IT.test(clause) || HEARD_OF_IT.test(clause))) return true;
    // "federated learning?? sounds like a buzzword, what is it": "what is it" leans on the
    // clause that asked before the aside, not on the aside.
    // …or a label before the question that is itself an aside ("deadline tonight - what is X").
    const leanedOnAside =
      ((focus?.leanedOn[index] === true && focus.asks.slice(0, index).includes(true)) ||
        (index === 0 && focus?.labelled === true)) &&
      isAside(clause);
    if (kept[index] === true) return leanedOnAside;
    if (/\d/.test(clause)) return isAside(clause);
    const words = clause.match(/[\p{L}'’]+/gu) ?? [];
    if (words.length <= REMARK_WORDS && words.every(everyday) && nounless(tagWords(clause))) {
      return true;
    }
    return isAside(clause);
  });
  return [...remarks, ...inside];
}

/** A message cut into clauses at sentence ends, commas, semicolons, dashes, ellipses and emoji. */
function clausesOf(message: string): string[] {
  return message
    .split(
      /(?<=[.?!])\s+|[,;]\s+|\s+[—–-]\s+|\s*\.\.\.+\s*|\s*\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})*\s*/u,
    )
    .map((clause) => clause.trim())
    .filter((clause) => /[\p{L}\p{N}]/u.test(clause));
}

/**
 * Which of two or more clauses are the focus (`kept`), which of them ask (`asks`), which are kept
 * only because the clause after them leans on them (`leanedOn`), and whether the first is kept as
 * a topic label of the question after it (`labelled`); undefined when none asks.
 */
function focusClauses(
  clauses: readonly string[],
  message: string,
): { kept: boolean[]; asks: boolean[]; leanedOn: boolean[]; labelled: boolean } | undefined {
  const asks = clauses.map(
    (clause, index) =>
      clause.endsWith("?") ||
      (ASKING.test(clause) && !toldWithoutSubject(clause, index === clauses.length - 1)) ||
      ASKS_AT_THE_END.test(clause) ||
      GUESS_TAG.test(clause),
  );
  if (!asks.includes(true)) return undefined;
  // A clause that only points back ("…, which is better?", "how to do?") asks about the clause
  // before it: "JAX vs PyTorch for research, which is better" is about JAX and PyTorch. One that
  // checks a claim ("… earn more than ML engineers, hence I am choosing DS. Is it correct?")
  // asks about the whole sentence before it.
  const leanedOn = clauses.map((_clause, index) => {
    const next = clauses[index + 1];
    return (
      !asks[index] &&
      asks[index + 1] === true &&
      next !== undefined &&
      (leansBack(next) || actsOnPointer(next))
    );
  });
  // "kmeans - what parameter do i set", "DL foundations - what topics to cover": a short topic
  // before the first question names what it asks about.
  const first = clauses[0] as string;
  // A label is set off by a dash or a comma; "namaste 🙏 what is X" greets.
  const labelled =
    !asks[0] &&
    asks[1] === true &&
    namesATopic(first) &&
    LABEL_END.test(message.slice(message.indexOf(first) + first.length));
  const kept = clauses.map(
    (_clause, index) =>
      asks[index] === true || leanedOn[index] === true || (index === 0 && labelled),
  );
  // "Which RL algorithms, such as Q-learning, does the roadmap recommend?": the examples of an
  // asking clause say what it asks for.
  clauses.forEach((clause, index) => {
    if (index > 0 && asks[index - 1] === true && GIVES_EXAMPLES.test(clause)) kept[index] = true;
  });
  clauses.forEach((clause, index) => {
    if (!asks[index] || !CHECKS_A_CLAIM.test(clause)) return;
    for (let before = index - 1; before >= 0; before--) {
      kept[before] = true;
      if (before === 0 || /[.?!]$/.test(clauses[before - 1] as string)) break;
    }
  });
  return { kept, asks, leanedOn, labelled };
}

/** "for an SVM, …", "regarding DVC - …": a preposition that only opens the topic label. */
const TOPIC_PREPOSITION =
  /^(?:for|in|with|about|regarding|re|as for|coming to)\s+(?:(?:a|an|the|my|our)\s+)?/i;
/** What sets a topic label off from the question after it: a dash or a comma. */
const LABEL_END = /^\s*(?:[-–—]\s|,)/;
/** Most words of a topic label before a question ("DL foundations"). */
const LABEL_WORDS = 3;

/**
 * Whether a clause only names a topic: up to three nouns, names, adjectives or numbers, one of
 * them no everyday word ("kmeans", "NLP engineer", "for an SVM"; not "different thing").
 */
function namesATopic(clause: string): boolean {
  const tagged = tagWords(clause.replace(/[:?!.]+$/, "").replace(TOPIC_PREPOSITION, ""));
  return (
    tagged.length > 0 &&
    tagged.length <= LABEL_WORDS &&
    tagged.every((word) => ["NOUN", "PROPN", "ADJ", "NUM"].includes(word.pos)) &&
    tagged.some((word) => !isEverydayWord(word.word.toLowerCase()) && !/^\d+$/.test(word.word))
  );
}

/** "such as Q-learning", "e.g. ALS", "for example CatBoost": examples of what is asked. */
const GIVES_EXAMPLES = /^(?:such as|e\.?g\.?|for example|for instance|including|especially)\b/i;

/** "Is it correct?", "am I right?", "true?": checks the claim made before it. */
const CHECKS_A_CLAIM =
  /^(?:is (?:it|that|this|my (?:thinking|understanding|plan)) (?:correct|right|true|ok|okay|wrong)|am i (?:right|correct|wrong)|correct|right|true)\W*$/i;

/**
 * Words of an asking clause that name nothing by themselves, among them what one asks of a thing
 * named before: "retrain on a fixed schedule — what's the catch?".
 */
const POINTING =
  /^(?:so|and|but|ok|okay|then|also|which|what|whats|what's|is|are|it|its|it's|this|that|these|those|one|ones|the|two|both|either|better|best|worse|good|worth|faster|easier|right|correct|true|ok|enough|should|i|do|does|pick|choose|use|go|with|for|to|of|more|less|really|actually|diff|difference|how|explain|tell|me|pls|please|plz|fix|solve|resolve|handle|start|begin|any|there|catch|point|downsides?|drawbacks?|pros|cons|benefits?|advantages?|disadvantages?|limitations?|risks?)$/i;

/**
 * Figures offered to choose from ("2 yrs or 3?", "2e-5 or 5e-5"), or one figure guessed
 * ("8888 or something else?", "like 20 lpa?"): a guess at the answer to the clause before.
 */
const FIGURES_OFFERED = /^(?:\S+\s+){0,2}?\S*\d\S*(?:\s+\S+)?\s+or\s+\S*\d\S*(?:\s+\S+)?[?!.]*$/;
const FIGURE_GUESSED =
  /^(?:like |maybe |probably |around |about |approx |roughly |~)?\S*\d\S*(?: \p{L}+)?(?: or (?:something|smth|sth|anything|what|wat|not|so|more|less|higher|lower)(?: else)?)?[?!.]*$/iu;

/**
 * "my sourdough starter keeps dying, how do i make one from scratch": a clause that asks to act on
 * "one" ("make one", "buy one") asks about a thing of the kind the clause before it named. "it"
 * is left alone: "how long would the roadmap say it takes" points at the situation, not a thing.
 */
function actsOnPointer(clause: string): boolean {
  // Tagging is the costly part, and the question focus is read many times per answer.
  if (!/\bone\b/i.test(clause)) return false;
  const tagged = tagWords(clause);
  return tagged.some(
    (word, index) =>
      index > 0 &&
      word.word.toLowerCase() === "one" &&
      tagged[index - 1]?.pos === "VERB" &&
      // "which model version is the live one": an adjective the tagger took for a verb.
      tagged[index - 2]?.pos !== "DET",
  );
}

/**
 * A short clause whose every word points back or asks ("which one is better?"), or that offers
 * figures to choose from.
 */
function leansBack(clause: string): boolean {
  if (FIGURES_OFFERED.test(clause) || FIGURE_GUESSED.test(clause)) return true;
  const words = clause.replace(/[?!.]+$/, "").split(/\s+/);
  return words.length <= 5 && words.every((word) => POINTING.test(word));
}
