import { AppError } from "./app-error.ts";

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
