import { createHash } from "node:crypto";
import type { Chunk } from "../chunking/chunk.ts";
import { extractSteps } from "./extract-steps.ts";
import { askForCell, askForName } from "./internal/card-phrasing.ts";
import { clozesOf } from "./internal/cloze.ts";
import { memoisePerStep } from "./internal/memoise-per-step.ts";
import { stepPassages } from "./internal/step-passages.ts";
import { studySource } from "./internal/study-source.ts";
import type { Card } from "./study-types.ts";

/** Cloze cards taken from the FAQ entries that belong to a step, at most. */
const MAX_FAQ_CLOZES = 3;
/** Cloze cards taken from the tutorial sections that deepen a step, at most. */
const MAX_TUTORIAL_CLOZES = 6;
/** A `choice` card shows the answer and this many distractors from the same column. */
const DISTRACTORS = 3;
/** How many of a table's columns are used to ask for a row's name. */
const MAX_NAMING_COLUMNS = 2;
/** A column whose cells are longer than this many words is not asked for as a free answer. */
const MAX_ANSWER_WORDS = 8;

const byIdCache = new WeakMap<readonly Chunk[], Map<string, Card>>();

/**
 * The flashcards and quiz items of step `n`, generated deterministically from the step's passages
 * (undefined when there is no such step):
 * - `table`: a row of one of the step's tables, asked for by one of its cells ("Which tool is used
 *   for data and model version control?" → "DVC"); the question is phrased from the column
 *   headers; only columns whose cells tell the rows apart are asked;
 * - `choice`: a cell asked for by the row's name, with distractors from the same column;
 * - `cloze`: a definition sentence of the step, of its FAQ entries or of its tutorial sections,
 *   with the defined term blanked ("____ means transforming raw data into useful model inputs.").
 * Every answer appears word for word in the cited passage; prompts are unique within a step; ids
 * are content hashes, stable across runs and index versions while the passage is unchanged.
 * Memoised per chunks array, like the steps.
 */
export const stepCards = memoisePerStep((chunks, n): Card[] | undefined => {
  const passages = stepPassages(chunks, n);
  if (passages === undefined) return undefined;
  const cards = new CardList(n);
  const overviewRows = passages.overview === undefined ? [] : tableOf(chunks, passages.overview);
  if (passages.overview !== undefined) addOverviewCards(cards, passages.overview, overviewRows);
  for (const table of tables(passages.own)) addTableCards(cards, table);
  for (const chunk of passages.own) addClozes(cards, chunk, Number.POSITIVE_INFINITY);
  let faqBudget = MAX_FAQ_CLOZES;
  for (const chunk of passages.faqs) faqBudget -= addClozes(cards, chunk, faqBudget);
  let tutorialBudget = MAX_TUTORIAL_CLOZES;
  for (const section of passages.tutorials) {
    for (const chunk of section.chunks) tutorialBudget -= addClozes(cards, chunk, tutorialBudget);
  }
  return cards.cards;
});

/** Every step's cards, by id: what `POST /api/study/cards/:id/answer` looks cards up in. */
export function findCard(chunks: readonly Chunk[], id: string): Card | undefined {
  let byId = byIdCache.get(chunks);
  if (byId === undefined) {
    byId = new Map();
    for (const step of extractSteps(chunks)) {
      for (const card of stepCards(chunks, step.n) ?? []) byId.set(card.id, card);
    }
    byIdCache.set(chunks, byId);
  }
  return byId.get(id);
}

/** Collects a step's cards, refusing a repeated prompt and an answer its passage does not hold. */
class CardList {
  readonly cards: Card[] = [];
  private readonly prompts = new Set<string>();

  constructor(private readonly step: number) {}

  add(
    kind: Card["kind"],
    chunk: Chunk,
    prompt: string,
    answer: string,
    extra: { choices?: string[]; others?: string[] } = {},
  ): boolean {
    const key = prompt.toLowerCase().replace(/\s+/g, " ");
    if (this.prompts.has(key) || !chunk.text.includes(answer) || answer.trim() === "") return false;
    this.prompts.add(key);
    const id = createHash("sha256")
      .update([this.step, kind, chunk.id, prompt, answer].join("\n"))
      .digest("hex")
      .slice(0, 16);
    this.cards.push({
      id,
      step: this.step,
      kind,
      prompt,
      answer,
      ...(extra.choices === undefined ? {} : { choices: extra.choices }),
      ...(extra.others === undefined || extra.others.length === 0 ? {} : { others: extra.others }),
      from: { ...studySource(chunk), text: chunk.text },
    });
    return true;
  }
}

type Table = { headers: string[]; rows: Chunk[] };

/** The step's tables: consecutive rows of one section with the same column headers. */
function tables(chunks: readonly Chunk[]): Table[] {
  const found = new Map<string, Table>();
  for (const chunk of chunks) {
    if (chunk.kind !== "table-row" || chunk.cells === undefined || chunk.cells.length < 2) continue;
    const headers = chunk.cells.map((cell) => cell.header);
    const key = `${chunk.section}\n${headers.join("|")}`;
    const table = found.get(key) ?? { headers, rows: [] };
    table.rows.push(chunk);
    found.set(key, table);
  }
  return [...found.values()];
}

/** Every row of the table `row` belongs to, anywhere in the index. */
function tableOf(chunks: readonly Chunk[], row: Chunk): Chunk[] {
  const headers = (row.cells ?? []).map((cell) => cell.header).join("|");
  return chunks.filter(
    (chunk) =>
      chunk.kind === "table-row" &&
      chunk.source === row.source &&
      chunk.section === row.section &&
      (chunk.cells ?? []).map((cell) => cell.header).join("|") === headers,
  );
}

function cell(row: Chunk, header: string): string {
  return row.cells?.find((candidate) => candidate.header === header)?.value.trim() ?? "";
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}

/** Whether a column's cells tell every row apart (and say more than yes or no). */
function distinguishes(values: string[]): boolean {
  const lower = values.map((value) => value.toLowerCase());
  return (
    values.every((value) => value.length > 1 && !/^(yes|no)$/i.test(value)) &&
    new Set(lower).size === values.length
  );
}

function addTableCards(cards: CardList, table: Table): void {
  const [keyHeader, ...columns] = table.headers;
  if (keyHeader === undefined || table.rows.length < 2) return;
  const names = table.rows.map((row) => cell(row, keyHeader));
  if (!distinguishes(names)) return;
  // Rows are asked for by their first two telling columns, and their first telling column is
  // asked for as a choice: more would repeat one row in many near-identical cards.
  let namedBy = 0;
  let chosenBy = 0;
  for (const header of columns) {
    const values = table.rows.map((row) => cell(row, header));
    // Empty cells, or a yes/no column ("Free?"): nothing to ask.
    if (values.some((value) => value === "" || /^(yes|no)$/i.test(value))) continue;
    const unique = distinguishes(values);
    const askName = unique && namedBy++ < MAX_NAMING_COLUMNS;
    const askChoice = unique && table.rows.length > DISTRACTORS && chosenBy++ < 1;
    for (const [index, row] of table.rows.entries()) {
      const name = names[index] ?? "";
      const value = values[index] ?? "";
      const otherNames = names.filter((other) => other !== name);
      const otherValues = [...new Set(values.filter((other) => other !== value))];
      // Which row has this cell? Only when no other row has the same cell.
      if (askName) {
        cards.add("table", row, askForName(keyHeader, header, value), name, {
          others: otherNames,
        });
      }
      if (askChoice) {
        const prompt = askForCell(header, name, keyHeader);
        cards.add("choice", row, prompt, value, {
          choices: withDistractors(value, otherValues, prompt),
          others: otherValues,
        });
      } else if (!unique && wordCount(value) <= MAX_ANSWER_WORDS) {
        // A short shared value ("Beginner", "2–3 weeks"): asked for directly.
        cards.add("table", row, askForCell(header, name, keyHeader), value, {
          others: otherValues,
        });
      }
    }
  }
}

/** The overview row: when the step takes place (a choice among the other steps' months). */
function addOverviewCards(cards: CardList, row: Chunk, rows: Chunk[]): void {
  const cells = row.cells ?? [];
  const step = cells[0];
  const timeline = cells.find((candidate) => /timeline|month/i.test(candidate.header));
  const focus = cells.find((candidate) => /focus/i.test(candidate.header));
  if (step === undefined || timeline === undefined) return;
  const label = focus === undefined ? step.value : `${step.value} (${focus.value})`;
  const others = [
    ...new Set(rows.map((other) => cell(other, timeline.header)).filter((value) => value !== "")),
  ].filter((value) => value !== timeline.value);
  const prompt = `When in the roadmap does ${label} take place?`;
  cards.add("choice", row, prompt, timeline.value, {
    choices: withDistractors(timeline.value, others, prompt),
    others,
  });
  const milestone = cells.find((candidate) => /milestone/i.test(candidate.header));
  if (milestone !== undefined) {
    const milestones = rows
      .map((other) => cell(other, milestone.header))
      .filter((value) => value !== "" && value !== milestone.value);
    cards.add(
      "choice",
      row,
      `Which milestone does the overview table set for ${step.value}?`,
      milestone.value,
      {
        choices: withDistractors(milestone.value, milestones, step.value),
        others: milestones,
      },
    );
  }
}

/** Adds the chunk's cloze cards, at most `budget`; returns how many were added. */
function addClozes(cards: CardList, chunk: Chunk, budget: number): number {
  let added = 0;
  for (const cloze of clozesOf(chunk)) {
    if (added >= budget) break;
    if (cards.add("cloze", chunk, cloze.prompt, cloze.answer)) added++;
  }
  return added;
}

/**
 * The answer and `DISTRACTORS` other values, picked and ordered by a hash of the question so
 * the same card always shows the same options in the same order.
 */
function withDistractors(answer: string, others: string[], seed: string): string[] {
  const rank = (value: string) => createHash("sha256").update(`${seed}\n${value}`).digest("hex");
  const distractors = [...others]
    .sort((left, right) => rank(left).localeCompare(rank(right)))
    .slice(0, DISTRACTORS);
  return [answer, ...distractors].sort((left, right) => rank(left).localeCompare(rank(right)));
}
