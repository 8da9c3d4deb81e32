import { offeredForRole, replacedSides } from "../text/compared-sides.ts";
import { contentTerms } from "../text/terms.ts";
import type { CorpusStatistics } from "./corpus-statistics.ts";

/** Each section's terms (its chunks' terms together), built once per corpus. */
const sectionsOf = new WeakMap<CorpusStatistics, Set<string>[]>();

function sectionTerms(statistics: CorpusStatistics): Set<string>[] {
  const known = sectionsOf.get(statistics);
  if (known !== undefined) return known;
  const bySection = new Map<string, Set<string>>();
  for (const { terms, sectionTerms } of statistics.chunkTerms()) {
    const key = [...sectionTerms].sort().join(" ");
    const section = bySection.get(key) ?? new Set<string>();
    for (const term of terms) section.add(term);
    bySection.set(key, section);
  }
  const sections = [...bySection.values()];
  sectionsOf.set(statistics, sections);
  return sections;
}

/** A side that names nothing in particular: "something cooler", "anything fancy", "other stuff". */
const VAGUE_SIDE = /^(?:something|anything|stuff|things?|other(?:\s+(?:stuff|things?))?)\b/i;

/**
 * "can DVC use google drive as its remote instead of S3?", "can it use google drive as the
 * remote?": no section of the material names the offered replacement beside what it replaces, or
 * beside the role it is offered for, so it cannot say whether it will do. The two sides, or
 * undefined when a section names both ("conda instead of venv").
 */
export function replacementUnmentioned(
  question: string,
  statistics: CorpusStatistics,
): [string, string] | undefined {
  const sides = replacedSides(question) ?? offeredForRole(question);
  if (sides === undefined) return undefined;
  // "… instead of something cooler": a side that names no thing.
  if (sides.some((side) => VAGUE_SIDE.test(side.trim()))) return undefined;
  const [replacement, replaced] = sides.map((side) => new Set(contentTerms(side)));
  if (replacement === undefined || replaced === undefined) return undefined;
  if (replacement.size === 0 || replaced.size === 0) return undefined;
  if ([...replacement].some((term) => replaced.has(term))) return undefined;
  const holds = (terms: Set<string>, side: Set<string>) =>
    [...side].some((term) => terms.has(term));
  const beside = sectionTerms(statistics).some(
    (terms) => holds(terms, replacement) && holds(terms, replaced),
  );
  return beside ? undefined : sides;
}
