/** Opens a clause that asks something: a question word, an auxiliary verb, or a request. */
const ASKING =
  /^(?:so |and |but |ok |okay |then |also |pls |please )*(what|which|who|whom|whose|when|where|why|how|is|are|am|was|were|do|does|did|can|could|should|shall|will|would|may|might|must|have|has|any|tell|explain|give|list|name|suggest|recommend|help|compare|define)\b/i;

/**
 * The part of a message that asks the question, without the situation around it: "I'm 28, in
 * marketing, no CS degree, can I still get into ML?" asks "can I still get into ML?". A message
 * is cut into clauses at sentence ends, commas, semicolons and dashes; the clauses that end with
 * a question mark or open like a question are the focus. A message with no such clause, or only
 * one clause, is its own focus.
 */
export function questionFocus(message: string): string {
  const clauses = message
    .split(/(?<=[.?!])\s+|[,;]\s+|\s+[—–-]\s+|\s*\.\.\.+\s*/)
    .map((clause) => clause.trim())
    .filter((clause) => /[\p{L}\p{N}]/u.test(clause));
  if (clauses.length < 2) return message;
  const asking = clauses.filter((clause) => clause.endsWith("?") || ASKING.test(clause));
  return asking.length === 0 ? message : asking.join(" ");
}
