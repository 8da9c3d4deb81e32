/**
 * Worker-thread side of `PooledEmbedder`: builds the embedder described in `workerData` once per
 * thread (loading its model as the thread starts, so the first question does not wait for it)
 * and embeds each batch of texts it is sent.
 */
import { workerData } from "node:worker_threads";
import type { Embedder } from "./embedder.ts";

/** What a worker builds: a local embedder, given the same settings as the main thread's. */
export type LocalEmbedderSpec =
  | { kind: "use"; batchSize?: number }
  | {
      kind: "transformers";
      model: string;
      modelsDir: string;
      allowRemoteModels: boolean;
      batchSize?: number;
    };

/** The identity a worker reports after loading, so the pool needs no model of its own. */
export type EmbedderIdentity = { id: string; dimensions: number; batchSize: number };

export type EmbedTask = { texts: string[] } | { describe: true };

async function build(spec: LocalEmbedderSpec): Promise<Embedder> {
  const batch = spec.batchSize === undefined ? {} : { batchSize: spec.batchSize };
  switch (spec.kind) {
    case "use": {
      const { UseEmbedder } = await import("./use-embedder.ts");
      return new UseEmbedder(batch);
    }
    case "transformers": {
      const { TransformersEmbedder } = await import("./transformers-embedder.ts");
      return TransformersEmbedder.create({
        model: spec.model,
        modelsDir: spec.modelsDir,
        allowRemoteModels: spec.allowRemoteModels,
        ...batch,
      });
    }
    default: {
      const unknown: never = spec;
      throw new Error(`unknown embedder ${JSON.stringify(unknown)}`);
    }
  }
}

const { spec } = workerData as { spec: LocalEmbedderSpec };
const embedder = await build(spec);
// Loads the model now: a failure surfaces at the first task, with the embedder's own error.
const ready = embedder.embedQuery("warm up").then(
  () => undefined,
  (error: unknown) => error,
);

/** Piscina's task function: the identity, or the vectors of `texts` in order. */
export async function embedTexts(task: EmbedTask): Promise<number[][] | EmbedderIdentity> {
  const failure = await ready;
  if (failure !== undefined) throw failure;
  if ("describe" in task) {
    return { id: embedder.id, dimensions: embedder.dimensions, batchSize: embedder.batchSize };
  }
  return embedder.embedDocuments(task.texts);
}
