import { AppError } from "./app-error.ts";

/** A corpus file cannot be used: not valid UTF-8, broken front matter, unreadable. */
export class InvalidCorpusFileError extends AppError {
  readonly file: string;

  constructor(file: string, problem: string, options: { cause?: unknown } = {}) {
    super(`${file}: ${problem}`, { code: "invalid_corpus_file", exitCode: 2, ...options });
    this.file = file;
  }
}
