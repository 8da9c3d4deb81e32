import type { Chunk } from "../../chunking/chunk.ts";
import { escapeRegExp } from "../../text/escape-reg-exp.ts";
import { contentTerms } from "../../text/terms.ts";
import { extractSteps } from "../extract-steps.ts";
import type { Step } from "../study-types.ts";
import { memoisePerStep } from "./memoise-per-step.ts";
import { parseStepHeading, topHeading } from "./study-source.ts";

/** The passages that belong to one step, for its guide and its cards. */
export type StepPassages = {
  step: Step;
  /** The chunks under the step's `## Step N` heading, in reading order. */
  own: Chunk[];
  /** The step's row of the overview table. */
  overview?: Chunk;
  /** FAQ entries that name the step's tools or topics, best first. */
  faqs: Chunk[];
  /**
   * Tutorial sections that deepen the step, best first: from a tutorial that says it supports
   * the step ("This tutorial supports Step 4…"), else the sections of any tutorial that best
   * match the step's headings and tools.
   */
  tutorials: Array<{ section: string; source: string; chunks: Chunk[]; supports: boolean }>;
};

/** At most this many FAQ entries per step. */
const MAX_FAQS = 3;
/** At most this many tutorial sections from a tutorial that supports the step… */
const MAX_SUPPORTING_SECTIONS = 4;
/** …and from the other tutorials, whose TF-IDF cosine with the step must reach `MIN_MATCH_COSINE`. */
const MAX_MATCHING_SECTIONS = 2;
const MIN_MATCH_COSINE = 0.1;

/** The passages of step `n`, or undefined when the material has no such step. Memoised per index. */
export const stepPassages = memoisePerStep((chunks, n): StepPassages | undefined => {
  const step = extractSteps(chunks).find((candidate) => candidate.n === n);
  if (step === undefined) return undefined;
  return collect(chunks, step);
});

function collect(chunks: readonly Chunk[], step: Step): StepPassages {
  const roadmap = step.titleFrom?.source ?? step.months.from.source;
  const own = chunks
    .filter(
      (chunk) => chunk.source === roadmap && parseStepHeading(topHeading(chunk))?.n === step.n,
    )
    .sort((left, right) => left.position - right.position);
  const overview = chunks.find(
    (chunk) => chunk.id === step.months.from.chunkId && chunk.kind === "table-row",
  );
  return {
    step,
    own,
    ...(overview === undefined ? {} : { overview }),
    faqs: stepFaqs(chunks, step),
    tutorials: stepTutorials(chunks, own, step, roadmap),
  };
}

/** The names a tool goes by: "Matplotlib / Seaborn" is two. */
export function toolNames(step: Step): string[] {
  return step.tools.flatMap((tool) =>
    tool.name
      .split(/\s*\/\s*/)
      .map((name) => name.trim())
      .filter((name) => name.length > 1),
  );
}

/** Whether `text` names `name` as a whole word, case-insensitively. */
export function names(text: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/**
 * Content terms of what the step is about (its title, focus and section headings) that at most
 * two steps share: "machine learning" is in most titles and says nothing about a step.
 */
function topicTerms(step: Step, steps: readonly Step[]): Set<string> {
  const termsOf = (candidate: Step) =>
    new Set(
      contentTerms(
        [
          candidate.title,
          candidate.focus?.value ?? "",
          ...candidate.sections.map((section) => section.value),
        ].join(" "),
      ),
    );
  const perStep = steps.map(termsOf);
  return new Set(
    [...termsOf(step)].filter((term) => perStep.filter((terms) => terms.has(term)).length <= 2),
  );
}

/**
 * FAQ entries scored by the step's tools they name (one point each) and the step's topic words
 * in their question (two points each); those with at least two points, best first.
 */
function stepFaqs(chunks: readonly Chunk[], step: Step): Chunk[] {
  const tools = toolNames(step);
  const topics = topicTerms(step, extractSteps(chunks));
  const scored = chunks
    .filter((chunk) => chunk.kind === "faq")
    .map((chunk) => {
      const question = chunk.text.split("\n")[0] ?? "";
      const toolHits = tools.filter((tool) => names(chunk.text, tool)).length;
      const topicHits = new Set(contentTerms(question).filter((term) => topics.has(term))).size;
      return { chunk, score: toolHits + 2 * topicHits };
    })
    .filter((entry) => entry.score >= 1)
    .sort((left, right) => right.score - left.score || left.chunk.position - right.chunk.position);
  // Entries that only name one tool are kept only when nothing ties closer (one, then).
  const strong = scored.filter((entry) => entry.score >= 2);
  return (strong.length > 0 ? strong.slice(0, MAX_FAQS) : scored.slice(0, 1)).map(
    (entry) => entry.chunk,
  );
}

/**
 * Tutorial sections ranked by the TF-IDF cosine of their words with the step's own passages
 * (IDF over every chunk of the index), so a section about the step's tools and topics ranks
 * first whatever its length.
 */
function stepTutorials(
  chunks: readonly Chunk[],
  own: readonly Chunk[],
  step: Step,
  roadmap: string,
): StepPassages["tutorials"] {
  const idf = inverseDocumentFrequency(chunks);
  const stepVector = tfIdf(own.map((chunk) => `${chunk.section} ${chunk.text}`).join(" "), idf);
  const bySource = new Map<string, Chunk[]>();
  for (const chunk of chunks) {
    if (chunk.source === roadmap || chunk.kind === "table-row") continue;
    bySource.set(chunk.source, [...(bySource.get(chunk.source) ?? []), chunk]);
  }
  const supportsStep = new RegExp(`\\bsupports\\s+Step\\s+${step.n}\\b`, "i");
  const supporting: Ranked[] = [];
  const matching: Ranked[] = [];
  for (const [source, documentChunks] of bySource) {
    const ordered = documentChunks.sort((left, right) => left.position - right.position);
    const supports = supportsStep.test(ordered[0]?.text ?? "");
    const sections = new Map<string, Chunk[]>();
    for (const chunk of ordered) {
      // The introduction before the first heading is about the tutorial, not a section of it.
      if (chunk.section === chunk.title) continue;
      const heading = topHeading(chunk);
      sections.set(heading, [...(sections.get(heading) ?? []), chunk]);
    }
    for (const [section, sectionChunks] of sections) {
      const vector = tfIdf(`${section} ${sectionChunks.map((chunk) => chunk.text).join(" ")}`, idf);
      const ranked = { section, source, chunks: sectionChunks, supports };
      (supports ? supporting : matching).push({ ...ranked, score: cosine(stepVector, vector) });
    }
  }
  const best = (ranked: Ranked[], count: number, minimum: number) =>
    ranked
      .filter((entry) => entry.score >= minimum)
      .sort((left, right) => right.score - left.score)
      .slice(0, count)
      .map(({ score: _score, ...section }) => section);
  const fromSupporting = best(supporting, MAX_SUPPORTING_SECTIONS, 0);
  return fromSupporting.length > 0
    ? fromSupporting
    : best(matching, MAX_MATCHING_SECTIONS, MIN_MATCH_COSINE);
}

type Ranked = StepPassages["tutorials"][number] & { score: number };

const idfCache = new WeakMap<readonly Chunk[], Map<string, number>>();

function inverseDocumentFrequency(chunks: readonly Chunk[]): Map<string, number> {
  const cached = idfCache.get(chunks);
  if (cached !== undefined) return cached;
  const counts = new Map<string, number>();
  for (const chunk of chunks) {
    for (const term of new Set(contentTerms(chunk.text))) {
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  const idf = new Map(
    [...counts].map(([term, count]) => [term, Math.log(chunks.length / count)] as const),
  );
  idfCache.set(chunks, idf);
  return idf;
}

function tfIdf(text: string, idf: ReadonlyMap<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  for (const term of contentTerms(text)) {
    vector.set(term, (vector.get(term) ?? 0) + (idf.get(term) ?? 0));
  }
  return vector;
}

function cosine(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  let dot = 0;
  for (const [term, weight] of left) dot += weight * (right.get(term) ?? 0);
  const norm = (vector: ReadonlyMap<string, number>) =>
    Math.sqrt([...vector.values()].reduce((sum, weight) => sum + weight * weight, 0));
  const denominator = norm(left) * norm(right);
  return denominator === 0 ? 0 : dot / denominator;
}
