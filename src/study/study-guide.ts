import type { Citation } from "../answer/answer.ts";
import { CitationNumbering } from "../answer/citation-numbering.ts";
import { resolveCitations, toCitation } from "../answer/citations.ts";
import type { Passage } from "../answer/generator.ts";
import { quotableUnits } from "../answer/quotable-units.ts";
import { readableRow } from "../answer/readable-row.ts";
import type { Chunk } from "../chunking/chunk.ts";
import { memoisePerStep } from "./internal/memoise-per-step.ts";
import { type StepPassages, stepPassages } from "./internal/step-passages.ts";
import { subHeading } from "./internal/study-source.ts";
import type { Step } from "./study-types.ts";

/** A step's study guide: Markdown with `[n]` markers and the passages they cite. */
export type StudyGuide = {
  step: Pick<Step, "n" | "title"> & { months: string };
  markdown: string;
  /** Shaped like the answer JSON's citations; numbered 1..n in order of first use. */
  citations: Citation[];
  /** `extractive`, or the LLM writer's id (`openai:gpt-4o-mini`). */
  generator: string;
  /** Markers the LLM wrote that pointed at no shown passage, removed. */
  droppedCitations?: number;
  notices?: string[];
};

/**
 * Writes a guide from numbered passages (the LLM writer); it may throw or time out, and the
 * caller falls back to the extractive guide.
 */
export type GuideWriter = {
  readonly id: string;
  write(
    input: { step: Step; passages: Passage[] },
    options?: { signal?: AbortSignal },
  ): Promise<string>;
};

/** Key ideas quoted per `###` section of the step (or its introduction), at most. */
const IDEAS_PER_SECTION = 2;

/**
 * The guide of step `n` (undefined when there is no such step). Offline, or without a writer:
 * extractive, every line a quote of one of the step's passages with its `[n]` marker. With a
 * writer (an LLM), the writer gets the same passages, numbered, and its markers go through the
 * answers' checks: a marker that points at no shown passage is dropped and counted. Any failure
 * of the writer, or a guide citing nothing, falls back to the extractive guide with a notice.
 */
export async function studyGuide(
  chunks: readonly Chunk[],
  n: number,
  options: { writer?: GuideWriter; signal?: AbortSignal } = {},
): Promise<StudyGuide | undefined> {
  const extractive = extractiveGuide(chunks, n);
  const passages = stepPassages(chunks, n);
  if (extractive === undefined || passages === undefined || options.writer === undefined) {
    return extractive;
  }
  const shown = guidePassages(passages);
  let text: string;
  try {
    text = await options.writer.write(
      { step: passages.step, passages: shown },
      options.signal === undefined ? {} : { signal: options.signal },
    );
  } catch {
    // The writer logs why; the learner gets a generic notice, as with answers.
    return withNotice(extractive, "The language model could not write the guide");
  }
  const checked = resolveCitations(text, shown);
  const numbering = new CitationNumbering(shown);
  const markdown = numbering.renumber(checked.text);
  const cited = numbering.cited();
  if (markdown.trim() === "" || cited.length === 0) {
    return withNotice(extractive, "The language model's guide cited none of the step's passages");
  }
  return {
    step: extractive.step,
    markdown,
    citations: cited.map(toCitation),
    generator: options.writer.id,
    droppedCitations: checked.dropped,
  };
}

function withNotice(guide: StudyGuide, what: string): StudyGuide {
  return { ...guide, notices: [`${what}; showing the extractive guide instead.`] };
}

/** Every passage of the step a guide may draw on, numbered 1..n in reading order. */
function guidePassages(passages: StepPassages): Passage[] {
  const chunks = [
    ...(passages.overview === undefined ? [] : [passages.overview]),
    ...passages.own,
    ...passages.faqs,
    ...passages.tutorials.flatMap((section) => section.chunks.slice(0, 1)),
  ];
  return chunks.map((chunk, index) => ({ n: index + 1, chunk, score: 1 }));
}

/** The extractive guide of step `n`, memoised per index. */
export const extractiveGuide = memoisePerStep((chunks, n): StudyGuide | undefined => {
  const passages = stepPassages(chunks, n);
  if (passages === undefined) return undefined;
  return buildExtractive(passages);
});

/** Numbers passages in order of first use while the guide is written. */
class Citer {
  readonly citations: Citation[] = [];
  private readonly numbers = new Map<string, number>();

  cite(chunk: Chunk): string {
    let number = this.numbers.get(chunk.id);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(chunk.id, number);
      this.citations.push(toCitation({ n: number, chunk, score: 1 }));
    }
    return `[${number}]`;
  }
}

function buildExtractive(passages: StepPassages): StudyGuide {
  const { step } = passages;
  const citer = new Citer();
  const lines: string[] = [`# Step ${step.n}: ${step.title}`, ""];
  if (passages.overview !== undefined) {
    lines.push(
      `${readableRow(passages.overview.cells ?? [], new Set())} ${citer.cite(passages.overview)}`,
      "",
    );
  }

  const ideas = keyIdeas(passages.own);
  if (ideas.length > 0) {
    lines.push("## Key ideas", "");
    for (const idea of ideas) lines.push(`- ${idea.text} ${citer.cite(idea.chunk)}`);
    lines.push("");
  }

  const toolRows = uniqueChunks(
    step.tools.map((tool) => passages.own.find((chunk) => chunk.id === tool.from.chunkId)),
  ).filter((chunk) => chunk.kind === "table-row");
  if (toolRows.length > 0) {
    lines.push("## Tools and what each is for", "");
    for (const row of toolRows) {
      lines.push(`- ${readableRow(row.cells ?? [], new Set())} ${citer.cite(row)}`);
    }
    lines.push("");
  }

  const milestone = passages.own.find((chunk) => chunk.id === step.milestone?.from.chunkId);
  if (milestone !== undefined && step.milestone !== undefined) {
    lines.push("## Milestone", "", `${step.milestone.value} ${citer.cite(milestone)}`, "");
  }

  const projectRows = uniqueChunks(
    step.projects.map((project) => passages.own.find((chunk) => chunk.id === project.from.chunkId)),
  );
  if (projectRows.length > 0) {
    lines.push("## Projects", "");
    for (const row of projectRows) {
      lines.push(`- ${readableRow(row.cells ?? [], new Set())} ${citer.cite(row)}`);
    }
    lines.push("");
  }

  if (passages.faqs.length > 0) {
    lines.push("## From the FAQ", "");
    for (const faq of passages.faqs) {
      const [question = ""] = faq.text.split("\n");
      const answer = quotableUnits(faq)
        .slice(0, 2)
        .map((unit) => unit.text)
        .join(" ");
      lines.push(`- **${question}** ${answer} ${citer.cite(faq)}`);
    }
    lines.push("");
  }

  if (passages.tutorials.length > 0) {
    lines.push("## Go deeper in the tutorials", "");
    for (const section of passages.tutorials) {
      const first = section.chunks[0];
      const opening = first === undefined ? undefined : quotableUnits(first)[0];
      if (first === undefined || opening === undefined) continue;
      lines.push(`- **${section.section}** (${first.title}): ${opening.text} ${citer.cite(first)}`);
    }
    lines.push("");
  }

  return {
    step: { n: step.n, title: step.title, months: step.months.value },
    markdown: `${lines.join("\n").trim()}\n`,
    citations: citer.citations,
    generator: "extractive",
  };
}

/**
 * The step's key ideas: the first sentences of its introduction and of each `###` section, in
 * reading order, leaving out tables, the milestone line and links to resources.
 */
function keyIdeas(own: readonly Chunk[]): Array<{ text: string; chunk: Chunk }> {
  const perSection = new Map<string, number>();
  const ideas: Array<{ text: string; chunk: Chunk }> = [];
  for (const chunk of own) {
    if (chunk.kind !== "prose") continue;
    const section = subHeading(chunk) ?? "";
    for (const unit of quotableUnits(chunk)) {
      if ((perSection.get(section) ?? 0) >= IDEAS_PER_SECTION) break;
      if (/^(milestone|recommended internal resource)\b/i.test(unit.text)) continue;
      ideas.push({ text: unit.text, chunk });
      perSection.set(section, (perSection.get(section) ?? 0) + 1);
    }
  }
  return ideas;
}

function uniqueChunks(chunks: Array<Chunk | undefined>): Chunk[] {
  const seen = new Set<string>();
  return chunks.filter((chunk): chunk is Chunk => {
    if (chunk === undefined || seen.has(chunk.id)) return false;
    seen.add(chunk.id);
    return true;
  });
}
