import type { Chunk } from "../chunking/chunk.ts";
import type { LoadedIndex } from "../index/index-store.ts";
import { numberedReferences, referenceAgreement } from "../text/numbered-references.ts";

/**
 * "how do I know I'm done with step 2", "am I ready for step 3", "milestone for step 5", "step 2
 * exit criteria?", "… before leaving step 1", "when does the roadmap consider someone job-ready":
 * whether to move on, or what being ready means.
 */
export const READINESS_QUESTION =
  /\bmilestones?\b|\bhow (?:do|will|would|can|should) i (?:\w+ )?(?:know|tell)\b|\bwhen (?:am i\b|\S+(?: \S+){0,3} (?:consider|count|call)s?\b).{0,40}\bready\b|\bwhat does '?[\w-]+[- ]ready'? (?:\w+ )?mean\b|\bam i ready\b|\bready (?:to move|for (?:the next|step))\b|\b(?:can|should) i move (?:on|ahead)\b|\bbefore (?:i )?(?:move|moving) (?:on|ahead)\b|\b(?:done|finished) with\b|\bexit criteria\b|\bcriteria (?:to|for) (?:complete|completing|finish|finishing|pass|passing|clear|clearing)\b|\bbefore (?:i )?(?:leave|leaving)\s+(?:step|month)\b/i;

/** A step's milestone, as the roadmap states it: "Milestone: You are ready for the next step". */
const STATES_MILESTONE = /(?:^|\n)milestone:/i;

/**
 * The roadmap passages stating the milestone of the step a readiness question names ("milestone
 * for step 5?"): the milestone closes the step's section, under a subheading about something else
 * ("Cloud ML Platforms"), where a search for "step 5 milestone" does not find it.
 */
export function stepMilestonePassages(index: LoadedIndex, question: string): Chunk[] {
  if (!READINESS_QUESTION.test(question)) return [];
  const steps = numberedReferences(question).filter((reference) => reference.noun === "step");
  if (steps.length === 0) return [];
  const roadmap = index.manifest.sources.find((source) => source.kind === "roadmap")?.source;
  return index.chunks.filter(
    (chunk) =>
      chunk.source === roadmap &&
      STATES_MILESTONE.test(chunk.text) &&
      referenceAgreement(steps, numberedReferences(chunk.section.split(" > ")[0] ?? "")) ===
        "agrees",
  );
}
