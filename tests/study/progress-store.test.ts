import { writeFile } from "node:fs/promises";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProgressUnavailableError } from "../../src/errors/progress-errors.ts";
import { PostgresProgressStore } from "../../src/study/progress/postgres-progress-store.ts";
import { SqliteProgressStore } from "../../src/study/progress/sqlite-progress-store.ts";
import { TempDir } from "../support/temp-dir.ts";
import {
  findPostgres,
  skipPostgresSuite,
  startTempPostgres,
  type TempPostgres,
} from "../support/temp-postgres.ts";
import { progressStoreContract } from "./progress-store.contract.ts";

describe("SQLite", () => {
  let temp: TempDir;

  beforeAll(async () => {
    temp = await TempDir.create("study-assistant-progress-");
  });

  afterAll(async () => {
    await temp?.remove();
  });

  progressStoreContract("SQLite", async () => SqliteProgressStore.inDataDir(temp.join("data")));

  it("creates the data folder, runs the migrations once and journals in WAL mode", async () => {
    const dataDir = temp.join("fresh", "data");
    for (let opened = 0; opened < 2; opened++) {
      const store = SqliteProgressStore.inDataDir(dataDir);
      await store.createLearner(`learner-${opened}`, new Date());
      await store.close();
    }
    const database = new Database(temp.join("fresh", "data", "progress.sqlite"), {
      readonly: true,
    });
    try {
      expect(database.prepare("SELECT version, name FROM migrations").all()).toEqual([
        { version: 1, name: "progress" },
      ]);
      expect(database.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(database.prepare("SELECT count(*) AS n FROM learners").get()).toEqual({ n: 2 });
    } finally {
      database.close();
    }
  });

  it("answers 503 (ProgressUnavailableError) when DATA_DIR cannot hold the file, and says why", async () => {
    const notAFolder = await temp.write("occupied", "a file where DATA_DIR should be");
    const details: string[] = [];
    const store = SqliteProgressStore.inDataDir(notAFolder, {
      onUnavailable: (detail) => details.push(detail),
    });
    const failure = await store.readLearner("someone").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProgressUnavailableError);
    expect(failure).toMatchObject({ code: "progress_unavailable", httpStatus: 503 });
    expect(details[0]).toContain(notAFolder);
    await store.close();
  });

  it("refuses a file that is not a database with 503, without touching it", async () => {
    const dataDir = await temp.mkdir("garbage");
    await writeFile(`${dataDir}/progress.sqlite`, "this is not an SQLite file ".repeat(200));
    const store = SqliteProgressStore.inDataDir(dataDir);
    await expect(store.createLearner("someone", new Date())).rejects.toBeInstanceOf(
      ProgressUnavailableError,
    );
    await store.close();
  });
});

const postgres = findPostgres();

describe.skipIf(skipPostgresSuite(postgres))("PostgreSQL", () => {
  let server: TempPostgres | undefined;
  /** Databases of this cluster: the contract's, and fresh ones for the migration tests. */
  const databaseUrl = (name: string) => server?.url.replace(/\/postgres$/, `/${name}`) ?? "";

  beforeAll(async () => {
    if (!("binDir" in postgres))
      throw new Error(`PostgreSQL is needed under CI=true: ${postgres.missing}`);
    server = await startTempPostgres(postgres.binDir);
    console.info(`PostgreSQL test cluster started in ${server.startMs} ms`);
  });

  afterAll(async () => {
    await server?.stop();
  });

  progressStoreContract(
    "PostgreSQL",
    async () => new PostgresProgressStore(databaseUrl("postgres")),
  );

  async function createDatabase(name: string): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl("postgres") });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
  }

  it("migrates a fresh database once when several replicas start together", async () => {
    await createDatabase("replicas");
    const stores = Array.from(
      { length: 4 },
      () => new PostgresProgressStore(databaseUrl("replicas")),
    );
    try {
      await Promise.all(
        stores.map((store, replica) => store.createLearner(`replica-${replica}`, new Date())),
      );
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
    const client = new pg.Client({ connectionString: databaseUrl("replicas") });
    await client.connect();
    try {
      const migrations = await client.query("SELECT version, name FROM migrations");
      expect(migrations.rows).toEqual([{ version: 1, name: "progress" }]);
      const learners = await client.query("SELECT count(*)::int AS n FROM learners");
      expect(learners.rows).toEqual([{ n: 4 }]);
    } finally {
      await client.end();
    }
  });

  it("answers 503 quickly when the database is unreachable, never naming the password", async () => {
    const details: string[] = [];
    // A port of this machine where nothing listens (the cluster's port + 1 is not guaranteed free,
    // so take a port that was just released by the OS instead).
    const { createServer } = await import("node:net");
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address ? address.port : 1));
      });
    });
    const store = new PostgresProgressStore(
      `postgres://learner:s3cret-Passw0rd@127.0.0.1:${port}/study`,
      { onUnavailable: (detail) => details.push(detail), connectTimeoutMs: 1000 },
    );
    const started = performance.now();
    const failure = await store.readLearner("someone").catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(failure).toBeInstanceOf(ProgressUnavailableError);
    expect((failure as Error).message).not.toContain("127.0.0.1");
    expect(details[0]).toContain(`postgres://learner@127.0.0.1:${port}/study`);
    expect(details.join("\n")).not.toContain("s3cret");
    // The next call tries again (and fails the same way) instead of remembering the failure.
    await expect(store.dueCardIds("someone", new Date())).rejects.toBeInstanceOf(
      ProgressUnavailableError,
    );
    expect(details.length).toBeGreaterThanOrEqual(2);
    await store.close();
  });
});
