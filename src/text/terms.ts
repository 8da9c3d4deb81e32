import { stemmer } from "stemmer";

/**
 * English function words and question scaffolding. They carry no topic, so they are left out of
 * lexical search, query coverage and sentence scoring.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any anybody anyone are aren't as at be because been before
being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each either else even ever every few for from further get gets getting give go going got
had hadn't has hasn't have haven't having he her here hers herself him himself his how however i if in
into is isn't it it's its itself just let like ll may me might more most much must my myself need no
nor not now of off on once one only or other ought our ours ourselves out over own per please rather
really s same shall she should shouldn't so some such t than that that's the their theirs them
themselves then there there's these they this those through thus to too toward under until up upon us
use used using very via was wasn't we were weren't what what's when where which while who whom whose
why will with within without won't would wouldn't yet you your yours yourself yourselves tell know
want wanna say says said thing things way ways kind lot lots sort i'm i've i'd i'll you're you've
you'd you'll we're we've they're they've he's she's let's there're how's where's when's who's why's
here's what're how're since although unless whereas`.split(/\s+/),
);

/**
 * Words learners use to talk about the material rather than about a topic ("what does the
 * roadmap say…", "according to the article…", "is it ok to…", "the whole of step 5"), or to ask
 * for help with one ("any tips to…", "pointers on…"), or to ask two things apart ("how do I
 * distinguish bias from variance"). Dropped from questions only, never from passages.
 */
export const QUESTION_META_WORDS: ReadonlySet<string> = new Set(
  `roadmap article guide text author mention mentions mentioned list lists listed according suggest
suggests suggested recommend recommends recommended advise advises exactly specifically actually
basically even ok okay though anyway anyways whole entire tips tip pointers suggestions hacks
distinguish distinguishes distinguishing differentiate differentiates differentiating`.split(/\s+/),
);

/**
 * "in simple words", "simple mein samjhao", "in short", "quick one", a trailing "quick", "in
 * order", "in a nutshell", a closing "pls explain", an opening "explain…" or "can someone explain…"
 * ("explain dropout"): how to answer, not what about.
 */
const ANSWER_STYLE =
  /\bin (?:simple|easy|plain|layman'?s?|basic) (?:words|terms|language|english)\b|\bexplain(?:ed)? simply\b|\bsimple (?:in|me|mein) (?:explain|tell)\b|\bin short\b|\bin (?:\d+|one|two|three|four|five|a few|few) (?:lines?|sentences?|words|points|bullets?)\b|\bbriefly\b|\btl;?dr\b|\b(?:quick|short) (?:one|question|q|answer)\b|\bquick(?:ly)?(?=\s*[?.!]*$)|\b(?:in (?:that |the right )?order|in sequence|one by one|step by step)[?.!]*$|(?:^|,\s*|\s)(?:(?:pls|please|plz|kindly|can you|could you) )?explain(?: (?:it|this|that|me|to me|pls|please|plz|na|yaar|bro))*(?=\s*[?.!]*$)|^\s*(?:(?:pls|please|plz|kindly|(?:can|could) (?:you|someone|anyone|somebody)|someone|anyone) )?(?:explain|help me understand)(?: to me| me)?(?= \S)|\bin a nutshell\b/gi;

/** A question without the words that ask for a style of answer ("what is RAG in simple words"). */
export function withoutAnswerStyle(question: string): string {
  return question.replace(ANSWER_STYLE, " ");
}

/**
 * "how long (does it take) (to finish)", "how many", "how (does) X work(s)", "the point of",
 * "the purpose of": words that frame the question, not its topic; "step 5 finish … how long" is
 * Hinglish word order for the same, and "step 4 takes how long" a learner's.
 */
const ASKING_FRAME =
  /\bhow (?:long|many)\b|\b(?:the )?(?:point|purpose) of\b(?= \S)|(?<=\bhow long\b.*)\b(?:tak(?:e|es|ing)|finish(?:es|ing)?|(?<=\bto )complete|completing|get(?:ting)? through)\b|\b(?:finish(?:es|ing)?|tak(?:e|es|ing))\b(?=.*\bhow long\b)|\b(how (?:(?:does|do|did|is|are) )?.+?) work(?:s|ing)?\b(?=\s*[?!.]*$)/gi;

/**
 * A question without the words that frame it: "how long is step 4" is about step 4, "how does
 * backpropagation work" about backpropagation.
 */
export function withoutAskingFrame(question: string): string {
  return question.replace(ASKING_FRAME, (match, explained?: string) =>
    explained !== undefined ? explained : /^how\b/i.test(match) ? "how" : "",
  );
}

/**
 * A question without the words that frame it or ask for a style of answer ("how does dropout work
 * in simple words" is about dropout).
 */
export function withoutFraming(question: string): string {
  return withoutAskingFrame(withoutAnswerStyle(question));
}

/**
 * "name the types of ML", "pls name 3 drift tools", "can you name some…": "name" asking for a list,
 * like "list", not the topic word of "variable name".
 */
const NAME_THE_THINGS =
  /^\s*(?:(?:pls|please|plz|kindly|(?:can|could) (?:you|u|someone)|just) )*name(?= (?:the|some|all|any|a few|few|\d+|two|three|four|five|six|seven|eight|nine|ten|main|top|different|common|key)\b)/i;

/** The topic words of a question: meta words about the material and a listing "name" removed. */
export function questionText(question: string): string {
  return words(question.replace(NAME_THE_THINGS, ""))
    .filter((word) => !QUESTION_META_WORDS.has(word))
    .join(" ");
}

/** Whether the text holds a word at all: a letter or a digit ("???" and "🤔" hold none). */
export function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Splits text into word tokens as written, keeping tool names like "scikit-learn", "C++" or "R²". */
export function wordsAsWritten(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      // Treat apostrophes of both kinds the same, so "model’s" and "model's" agree.
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:[-'.+#][\p{L}\p{N}]+)*\+*/gu) ?? []
  );
}

/** Splits text into lower-case word tokens. */
export function words(text: string): string[] {
  return wordsAsWritten(text).map((word) => word.toLowerCase());
}

/** `words` with hyphens read as spaces: "GPT-style models" → gpt, style, models. */
export function wordsUnhyphenated(text: string): string[] {
  return words(text.replace(/-/g, " "));
}

/** British spellings the suffix rules below miss, in their American form. */
const AMERICAN: Readonly<Record<string, string>> = {
  artefact: "artifact",
  artefacts: "artifacts",
  licence: "license",
  licences: "licenses",
};

/**
 * A lower-case word in American spelling, so both spellings stem alike: the tutorials write
 * "normalisation", "optimiser", "behaviour", "analyse"; learners and the roadmap often the other.
 */
function americanSpelling(word: string): string {
  return (
    AMERICAN[word] ??
    word
      .replace(/(?<=\p{L}{3})is(?=(?:e|es|ed|ing|er|ers|ation|ations|able)$)/u, "iz")
      .replace(/(?<=\p{L}{2})ys(?=(?:e|es|ed|ing|er|ers)$)/u, "yz")
      .replace(/(?<=\p{L}{3})our(?=(?:s|ed|ing|ite|ites|able)?$)/u, "or")
  );
}

/**
 * Stems a lower-case word in its American spelling; short words and words with digits are kept
 * as they are.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return stemmer(americanSpelling(word.replace(/'s$/, "")));
}

/**
 * The stemmed terms of one content word: the word itself, the parts of a hyphenated or dotted
 * name ("scikit-learn", "bias-variance"), so both spellings match, and a version without its
 * closing "+" ("3.11+" also as 3.11; "10+ years" stays as the material writes it).
 */
export function termsOfWord(word: string): string[] {
  const version = /^\p{N}+\.\p{N}+\++$/u.test(word) ? word.replace(/\++$/, "") : undefined;
  const forms = version === undefined ? [word] : [word, version];
  const terms = [stem(word), ...forms.slice(1)];
  for (const form of forms) {
    if (/[-.]/.test(form)) {
      for (const part of form.split(/[-.]/)) {
        if (part.length > 1 && !STOPWORDS.has(part)) terms.push(stem(part));
      }
    }
  }
  return terms;
}

/** Index terms: the stemmed terms (`termsOfWord`) of each content word. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    if (!STOPWORDS.has(word)) terms.push(...termsOfWord(word));
  }
  return terms;
}
