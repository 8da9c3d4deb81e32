import { escapeRegExp } from "../text/escape-reg-exp.ts";

/**
 * "Machine learning (ML)": a short form the material spells out, the long form first. ("DVC (Data
 * Version Control) versions …" names the tool by its short form: the material says what "DVC" is.)
 */
const LONG_THEN_SHORT = /((?:[\p{L}-]+\s+){1,5}?[\p{L}-]+)\s+\(([A-Z][A-Za-z]{1,5})\)/gu;

/**
 * "what is ML", "DL meaning?", "full form of SGD": a definition asked of a short form alone (the
 * group `short`, or `short2` when the form comes first).
 */
const DEFINITION_OF_SHORT =
  /^(?<frame>(?:what(?: is|'s| are| does)|define|meaning of|full form of)\s+(?:an?\s+|the\s+)?)(?<short>[A-Za-z]{2,6})(?<rest>(?:\s+(?:mean|stand for))?(?:\s+(?:exactly|actually|really|even))?\s*\??)$|^(?<short2>[A-Za-z]{2,6})(?<rest2>\s+(?:meaning|definition|full form|stands for what)(?:\s+in (?:one|1|a|simple) (?:line|sentence|words|terms))?\s*\??)$/;

/** Whether the words' first letters spell the short form ("machine learning" → "ml"). */
function spells(long: string, short: string): boolean {
  const initials = long
    .split(/[\s-]+/)
    .map((word) => word[0] ?? "")
    .join("");
  return initials.toLowerCase() === short.toLowerCase().replace(/s$/, "");
}

/**
 * The short forms the material spells out ("ML" → "machine learning"), found where it writes the
 * short form in brackets after the long one. A definition asked of a short form alone ("what is
 * ML") asks of the long one: the material defines "Machine Learning", and "ML" alone is in
 * hundreds of its sentences.
 */
export class SpelledOut {
  private readonly longForms = new Map<string, string>();

  constructor(chunks: readonly { text: string }[]) {
    for (const { text } of chunks) {
      for (const match of text.matchAll(LONG_THEN_SHORT)) {
        const short = match[2] ?? "";
        const words = (match[1] ?? "").split(/\s+/);
        const long = words.slice(-short.replace(/s$/, "").length).join(" ");
        if (spells(long, short)) this.add(short, long);
      }
    }
  }

  private add(short: string, long: string): void {
    const key = short.toLowerCase();
    if (!this.longForms.has(key)) this.longForms.set(key, long.toLowerCase());
  }

  /** The question with a defined short form spelled out, and what changed; unchanged otherwise. */
  spellOut(question: string): { text: string; from?: string; to?: string } {
    const match = DEFINITION_OF_SHORT.exec(question.trim());
    const short = match?.groups?.short ?? match?.groups?.short2;
    const long = short === undefined ? undefined : this.longForms.get(short.toLowerCase());
    if (short === undefined || long === undefined) return { text: question };
    // "what is an RNN" → "what is a recurrent neural network".
    const text = question.replace(
      new RegExp(`(?:\\b(an?) )?\\b${escapeRegExp(short)}\\b`),
      (_match, article?: string) =>
        article === undefined ? long : `${/^[aeiou]/.test(long) ? "an" : "a"} ${long}`,
    );
    return { text, from: short, to: long };
  }
}
