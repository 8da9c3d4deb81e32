import type { Expansion } from "./question-understanding.ts";

/** "AttributeError", "ModuleNotFoundError", "SettingWithCopyWarning": a Python exception's name. */
const EXCEPTION_NAME = /\b(?:[A-Z][a-z]+)+(?:Error|Exception|Warning)\b/g;

/**
 * Search words for the Python exceptions a question names ("got an AttributeError" →
 * "attribute error"): the material explains an error in words ("attributes … do not exist before
 * training") more often than it names the exception.
 */
export function exceptionExpansions(question: string): Expansion[] {
  const names = new Set(question.match(EXCEPTION_NAME) ?? []);
  return [...names].map((name) => ({
    word: name,
    alternatives: [name.replace(/(?<=[a-z])(?=[A-Z])/g, " ").toLowerCase()],
    source: "lexicon",
  }));
}
