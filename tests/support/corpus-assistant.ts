import { inject } from "vitest";
import { Assistant } from "../../src/answer/assistant.ts";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";

/** The offline assistant over the real corpus's index that the global setup built. */
export async function corpusAssistant(): Promise<Assistant> {
  const embedder = new UseEmbedder();
  return new Assistant({ index: await loadIndex(inject("sharedIndexDir"), embedder), embedder });
}
