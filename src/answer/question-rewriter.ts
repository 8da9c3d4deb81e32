import { hasWord } from "../text/terms.ts";
import { isAcknowledgement } from "../understanding/acknowledgement.ts";

/** One earlier message of the conversation. */
export type ChatTurn = { role: "user" | "assistant"; content: string };

/**
 * The learner's last question in `history`, trimmed, with its index: the last message with a word
 * that is not only an acknowledgement ("what is docker", "ok cool", "how do i write a dockerfile
 * for it" leans on the docker question; "???" is skipped too); undefined when there is none.
 */
/** The last question of a conversation with the replies after it, as one text ("" when none). */
export function lastExchange(history: readonly ChatTurn[]): string {
  const last = lastUserTurn(history);
  if (last === undefined) return "";
  return history
    .slice(last.index)
    .map((turn) => turn.content)
    .join("\n");
}

export function lastUserTurn(
  history: readonly ChatTurn[],
): { index: number; content: string } | undefined {
  for (let index = history.length - 1; index >= 0; index--) {
    const turn = history[index] as ChatTurn;
    const content = turn.content.trim();
    if (turn.role === "user" && hasWord(content) && !isAcknowledgement(content)) {
      return { index, content };
    }
  }
  return undefined;
}

/** The previous question's topic a follow-up rewrite appends: "and salary? (NLP engineer)". */
const CARRIED_TOPIC = /\s*\(([^()]*)\)\s*$/;

/**
 * A rewritten follow-up split into the learner's own words and the topic carried over in
 * parentheses ("and salary? (NLP engineer)" → "and salary?", "NLP engineer"); `carried` is empty
 * for a question that carries nothing.
 */
export function carriedTopic(question: string): { own: string; carried: string } {
  const match = CARRIED_TOPIC.exec(question);
  if (match === null) return { own: question, carried: "" };
  return { own: question.slice(0, match.index), carried: match[1] ?? "" };
}

/**
 * Turns a follow-up ("and how long does that take?") into a question that can be looked up on
 * its own, from the conversation before it. Implementations: an offline one and an LLM through
 * LangChain's ChatOpenAI (the condense-question pattern).
 */
export type QuestionRewriter = {
  /** Shown in answers and health checks, e.g. `offline` or `openai:gpt-4o-mini`. */
  readonly id: string;
  /**
   * The standalone question; `message` itself when it needs no context or `history` is empty.
   * @param history earlier turns, oldest first, without `message`.
   */
  rewrite(
    message: string,
    history: ChatTurn[],
    options?: { signal?: AbortSignal },
  ): Promise<string>;
};
