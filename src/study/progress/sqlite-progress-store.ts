import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ProgressUnavailableError } from "../../errors/progress-errors.ts";
import { MIGRATIONS_TABLE_SQL, pendingMigrations, readMigrations } from "./internal/migrations.ts";
import {
  type CardRow,
  cardFromRow,
  cardParameters,
  type LearnerRow,
  learnerCreatedAt,
  type ReviewRow,
  reviewFromRow,
  reviewParameters,
  SQL,
  type StepRow,
  stepFromRow,
} from "./internal/progress-sql.ts";
import type { CardState, LearnerRecord, ProgressStore, ReviewRecord } from "./progress-store.ts";

/** The SQLite file inside `DATA_DIR`. */
export const SQLITE_FILE_NAME = "progress.sqlite";

/** How long a write waits for another process holding the file's write lock. @default 5 s */
const BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite errors that say the file cannot be used (rather than a bug in a statement): reported
 * as `ProgressUnavailableError` (503).
 */
const UNAVAILABLE_CODES =
  /^SQLITE_(CANTOPEN|IOERR|FULL|BUSY|LOCKED|READONLY|CORRUPT|NOTADB|PERM|NOLFS|AUTH)/;

export type SqliteProgressStoreOptions = {
  /** Told why the file cannot be used (for the operator's log); learners get a generic 503. */
  onUnavailable?: (detail: string) => void;
};

/**
 * The default progress store: one SQLite file (`DATA_DIR/progress.sqlite`) through
 * better-sqlite3. WAL journal with `synchronous = FULL`: a write is on disk when its transaction
 * returns, and a process killed mid-write leaves the file whole with every committed write in it.
 * The file is opened (and migrated) on first use, so a bad `DATA_DIR` fails the progress routes
 * with 503 and never the server; every later call tries again.
 */
export class SqliteProgressStore implements ProgressStore {
  readonly dialect = "sqlite";
  readonly file: string;
  private readonly onUnavailable: ((detail: string) => void) | undefined;
  private database: Database.Database | undefined;
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  constructor(file: string, options: SqliteProgressStoreOptions = {}) {
    this.file = file;
    this.onUnavailable = options.onUnavailable;
  }

  /** A store for `DATA_DIR`. */
  static inDataDir(dataDir: string, options: SqliteProgressStoreOptions = {}): SqliteProgressStore {
    return new SqliteProgressStore(path.join(dataDir, SQLITE_FILE_NAME), options);
  }

  async createLearner(id: string, createdAt: Date): Promise<void> {
    this.write(() => {
      this.statement(SQL.insertLearner).run(id, createdAt.getTime());
    });
  }

  async readLearner(id: string): Promise<LearnerRecord | undefined> {
    // One read transaction: the four selects see one snapshot.
    return this.use((database) =>
      database.transaction((): LearnerRecord | undefined => {
        const learner = this.statement(SQL.learner).get(id) as LearnerRow | undefined;
        if (learner === undefined) return undefined;
        return {
          id: learner.id,
          createdAt: learnerCreatedAt(learner),
          steps: (this.statement(SQL.steps).all(id) as StepRow[]).map(stepFromRow),
          reviews: (this.statement(SQL.reviews).all(id) as ReviewRow[]).map(reviewFromRow),
          cards: (this.statement(SQL.cards).all(id) as CardRow[]).map(cardFromRow),
        };
      })(),
    );
  }

  async setStepDone(id: string, step: number, done: boolean, at: Date): Promise<boolean> {
    return this.write(() => {
      if (!this.learnerExists(id)) return false;
      if (done) this.statement(SQL.markStep).run(id, step, at.getTime());
      else this.statement(SQL.unmarkStep).run(id, step);
      return true;
    });
  }

  async readCardState(id: string, cardId: string): Promise<CardState | undefined> {
    return this.use(() => {
      const row = this.statement(SQL.card).get(id, cardId) as CardRow | undefined;
      return row === undefined ? undefined : cardFromRow(row);
    });
  }

  async recordReview(
    id: string,
    review: ReviewRecord,
    state: CardState,
  ): Promise<"recorded" | "conflict" | "missing"> {
    return this.write(() => {
      if (!this.learnerExists(id)) return "missing";
      const inserted = this.statement(SQL.insertReview).run(
        ...reviewParameters(id, review, state.reps),
      );
      if (inserted.changes === 0) return "conflict";
      this.statement(SQL.upsertCard).run(...cardParameters(id, state));
      return "recorded";
    });
  }

  async dueCardIds(id: string, at: Date): Promise<string[] | undefined> {
    return this.use((database) =>
      database.transaction(() => {
        if (!this.learnerExists(id)) return undefined;
        const rows = this.statement(SQL.due).all(id, at.getTime()) as Array<{ card_id: string }>;
        return rows.map((row) => row.card_id);
      })(),
    );
  }

  async deleteLearner(id: string): Promise<boolean> {
    return this.write(() => {
      let learners = 0;
      for (const sql of SQL.deleteLearner) learners = this.statement(sql).run(id).changes;
      // The last statement deletes the learner row itself.
      return learners > 0;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.statements.clear();
    this.database?.close();
    this.database = undefined;
  }

  private learnerExists(id: string): boolean {
    return this.statement(SQL.learner).get(id) !== undefined;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.connection().prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` in a write transaction (BEGIN IMMEDIATE: takes the write lock up front). */
  private write<T>(work: () => T): T {
    return this.use((database) => database.transaction(work).immediate());
  }

  /** Runs `work` on the open database, reporting a file that cannot be used as a 503. */
  private use<T>(work: (database: Database.Database) => T): T {
    const database = this.connection();
    try {
      return work(database);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === "string" && UNAVAILABLE_CODES.test(code)) throw this.unavailable(error);
      throw error;
    }
  }

  /** The open database: opened, tuned and migrated on first use. */
  private connection(): Database.Database {
    if (this.closed) throw new Error("the progress store is closed");
    if (this.database !== undefined) return this.database;
    let database: Database.Database | undefined;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      database = new Database(this.file, { timeout: BUSY_TIMEOUT_MS });
      database.pragma("journal_mode = WAL");
      // FULL: a committed transaction survives a power cut too, not only a killed process.
      database.pragma("synchronous = FULL");
      database.pragma("foreign_keys = ON");
      migrate(database);
    } catch (error) {
      database?.close();
      throw this.unavailable(error);
    }
    this.database = database;
    return database;
  }

  private unavailable(error: unknown): ProgressUnavailableError {
    const detail = `SQLite file ${this.file}: ${(error as Error)?.message ?? String(error)}`;
    this.onUnavailable?.(detail);
    return new ProgressUnavailableError(detail, { cause: error });
  }
}

/** Runs the pending migrations in one write transaction, recording each in `migrations`. */
function migrate(database: Database.Database): void {
  database
    .transaction(() => {
      database.exec(MIGRATIONS_TABLE_SQL);
      const applied = database.prepare("SELECT version, name FROM migrations").all() as Array<{
        version: number;
        name: string;
      }>;
      const record = database.prepare(
        "INSERT INTO migrations (version, name, applied_at_ms) VALUES (?, ?, ?)",
      );
      for (const migration of pendingMigrations(readMigrations("sqlite"), applied)) {
        database.exec(migration.sql);
        record.run(migration.version, migration.name, Date.now());
      }
    })
    .immediate();
}
