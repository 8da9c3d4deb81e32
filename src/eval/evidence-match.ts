import { words } from "../text/terms.ts";

/** Share of an evidence string's distinct words that must appear in a passage to count as a match. */
export const EVIDENCE_MATCH_THRESHOLD = 0.9;

/**
 * Whether `passage` contains (almost) all of `evidence`'s words. Case, punctuation and table
 * formatting (pipes, "Header: value" labels) do not matter.
 */
export function matchesEvidence(passage: string, evidence: string): boolean {
  const evidenceWords = new Set(words(evidence));
  if (evidenceWords.size === 0) return false;
  const passageWords = new Set(words(passage));
  let found = 0;
  for (const word of evidenceWords) if (passageWords.has(word)) found++;
  return found / evidenceWords.size >= EVIDENCE_MATCH_THRESHOLD;
}
