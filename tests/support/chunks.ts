import type { Chunk } from "../../src/chunking/chunk.ts";

/** A hand-made chunk for tests; `id` doubles as a readable name. */
export function makeChunk(
  id: string,
  section: string,
  text: string,
  kind: Chunk["kind"] = "prose",
): Chunk {
  return { id, source: "corpus/test.md", title: "Test Notes", section, kind, text, position: 0 };
}

/** A hand-made table row: its text labels each cell with its column ("Role: Data Scientist; …"). */
export function makeRow(id: string, section: string, cells: Array<[string, string]>): Chunk {
  return {
    ...makeChunk(
      id,
      section,
      cells.map(([header, value]) => `${header}: ${value}`).join("; "),
      "table-row",
    ),
    cells: cells.map(([header, value]) => ({ header, value })),
  };
}
