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
