import { englishNlp } from "./english-nlp.ts";

/** Entity types that say when: "10am", "tomorrow", "next week", "in 2 days", "tonight". */
const WHEN = new Set(["TIME", "DATE", "DURATION"]);

/** "in 40 mins", "2 hrs": an amount of time the recogniser reads as a bare number. */
const AMOUNT_OF_TIME = /\b\d+\s*(?:mins?|minutes?|hrs?|hours?|days?|weeks?)\b/gi;

/**
 * The expressions of time in a text, as written, found by wink-nlp's named-entity recogniser
 * (see `english-nlp.ts`), and amounts of time it reads as bare numbers. A bare year ("2030") is
 * left out: a year can be what a figure is asked for.
 */
export function timeExpressions(text: string): string[] {
  const nlp = englishNlp();
  const { its } = nlp;
  const found = nlp.readDoc(text).entities().out(its.detail) as unknown as Array<{
    value: string;
    type: string;
  }>;
  const recognised = found
    .filter((entity) => WHEN.has(entity.type) && !/^\d{4}$/.test(entity.value.trim()))
    .map((entity) => entity.value);
  const amounts = (text.match(AMOUNT_OF_TIME) ?? []).filter(
    (amount) => !recognised.some((expression) => expression.includes(amount)),
  );
  return [...recognised, ...amounts];
}
