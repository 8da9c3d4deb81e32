import { countsInWords } from "../text/counted-things.ts";

/** A change made while normalising how a number is written. */
export type NumberChange = { from: string; to: string };

const DASHES = /[‐‑‒–—−]/g;
/** "1-2", "1 - 2", "3 to 6", "6—12": a range of numbers, written as the material does ("1–2"). */
const RANGE = /(?<![\d.,])(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)(?![\d.,]*\d)/g;
/**
 * "10k", "2.5k" (not "$120k", which the material writes as "$120K", nor a race, "a 5K run", "10k
 * marathon training").
 */
const THOUSANDS =
  /(?<![$\d.])\b(\d+(?:\.\d+)?)k\b(?!\s+(?:run|race|races|running|runner|marathon|walk|walking)\b)/gi;
const DOLLAR_THOUSANDS = /\$(\d+(?:\.\d+)?)k\b/g;
/** "10 plus yrs", "5 plus years of exp": the material writes "10+ years". */
const PLUS_AMOUNT =
  /\b(\d+)\s+plus(?=\s+(?:years?|yrs?|yr|months?|hours?|hrs?|lpa|lakhs?|exp|experience)\b)/gi;
/**
 * A whole number of five or more digits without separators, not part of a decimal, code, an
 * address or port ("127.0.0.1:18000") or a hardware model.
 */
const BARE_NUMBER =
  /(?<![\d.,:\w])(?<!\b(?:rtx|gtx|rx|gt|quadro|tesla|ryzen|core|port|localhost|i[3579])\s)(\d{5,})(?![\d.,:]?\d|\w)/gi;

const NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve".split(" ");
/** "step five", "month three", "week two": a numbered part of the plan, which the material numbers. */
const NUMBERED_PART = new RegExp(
  `\\b(steps?|months?|weeks?|phases?|stages?)\\s+(${NUMBER_WORDS.join("|")})\\b`,
  "gi",
);

/**
 * "what comes after step 3", "what do i learn after month 8", "which week is before week 5": the
 * part of the plan next to a numbered one, asked for by the number the material gives it
 * ("what comes in step 4").
 */
const NEIGHBOUR_PART =
  /\b(what(?:'s)?|whats|wat|which)\b((?:\s+[^\s?.!,;]+){0,3}?)\s+(?:next\s+|right\s+|just\s+)?(after|following|before|preceding)\s+(step|month|week)\s+(\d+)\b/gi;

const TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
const TEENS = "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(" ");
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1e6 };
/** "ten thousand", "twenty five thousand", "5 hundred", "a million": an amount written in words. */
const SPELLED_AMOUNT = new RegExp(
  `\\b(?:(${TENS.join("|")})(?:[\\s-](${NUMBER_WORDS.slice(0, 9).join("|")}))?|(${[...NUMBER_WORDS, ...TEENS].join("|")})|(\\d+)|(a))\\s+(hundred|thousand|million)\\b`,
  "gi",
);

/** The number an amount written in words stands for ("twenty five thousand" → 25000). */
function spelledAmount(match: RegExpExecArray | string[]): number {
  const [, tens, unit, small, digits, , scale = ""] = match;
  const lower = (word: string | undefined) => (word ?? "").toLowerCase();
  let count = 1;
  if (tens !== undefined) {
    count =
      (TENS.indexOf(lower(tens)) + 2) * 10 +
      (unit === undefined ? 0 : NUMBER_WORDS.indexOf(lower(unit)) + 1);
  } else if (small !== undefined) {
    const index = NUMBER_WORDS.indexOf(lower(small));
    count = index >= 0 ? index + 1 : TEENS.indexOf(lower(small)) + 13;
  } else if (digits !== undefined) {
    count = Number(digits);
  }
  return count * (SCALES[lower(scale)] ?? 1);
}

const ORDINALS =
  "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(" ");
/**
 * "the final step", "last stage": the plan's last step, when the material numbers its steps; not
 * "the last step of my pipeline".
 */
const LAST_PART =
  /\b(?:the\s+)?(?:very\s+)?(?:final|last)\s+(?:step|stage|phase)\b(?!\s+(?:of|in|for)\s+(?:my|our|your|his|her|their)\b)/gi;
/** "the first stage", "second phase": a numbered part of the plan, which the material calls a step. */
const ORDINAL_PART = new RegExp(
  `\\b(?:the\\s+)?(?:very\\s+)?(${ORDINALS.join("|")})\\s+(?:stage|phase)\\b`,
  "gi",
);

/**
 * Groups digits in threes as the material does: "10000" → "10,000". Four digits stay as they are,
 * as the material writes them: years, ports ("5000 is taken, can i use 8080"), "1000".
 */
function group(digits: string): string {
  if (digits.length <= 4) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Writes numbers the way the material writes them, so "10000" finds "10,000" and "1-2 weeks"
 * finds "1–2 weeks": "step five" becomes "step 5", "the very first stage" becomes "Step 1", "the
 * 4 steps" becomes "the four steps" (as the material writes "four moves"), dashes between numbers
 * become en dashes, "3 to 6" becomes "3–6", "10 plus years" becomes "10+ years", "10k" and "ten
 * thousand" become "10,000", "$120k" becomes "$120K", long numbers get thousands separators.
 */
export function normaliseNumbers(
  text: string,
  lastPlace: (part: string) => number = () => Infinity,
): { text: string; changes: NumberChange[] } {
  const changes: NumberChange[] = [];
  const record = (from: string, to: string) => {
    if (from !== to) changes.push({ from, to });
    return to;
  };
  let result = text.replace(NUMBERED_PART, (match, part: string, number: string) =>
    record(match, `${part} ${NUMBER_WORDS.indexOf(number.toLowerCase()) + 1}`),
  );
  result = result.replace(ORDINAL_PART, (match, ordinal: string) =>
    record(match, `Step ${ORDINALS.indexOf(ordinal.toLowerCase()) + 1}`),
  );
  const lastStep = lastPlace("step");
  if (lastStep > 0 && Number.isFinite(lastStep)) {
    result = result.replace(LAST_PART, (match) => record(match, `Step ${lastStep}`));
  }
  result = result.replace(
    NEIGHBOUR_PART,
    (match, asked: string, between: string, side: string, part: string, number: string) => {
      const neighbour = Number(number) + (/^(?:before|preceding)$/i.test(side) ? -1 : 1);
      return neighbour < 1 || neighbour > lastPlace(part.toLowerCase())
        ? match
        : record(match, `${asked}${between} in ${part} ${neighbour}`);
    },
  );
  result = countsInWords(result, record);
  result = result.replace(/(\d)\s*[‐‑‒—−]\s*(\d)/g, (match, left: string, right: string) =>
    record(match, `${left}–${right}`),
  );
  result = result.replace(PLUS_AMOUNT, (match, amount: string) => record(match, `${amount}+`));
  result = result.replace(DOLLAR_THOUSANDS, (match, amount: string) =>
    record(match, `$${amount}K`),
  );
  result = result.replace(THOUSANDS, (match, amount: string) =>
    record(match, group(String(Math.round(Number(amount) * 1000)))),
  );
  result = result.replace(SPELLED_AMOUNT, (...match: string[]) =>
    record(match[0] ?? "", group(String(spelledAmount(match)))),
  );
  result = result.replace(BARE_NUMBER, (match, digits: string) => record(match, group(digits)));
  result = result.replace(RANGE, (match, left: string, right: string) =>
    Number(left) < Number(right) ? record(match, `${left}–${right}`) : match,
  );
  return { text: result.replace(DASHES, (dash) => (dash === "–" ? dash : dash)), changes };
}
