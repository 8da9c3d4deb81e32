import { readFileSync } from "node:fs";
import type { Chunk } from "../../src/chunking/chunk.ts";
import { DEFAULT_CHUNKER_SETTINGS } from "../../src/chunking/chunk.ts";
import { chunkMarkdown } from "../../src/chunking/chunk-markdown.ts";
import { MarkdownLoader } from "../../src/corpus/loaders/markdown-loader.ts";
import { projectPath } from "../support/project-root.ts";

let committed: Chunk[] | undefined;

/** The chunks of the committed index (indexes/CURRENT), read once per test file: no model needed. */
export function committedChunks(): Chunk[] {
  if (committed !== undefined) return committed;
  const version = readFileSync(projectPath("indexes", "CURRENT"), "utf8").trim();
  committed = JSON.parse(
    readFileSync(projectPath("indexes", version, "chunks.json"), "utf8"),
  ) as Chunk[];
  return committed;
}

/**
 * The chunks ingest would store for `corpus/roadmap.md` after `edit` changes its text: the real
 * loader and chunker, so a test can show that what is derived follows the corpus.
 */
export async function chunksOfEditedRoadmap(edit: (text: string) => string): Promise<Chunk[]> {
  const text = edit(readFileSync(projectPath("corpus", "roadmap.md"), "utf8"));
  const document = await new MarkdownLoader().load({
    bytes: new TextEncoder().encode(text),
    source: "corpus/roadmap.md",
    kind: "roadmap",
  });
  return chunkMarkdown(document, DEFAULT_CHUNKER_SETTINGS);
}
