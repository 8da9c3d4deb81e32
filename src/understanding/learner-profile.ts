import type { LearnerLexicon } from "./learner-lexicon.ts";
import { questionFocus } from "./question-focus.ts";
import type { Expansion } from "./question-understanding.ts";

/** "i'm a…", "been in…", "working as…": the learner speaks of themselves. */
const SPEAKS_OF_SELF = /\b(?:i|i'?m|im|i've|ive|me|my|myself)\b/i;

/** "my sales data", "the marketing team": a description that is not the learner's own. */
const SOMEONE_ELSES = /\b(?:my|our|the|their|his|her|your)\s+$/i;

/** "data analyst here", "sde here": a description of the learner on its own. */
const HERE = /^\s+here\b/i;

/**
 * Words that introduce the learner's own background, at most three words before it: "did sales
 * for 10 yrs", "work in accounts", "i'm 31, school teacher", "2 yrs exp as data analyst", "spent
 * ten years in hotel management". Not "predict sales" or "become a data analyst".
 */
const INTRODUCES_BACKGROUND =
  /\b(?:i'?m|im|am|was|been|work|works|working|worked|did|doing|spent|job|career|background|degree|exp|experience|currently|as)\b(?:\W+\S+){0,3}\W*$/i;

/** "no cs degree", "never coded", "non-tech", "career switch": about the learner as they stand. */
const DESCRIBES_ITSELF = /^(?:no|non|never|zero|not|career|switching)\b/i;

/**
 * Asks about the learner's own path: how long, what to focus on or learn first, which project,
 * whether they are ready (the columns of the roadmap's table of learner types). Not "the first
 * thing I should change" about an error.
 */
const ASKS_ABOUT_PATH =
  /\b(?:how long|how many (?:months|years|yrs)|timeline|months?|focus|learn|start|begin|order|project|build|enough|ready|path|plan|prepare|roadmap)\b|\b(?:first|next) (?:step|project|skill|topic|thing to (?:learn|study|do|build))\b|\b(?:learn|study|do|start with|pick|cover) (?:\S+ ){0,2}?(?:first|next)\b/i;

/** "someone like me", "my first project", "for me": the path asked about is the learner's. */
const ABOUT_SELF = /\b(?:me|my|i|i'?m|im)\b/i;

/**
 * The roadmap learner type the writer of `text` describes themselves as ("did sales for 10 yrs,
 * no cs degree" → Career Switcher), with the words that describe them; "my sales data" is not a
 * description of the learner.
 */
export function describedLearnerType(
  text: string,
  lexicon: LearnerLexicon,
): { type: string; words: string } | undefined {
  const speaksOfSelf = SPEAKS_OF_SELF.test(text);
  for (const { type, descriptions } of lexicon.learnerTypes) {
    for (const description of descriptions) {
      for (const match of text.matchAll(description)) {
        const before = text.slice(0, match.index);
        const here = HERE.test(text.slice(match.index + match[0].length));
        const introduced = DESCRIBES_ITSELF.test(match[0]) || INTRODUCES_BACKGROUND.test(before);
        if (!here && (!speaksOfSelf || !introduced || SOMEONE_ELSES.test(before))) continue;
        return { type, words: match[0] };
      }
    }
  }
  return undefined;
}

/**
 * The learner type as a search expansion of the words that describe the learner, for a question
 * about their own path ("I'm 35, did sales for 10 yrs. is 12 months enough?" → career switcher).
 */
export function learnerTypeExpansions(question: string, lexicon: LearnerLexicon): Expansion[] {
  // The clause that asks, not the story: "my final year project … how do I fix it" asks no path.
  if (!ASKS_ABOUT_PATH.test(questionFocus(question))) return [];
  const described = describedLearnerType(question, lexicon);
  return described === undefined ? [] : [expansionFor(described)];
}

/**
 * For a message about the learner's own path that does not say who they are ("what shud be my
 * first project then"), the learner type an earlier message of theirs described, latest first.
 */
export function rememberedLearnerType(
  message: string,
  earlierMessages: readonly string[],
  lexicon: LearnerLexicon,
): Expansion[] {
  if (!ASKS_ABOUT_PATH.test(message) || !ABOUT_SELF.test(message)) return [];
  if (describedLearnerType(message, lexicon) !== undefined) return [];
  for (const earlier of [...earlierMessages].reverse()) {
    const described = describedLearnerType(earlier, lexicon);
    if (described !== undefined) return [expansionFor(described)];
  }
  return [];
}

function expansionFor(described: { type: string; words: string }): Expansion {
  return { word: described.words, alternatives: [described.type.toLowerCase()], source: "lexicon" };
}
