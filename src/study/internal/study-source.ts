import type { Chunk } from "../../chunking/chunk.ts";
import type { StudySource } from "../study-types.ts";

/** Where a study item came from: the chunk's id, file and heading path. */
export function studySource(chunk: Chunk): StudySource {
  return { chunkId: chunk.id, source: chunk.source, section: chunk.section };
}

/** The top heading of a chunk's section path ("Step 5: …" of "Step 5: … > MLOps Essentials"). */
export function topHeading(chunk: Pick<Chunk, "section">): string {
  return chunk.section.split(" > ")[0] ?? chunk.section;
}

/** The heading under the top one, if any ("MLOps Essentials"). */
export function subHeading(chunk: Pick<Chunk, "section">): string | undefined {
  return chunk.section.split(" > ")[1];
}

/** `{ n, title }` of a "Step N: Title" heading; undefined for any other heading. */
export function parseStepHeading(heading: string): { n: number; title: string } | undefined {
  const match = /^Step\s+(\d{1,2})\s*[:.–—-]\s*(.+)$/i.exec(heading.trim());
  if (match === null) return undefined;
  return { n: Number(match[1]), title: (match[2] ?? "").trim() };
}

/** The value of the first cell whose header matches, or undefined. */
export function cellValue(
  chunk: Pick<Chunk, "cells">,
  header: RegExp,
): { header: string; value: string } | undefined {
  return chunk.cells?.find((cell) => header.test(cell.header) && cell.value.trim() !== "");
}
