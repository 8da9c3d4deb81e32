import { words } from "../text/terms.ts";

/** Words of a chat reply that acknowledges rather than asks: "ok", "thanks!", "got it", "cool 👍". */
const ACKNOWLEDGING = new Set(
  `ok okay k kk okk alright fine sure cool nice great awesome perfect wow good thanks thank thx ty
tysm you u so much very got it understood noted makes sense sounds yes yeah yep yup no nope nah hmm
hm lol haha oh ah i see will do that's thats easy enough simple clear helpful interesting neat exactly
agreed super pretty quite really`.split(/\s+/),
);

/** The refusal reason for an acknowledgement, as shown to the learner. */
export const ACKNOWLEDGEMENT_REASON =
  "that reads as a reply, not a question: ask about a topic of the roadmap or its tutorials";

/**
 * Whether a message only acknowledges ("ok", "thanks!", "got it, thank you so much"): there is
 * nothing to look up, and it does not continue the previous question either. A message with any
 * other word ("ok and docker?", "thanks, what about pandas") is not one.
 */
export function isAcknowledgement(message: string): boolean {
  const said = words(message);
  return said.length > 0 && said.length <= 8 && said.every((word) => ACKNOWLEDGING.has(word));
}
