/** One earlier message of the conversation. */
export type ChatTurn = { role: "user" | "assistant"; content: string };

/**
 * The learner's last non-empty message in `history`, trimmed, with its index; undefined when
 * there is none.
 */
export function lastUserTurn(
  history: readonly ChatTurn[],
): { index: number; content: string } | undefined {
  const index = history.map((turn) => turn.role).lastIndexOf("user");
  const content = history[index]?.content.trim();
  return content === undefined || content === "" ? undefined : { index, content };
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
