import { AppError } from "./app-error.ts";

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
