import {
  findPostgres,
  HOW_TO_INSTALL_POSTGRES,
  type PostgresLookup,
  startTempPostgres,
  type TempPostgres,
} from "../../src/cluster/temp-postgres.ts";

export {
  findPostgres,
  HOW_TO_INSTALL_POSTGRES,
  type PostgresLookup,
  startTempPostgres,
  type TempPostgres,
};

/**
 * Whether the PostgreSQL suites should be skipped: only when the binaries are missing and this is
 * not CI. Under `CI=true` they run (and fail, saying why), like the browser suite.
 */
export function skipPostgresSuite(lookup: PostgresLookup, environment = process.env): boolean {
  if ("binDir" in lookup) return false;
  if (environment.CI === "true") return false;
  console.warn(
    `Skipping the PostgreSQL tests: ${lookup.missing}; to run them, ${HOW_TO_INSTALL_POSTGRES}.`,
  );
  return true;
}
