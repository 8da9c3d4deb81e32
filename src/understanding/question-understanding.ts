import type { Chunk } from "../chunking/chunk.ts";
import { commonWordRank, EVERYDAY_RANK, isEverydayWord } from "../text/common-words.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";
import { numberedReferences } from "../text/numbered-references.ts";
import { STOPWORDS, words } from "../text/terms.ts";
import { ComparedHeads } from "./compared-heads.ts";
import { CorpusVocabulary } from "./corpus-vocabulary.ts";
import {
  englishWordsOneEditAway,
  isEnglishNameOnly,
  isEnglishWord,
  oneEditAway,
} from "./english-dictionary.ts";
import { exceptionExpansions } from "./exception-names.ts";
import { type LearnerLexicon, learnerLexicon } from "./learner-lexicon.ts";
import { learnerTypeExpansions } from "./learner-profile.ts";
import { normaliseNumbers } from "./normalise-numbers.ts";
import { operatorExpansions } from "./operator-words.ts";
import { tagWords } from "./part-of-speech.ts";
import { situationExpansions } from "./situation-words.ts";
import { SpelledOut } from "./spelled-out.ts";
import { synonyms } from "./wordnet.ts";

/** One change made to a question, shown to the learner with the reason. */
export type UnderstandingChange = {
  from: string;
  /** Empty when the words were dropped (chat filler). */
  to: string;
  reason: "filler" | "abbreviation" | "spelling" | "number" | "hinglish" | "comparison";
};

/**
 * Halves of a word written as one are this common or more ("over" + "sample"): "pas" + "word" is
 * "password" misspelled.
 */
const COMPOUND_PART_RANK = 5000;
/** Words this long or longer are corrected to any English word one edit away. */
const LONG_WORD = 7;
/** A shorter word is corrected only to one of this many most common words, a letter dropped. */
const DROPPED_LETTER_RANK = 1000;
/**
 * "RAG kya hai?", "overfitting kya hota hai", "dropout ka matlab kya hai": Hindi puts "what is"
 * after the thing asked about. Up to six words of the clause before it are the thing.
 */
const HINGLISH_WHAT_IS =
  /(^|[.?!,;:]\s*)((?:[^\s.?!,;:]+\s+){0,5}?[^\s.?!,;:]+)\s+(?:ka (?:matlab|meaning)\s+)?(?:kya|kia)\s+(?:hai|h|hota hai|hoti hai|hote hai|hote hain|hain)\b\s*\??/giu;

/** Extra search words for a word of the question; the question itself keeps its word. */
export type Expansion = {
  word: string;
  alternatives: string[];
  /** `spelling`: the British or American spelling of the word ("visualisation" → "visualization"). */
  source: "lexicon" | "wordnet" | "spelling";
  /** The material's name for a situation the learner describes ("only 1% are fraud" → imbalanced). */
  situation?: true;
};

/**
 * British and American spellings of a word's ending ("-isation" / "-ization", "-ise" / "-ize",
 * "-our" / "-or"): each pattern with the infix the other spelling puts in its place.
 */
const SPELLING_SWAPS: ReadonlyArray<[RegExp, string]> = [
  [/^(\p{L}{3,})is(ations?|e|es|ed|ing|er|ers)$/u, "iz"],
  [/^(\p{L}{3,})iz(ations?|e|es|ed|ing|er|ers)$/u, "is"],
  [/^(\p{L}{3,})our(s|ed|ing)?$/u, "or"],
  [/^(\p{L}{3,})or(s|ed|ing)?$/u, "our"],
];

/** The word in the other of British and American spelling, if its ending differs between them. */
export function spellingVariant(word: string): string | undefined {
  for (const [pattern, infix] of SPELLING_SWAPS) {
    const match = pattern.exec(word);
    if (match !== null) return `${match[1]}${infix}${match[2] ?? ""}`;
  }
  return undefined;
}

/** A Python exception or warning class a learner pastes ("ModuleNotFoundError", "KeyError"). */
const EXCEPTION_NAME = /^[A-Z][A-Za-z]*(?:Error|Exception|Warning)$/;

/** What a question was understood as, and why. Deterministic for a given corpus. */
export type UnderstoodQuestion = {
  /** The question as written (after Unicode clean-up). */
  asked: string;
  /** The normalised question that is searched. */
  understoodAs: string;
  changes: UnderstandingChange[];
  expansions: Expansion[];
  /**
   * Nouns, names and technical tokens that neither the corpus nor the English dictionary knows
   * ("JAX", "Kubeflow"): topics the material does not cover.
   */
  unknownTopics: string[];
  /** Ordinary English words the corpus never uses ("realistically", "saturated"). */
  unfamiliarWords: string[];
  /** Those of `unfamiliarWords` tagged as nouns or names ("poetry", "airflow"): possible topics. */
  unfamiliarNouns: string[];
  /**
   * Those of `unfamiliarWords` that describe or are everyday verbs ("bad", "scared", "done"): how
   * the learner feels, not what the question is about.
   */
  unfamiliarDescribing: string[];
};

/** Every word the expansions add to a search, in order. */
export function expansionWords(understood: Pick<UnderstoodQuestion, "expansions">): string[] {
  return understood.expansions.flatMap((expansion) => expansion.alternatives);
}

/** The material's names for the situations the learner describes ("transfer learning"). */
export function describedSituations(understood: Pick<UnderstoodQuestion, "expansions">): string[] {
  return understood.expansions
    .filter((expansion) => expansion.situation === true)
    .flatMap((expansion) => expansion.alternatives);
}

/** A word and its contraction: "wat's", "u'll". */
const CONTRACTION = /^(\p{L}+)'(s|re|ll|d|ve|m)$/u;

/**
 * "y?", "y not colab", "but y is it slow", "y start w linear": "y" opening a message asks why.
 * The corpus writes "y" for a target column, so the lexicon's "y" → "why" never applies elsewhere.
 */
const LEADING_Y =
  /^(\W*(?:(?:ok|okay|but|so|and|hmm|acha)\W+)?)y(?=\s*[?!.]*\s*$|\s+(?:not|is|are|do|does|did|should|would|will|can|cant|can't|so|tho|though|would|isn't|doesn't|we|you|u|i|they|people|ppl|everyone|start|use|learn|choose|pick|prefer|need)\b)/i;

/**
 * "linear n logistic regression", "10k samples n batch size 32", "start w linear": a lone "n" or
 * "w" between two words is "and" or "with" (the lexicon's "n" → "and" never applies, since the
 * corpus writes "n" in `n_estimators`). After a word that takes a count ("top n", "with n
 * samples"), or before a counted noun ("pick n estimators"), "n" is the count.
 */
const LONE_AND_OR_WITH =
  /(?<=(?:^|\s)(?!(?:top|first|last|of|for|with|the|size|than|by|to|all|choose|where|if|when|and|or|is|are|be|x|y|pick|set|tune|many|much)\s)\p{L}{2,}\s+)([nw])(?=\s+(?!(?:estimators|samples|features|rows|examples|items|classes|clusters|jobs|epochs|components|neighbou?rs|splits|folds|times|points|dimensions|grams?)\b)\p{L}{2,}\b)/gu;

/** "5//2 gives 2, y??": a "y" closing a message after a comma asks why, too. */
const TRAILING_Y = /(,\s*(?:but\s+|so\s+)?)y(\s*\?+[!?.]*\s*)$/i;

/** Part-of-speech tags of words that describe rather than name: adjectives, adverbs, interjections. */
const DESCRIBING_TAGS = new Set(["ADJ", "ADV", "INTJ"]);
/** Verbs more frequent than this in spoken English are everyday verbs. */
const EVERYDAY_VERB_RANK = 3000;

/**
 * An English word after a prefix, or before a particle or a suffix that says what kind of thing
 * it is ("spreadsheet-y", "kaggle-like", "brain-inspired", "rlhf-style"), joined by a hyphen.
 */
const EVERYDAY_COMPOUND =
  /^(?:non|un|re|pre|post|over|under|co|anti|mis)-(\p{L}+)$|^(\p{L}+)-(?:in|out|up|down|off|on|over|back|y|ish|like|esque|inspired|based|style|type|heavy|friendly|driven|focused|related|oriented)$/u;

/** A prefix and the word it is attached to without a hyphen ("rescale", "unfreeze"). */
const PREFIXED = /^(?:re|un|pre|de|dis|mis|over|under|non|sub|multi|auto|inter|anti)(\p{L}{4,})$/u;

/**
 * Nouns that name no topic: "rag in llm stuff" asks about RAG; "with all the genai hype" says how
 * the learner sees GenAI, and "or just vibes" how they see a claim, not a topic of its own.
 */
const VAGUE_NOUNS = new Set([
  "stuff",
  "stuffs",
  "thing",
  "things",
  "something",
  "anything",
  "hype",
  "buzz",
  "craze",
  "fomo",
  "vibes",
]);

/** Whether a word tagged `pos` describes ("bad", "scared") or is an everyday verb ("done"). */
function describes(word: string, pos: string): boolean {
  return (
    DESCRIBING_TAGS.has(pos) ||
    (pos === "VERB" && (commonWordRank(word.toLowerCase()) ?? Infinity) <= EVERYDAY_VERB_RANK)
  );
}

/**
 * Whether `word` says what the learner's own thing is or is like: "my laptop is a potato", "my pc
 * is basically a toaster", "my code is spaghetti".
 */
function describesMine(question: string, word: string): boolean {
  const said = new RegExp(
    `\\bmy(?: [\\p{L}-]+){1,2} (?:is|was|'s) (?:(?:like|basically|literally|just|kind of|such|so|a bit of) )*(?:an? )?(?:[\\p{L}-]+ )?${escapeRegExp(word)}\\b`,
    "iu",
  );
  return said.test(question);
}

/** Parts of speech that cannot name a topic on their own. */
const FUNCTION_TAGS = new Set([
  "VERB",
  "ADV",
  "AUX",
  "ADP",
  "CCONJ",
  "SCONJ",
  "DET",
  "PRON",
  "PART",
  "INTJ",
  "PUNCT",
  "SYM",
  "NUM",
]);
/** A word written in capitals, three letters or more: "SMOTE", "LIME". */
const ACRONYM = /^[A-Z]{3,}$/;
/** A word token as learners write them: "scikit-learn", "C++", "B.Tech", "ml/ai", "don't". */
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?(?:[-./+#_][\p{L}\p{N}]+)*\+*\/?/gu;
/** Words joined by plus signs: "imputer+scaler", "pandas+numpy". */
const PLUS_JOINED = /^\p{L}{2,}(?:\+\p{L}{2,})+$/u;
/** One of several names joined by slashes ("XGB/RF"): two or more letters and digits. */
const SLASHED_NAME = /^\p{L}[\p{L}\p{N}-]+$/u;
/** A file name as learners mention theirs: "model.pkl", "train.csv", "app.py". */
const FILE_NAME =
  /^[\p{L}\p{N}_-]+\.(?:pkl|pickle|joblib|csv|tsv|json|jsonl|parquet|txt|py|ipynb|h5|pt|pth|onnx|ya?ml|md|zip|xlsx?)$/iu;
/** Most WordNet synonyms added for one word. */
const MAX_ALTERNATIVES = 4;

/** Tidies what removals leave behind: doubled spaces, spaces before punctuation, stray commas. */
function tidy(text: string): string {
  return (
    text
      .replace(/\s+/g, " ")
      // Not before a file extension (".xlsx"): that is a word of its own.
      .replace(/\s+([,.?!;:])(?=\s|$|[,.?!;:])/g, "$1")
      .replace(/([,;:])(?=[,;:.?!])/g, "")
      .replace(/^[\s,.;:!-]+/, "")
      .replace(/,\s*$/, "")
      .trim()
  );
}

/**
 * Question understanding, before retrieval: Unicode and number normalisation, chat filler
 * removal, the reviewed learner lexicon (abbreviations, chat spellings, synonyms), spelling
 * correction against the corpus vocabulary and Hunspell's English dictionary, lemmas and WordNet
 * synonyms for words the corpus does not use, and a POS tagger to tell unknown topics (nouns,
 * names, technical tokens) from ordinary English. A word the corpus uses is never changed.
 */
export class QuestionUnderstanding {
  private readonly vocabulary: CorpusVocabulary;
  private readonly lexicon: LearnerLexicon;
  private readonly comparedHeads: ComparedHeads;
  private readonly spelledOut: SpelledOut;
  /** The last step, month and week the material numbers ("step" → 7). */
  private readonly lastPlaces = new Map<string, number>();
  private readonly englishCache = new Map<string, boolean>();
  /** Spelling corrections already worked out, per word. */
  private readonly correctionCache = new Map<string, string | undefined>();

  constructor(
    chunks: readonly (Pick<Chunk, "section" | "text"> & Partial<Pick<Chunk, "source" | "cells">>)[],
    lexicon = learnerLexicon(),
  ) {
    this.vocabulary = new CorpusVocabulary(chunks);
    this.lexicon = lexicon;
    this.comparedHeads = new ComparedHeads(chunks);
    this.spelledOut = new SpelledOut(chunks);
    for (const chunk of chunks) {
      for (const place of numberedReferences(`${chunk.section}\n${chunk.text}`)) {
        if (!Number.isFinite(place.last)) continue;
        this.lastPlaces.set(place.noun, Math.max(this.lastPlaces.get(place.noun) ?? 0, place.last));
      }
    }
  }

  understand(question: string): UnderstoodQuestion {
    const changes: UnderstandingChange[] = [];
    let text = question.replace(LEADING_Y, (match, start: string) => {
      changes.push({ from: "y", to: "why", reason: "abbreviation" });
      return `${start}why${match.slice(start.length + 1)}`;
    });
    text = text.replace(TRAILING_Y, (_match, start: string, end: string) => {
      changes.push({ from: "y", to: "why", reason: "abbreviation" });
      return `${start}why${end}`;
    });
    text = text.replace(HINGLISH_WHAT_IS, (match, start: string, thing: string) => {
      const english = `what is ${thing}${match.trimEnd().endsWith("?") ? "?" : ""} `;
      changes.push({
        from: match.slice(start.length).trim(),
        to: english.trim(),
        reason: "hinglish",
      });
      return `${start}${english}`;
    });

    text = text.replace(LONE_AND_OR_WITH, (letter: string) => {
      const word = letter === "n" ? "and" : "with";
      changes.push({ from: letter, to: word, reason: "abbreviation" });
      return word;
    });
    for (const pattern of [...this.lexicon.requestPatterns, ...this.lexicon.fillerPatterns]) {
      text = text.replace(pattern, (match) => {
        changes.push({ from: match, to: "", reason: "filler" });
        return " ";
      });
    }
    for (const { pattern, replacement } of this.lexicon.phraseReplacements) {
      text = text.replace(pattern, (match) => {
        changes.push({ from: match, to: replacement, reason: "abbreviation" });
        return replacement;
      });
    }
    // "what comes after step 3" is step 4; after month 12 there is no month 13 to ask about.
    const numbers = normaliseNumbers(text, (part) => this.lastPlaces.get(part) ?? 0);
    text = numbers.text;
    for (const change of numbers.changes) changes.push({ ...change, reason: "number" });

    text = text.replace(TOKEN, (token) => this.rewriteToken(token, changes));
    // "supervised vs unsupervised" compares two rows the material names "… Learning".
    const compared = this.comparedHeads.complete(tidy(text));
    for (const side of compared.completed) changes.push({ ...side, reason: "comparison" });
    // "what is ML" asks what the material calls "Machine learning (ML)".
    const spelled = this.spelledOut.spellOut(compared.text);
    if (spelled.from !== undefined && spelled.to !== undefined) {
      changes.push({ from: spelled.from, to: spelled.to, reason: "abbreviation" });
    }
    let understoodAs = spelled.text;
    if (!/[\p{L}\p{N}]/u.test(understoodAs)) {
      // Nothing but filler ("thanks!"): search what was written.
      understoodAs = question;
      changes.length = 0;
    }
    const hinglish = words(question).some((word) => this.lexicon.hinglishMarkers.has(word));
    return { asked: question, understoodAs, changes, ...this.analyse(understoodAs, hinglish) };
  }

  /** The replacement of one token (itself when unchanged); records what changed. */
  private rewriteToken(token: string, changes: UnderstandingChange[]): string {
    const lower = token.toLowerCase().replace(/’/g, "'");
    if (this.lexicon.fillerWords.has(lower)) {
      changes.push({ from: token, to: "", reason: "filler" });
      return " ";
    }
    const capitalised = this.lexicon.caseSensitive.get(token);
    if (capitalised !== undefined) {
      changes.push({ from: token, to: capitalised, reason: "abbreviation" });
      return capitalised;
    }
    const replacement = this.lexicon.replacements.get(lower);
    if (replacement !== undefined && !this.vocabulary.hasExactly(lower)) {
      changes.push({ from: token, to: replacement, reason: "abbreviation" });
      return replacement;
    }
    // "imputer+scaler": words joined by a plus are read one by one ("C++" is a name of its own).
    if (PLUS_JOINED.test(token)) {
      return token
        .split("+")
        .map((part) => this.rewriteToken(part, changes))
        .join(" + ");
    }
    const known = this.knowsToken(token);
    // "wat's", "u'll": a lexicon word with its contraction kept.
    const contracted = known ? null : CONTRACTION.exec(lower);
    const base =
      contracted === null ? undefined : this.lexicon.replacements.get(contracted[1] ?? "");
    if (contracted !== null && base !== undefined && !/\s/.test(base)) {
      const written = `${base}'${contracted[2]}`;
      changes.push({ from: token, to: written, reason: "abbreviation" });
      return written;
    }
    if (known || STOPWORDS.has(lower) || /\d/.test(token)) return token;
    // "XGB/RF", "sklearn/xgb": names joined by a slash are read one by one ("b/w" is a lexicon
    // word; single letters such as "A/B" stay as written).
    const parts = token.split("/");
    if (parts.length > 1 && parts.every((part) => SLASHED_NAME.test(part))) {
      return parts.map((part) => this.rewriteToken(part, changes)).join(" / ");
    }
    // A tool the material never names is a topic it lacks, not a typo ("faiss" is not "fails");
    // a word the lexicon expands is the learner's own ("crore" is not "core").
    if (this.lexicon.toolNames.has(lower) || this.lexicon.expansions.has(lower)) return token;
    // Only plain words are corrected: a compound or a name with symbols ("q-learning", "C#") is
    // more likely a topic the corpus lacks than a typo.
    if (this.isEnglish(token) || /[^\p{L}']/u.test(token)) return token;
    const corrected = this.correction(lower);
    if (corrected === undefined) return token;
    // "rescale" is re + scale, a word of its own, not a misspelled "resale"; "pretrain" is the
    // corpus's "pre-train" written without its hyphen. A rare base makes no word of its own:
    // "retuns" is "returns", not re + "tuns".
    if (this.isPrefixedWord(lower) && corrected.replace(/-/g, "") !== lower) return token;
    changes.push({ from: token, to: corrected, reason: "spelling" });
    return corrected;
  }

  /** The corrected spelling of an unknown lower-case word, if any; remembered per word. */
  private correction(word: string): string | undefined {
    if (this.correctionCache.has(word)) return this.correctionCache.get(word);
    const corrected = this.vocabulary.nearest(word) ?? this.dictionaryCorrection(word);
    // Bounded: learners' vocabulary is finite, but a flood of random tokens must not grow it.
    if (this.correctionCache.size < 10_000) this.correctionCache.set(word, corrected);
    return corrected;
  }

  /**
   * Loads the dictionary, the tagger and WordNet's index now (about 1 s), so that the first
   * learner's question does not wait for them.
   */
  warmUp(): void {
    this.understand("realistically, which certification should I get for pytorh deployment?");
    synonyms("realistic");
  }

  /**
   * Whether the corpus knows a token, or every part of a hyphenated, slashed or dotted one when
   * each part is a word of its own ("data-driven", "model.coef_"; not "q-learning").
   */
  private knowsToken(token: string): boolean {
    if (this.vocabulary.has(token)) return true;
    const parts = token.split(/[-/.]/).filter((part) => part !== "");
    return parts.length > 1 && parts.every((part) => part.length > 2 && this.vocabulary.has(part));
  }

  /** Whether a corpus word with the same first letter is one edit from a lower-case word. */
  private nearCorpusWord(word: string): boolean {
    return oneEditAway(word).some(
      (candidate) => candidate[0] === word[0] && this.vocabulary.hasExactly(candidate),
    );
  }

  /**
   * Two everyday English words written as one ("oversample", "underfit"): a word of its own, not a
   * misspelling of another one edit away ("oversimple").
   */
  private isEnglishCompound(word: string): boolean {
    // Both halves are everyday words: "pasword" is not "pas" + "word" but "password" misspelled.
    const everyday = (part: string) =>
      isEnglishWord(part) &&
      (commonWordRank(part) ?? Number.POSITIVE_INFINITY) <= COMPOUND_PART_RANK;
    for (let cut = 3; cut <= word.length - 3; cut++) {
      if (everyday(word.slice(0, cut)) && everyday(word.slice(cut))) return true;
    }
    return false;
  }

  /**
   * A dictionary word for a long misspelled word ("realisticaly"): one edit away, the most common
   * in spoken English when several are, same first letter; never for two words written as one.
   * A shorter word is corrected only when a letter was dropped from one of the most common words
   * ("givng" is "giving", "wrks" is "works"); other edits of short words are too often names one
   * edit from an English word ("polars", "dask"). Hunspell's two-edit search is not used: it took
   * about 100 ms for each long name it could not place ("databricks", "torchserve"), blocking the
   * server, and changed no eval question.
   */
  private dictionaryCorrection(word: string): string | undefined {
    const short = word.length < LONG_WORD;
    if (word.length < 4 || (!short && this.isEnglishCompound(word))) return undefined;
    const rank = (candidate: string) => commonWordRank(candidate) ?? Number.POSITIVE_INFINITY;
    const near = englishWordsOneEditAway(word).filter(
      (candidate) =>
        candidate[0] === word[0] &&
        (!short ||
          (candidate.length === word.length + 1 && rank(candidate) <= DROPPED_LETTER_RANK)),
    );
    return near.reduce<string | undefined>(
      (best, candidate) => (best === undefined || rank(candidate) < rank(best) ? candidate : best),
      undefined,
    );
  }

  /**
   * Ordinary English: the dictionary accepts the word in lower case or capitalised. A name it
   * lists only capitalised ("Jenkins") is sorted out before, as a topic, unless it is everyday.
   */
  private isEnglish(word: string): boolean {
    const lower = word.toLowerCase().replace(/’/g, "'");
    let known = this.englishCache.get(lower);
    if (known === undefined) {
      known = isEnglishWord(lower);
      if (this.englishCache.size < 50_000) this.englishCache.set(lower, known);
    }
    return known;
  }

  /**
   * "non-empty", "filling-in", "re-run": an English word with a prefix or a particle attached by
   * a hyphen is plain English, not a technical token ("q-learning", "few-shot" stay topics). So is
   * an everyday or corpus word with a prefix written without the hyphen ("reupload", "unfreeze");
   * a name is not ("autokeras": "keras" is no English word).
   */
  private isEverydayCompound(word: string): boolean {
    const lower = word.toLowerCase();
    const match = EVERYDAY_COMPOUND.exec(lower);
    const base = match?.[1] ?? match?.[2];
    if (base !== undefined) {
      return base.length >= 3 && (this.isEnglish(base) || this.knowsToken(base));
    }
    return this.isPrefixedWord(lower);
  }

  /**
   * A prefix written without its hyphen before an English word the corpus uses or everyone does
   * ("rescale", "reupload"); a rare base makes no word of its own ("retuns" is not re + "tuns").
   */
  private isPrefixedWord(lower: string): boolean {
    const base = PREFIXED.exec(lower)?.[1];
    return (
      base !== undefined &&
      isEnglishWord(base) &&
      (this.vocabulary.has(base) || isEverydayWord(base))
    );
  }

  /**
   * Tags the understood question and sorts its unfamiliar words into topics and plain English.
   * In a message written in Hinglish (`hinglish`), a plain lower-case word neither corpus nor
   * dictionary knows is more likely Hindi ("seekhne", "banna") than a topic: it counts as an
   * unfamiliar word, not an unknown topic.
   */
  private analyse(
    understoodAs: string,
    hinglish = false,
  ): Pick<
    UnderstoodQuestion,
    "expansions" | "unknownTopics" | "unfamiliarWords" | "unfamiliarNouns" | "unfamiliarDescribing"
  > {
    const expansions: Expansion[] = [
      ...operatorExpansions(understoodAs),
      ...exceptionExpansions(understoodAs),
      ...learnerTypeExpansions(understoodAs, this.lexicon),
      ...situationExpansions(understoodAs, this.lexicon),
    ];
    const unknownTopics: string[] = [];
    const unfamiliarWords: string[] = [];
    const unfamiliarNouns: string[] = [];
    const unfamiliarDescribing: string[] = [];
    const seen = new Set<string>();
    const letters = understoodAs.match(/\p{L}/gu) ?? [];
    const shouting =
      letters.filter((letter) => letter !== letter.toLowerCase()).length > letters.length / 2;
    // "push the image to docker hub": a service the material never names, though each of its
    // words is English or the material's.
    for (const { name, pattern } of this.lexicon.toolPhrases) {
      if (understoodAs.search(pattern) === -1) continue;
      unknownTopics.push(name);
      for (const word of name.split(/\s+/)) seen.add(word.toLowerCase());
    }
    // The tagger splits compounds ("q-learning" → q, -, learning): tags are looked up per word,
    // and a compound the tagger did not keep whole counts as a technical token.
    const tags = new Map<string, { pos: string; lemma: string }>();
    for (const tagged of tagWords(understoodAs)) {
      const key = tagged.word.toLowerCase();
      if (!tags.has(key)) tags.set(key, { pos: tagged.pos, lemma: tagged.lemma });
    }
    for (const word of (understoodAs.match(TOKEN) ?? []).flatMap((token) => this.wordsOf(token))) {
      const lower = word.toLowerCase();
      if (seen.has(lower) || STOPWORDS.has(lower) || !/\p{L}/u.test(lower)) continue;
      seen.add(lower);
      const { pos, lemma } = tags.get(lower) ?? { pos: "X", lemma: word };
      // "apple silicon macs", "macbooks": the plural of a lexicon noun is the learner's word too
      // (not a verb's "s": "catches" is not the "catch" of "what's the catch").
      const listed =
        this.lexicon.expansions.get(lower) ??
        (pos === "VERB" || pos === "AUX"
          ? undefined
          : this.lexicon.expansions.get(lower.replace(/(?<=[^s])s$/, "")));
      if (listed !== undefined) {
        expansions.push({ word, alternatives: [...listed], source: "lexicon" });
      }
      // "a feature store like feast", "scaler vs upgrad": a tool the lexicon lists is a topic the
      // material lacks, though it is an English word or the corpus has a word of its stem
      // ("upgrade"); one the corpus writes as is, it names.
      if (this.lexicon.toolNames.has(lower) && !this.vocabulary.hasExactly(lower)) {
        unknownTopics.push(word);
        continue;
      }
      // "visualisation": the material spells it both ways ("visualization" in the roadmap), and
      // each spelling finds only the passages written with it; the other is searched too.
      const otherSpelling = spellingVariant(lower);
      if (otherSpelling !== undefined && this.vocabulary.hasExactly(otherSpelling)) {
        expansions.push({ word, alternatives: [otherSpelling], source: "spelling" });
      }
      // A word the lexicon maps to the material's words is understood, whatever the corpus says.
      if (listed !== undefined || this.knowsToken(word)) continue;
      // "8gb", "2nd", "3yrs": quantities describe the learner's situation, not a topic.
      if (/^\d/.test(word)) continue;
      // A pasted "ModuleNotFoundError" is the learner's error message, not a topic the material
      // must name: an unfamiliar word, like plain English it does not use.
      if (EXCEPTION_NAME.test(word)) {
        unfamiliarWords.push(word);
        if (describes(word, pos)) unfamiliarDescribing.push(word);
        continue;
      }
      // "rag in llm stuff": a word that names no topic has no synonyms worth searching.
      if (VAGUE_NOUNS.has(lower)) {
        unfamiliarWords.push(word);
        unfamiliarDescribing.push(word);
        continue;
      }
      // "a friend told me to use SMOTE": a rare English word written in capitals by a learner who
      // does not shout names a technique, not the word ("smote").
      if (!shouting && ACRONYM.test(word) && (commonWordRank(lower) ?? 0) > EVERYDAY_RANK) {
        unknownTopics.push(word);
        continue;
      }
      // "xavier initialisation", "an MS in Germany": a name the dictionary lists only capitalised,
      // and not an everyday one ("English", "Monday"), names a thing the material lacks; one
      // edit from a corpus word it is more likely a typo ("bais variance" is not "Bai").
      if (isEnglishNameOnly(word) && !isEverydayWord(lower) && !this.nearCorpusWord(lower)) {
        unknownTopics.push(word);
        continue;
      }
      if (this.isEnglish(word) || this.isEverydayCompound(word)) {
        unfamiliarWords.push(word);
        // "my laptop is a potato": what the learner calls their own thing describes it.
        const saysWhatMineIs = describesMine(understoodAs, word);
        if ((pos === "NOUN" || pos === "PROPN") && !saysWhatMineIs) unfamiliarNouns.push(word);
        if (describes(word, pos) || saysWhatMineIs) unfamiliarDescribing.push(word);
        const alternatives = this.corpusSynonyms(word, lemma);
        if (alternatives.length > 0) expansions.push({ word, alternatives, source: "wordnet" });
        continue;
      }
      const technical = /[\d+#./_-]|[a-z][A-Z]|^[A-Z]{2,}$/.test(word);
      const probablyHindi = hinglish && /^\p{Ll}{2,8}$/u.test(word);
      if (!probablyHindi && (technical || !FUNCTION_TAGS.has(pos))) unknownTopics.push(word);
      else {
        unfamiliarWords.push(word);
        if (describes(word, pos)) unfamiliarDescribing.push(word);
      }
    }
    return { expansions, unknownTopics, unfamiliarWords, unfamiliarNouns, unfamiliarDescribing };
  }

  /**
   * The words a token stands for: the parts of plain words joined by slashes ("overkill/slow",
   * "nlp/cv") unless the corpus knows the whole ("CI/CD"); for a file name ("model.pkl"), only
   * its extension: the kind of file matters (the lexicon maps "pkl" to model files), not its name.
   */
  private wordsOf(token: string): string[] {
    if (FILE_NAME.test(token)) return [token.slice(token.lastIndexOf(".") + 1)];
    if (!token.includes("/") || this.knowsToken(token)) return [token];
    const parts = token.split("/").filter((part) => part !== "");
    return parts.every((part) => /^\p{L}{2,}$/u.test(part)) ? parts : [token];
  }

  /** The lemma and WordNet synonyms of a word that the corpus uses. */
  private corpusSynonyms(word: string, lemma: string): string[] {
    const found: string[] = [];
    if (lemma.toLowerCase() !== word.toLowerCase() && this.vocabulary.has(lemma)) found.push(lemma);
    // Short words have many unrelated senses ("bit": minute, act, number).
    if (word.length < 5) return found;
    for (const synonym of synonyms(word)) {
      if (found.length >= MAX_ALTERNATIVES) break;
      // "bothered" → "rag" (to tease) is not the corpus's RAG.
      if (
        !synonym.includes(" ") &&
        this.vocabulary.has(synonym) &&
        !this.vocabulary.writesOnlyInCapitals(synonym) &&
        !found.includes(synonym)
      ) {
        found.push(synonym);
      }
    }
    return found;
  }
}
