import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The folder of numbered migrations shared by the SQLite and PostgreSQL stores. */
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../migrations");

/** One schema change: `NNNN-name.sql`, run once, in number order, inside a transaction. */
export type Migration = { version: number; name: string; sql: string };

/**
 * The table that records which migrations ran. Created before any migration, in the same
 * transaction, by both stores.
 */
export const MIGRATIONS_TABLE_SQL =
  "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)";

const FILE_NAME = /^(\d{4})-([a-z0-9-]+?)(?:\.(sqlite|postgres))?\.sql$/;

/**
 * The migrations for one dialect, by version. A version is one file both dialects run
 * (`0002-name.sql`), or one file per dialect when their SQL must differ
 * (`0002-name.sqlite.sql` beside `0002-name.postgres.sql`). Versions run 1, 2, 3… without gaps.
 */
export function readMigrations(
  dialect: "sqlite" | "postgres",
  directory = MIGRATIONS_DIR,
): Migration[] {
  const byVersion = new Map<number, Migration>();
  for (const file of readdirSync(directory).sort()) {
    const match = FILE_NAME.exec(file);
    if (match === null) continue;
    const [, number = "", name = "", only] = match;
    if (only !== undefined && only !== dialect) continue;
    const version = Number(number);
    const existing = byVersion.get(version);
    // A dialect's own file wins over a shared one of the same version.
    if (existing !== undefined && only === undefined) continue;
    byVersion.set(version, {
      version,
      name,
      sql: readFileSync(path.join(directory, file), "utf8"),
    });
  }
  const migrations = [...byVersion.values()].sort((left, right) => left.version - right.version);
  migrations.forEach((migration, position) => {
    if (migration.version !== position + 1) {
      throw new Error(
        `migration ${String(position + 1).padStart(4, "0")} is missing in ${directory} (found ${migration.version} next)`,
      );
    }
  });
  return migrations;
}

/**
 * The migrations still to run, given those a database recorded. A recorded migration under
 * another name means the files were renumbered after it ran: an error, never a guess. Versions
 * the database has and the files lack come from a newer release running beside this one (a
 * rolling upgrade) and are left alone: migrations only add.
 */
export function pendingMigrations(
  migrations: Migration[],
  applied: Array<{ version: number; name: string }>,
): Migration[] {
  const appliedNames = new Map(applied.map((row) => [Number(row.version), row.name]));
  for (const migration of migrations) {
    const name = appliedNames.get(migration.version);
    if (name !== undefined && name !== migration.name) {
      throw new Error(
        `the database ran migration ${migration.version} as "${name}" but the file is "${migration.name}"`,
      );
    }
  }
  return migrations.filter((migration) => !appliedNames.has(migration.version));
}
