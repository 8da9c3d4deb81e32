import { hasWord, words } from "../text/terms.ts";

/** Words of a chat reply that acknowledges rather than asks: "ok", "thanks!", "got it", "cool 👍". */
const ACKNOWLEDGING = new Set(
  `ok okay k kk okk alright fine sure cool nice great awesome perfect wow good thanks thank thx ty
tysm you u so much very got it understood noted makes sense sounds yes yeah yep yup no nope nah hmm
hm lol haha oh ah i see will do that's thats easy enough simple clear helpful interesting neat exactly
agreed super pretty quite really shukriya dhanyavad dhanyavaad dhanyawad dhanyawaad thik theek
hai acha accha achha sahi nvm nevermind never mind`.split(/\s+/),
);

/** The refusal reason for an acknowledgement, as shown to the learner. */
export const ACKNOWLEDGEMENT_REASON =
  "that reads as a reply, not a question: ask about a topic of the roadmap or its tutorials";

/**
 * Whether a message only acknowledges ("ok", "thanks!", "got it, thank you so much", "great
 * explanation, very helpful"): there is nothing to look up, and it does not continue the previous
 * question either. A message that asks anything ("ok and docker?", "thanks, what about pandas")
 * is not one, nor one with more than one word of its own beside a thank-you.
 */
export function isAcknowledgement(message: string): boolean {
  const said = words(message);
  if (said.length === 0 || said.length > 8) return false;
  if (said.every((word) => ACKNOWLEDGING.has(word))) return true;
  // "ok got it, thx a lot", "great explanation, very helpful", "wow dropout makes sense 👍": a
  // clear thank-you or "makes sense" with a few words around it, and nothing asked.
  if (message.includes("?") || ASKS.test(message) || !THANKS_OR_UNDERSTOOD.test(message)) {
    return false;
  }
  const other = said.filter((word) => !ACKNOWLEDGING.has(word) && !AROUND_A_THANK_YOU.has(word));
  return other.length <= 1;
}

/** A short opening clause and what follows its punctuation: "got it. what is edge ML?". */
const OPENING_CLAUSE = /^([^.!?,;:]{1,40})[.!?,;:]+\s+(?=\S)/u;

/**
 * The message without an opening clause that only acknowledges the last answer ("got it. what
 * does the roadmap mean by edge ML?" → "what does the roadmap mean by edge ML?"); the message
 * itself otherwise. The "it" of "got it" points at nothing the learner asks about.
 */
export function withoutLeadingAcknowledgement(message: string): string {
  // "ok cool, makes sense. is dropout on at eval?": clause after clause.
  let rest = message;
  for (
    let opening = OPENING_CLAUSE.exec(rest);
    opening !== null;
    opening = OPENING_CLAUSE.exec(rest)
  ) {
    const after = rest.slice(opening[0].length);
    if (!isAcknowledgement(opening[1] ?? "") || !hasWord(after)) break;
    rest = after;
  }
  return rest;
}

/** A thank-you or a "that makes sense": enough to read a short message as a reply. */
const THANKS_OR_UNDERSTOOD =
  /\b(?:thanks?|thank you|thx|ty|tysm|shukriya|dhanyava?a?d|dhanyawa?a?d|got it|makes sense|understood|helpful|great explanation|clear now)\b/i;
/** A clause that asks or goes on: "thanks, what about pandas", "got it, and docker". */
const ASKS =
  /(?:^|[,.;!]\s*|\b(?:but|and|so)\s+)(?:what|which|how|why|when|where|who|is|are|do|does|can|could|should|will|would|and|also|but|pls|please|tell|explain)\b/i;
/** Words that often sit around a thank-you without asking anything. */
const AROUND_A_THANK_YOU = new Set(
  `a lot that this it the for your explanation answer info information help sir maam ma'am bro
dude man buddy now clear clears cleared up all bhai yaar ji bahut hui help`.split(/\s+/),
);
