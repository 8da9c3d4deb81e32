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
