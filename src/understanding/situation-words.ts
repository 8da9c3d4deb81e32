import type { LearnerLexicon } from "./learner-lexicon.ts";
import type { Expansion } from "./question-understanding.ts";

/**
 * The material's words for what a question describes instead of naming ("98% accuracy but only
 * 1% are fraud" → imbalanced; "works on my laptop but breaks on my friend's" → dependency
 * mismatch), from the lexicon's `situations`, as search expansions of the words that describe it.
 */
export function situationExpansions(question: string, lexicon: LearnerLexicon): Expansion[] {
  const expansions: Expansion[] = [];
  for (const { words, patterns } of lexicon.situations) {
    for (const pattern of patterns) {
      const match = pattern.exec(question);
      if (match === null) continue;
      expansions.push({
        word: match[0],
        alternatives: [words],
        source: "lexicon",
        situation: true,
      });
      break;
    }
  }
  return expansions;
}
