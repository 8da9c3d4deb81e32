import { contentTerms, STOPWORDS, wordsAsWritten } from "../text/terms.ts";
import { tagWords } from "../understanding/part-of-speech.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { WORKINGS } from "./explained-workings.ts";

/** Most chunks a word of the material may be in and still name a topic of its own ("kernel": 3). */
const RARE_CHUNKS = 8;

/** Parts of speech of a word that may name part of a thing. */
const NAMING = new Set(["NOUN", "PROPN", "ADJ", "VERB"]);

/**
 * Where the thing asked to be explained ends: "… in simple terms", "… like im 5", "…, pls", and
 * before where or what it is used in ("the kernel trick in support vector machines").
 */
const THING_ENDS =
  "(?=\\s+(?:in|inside|within|used|like|to me|for me|with|pls|please|plz|and|simply|exactly|actually|briefly|tl;?dr|eli5)\\b|\\s*[?.!,;:—–]|\\s+-\\s|$)";

/**
 * A request to explain a thing, the thing in group 1: "explain the svm kernel trick in simple
 * terms", "kernel trick in SVM explain like im 5", "what is the dying relu problem", "how does
 * flash attention work", "how does the kernel trick in an SVM actually work", "does flash
 * attention fix that?".
 */
const EXPLAIN_THING = [
  new RegExp(
    `\\bexplain(?:\\s+(?:me|to me|us))?(?:\\s+(?:what|how))?(?:\\s+(?:is|are|the|a|an))*\\s+((?:[^\\s?.!,;:]+\\s*?){1,4}?)${THING_ENDS}`,
    "i",
  ),
  /^((?:[^\s?.!,;:]+\s+){1,4}?)(?:-\s+|—\s+)?(?:explain|eli5|meaning|kya (?:hai|hota hai|hoti hai)|in simple (?:terms|words))\b/i,
  new RegExp(
    `\\bwhat(?:'s|’s| is| are)(?:\\s+(?:exactly|actually|even))?(?:\\s+(?:the|a|an))?\\s+((?:[^\\s?.!,;:]+\\s*?){1,4}?)${THING_ENDS}`,
    "i",
  ),
  new RegExp(
    `\\bhow (?:does|do|is|are) (?:the |a |an )?((?:[^\\s?.!,;:]+ ){1,5}?)(?:(?:actually|really|exactly|even) )?(?:${WORKINGS}|fix|fixes|help|helps)\\b`,
    "i",
  ),
  // "does flash attention fix that?": whether a thing solves a problem asks what it does.
  /^\W*(?:(?:ok|okay|so|and|but)\s+)*(?:does|do|would|will|can|could) (?:the |a |an )?((?:[^\s?.!,;:]+ ){1,3}?)(?:actually |really )?(?:fix|solve|help|handle|address|reduce|prevent)\b/i,
];

/**
 * The name, in the thing a question asks to be explained, that joins an ordinary English word
 * the corpus never uses to one of the material's rare words: "kernel trick" of "explain the svm
 * kernel trick", "dying relu", "flash attention", "compound scaling". The material names the
 * kernel, not the trick, so no passage explains it; neither word alone refuses the question.
 */
export function unsaidCompound(
  focus: string,
  unfamiliarWords: readonly string[],
  statistics: CorpusStatistics,
): string | undefined {
  const unfamiliar = new Set(unfamiliarWords.map((word) => word.toLowerCase()));
  if (unfamiliar.size === 0) return undefined;
  // A rare word of the material ("kernel"), not a common one: "realistic timeline".
  const known = (neighbour: string | undefined) =>
    neighbour !== undefined &&
    !STOPWORDS.has(neighbour.toLowerCase()) &&
    contentTerms(neighbour).some((term) => {
      const chunks = statistics.documentFrequency(term);
      return chunks > 0 && chunks <= RARE_CHUNKS;
    });
  for (const pattern of EXPLAIN_THING) {
    const thing = wordsAsWritten(pattern.exec(focus)?.[1] ?? "");
    if (!thing.some((word) => unfamiliar.has(word.toLowerCase()))) continue;
    // A word naming something ("trick", "dying", "flash"), not "behind" of "the reason behind it".
    const naming = new Set(
      tagWords(thing.join(" "))
        .filter((tagged) => NAMING.has(tagged.pos))
        .map((tagged) => tagged.word.toLowerCase()),
    );
    for (const [index, word] of thing.entries()) {
      if (!unfamiliar.has(word.toLowerCase()) || !naming.has(word.toLowerCase())) continue;
      const [before, after] = [thing[index - 1], thing[index + 1]];
      if (known(after)) return `${word} ${after}`;
      if (known(before)) return `${before} ${word}`;
    }
  }
  return undefined;
}
