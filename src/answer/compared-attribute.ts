import { comparedSides } from "../text/compared-sides.ts";
import { contentTerms, stem } from "../text/terms.ts";

/**
 * "GRU vs LSTM, which one trains faster", "batch or online prediction, which is cheaper to run":
 * a comparison on one measurable quality. The material answers it only where it says that quality
 * of one of the things compared ("Batch prediction is simpler and cheaper to operate"); naming both
 * things together ("LSTM and GRU cells add gates…") does not say which is faster.
 */
const QUALITY =
  /\b(faster|slower|quicker|cheaper|costlier|lighter|heavier|(?:more|less) (?:accurate|efficient|memory))\b/i;

/** The words a unit may use for each quality ("fast", "speed" for "faster"), as stems. */
const SAID_AS: Record<string, string[]> = {
  faster: ["fast", "faster", "speed", "quick", "quicker"],
  slower: ["slow", "slower", "speed"],
  quicker: ["fast", "faster", "speed", "quick", "quicker"],
  cheaper: ["cheap", "cheaper", "cost"],
  costlier: ["cost", "expensive", "cheaper"],
  lighter: ["light", "lighter", "lightweight"],
  heavier: ["heavy", "heavier"],
  "more accurate": ["accurate", "accuracy"],
  "less accurate": ["accurate", "accuracy"],
  "more efficient": ["efficient", "efficiency"],
  "less efficient": ["efficient", "efficiency"],
  "more memory": ["memory"],
  "less memory": ["memory"],
};

/** A quality two things are compared on, as asked, and the things' terms. */
export type ComparedQuality = { quality: string; sides: [string[], string[]] };

/** "is pytorch faster than tensorflow", "is lightgbm really quicker than xgboost": each side a word. */
const QUALITY_THAN = new RegExp(
  `([\\p{L}\\d.+#-]+)\\s+(?:(?:really|much|way|actually)\\s+)?${QUALITY.source}\\s+than\\s+([\\p{L}\\d.+#-]+)`,
  "iu",
);

/** The quality a comparison asks about, if the question compares two things on one. */
export function qualityCompared(question: string): ComparedQuality | undefined {
  const quality = QUALITY.exec(question)?.[1]?.toLowerCase().replace(/\s+/g, " ");
  const than = QUALITY_THAN.exec(question);
  const sides =
    comparedSides(question) ??
    (than?.[1] !== undefined && than[3] !== undefined
      ? ([than[1], than[3]] as [string, string])
      : undefined);
  if (quality === undefined || sides === undefined) return undefined;
  const [left, right] = sides.map((side) => contentTerms(side));
  if (left === undefined || right === undefined || left.length === 0 || right.length === 0) {
    return undefined;
  }
  return { quality, sides: [left, right] };
}

/** Whether one of `texts` (sentences, rows) says the quality of one of the things compared. */
export function saysQualityOf(asked: ComparedQuality, texts: readonly string[]): boolean {
  const said = new Set((SAID_AS[asked.quality] ?? [asked.quality]).map(stem));
  return texts.some((text) => {
    const terms = new Set(contentTerms(text));
    return (
      [...said].some((term) => terms.has(term)) &&
      asked.sides.some((side) => side.some((term) => terms.has(term)))
    );
  });
}
