import { InvalidQuestionError } from "../errors/invalid-question-error.ts";

// Control characters (Cc) and invisible format characters (Cf: zero-width, bidi overrides).
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

/**
 * Cleans a question for retrieval: drops control, zero-width and bidi characters, collapses
 * whitespace. Throws InvalidQuestionError when nothing is left or it is over `maxCharacters`.
 */
export function normaliseQuestion(raw: string, maxCharacters: number): string {
  if (raw.length > maxCharacters * 4) {
    // Checked before any work on the text, so a huge body costs nothing.
    throw new InvalidQuestionError(
      `the question is ${raw.length.toLocaleString("en-US")} characters; the limit is ${maxCharacters.toLocaleString("en-US")}`,
    );
  }
  const question = raw.normalize("NFKC").replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
  if (question.length === 0) {
    throw new InvalidQuestionError("the question is empty; ask something about the roadmap");
  }
  if (question.length > maxCharacters) {
    throw new InvalidQuestionError(
      `the question is ${question.length.toLocaleString("en-US")} characters; the limit is ${maxCharacters.toLocaleString("en-US")}`,
    );
  }
  return question;
}

/** Share of the question's letters that are Latin script; the corpus is English. */
export function latinShare(question: string): number {
  const letters = question.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const latin = letters.filter((letter) => /\p{Script=Latin}/u.test(letter)).length;
  return latin / letters.length;
}
