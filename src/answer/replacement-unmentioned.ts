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

/** A term that is a number ("0.912", "3"). */
const NUMBER = /^\d[\d.,]*$/;

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
  const insteadOf = replacedSides(question);
  const sides = insteadOf ?? offeredForRole(question);
  if (sides === undefined) return undefined;
  // "… instead of something cooler": a side that names no thing.
  if (sides.some((side) => VAGUE_SIDE.test(side.trim()))) return undefined;
  const [offered, role] = sides.map((side) => new Set(contentTerms(side)));
  if (offered === undefined || role === undefined) return undefined;
  if (offered.size === 0 || role.size === 0) return undefined;
  // "print accuracy as 0.912 instead of 0.91234567": a number in place of a number is a format.
  if ([...role].every((term) => NUMBER.test(term))) return undefined;
  if ([...offered].some((term) => role.has(term))) return undefined;
  // A thing offered for a role is a name, each word of it needed ("use google drive as the
  // remote": Google's cloud storage is another thing); a side of "X instead of Y" may hold more
  // words than the name ("fine-tuning an LLM make sense instead of just prompting it").
  const held = (terms: Set<string>, side: Set<string>, whole: boolean) =>
    whole ? [...side].every((term) => terms.has(term)) : [...side].some((term) => terms.has(term));
  const beside = sectionTerms(statistics).some(
    (terms) => held(terms, offered, insteadOf === undefined) && held(terms, role, false),
  );
  return beside ? undefined : sides;
}
