import { AppError } from "./app-error.ts";

type EmbedderIdentity = { id: string; dimensions: number };

/** The index was built by a different embedder than the one configured to query it. */
export class EmbedderMismatchError extends AppError {
  readonly indexEmbedder: EmbedderIdentity;
  readonly configuredEmbedder: EmbedderIdentity;

  constructor(
    indexDir: string,
    indexEmbedder: EmbedderIdentity,
    configuredEmbedder: EmbedderIdentity,
  ) {
    super(
      `the index in ${indexDir} was built with embedder "${indexEmbedder.id}" (${indexEmbedder.dimensions}-d) ` +
        `but the configured embedder is "${configuredEmbedder.id}" (${configuredEmbedder.dimensions}-d); ` +
        "rebuild the index for the configured embedder with `npm run ingest`, " +
        "or configure the embedder the index was built with (EMBEDDER)",
      { code: "embedder_mismatch", exitCode: 3, httpStatus: 503 },
    );
    this.indexEmbedder = indexEmbedder;
    this.configuredEmbedder = configuredEmbedder;
  }
}
