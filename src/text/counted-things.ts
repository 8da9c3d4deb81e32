/**
 * "the 4 steps of a training step", "3 types of ml", "if i train 2 models": a small count of
 * things in digits. Not a numbered part ("step 4 tools"), a version ("python 3 libs", "Pandas 3
 * changes"), a time, money or size ("2 hrs", "5 gbs") or part of another number ("0.5 feels",
 * "1–2 weeks").
 */
const COUNTED_THINGS =
  /(?<![\w.,:/$£€₹#@=+*%–-])(?<!\b(?:steps?|months?|weeks?|phases?|stages?|parts?|levels?|tiers?|versions?|v|python|pandas|numpy|class|grade|no|number|chapter|section|lesson|day|page|gen|rtx|gtx|gpt|llama)\s)([2-9])\s+(?=(?!(?:years|yrs|months|mos|weeks|wks|days|hours|hrs|mins|minutes|seconds|secs|gbs|mbs|lakhs|lacs|crores|dollars|rupees|bucks|percent|times|is|was|has|does|vs|plus|this|his|its|yes|us)\b)[a-z][a-z-]*[a-rt-z]s\b)/gi;

/** "Python 3 libraries", "GPT 4 tokens": a name (not "I", not the first word) before a version. */
const NAME_BEFORE = /\S\s+(?!I\s)[A-Z][\w.-]*\s+$/;

const IN_WORDS = "two three four five six seven eight nine".split(" ");

/** "the 4 steps" → "the four steps": a count of things in digits, written as the material does. */
export function countsInWords(
  text: string,
  record: (from: string, to: string) => string = (_from, to) => to,
): string {
  return text.replace(COUNTED_THINGS, (count, number: string, at: number, whole: string) =>
    NAME_BEFORE.test(whole.slice(0, at))
      ? count
      : record(count, `${IN_WORDS[Number(number) - 2]} `),
  );
}
