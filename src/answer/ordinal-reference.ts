/**
 * "examples of the last one?", "the third one, any caveat?", "stack for the second one?": a
 * message that points at an item of the list the assistant just gave, by its place in it.
 */

const PLACES: Readonly<Record<string, number>> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  fifth: 5,
  "5th": 5,
  sixth: 6,
  "6th": 6,
  seventh: 7,
  "7th": 7,
  eighth: 8,
  "8th": 8,
  ninth: 9,
  "9th": 9,
  tenth: 10,
  "10th": 10,
  last: -1,
  final: -1,
  former: 1,
  latter: -1,
};

/**
 * "the last one", "the 2nd option", "the latter". Only with "the" and a word that stands for an
 * item: "ok last one, what does dropout do" is the learner's last question, and "the first step
 * of the roadmap" names a step, not an item of the reply.
 */
const ORDINAL_ONE =
  /\bthe (first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|7th|eighth|8th|ninth|9th|tenth|10th|last|final)(?: (?:one|option|item|point|thing))\b|\bthe (former|latter)\b/i;

/** An item of an enumeration longer than this is a clause, not the name of a thing. */
const MAX_ITEM_WORDS = 7;
/** A line of a list reply: "- Streamlit — best for: …", "2. Collect the data". */
const LIST_LINE = /^\s*(?:[-*•]|\d+[.)])\s+(.+)$/;
/** An answer line led by a table row: "Streamlit — best for: …", "- House Price Predictor — stack: …". */
const ROW_LEAD = /^(?:- )?([^—\n[\]]{2,60}?) — /;

/** The row a line of an answer leads with ("Streamlit"), if it leads with one. */
export function ledRow(line: string): string | undefined {
  return ROW_LEAD.exec(line.trim())?.[1]?.trim();
}

export type OrdinalReference = {
  /** The words that point ("the last one"). */
  phrase: string;
  /** 1-based place, or -1 for the last. */
  place: number;
};

/** The place a message points at in a list, if it points at one. */
export function ordinalReference(message: string): OrdinalReference | undefined {
  const match = ORDINAL_ONE.exec(message);
  const word = (match?.[1] ?? match?.[2])?.toLowerCase();
  if (match === null || word === undefined) return undefined;
  const place = PLACES[word];
  return place === undefined ? undefined : { phrase: match[0], place };
}

/** The item at `place` (1-based, -1 for the last) of `items`, if the list is long enough. */
export function itemAt(items: readonly string[], place: number): string | undefined {
  if (items.length < 2) return undefined;
  return place === -1 ? items.at(-1) : items[place - 1];
}

/**
 * The items a reply lists, in order: its list lines (a quoted row by its name), or else the
 * longest enumeration of short items in one of its sentences ("Four: a schedule, a performance
 * drop, a drift alert, and enough new labelled data"). Parentheses are left out of the items;
 * empty when the reply lists nothing.
 */
export function listedItems(reply: string): string[] {
  const text = reply.replace(/\[\d+\]/g, " ");
  const lines = text
    .split("\n")
    .map((line) => LIST_LINE.exec(line)?.[1]?.trim())
    .filter((line): line is string => line !== undefined && line !== "");
  if (lines.length >= 2) {
    // A sentence quoted after the rows ("- Machine learning is different …") is not one of them.
    const rows = lines.map(ledRow).filter((row): row is string => row !== undefined);
    const items = rows.length >= 2 ? rows : lines;
    return items.map((item) => item.replace(/[.:;]+$/, "").trim());
  }
  // "Deep Learning Specialization — provider: …; approx. cost: Varies": a row's cells list nothing.
  const prose = text
    .split("\n")
    .filter((line) => ledRow(line) === undefined)
    .join("\n");
  let best: string[] = [];
  for (const sentence of prose.split(/(?<=[.!?])\s+|\n+/)) {
    const items = enumeration(sentence);
    if (items.length > best.length) best = items;
  }
  return best;
}

/** The short items a sentence enumerates, or none. */
function enumeration(sentence: string): string[] {
  // After a lead-in ("The roadmap lists three: …"), the list.
  const colon = topLevelIndexOf(sentence, ":");
  const body = (colon === -1 ? sentence : sentence.slice(colon + 1))
    .replace(/\([^()]*\)/g, " ")
    .replace(/[.!?]+\s*$/, "");
  const pieces = body.split(/[,;]/).map((piece) => piece.trim());
  const last = pieces.pop() ?? "";
  // "… and reinforcement learning": the last item after a final "and" / "or".
  const joined = /^(.*?\S)\s+(?:and|or)\s+(\S.*)$/i.exec(last);
  if (/^(?:and|or)\s/i.test(last)) pieces.push(last.replace(/^(?:and|or)\s+/i, ""));
  else if (joined?.[1] !== undefined && joined[2] !== undefined) pieces.push(joined[1], joined[2]);
  else pieces.push(last);
  const items = pieces.map((piece) => piece.replace(/\s+/g, " ").trim()).filter(Boolean);
  const short = items.every((item) => item.split(" ").length <= MAX_ITEM_WORDS);
  // Two items need the "and" / "or" that joins them; one comma alone joins clauses.
  const listed = items.length >= 3 || (items.length === 2 && joined !== null);
  return short && listed ? items : [];
}

/** The first index of `mark` outside parentheses, or -1. */
function topLevelIndexOf(text: string, mark: string): number {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "(") depth++;
    else if (char === ")") depth = Math.max(0, depth - 1);
    else if (char === mark && depth === 0) return index;
  }
  return -1;
}
