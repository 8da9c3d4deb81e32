import type { Chunk } from "../chunking/chunk.ts";
import type { LoadedIndex } from "../index/index-store.ts";
import type { RetrievedChunk } from "../retrieval/retriever.ts";
import { numberedReferences, referenceAgreement } from "../text/numbered-references.ts";
import { contentTerms } from "../text/terms.ts";

/**
 * What a question asks about the material as a whole: how long its plan is ("how long is the
 * whole roadmap", "roadmap length?"), whom it is for ("who's this for tho", "is this roadmap ok
 * for me"), or whether it fits one kind of learner ("is this roadmap ok for a total noob"). Such a question names no topic of its own, so the passages that match its words say
 * nothing about it; the roadmap's own opening and its "who is it for" section do.
 */
export type MaterialAspect = "length" | "audience" | "fit";

/** "the roadmap", "this ML roadmap", "this plan", "the whole thing": the material itself. */
const NAMES_THE_MATERIAL =
  /\b(?:(?:(?:machine learning|ml) )?roadmap|(?:this|the|ur|your) (?:plan|course|guide|article|path|programme|program)|the (?:whole|entire|full) (?:thing|plan|course))\b/i;
/** "ok for a total noob", "good for freshers": the material asked about one kind of learner. */
const NAMES_A_LEARNER = /\b(?:beginners?|freshers?|noobs?|newbies?|students?)\b/i;
/** "who's this for": a bare "this" is the material when nothing else is asked about. */
const BARE_THIS = /\bthis\b/i;
const ASKS_LENGTH =
  /\bhow long\b|\blength\b|\bduration\b|\bhow many (?:months|weeks|years)\b|\bhow much time\b/i;
const ASKS_AUDIENCE =
  /\bwho(?:'s| is| are)?\b.*\b(?:for|intended|meant|aimed|targeted|written)\b|\b(?:ok|okay|good|suitable|right|meant|made|designed|useful|fine)\s+for\s+(?:me|us|a|an|someone|people|beginners?|freshers?|noobs?|newbies?|students?)\b/i;
/** Words of such a question that ask, not name a topic. */
const ASPECT_WORDS = new Set(
  contentTerms(
    `long length duration month months week weeks year years time take takes whole entire full
total plan course guide article path program programme thing intended meant aimed targeted written
many much
suitable ok okay good right made designed useful fine someone people tho though beginner
beginners fresher freshers noob noobs newbie newbies student students complete absolute total`,
  ),
);

/** The aspect of the material a question asks about, if it asks only about the material. */
export function materialAspect(question: string): MaterialAspect | undefined {
  const aspect = ASKS_LENGTH.test(question)
    ? "length"
    : ASKS_AUDIENCE.test(question)
      ? "audience"
      : undefined;
  if (aspect === undefined) return undefined;
  const named =
    NAMES_THE_MATERIAL.test(question) || (aspect === "audience" && BARE_THIS.test(question));
  if (!named) return undefined;
  // "how long is step 5 of the roadmap", "who is the roadmap's AI engineer path for": a topic of
  // its own, which the usual search finds.
  const topics = contentTerms(question.replace(NAMES_THE_MATERIAL, " ")).filter(
    (term) => !ASPECT_WORDS.has(term),
  );
  if (topics.length > 0) return undefined;
  return aspect === "audience" && NAMES_A_LEARNER.test(question) ? "fit" : aspect;
}

/**
 * The passages that answer an aspect, best first: for its length, the opening of the roadmap (the
 * source the index records as kind "roadmap"); for its audience, the introduction of the
 * roadmap's section whose heading asks whom it is for, and for its fit, that section's rows of
 * learner types too. Empty when the corpus has no such passage.
 */
export function materialPassages(index: LoadedIndex, aspect: MaterialAspect): Chunk[] {
  const roadmap = index.manifest.sources.find((source) => source.kind === "roadmap")?.source;
  const chunks = index.chunks
    .filter((chunk) => chunk.source === roadmap)
    .sort((left, right) => left.position - right.position);
  if (aspect === "length") return chunks.slice(0, 1);
  const section = chunks.find((chunk) => /^who\b.*\bfor\??$/i.test(lastHeading(chunk)))?.section;
  const passages = chunks.filter((chunk) => chunk.section === section);
  return aspect === "audience" ? passages.slice(0, 1) : passages;
}

/** The last heading of a chunk's section path ("Who Is This Machine Learning Roadmap For?"). */
export function lastHeading(chunk: Chunk): string {
  return chunk.section.split(" > ").at(-1)?.trim() ?? "";
}

/** "step 4", "months 6–8", "week 3": a numbered place of a plan, as a question writes it. */
const PLACE = /\b(?:steps?|months?|weeks?)\s*#?\d{1,2}(?:\s*(?:[-–—]|to)\s*\d{1,2})?\+?/gi;
/** Words that ask what a place of the plan holds, not about a topic of their own. */
const PLACE_FRAME = new Set(
  contentTerms(
    `cover covers covered covering come comes coming include includes included happen happens
learn learning do doing study studying focus focuses exactly next roadmap plan whole mlops
tutorial part section inside`,
  ),
);

/**
 * Whether a question asks only what one numbered place of the plan holds ("what does step 4
 * cover", "what comes in step 4", "step 3 is about what exactly", "month 7??"), and the passage
 * found first names that place: the place is the topic, however generic its other words, so the
 * question is answered from that passage.
 */
export function asksWhatPlaceHolds(question: string, results: readonly RetrievedChunk[]): boolean {
  const asked = numberedReferences(question);
  if (asked.length !== 1) return false;
  const topics = contentTerms(question.replace(PLACE, " ")).filter(
    (term) => !PLACE_FRAME.has(term),
  );
  const top = results[0]?.chunk;
  return (
    topics.length === 0 &&
    top !== undefined &&
    referenceAgreement(asked, numberedReferences(`${top.section}\n${top.text}`)) === "agrees"
  );
}
