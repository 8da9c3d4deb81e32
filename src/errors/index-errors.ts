import { AppError } from "./app-error.ts";

/** No index has been built in the configured folder yet. */
export class IndexMissingError extends AppError {
  readonly indexDir: string;

  constructor(indexDir: string) {
    super(`no index in ${indexDir}; build it with \`npm run ingest\``, {
      code: "index_missing",
      exitCode: 3,
      httpStatus: 503,
    });
    this.indexDir = indexDir;
  }
}

/** The index folder exists but a file in it is unreadable or does not match its schema. */
export class IndexCorruptError extends AppError {
  readonly indexDir: string;

  constructor(indexDir: string, problem: string, options: { cause?: unknown } = {}) {
    super(`the index in ${indexDir} is damaged (${problem}); rebuild it with \`npm run ingest\``, {
      code: "index_corrupt",
      exitCode: 3,
      httpStatus: 503,
      ...options,
    });
    this.indexDir = indexDir;
  }
}

/**
 * The index was written in another file format than this version of the assistant reads (e.g.
 * before the manifest recorded file checksums).
 */
export class IndexOutdatedError extends AppError {
  readonly indexDir: string;

  constructor(indexDir: string, found: number, expected: number) {
    super(
      `the index in ${indexDir} was built by ${found < expected ? "an older" : "a newer"} version of the assistant ` +
        `(index format ${found}; this version reads format ${expected}); rebuild it with \`npm run ingest\``,
      { code: "index_outdated", exitCode: 3, httpStatus: 503 },
    );
    this.indexDir = indexDir;
  }
}

/** Another ingest is writing to the same index folder. */
export class IndexLockedError extends AppError {
  constructor(indexDir: string, holder: string) {
    super(
      `another ingest (${holder}) is writing to ${indexDir}; wait for it to finish, ` +
        `or delete ${indexDir}/.lock if that process no longer exists`,
      { code: "index_locked", exitCode: 4, httpStatus: 409 },
    );
  }
}

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
