import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import { commonWordRank } from "../text/common-words.ts";
import { QUESTION_META_WORDS, STOPWORDS, stem, wordsAsWritten } from "../text/terms.ts";
import { isAcknowledgement } from "../understanding/acknowledgement.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";

const WHAT_ABOUT = /^(?:and |so |ok(?:ay)?,? |hmm,? )?(?:what|how) about\b/i;
const LEADING_CONJUNCTION = /^(?:ok(?:ay)?,? |so,? )?(and|also|plus|then|but|what if)\b/i;
/** "what should my first project be then?": a trailing "then" carries the conversation on. */
const TRAILING_THEN = /\bthen\s*[?.!]*$/i;
/** Words that point back at something said before. */
const REFERENCE =
  /\b(it|its|they|them|their|this|that|these|those|same|the (?:[\p{L}\d-]+ )?one|which one|the two|both of them|either|above)\b/iu;
/** "this roadmap", "that year": a determiner before a noun that is itself clear. */
const SELF_CONTAINED_DETERMINER =
  /\b(this|that|these) (roadmap|article|guide|tutorial|course|year|field|domain|industry|market|point|age)\b/gi;
/**
 * "is it worth learning ML in 2026", "how long does it take to learn Python": an "it" that
 * anticipates what follows, not one that points back.
 */
const ANTICIPATORY_IT =
  /\b(?:is|was|'s|isn't|would|will|does|do|did) it (?:still |really |even |actually |too )?(?:worth|possible|true|hard|easy|difficult|enough|necessary|okay|ok|fine|late|good|better|best|important|required|needed|mandatory|realistic|feasible|normal|common|useful|take|cost|make sense)\b[^?]*\b(?:to|learning|doing|getting|for|if|in)\b/i;
/** A message this long carries its own context: its pronouns point inside it. */
const SELF_CONTAINED_WORDS = 16;
/** Words among the most frequent in spoken English say little about a topic. */
export const VERY_COMMON_RANK = 1500;

/**
 * Decides whether a chat message depends on the conversation before it: it asks "what about …",
 * opens with "and…" or "what if…", ends with "then?", points back with a pronoun ("is it free?",
 * "which one pays more?", "the aws one"), or names no topic of its own ("how long?"). A long
 * message (16 words or more) with a topic carries its own context. A message with a topic of its own and no pointer back
 * ("what does dropout do") stands alone, even when it follows an unrelated question.
 * Deterministic; measured on the learner-conversations set (see eval/README.md).
 */
export class FollowUpDetector {
  private readonly lexicon: EntityLexicon;
  private readonly statistics: CorpusStatistics;

  constructor(lexicon: EntityLexicon, statistics: CorpusStatistics) {
    this.lexicon = lexicon;
    this.statistics = statistics;
  }

  dependsOnHistory(message: string): boolean {
    const text = message.trim();
    // "ok", "thanks!": a reply to the last answer, not a question about its topic.
    if (isAcknowledgement(text)) return false;
    if (WHAT_ABOUT.test(text) || LEADING_CONJUNCTION.test(text) || TRAILING_THEN.test(text)) {
      return true;
    }
    const topics = this.topicWords(text);
    if (wordsAsWritten(text).length >= SELF_CONTAINED_WORDS && topics.length > 0) return false;
    const withoutClearDeterminers = text
      .replace(SELF_CONTAINED_DETERMINER, " ")
      .replace(ANTICIPATORY_IT, " ");
    if (REFERENCE.test(withoutClearDeterminers)) return true;
    return topics.length === 0;
  }

  /**
   * Words that name a topic: a tool the corpus tables name, a corpus word that is not among the
   * most common English words, or a word the corpus does not know at all (a new topic).
   */
  topicWords(text: string): string[] {
    const named = this.lexicon.find(text);
    if (named.length > 0) return named.map((entry) => entry.name);
    return wordsAsWritten(text).filter((word) => {
      const lower = word.toLowerCase();
      if (STOPWORDS.has(lower) || QUESTION_META_WORDS.has(lower) || lower.length < 2) return false;
      if (/^\d/.test(lower)) return false;
      const rank = commonWordRank(word);
      if (rank !== undefined && rank < VERY_COMMON_RANK) return false;
      return this.statistics.has(stem(lower)) || rank === undefined;
    });
  }
}
