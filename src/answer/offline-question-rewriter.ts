import type { EntityLexicon } from "../retrieval/entity-lexicon.ts";
import type { RowHeads } from "../retrieval/row-heads.ts";
import { commonWordRank } from "../text/common-words.ts";
import { QUESTION_META_WORDS, STOPWORDS, stem, wordsAsWritten } from "../text/terms.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";
import { FollowUpDetector, VERY_COMMON_RANK } from "./follow-up-detector.ts";
import type { ChatTurn, QuestionRewriter } from "./question-rewriter.ts";

const WHAT_ABOUT = /^(?:and |so |ok(?:ay)?,? )?(?:what|how) about (.+?)[?.!]*$/i;
/** "and shadow deployment?", "also LightGBM?": the same question about another named thing. */
const AND_NAMED = /^(?:and|also|plus|what about|how about)\s+(?:(?:for|with)\s+)?(.+?)[?.!]*$/i;
const PRONOUN = /\b(it|its|they|them|their|this|that|these|those)\b/i;

/**
 * Deterministic follow-up rewriting, no model needed. When a message leans on the conversation
 * (see FollowUpDetector: a pronoun, "what about …", a leading "and…", no topic of its own), the
 * previous question's topic is carried over:
 * - "what about LightGBM?" after "Which hyperparameters matter for XGBoost?" becomes
 *   "Which hyperparameters matter for LightGBM?" (the named tool is swapped);
 * - "what are its hyperparameters?" after a question about XGBoost becomes
 *   "what are XGBoost's hyperparameters?" (the pronoun is replaced);
 * - "and shadow deployment?" after "what is a canary release" becomes "what is a shadow
 *   deployment" (one named thing for another);
 * - "and salaries?" becomes "and salaries? (NLP engineer)" (the topic words are appended).
 * A self-contained message is returned unchanged.
 */
export class OfflineQuestionRewriter implements QuestionRewriter {
  readonly id = "offline";
  private readonly lexicon: EntityLexicon;
  private readonly statistics: CorpusStatistics;
  private readonly detector: FollowUpDetector;
  private readonly rowHeads: RowHeads | undefined;

  /**
   * `detector` decides what is a follow-up; the Assistant passes the one it uses itself.
   * `rowHeads` lets "and X?" ask the previous question about a sibling row of one table.
   */
  constructor(
    lexicon: EntityLexicon,
    statistics: CorpusStatistics,
    detector: FollowUpDetector = new FollowUpDetector(lexicon, statistics),
    rowHeads?: RowHeads,
  ) {
    this.lexicon = lexicon;
    this.statistics = statistics;
    this.detector = detector;
    this.rowHeads = rowHeads;
  }

  async rewrite(message: string, history: ChatTurn[]): Promise<string> {
    const previous = [...history]
      .reverse()
      .find((turn) => turn.role === "user")
      ?.content.trim();
    if (previous === undefined || previous === "") return message;
    if (!this.detector.dependsOnHistory(message)) return message;
    const sibling = this.siblingSwap(message, previous);
    if (sibling !== undefined) return sibling;

    const previousEntities = this.lexicon.find(previous);
    const topic =
      previousEntities[0]?.name !== undefined
        ? originalSpelling(previous, previousEntities[0].name)
        : this.topicPhrase(previous);
    if (topic === "") return message;

    const whatAbout = WHAT_ABOUT.exec(message.trim());
    const subject = whatAbout?.[1];
    if (subject !== undefined && !PRONOUN.test(subject)) {
      const previousEntity = previousEntities[0];
      if (previousEntity !== undefined) {
        // Swap the tool the previous question named for the one asked about now.
        const spelled = originalSpelling(previous, previousEntity.name);
        return previous.replace(spelled, subject.trim());
      }
      return `${subject.trim()} (${topic})`;
    }
    if (PRONOUN.test(message)) {
      return message
        .replace(/\b(its|their)\b/i, `${topic}'s`)
        .replace(/\b(it|they|them|this|that|these|those)\b/i, topic);
    }
    return `${message.trim()} (${topic})`;
  }

  /**
   * "and shadow deployment?" after "what is a canary release": the message names only a thing
   * that heads a row of the same table as something the previous question named, so it asks the
   * previous question about it ("what is a shadow deployment").
   */
  private siblingSwap(message: string, previous: string): string | undefined {
    const named = AND_NAMED.exec(message.trim())?.[1]?.trim();
    if (named === undefined || this.rowHeads === undefined || !this.rowHeads.isHead(named)) {
      return undefined;
    }
    const rowHeads = this.rowHeads;
    const replaced = rowHeads.find(previous).find((head) => rowHeads.siblings(head, named));
    if (replaced === undefined) return undefined;
    return previous.replace(originalSpelling(previous, replaced), named);
  }

  /** Topic words of a message: no stop or meta words. */
  private topicWords(text: string): string[] {
    return wordsAsWritten(text).filter((word) => {
      const lower = word.toLowerCase();
      return !STOPWORDS.has(lower) && !QUESTION_META_WORDS.has(lower) && lower.length > 1;
    });
  }

  /**
   * The previous question's most specific topic words (up to three, in their order): words the
   * corpus knows, minus very common English words ("day", "work"), ranked by IDF.
   */
  private topicPhrase(text: string): string {
    const seen = new Set<string>();
    const candidates = this.topicWords(text).filter((word) => {
      const lower = word.toLowerCase();
      if (seen.has(lower) || !this.statistics.has(stem(lower))) return false;
      seen.add(lower);
      const rank = commonWordRank(word);
      return rank === undefined || rank >= VERY_COMMON_RANK;
    });
    const ranked = [...candidates].sort(
      (left, right) =>
        this.statistics.idf(stem(right.toLowerCase())) -
        this.statistics.idf(stem(left.toLowerCase())),
    );
    const keep = new Set(ranked.slice(0, 3));
    return candidates.filter((word) => keep.has(word)).join(" ");
  }
}

/** The name as the text spells it ("xgboost" → "XGBoost"), found case-insensitively. */
function originalSpelling(text: string, name: string): string {
  const pattern = new RegExp(`\\b${name.split(" ").map(escapeRegExp).join("\\W+")}\\b`, "i");
  return pattern.exec(text)?.[0] ?? name;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
