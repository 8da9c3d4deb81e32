import { readFileSync } from "node:fs";
import { z } from "zod";
import { escapeRegExp } from "../text/escape-reg-exp.ts";

const lexiconSchema = z.object({
  filler: z.array(z.string().min(1)),
  requests: z.array(z.string().min(1)).default([]),
  replacements: z.record(z.string().min(1), z.string().min(1)),
  caseSensitive: z.record(z.string().min(1), z.string().min(1)),
  expansions: z.record(z.string().min(1), z.array(z.string().min(1))),
  hinglishMarkers: z.array(z.string().min(1)),
  toolNames: z.array(z.string().min(1)).default([]),
  employers: z.array(z.string().min(1)).default([]),
  learnerTypes: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
  situations: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
  keptBefore: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
});

/** How learners write, mapped to how the material writes (see learner-lexicon.json). */
export type LearnerLexicon = {
  /** Single filler words, lower case. */
  fillerWords: ReadonlySet<string>;
  /** Filler phrases of two or more words, longest first, as whole-word case-insensitive patterns. */
  fillerPatterns: readonly RegExp[];
  /**
   * What a learner asks of the answer or the reply, not of the material ("X for dummies", "a
   * quick intro to X", "pls reply asap"): whole-word case-insensitive patterns, dropped as filler.
   */
  requestPatterns: readonly RegExp[];
  /** Single-word replacements, lower-case keys. */
  replacements: ReadonlyMap<string, string>;
  /**
   * Phrase replacements ("how much time" → "how long", "w&b" → "wandb"), longest first,
   * whole-word patterns.
   */
  phraseReplacements: ReadonlyArray<{ pattern: RegExp; replacement: string }>;
  caseSensitive: ReadonlyMap<string, string>;
  expansions: ReadonlyMap<string, readonly string[]>;
  /** Romanised Hindi words that mark a message as Hinglish ("hai", "kya", "chahiye"), lower case. */
  hinglishMarkers: ReadonlySet<string>;
  /**
   * Tools and terms the corpus never uses whose names are English words ("feast", "ray") or one
   * edit from a corpus word ("faiss"), lower case: unknown topics, never corrected.
   */
  toolNames: ReadonlySet<string>;
  /**
   * Services and terms named in several words, each an English word or a corpus word, that the
   * corpus never names ("docker hub", "pivot table"): whole-word patterns, each an unknown topic.
   */
  toolPhrases: ReadonlyArray<{ name: string; pattern: RegExp }>;
  /** Companies and kinds of employer a learner asks pay at ("google", "startup"), lower case. */
  employers: ReadonlySet<string>;
  /**
   * How learners describe their own background, by the roadmap learner type it fits, in the
   * file's order (the first type that matches wins): whole-word case-insensitive patterns.
   */
  learnerTypes: ReadonlyArray<{ type: string; descriptions: readonly RegExp[] }>;
  /**
   * What learners describe instead of naming it ("only 1% are fraud"), by the material's words
   * for it ("imbalanced"): case-insensitive patterns.
   */
  situations: ReadonlyArray<{ words: string; patterns: readonly RegExp[] }>;
};

let shared: LearnerLexicon | undefined;

/** The reviewed lexicon shipped with the project, read and validated once. */
export function learnerLexicon(): LearnerLexicon {
  if (shared !== undefined) return shared;
  const file = new URL("./learner-lexicon.json", import.meta.url);
  const parsed = lexiconSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const filler = parsed.filler.map((entry) => entry.toLowerCase());
  shared = {
    fillerWords: new Set(filler.filter((entry) => !entry.includes(" "))),
    fillerPatterns: filler
      .filter((entry) => entry.includes(" "))
      .sort((left, right) => right.length - left.length)
      .map((entry) => wholeWords(entry)),
    requestPatterns: parsed.requests.map((source) => new RegExp(`\\b(?:${source})\\b`, "gi")),
    replacements: new Map(
      Object.entries(parsed.replacements)
        .filter(([key]) => !isPhrase(key))
        .map(([key, value]) => [key.toLowerCase(), value]),
    ),
    phraseReplacements: Object.entries(parsed.replacements)
      .filter(([key]) => isPhrase(key))
      .sort(([left], [right]) => right.length - left.length)
      .map(([key, replacement]) => ({
        pattern: wholeWords(key.toLowerCase(), parsed.keptBefore[lastWord(key)]),
        replacement,
      })),
    caseSensitive: new Map(Object.entries(parsed.caseSensitive)),
    expansions: new Map(
      Object.entries(parsed.expansions).map(([key, value]) => [key.toLowerCase(), value]),
    ),
    hinglishMarkers: new Set(parsed.hinglishMarkers.map((word) => word.toLowerCase())),
    toolNames: new Set(
      parsed.toolNames.filter((name) => !isPhrase(name)).map((word) => word.toLowerCase()),
    ),
    toolPhrases: parsed.toolNames
      .filter(isPhrase)
      .map((name) => ({ name, pattern: wholeWords(name.toLowerCase()) })),
    employers: new Set(parsed.employers.map((word) => word.toLowerCase())),
    learnerTypes: Object.entries(parsed.learnerTypes).map(([type, descriptions]) => ({
      type,
      descriptions: descriptions.map((phrase) => wholeWords(phrase.toLowerCase())),
    })),
    situations: Object.entries(parsed.situations).map(([words, patterns]) => ({
      words,
      patterns: patterns.map((pattern) => new RegExp(pattern, "i")),
    })),
  };
  return shared;
}

/**
 * A replacement matched as a phrase, not word by word: several words, or a name joined by "&"
 * ("w&b"), which the question's words are split on.
 */
function isPhrase(key: string): boolean {
  return /[\s&]/.test(key);
}

/**
 * A case-insensitive pattern for the phrase as whole words, not followed by one of `keptBefore`
 * ("which r" is not "which are" in "which r packages").
 */
function wholeWords(phrase: string, keptBefore: readonly string[] = []): RegExp {
  const kept =
    keptBefore.length === 0
      ? ""
      : `(?!\\s+(?:${keptBefore.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}]))`;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])${kept}`, "giu");
}

/** The last word of a phrase, lower case. */
function lastWord(phrase: string): string {
  return phrase.toLowerCase().split(/\s+/).at(-1) ?? "";
}
