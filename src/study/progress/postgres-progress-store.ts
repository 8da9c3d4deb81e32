import pg from "pg";
import { ProgressUnavailableError } from "../../errors/progress-errors.ts";
import { MIGRATIONS_TABLE_SQL, pendingMigrations, readMigrations } from "./internal/migrations.ts";
import {
  type CardRow,
  cardFromRow,
  cardParameters,
  type LearnerRow,
  learnerCreatedAt,
  numberedPlaceholders,
  type ReviewRow,
  reviewFromRow,
  reviewParameters,
  SQL,
  type StepRow,
  stepFromRow,
} from "./internal/progress-sql.ts";
import type { CardState, LearnerRecord, ProgressStore, ReviewRecord } from "./progress-store.ts";

/** Held while migrating, so replicas starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 720_012_005;

/** SQLSTATE classes that mean the database cannot be used now: connection, auth, resources. */
const UNAVAILABLE_SQLSTATE = /^(08|28|3D|53|57|58)/;

/** pg's own messages for a connection that failed, timed out or broke. */
const UNAVAILABLE_MESSAGE = /timeout|terminated|connection|not queryable|ECONN|ENOTFOUND|EAI_/i;

/** 23503: foreign key violation, i.e. the learner was deleted while this write ran. */
const FOREIGN_KEY_VIOLATION = "23503";

export type PostgresProgressStoreOptions = {
  /** Told why the database cannot be used (never the password), for the operator's log. */
  onUnavailable?: (detail: string) => void;
  /** Longest wait for a connection before the route answers 503. @default 3000 */
  connectTimeoutMs?: number;
  /** Longest a statement may run. @default 10000 */
  statementTimeoutMs?: number;
  /** Connections per process. @default 10 */
  maxConnections?: number;
};

type Query = (sql: string, parameters?: unknown[]) => Promise<pg.QueryResult>;

/**
 * The progress store for several replicas: PostgreSQL at `DATABASE_URL`, through a `pg` pool,
 * with the same schema and migrations as SQLite. Migrations run on first use (under an advisory
 * lock); while the database cannot be reached, every call fails fast with
 * `ProgressUnavailableError` (503) and the next one tries again, so the server starts, and chat
 * answers, without it.
 */
export class PostgresProgressStore implements ProgressStore {
  readonly dialect = "postgres";
  private readonly pool: pg.Pool;
  private readonly where: string;
  private readonly password: string;
  private readonly onUnavailable: ((detail: string) => void) | undefined;
  private migrated: Promise<void> | undefined;

  constructor(url: string, options: PostgresProgressStoreOptions = {}) {
    this.where = describeDatabaseUrl(url);
    this.password = passwordOf(url);
    this.onUnavailable = options.onUnavailable;
    this.pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
      statement_timeout: options.statementTimeoutMs ?? 10_000,
      max: options.maxConnections ?? 10,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection that breaks (server restart) is dropped from the pool; without a
    // listener the error would end the process.
    this.pool.on("error", (error) => this.onUnavailable?.(this.detail(error)));
  }

  async createLearner(id: string, createdAt: Date): Promise<void> {
    await this.transaction(async (query) => {
      await query(SQL.insertLearner, [id, createdAt.getTime()]);
    });
  }

  async readLearner(id: string): Promise<LearnerRecord | undefined> {
    return this.transaction(async (query) => {
      const learner = (await query(SQL.learner, [id])).rows[0] as LearnerRow | undefined;
      if (learner === undefined) return undefined;
      const [steps, reviews, cards] = [
        (await query(SQL.steps, [id])).rows as StepRow[],
        (await query(SQL.reviews, [id])).rows as ReviewRow[],
        (await query(SQL.cards, [id])).rows as CardRow[],
      ];
      return {
        id: learner.id,
        createdAt: learnerCreatedAt(learner),
        steps: steps.map(stepFromRow),
        reviews: reviews.map(reviewFromRow),
        cards: cards.map(cardFromRow),
      };
    }, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }

  async setStepDone(id: string, step: number, done: boolean, at: Date): Promise<boolean> {
    return this.learnerWrite(false, async (query) => {
      if (!(await learnerExists(query, id))) return false;
      if (done) await query(SQL.markStep, [id, step, at.getTime()]);
      else await query(SQL.unmarkStep, [id, step]);
      return true;
    });
  }

  async readCardState(id: string, cardId: string): Promise<CardState | undefined> {
    return this.transaction(async (query) => {
      const row = (await query(SQL.card, [id, cardId])).rows[0] as CardRow | undefined;
      return row === undefined ? undefined : cardFromRow(row);
    });
  }

  async recordReview(
    id: string,
    review: ReviewRecord,
    state: CardState,
  ): Promise<"recorded" | "conflict" | "missing"> {
    return this.learnerWrite("missing", async (query) => {
      if (!(await learnerExists(query, id))) return "missing";
      const inserted = await query(SQL.insertReview, reviewParameters(id, review, state.reps));
      if (inserted.rowCount === 0) return "conflict";
      await query(SQL.upsertCard, cardParameters(id, state));
      return "recorded";
    });
  }

  async dueCardIds(id: string, at: Date): Promise<string[] | undefined> {
    return this.transaction(async (query) => {
      if (!(await learnerExists(query, id))) return undefined;
      const rows = (await query(SQL.due, [id, at.getTime()])).rows as Array<{ card_id: string }>;
      return rows.map((row) => row.card_id);
    }, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }

  async deleteLearner(id: string): Promise<boolean> {
    return this.transaction(async (query) => {
      let learners = 0;
      for (const sql of SQL.deleteLearner) learners = (await query(sql, [id])).rowCount ?? 0;
      return learners > 0;
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** A write for one learner; `whenDeleted` when the learner disappeared while it ran. */
  private async learnerWrite<T>(whenDeleted: T, work: (query: Query) => Promise<T>): Promise<T> {
    try {
      return await this.transaction(work);
    } catch (error) {
      if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) return whenDeleted;
      throw error;
    }
  }

  /** Runs `work` in one transaction on one pooled connection; a lost database becomes a 503. */
  private async transaction<T>(work: (query: Query) => Promise<T>, begin = "BEGIN"): Promise<T> {
    await this.migrate();
    const client = await this.connect();
    const query: Query = (sql, parameters) =>
      client.query(numberedPlaceholders(sql), parameters as unknown[]);
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(query);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw this.classify(error);
    } finally {
      // A connection that failed to roll back is closed rather than reused.
      client.release(broken);
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw this.classify(error);
    }
  }

  /** Runs the pending migrations once per process; after a failure, the next call tries again. */
  private migrate(): Promise<void> {
    this.migrated ??= this.runMigrations().catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  private async runMigrations(): Promise<void> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      await client.query(MIGRATIONS_TABLE_SQL);
      const applied = (await client.query("SELECT version, name FROM migrations")).rows as Array<{
        version: number;
        name: string;
      }>;
      for (const migration of pendingMigrations(readMigrations("postgres"), applied)) {
        await client.query(migration.sql);
        await client.query(
          "INSERT INTO migrations (version, name, applied_at_ms) VALUES ($1, $2, $3)",
          [migration.version, migration.name, Date.now()],
        );
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw this.classify(error);
    } finally {
      client.release(broken);
    }
  }

  /** A database that cannot be used becomes `ProgressUnavailableError`; anything else is kept. */
  private classify(error: unknown): unknown {
    if (error instanceof ProgressUnavailableError) return error;
    const code = (error as { code?: unknown }).code;
    const sqlState = typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
    const unavailable =
      sqlState === undefined
        ? typeof code === "string" || UNAVAILABLE_MESSAGE.test((error as Error)?.message ?? "")
        : UNAVAILABLE_SQLSTATE.test(sqlState);
    if (!unavailable) return error;
    const detail = this.detail(error);
    this.onUnavailable?.(detail);
    return new ProgressUnavailableError(detail, { cause: error });
  }

  private detail(error: unknown): string {
    const message = `PostgreSQL at ${this.where}: ${(error as Error)?.message ?? String(error)}`;
    return this.password === "" ? message : message.split(this.password).join("***");
  }
}

async function learnerExists(query: Query, id: string): Promise<boolean> {
  return (await query(SQL.learner, [id])).rows.length > 0;
}

/** The URL without its password, for messages: `postgres://app@db.internal:5432/study`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username === "" ? "" : `${parsed.username}@`;
    return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL (not a valid URL)";
  }
}

function passwordOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return "";
  }
}
