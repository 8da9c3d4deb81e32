import type { Chunk } from "../chunking/chunk.ts";
import {
  cellValue,
  parseStepHeading,
  studySource,
  subHeading,
  topHeading,
} from "./internal/study-source.ts";
import type { Sourced, Step, StepProject, StudySource } from "./study-types.ts";

/**
 * Column headers of the roadmap's overview table ("12-Month Machine Learning Roadmap"): a row
 * whose `Step` cell reads "Step N" and which has a timeline column is the overview row of step N.
 */
const OVERVIEW = {
  step: /^step$/i,
  timeline: /^(timeline|months?|when)$/i,
  focus: /focus/i,
  tools: /tools?/i,
  milestone: /milestone/i,
};

/** A "Tools in This Step" heading: its rows become the step's tools, not one of its sections. */
const TOOLS_HEADING = /^tools\b/i;

const cache = new WeakMap<readonly Chunk[], Step[]>();

/**
 * The roadmap's steps, derived from the chunks ingest stored (nothing is typed by hand), each
 * field carrying the chunk it came from:
 * - number, months, focus, main tools and short milestone from the overview table (one table row
 *   per step, `Step | Timeline | Focus Area | Main Tools | Milestone`);
 * - title, sections (`###` headings), tools with their purpose (tables whose first column is
 *   `Tool`), the "Milestone: …" sentence and projects (tables whose first column is `Project`)
 *   from the `## Step N: Title` section;
 * - projects elsewhere whose row names "Step N".
 * A pure function of the chunks, memoised per chunks array: a re-index loads a new array, so
 * the steps of a new index version are derived afresh.
 */
export function extractSteps(chunks: readonly Chunk[]): Step[] {
  const cached = cache.get(chunks);
  if (cached !== undefined) return cached;
  const steps = deriveSteps(chunks);
  cache.set(chunks, steps);
  return steps;
}

function deriveSteps(chunks: readonly Chunk[]): Step[] {
  const overview = new Map<number, Chunk>();
  for (const chunk of chunks) {
    if (chunk.kind !== "table-row") continue;
    const stepCell = cellValue(chunk, OVERVIEW.step);
    const n = stepCell === undefined ? undefined : stepNumber(stepCell.value);
    if (n === undefined || cellValue(chunk, OVERVIEW.timeline) === undefined) continue;
    if (!overview.has(n)) overview.set(n, chunk);
  }
  // The document holding the overview table is the roadmap; its step headings are the steps.
  const roadmapSource = overview.values().next().value?.source;
  const sections = new Map<number, { title: string; chunks: Chunk[] }>();
  for (const chunk of chunks) {
    if (roadmapSource !== undefined && chunk.source !== roadmapSource) continue;
    const heading = parseStepHeading(topHeading(chunk));
    if (heading === undefined) continue;
    const entry = sections.get(heading.n) ?? { title: heading.title, chunks: [] };
    entry.chunks.push(chunk);
    sections.set(heading.n, entry);
  }
  const numbers = [...new Set([...overview.keys(), ...sections.keys()])].sort((a, b) => a - b);
  return numbers.map((n) => buildStep(n, overview.get(n), sections.get(n), chunks));
}

function buildStep(
  n: number,
  row: Chunk | undefined,
  section: { title: string; chunks: Chunk[] } | undefined,
  allChunks: readonly Chunk[],
): Step {
  const own = [...(section?.chunks ?? [])].sort((a, b) => a.position - b.position);
  const first = own[0] ?? row;
  if (first === undefined) throw new Error(`step ${n} has neither a heading nor an overview row`);
  const timeline = row === undefined ? undefined : cellValue(row, OVERVIEW.timeline);
  const focusCell = row === undefined ? undefined : cellValue(row, OVERVIEW.focus);
  const milestoneCell = row === undefined ? undefined : cellValue(row, OVERVIEW.milestone);
  const inProse = timeline === undefined ? monthsInProse(own) : undefined;
  const months = timeline ?? inProse;
  const monthsFrom = (timeline === undefined ? inProse?.chunk : row) ?? first;
  const milestoneSentence = milestoneInProse(own);
  const summary =
    milestoneCell !== undefined && row !== undefined
      ? sourced(milestoneCell.value, row)
      : undefined;
  const milestone = milestoneSentence ?? summary;
  const focus =
    focusCell !== undefined && row !== undefined ? sourced(focusCell.value, row) : undefined;
  return {
    n,
    title: section?.title ?? focusCell?.value ?? `Step ${n}`,
    titleFrom: studySource(own[0] ?? first),
    months: sourced(months?.value ?? "", monthsFrom),
    monthRange: monthRange(months?.value ?? ""),
    ...(focus === undefined ? {} : { focus }),
    sections: stepSections(own),
    tools: stepTools(own, row, allChunks),
    ...(milestone === undefined ? {} : { milestone }),
    ...(summary === undefined || milestone === summary ? {} : { milestoneSummary: summary }),
    projects: stepProjects(n, own, allChunks),
  };
}

function sourced<T>(value: T, chunk: Chunk): Sourced<T> {
  return { value, from: studySource(chunk) };
}

/** 4 for "Step 4" (also "4"); undefined for anything else. */
function stepNumber(text: string): number | undefined {
  const match = /^(?:step\s*)?(\d{1,2})$/i.exec(text.trim());
  return match === null ? undefined : Number(match[1]);
}

/**
 * First and last month of "Month 6–8", "Months 3-4", "Month 5", "Month 12+"; `{ 0, 0 }` when the
 * text names no month (a step without an overview row or a month in its prose).
 */
export function monthRange(text: string): { first: number; last: number } {
  const range = /(\d{1,2})\s*(?:[–—‑-]|to)\s*(\d{1,2})/.exec(text);
  if (range !== null) return { first: Number(range[1]), last: Number(range[2]) };
  const single = /(\d{1,2})/.exec(text);
  if (single === null) return { first: 0, last: 0 };
  return { first: Number(single[1]), last: Number(single[1]) };
}

/** "Month 6–8" written in a step's own prose, for a roadmap without an overview table. */
function monthsInProse(own: Chunk[]): { value: string; chunk: Chunk } | undefined {
  for (const chunk of own) {
    const match = /\bMonths?\s+\d{1,2}(?:\s*(?:[–—-]|to)\s*\d{1,2}|\+)?/.exec(chunk.text);
    if (match !== null) return { value: match[0], chunk };
  }
  return undefined;
}

/** The step's "Milestone: …" line, without its label. */
function milestoneInProse(own: Chunk[]): Sourced<string> | undefined {
  for (const chunk of own) {
    if (chunk.kind !== "prose") continue;
    for (const line of chunk.text.split("\n")) {
      const match = /^\s*(?:\*\*)?Milestone:?(?:\*\*)?:?\s+(.+)$/.exec(line);
      if (match?.[1] !== undefined) return sourced(match[1].trim(), chunk);
    }
  }
  return undefined;
}

/** The step's `###` headings in reading order, but its tools heading. */
function stepSections(own: Chunk[]): Array<Sourced<string>> {
  const seen = new Set<string>();
  const sections: Array<Sourced<string>> = [];
  for (const chunk of own) {
    const heading = subHeading(chunk);
    if (heading === undefined || TOOLS_HEADING.test(heading) || seen.has(heading)) continue;
    seen.add(heading);
    sections.push(sourced(heading, chunk));
  }
  return sections;
}

/**
 * The rows of the step's tool tables (first column `Tool`), with their purpose, then the overview
 * row's "Main Tools" that no table row names; `main` marks the tools the overview lists.
 */
function stepTools(
  own: Chunk[],
  row: Chunk | undefined,
  allChunks: readonly Chunk[],
): Step["tools"] {
  const tools: Step["tools"] = [];
  for (const chunk of own) {
    const name = chunk.cells?.[0];
    if (chunk.kind !== "table-row" || name === undefined || !/^tools?$/i.test(name.header))
      continue;
    if (name.value.trim() === "" || tools.some((tool) => sameName(tool.name, name.value))) continue;
    const purpose = cellValue(chunk, PURPOSE);
    tools.push({
      name: name.value,
      ...(purpose === undefined ? {} : { purpose: purpose.value }),
      from: studySource(chunk),
    });
  }
  const mainCell = row === undefined ? undefined : cellValue(row, OVERVIEW.tools);
  if (row === undefined || mainCell === undefined) return tools;
  for (const mainName of mainCell.value.split(/\s*,\s*/).filter((name) => name !== "")) {
    const known = tools.find((tool) => namesTool(tool.name, mainName));
    if (known !== undefined) {
      known.main = true;
      continue;
    }
    // A main tool without a tool-table row: what another row of the roadmap says it is for
    // (FastAPI's row in the deployment frameworks table), else the overview row itself.
    const described = [...own, ...allChunks.filter((chunk) => chunk.source === row.source)].find(
      (chunk) => chunk.kind === "table-row" && sameName(chunk.cells?.[0]?.value ?? "", mainName),
    );
    const purpose = described === undefined ? undefined : cellValue(described, PURPOSE);
    tools.push(
      described !== undefined && purpose !== undefined
        ? { name: mainName, purpose: purpose.value, main: true, from: studySource(described) }
        : { name: mainName, main: true, from: studySource(row) },
    );
  }
  return tools;
}

/** Columns that say what a tool is for. */
const PURPOSE = /^(purpose|best for|used for)$/i;

/** Whether a tool table's name ("TensorFlow / Keras", "Hugging Face Transformers") covers `name`. */
function namesTool(tableName: string, name: string): boolean {
  if (sameName(tableName, name)) return true;
  const wanted = name.toLowerCase();
  return tableName
    .toLowerCase()
    .split(/\s*\/\s*/)
    .some((part) => part === wanted || part.startsWith(`${wanted} `));
}

function sameName(left: string, right: string): boolean {
  return left.trim().toLowerCase() === right.trim().toLowerCase();
}

/** Rows of project tables inside the step, then project rows elsewhere that name "Step N". */
function stepProjects(n: number, own: Chunk[], allChunks: readonly Chunk[]): StepProject[] {
  const ownIds = new Set(own.map((chunk) => chunk.id));
  const namesStep = new RegExp(`\\bStep\\s+${n}\\b`, "i");
  const rows = [
    ...own.filter(isProjectRow),
    ...allChunks.filter(
      (chunk) => !ownIds.has(chunk.id) && isProjectRow(chunk) && namesStep.test(chunk.text),
    ),
  ];
  return rows.map((chunk) => {
    const name = chunk.cells?.[0]?.value ?? "";
    const stack = cellValue(chunk, /stack|tools/i);
    const difficulty = cellValue(chunk, /difficulty|level/i);
    const buildTime = cellValue(chunk, /time|duration/i);
    return {
      name,
      ...(stack === undefined ? {} : { stack: stack.value }),
      ...(difficulty === undefined ? {} : { difficulty: difficulty.value }),
      ...(buildTime === undefined ? {} : { buildTime: buildTime.value }),
      from: studySource(chunk) satisfies StudySource,
    };
  });
}

function isProjectRow(chunk: Chunk): boolean {
  return chunk.kind === "table-row" && /^project$/i.test(chunk.cells?.[0]?.header ?? "");
}
