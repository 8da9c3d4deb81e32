import { appendFile, cp } from "node:fs/promises";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ClusterBinariesLookup,
  findClusterBinaries,
  missingBinariesMessage,
} from "../../src/cluster/find-binaries.ts";
import { replicaHealth } from "../../src/cluster/replica.ts";
import { type Cluster, startCluster } from "../../src/cluster/start-cluster.ts";
import { OpenAIEmbedder } from "../../src/embedders/openai-embedder.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import { type FakeOpenAIServer, startFakeOpenAIServer } from "../support/fake-openai-server.ts";
import { tempIngestOptions } from "../support/ingest-options.ts";
import { TempDir } from "../support/temp-dir.ts";

/**
 * The cluster as `npm run cluster` starts it (src/cluster/start-cluster.ts): Redis, PostgreSQL,
 * three replicas and nginx, started once for the file. The replicas embed with the OpenAI-compatible
 * embedder against the fake OpenAI server (hashed bag-of-words vectors, no model to load) over a
 * copy of the corpus indexed with it; with OPENAI_BASE_URL set they also write answers with the
 * fake's chat model. Clients are told apart by their loopback source address (127.0.0.0/8 all
 * reaches this machine), as nginx passes it to the replicas in X-Forwarded-For.
 */

/** Skipped with one line when a binary is missing, except under CI=true, where it fails. */
function skipClusterSuite(lookup: ClusterBinariesLookup, environment = process.env): boolean {
  if ("found" in lookup) return false;
  if (environment.CI === "true") return false;
  console.warn(`Skipping the cluster tests: ${missingBinariesMessage(lookup.missing)}.`);
  return true;
}

const lookup = findClusterBinaries();
const DIMENSIONS = 64;
const RATE_LIMIT_PER_MINUTE = 10;

type Sent = {
  /** 0 when no response arrived. */
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The connection failed: before the response began when `status` is 0, during it otherwise. */
  error?: string;
};

/** One request on its own connection from the loopback address `from` (node:http can bind it). */
function send(
  url: string,
  options: { method?: string; body?: unknown; from?: string; headers?: Record<string, string> },
): Promise<Sent> {
  return new Promise((resolve) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = httpRequest(url, {
      method: options.method ?? "GET",
      agent: false,
      localAddress: options.from ?? "127.0.0.1",
      headers: {
        ...(payload === undefined ? {} : { "content-type": "application/json" }),
        ...options.headers,
      },
    });
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    const done = (error?: Error) =>
      resolve({
        status,
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
        ...(error === undefined ? {} : { error: error.message }),
      });
    request.once("response", (response) => {
      status = response.statusCode ?? 0;
      headers = response.headers;
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () => done());
      response.once("error", done);
      response.once("aborted", () => done(new Error("response aborted")));
    });
    request.once("error", done);
    request.end(payload);
  });
}

describe.skipIf(skipClusterSuite(lookup))("npm run cluster: three replicas behind nginx", () => {
  let fake: FakeOpenAIServer | undefined;
  let temp: TempDir | undefined;
  let cluster: Cluster;

  beforeAll(async () => {
    if ("missing" in lookup) throw new Error(missingBinariesMessage(lookup.missing));
    fake = await startFakeOpenAIServer({ dimensions: DIMENSIONS });
    temp = await TempDir.create("study-assistant-cluster-test-");
    // A copy, so the re-index case can change it; the real corpus, so the roadmap's steps exist.
    await cp("corpus", temp.join("corpus"), { recursive: true });
    const embedder = new OpenAIEmbedder({
      baseURL: fake.url,
      model: "fake-embedding",
      dimensions: DIMENSIONS,
    });
    await ingest(tempIngestOptions(temp, embedder));
    cluster = await startCluster({
      binaries: lookup.found,
      environment: {
        EMBEDDER: "openai",
        OPENAI_BASE_URL: fake.url,
        OPENAI_EMBEDDING_MODEL: "fake-embedding",
        OPENAI_EMBEDDING_DIMENSIONS: String(DIMENSIONS),
        CORPUS_DIR: temp.join("corpus"),
        INDEX_DIR: temp.join("index"),
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
        LOG_LEVEL: "warn",
      },
      startTimeoutMs: 60_000,
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    await fake?.close();
    await temp?.remove();
  });

  it("names each replica in /api/health, and nginx spreads requests over all three", async () => {
    const names = await Promise.all(
      cluster.replicas.map(async (replica) => (await replicaHealth(replica.url)).replica),
    );
    expect(names).toEqual(["replica-1", "replica-2", "replica-3"]);
    const upstreams = new Set<string>();
    for (let request = 0; request < 6; request++) {
      const response = await send(`${cluster.url}/api/health`, {});
      expect(response.status).toBe(200);
      upstreams.add(String(response.headers["x-upstream"]));
    }
    expect([...upstreams].sort()).toEqual(
      cluster.replicas.map((replica) => `127.0.0.1:${replica.port}`).sort(),
    );
  });

  it("reads progress written through one replica through another (PostgreSQL)", async () => {
    const [first, second] = cluster.replicas;
    if (first === undefined || second === undefined) throw new Error("three replicas");
    const created = await send(`${first.url}/api/learners`, { method: "POST" });
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.body) as { id: string };
    const marked = await send(`${first.url}/api/learners/${id}/steps/2`, {
      method: "PUT",
      body: { done: true },
    });
    expect(marked.status).toBe(200);
    const exported = await send(`${second.url}/api/learners/${id}`, {});
    expect(exported.status).toBe(200);
    const progress = JSON.parse(exported.body) as { steps: Array<{ step: number }> };
    expect(progress.steps.map((step) => step.step)).toEqual([2]);
  });

  it(`counts the rate limit across replicas: 30 requests at ${RATE_LIMIT_PER_MINUTE}/minute get 20 × 429`, async () => {
    const statuses: number[] = [];
    const upstreams = new Set<string>();
    // Three at a time, so the round robin hands every replica its share.
    for (let round = 0; round < 10; round++) {
      const responses = await Promise.all(
        [0, 1, 2].map(() =>
          send(`${cluster.url}/api/chat`, {
            method: "POST",
            body: { message: "What is DVC used for?" },
            from: "127.0.0.2",
          }),
        ),
      );
      for (const response of responses) {
        statuses.push(response.status);
        upstreams.add(String(response.headers["x-upstream"]));
      }
    }
    expect(upstreams.size).toBe(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(20);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
  });

  it("serves a re-index made through one replica's admin route on every replica within 5 s", async () => {
    const [first] = cluster.replicas;
    if (first === undefined || temp === undefined) throw new Error("started in beforeAll");
    const before = (await replicaHealth(first.url)).index.version;
    await appendFile(
      temp.join("corpus/roadmap.md"),
      "\n\n## Running the cluster\n\nThree replicas share one index folder and learn about a new version from Redis.\n",
    );
    const reindexed = await send(`${first.url}/admin/reindex`, {
      method: "POST",
      headers: { authorization: `Bearer ${cluster.adminToken}` },
    });
    expect(reindexed.status, reindexed.body).toBe(200);
    const { serving } = JSON.parse(reindexed.body) as { serving: string };
    expect(serving).not.toBe(before);
    await expect
      .poll(
        () =>
          Promise.all(
            cluster.replicas.map(
              async (replica) => (await replicaHealth(replica.url)).index.version,
            ),
          ),
        { timeout: 5000, interval: 50 },
      )
      .toEqual([serving, serving, serving]);
  });

  it("loses no request that had not begun when a replica is killed with SIGKILL under load", async () => {
    if (fake === undefined) throw new Error("started in beforeAll");
    // Slow answers (the fake chat model waits 300 ms), so the killed replica holds requests in
    // flight that have not sent a byte: nginx must send those to another replica.
    fake.behaviour = (request) =>
      request.path === "/v1/chat/completions" ? { delayMs: 300 } : "ok";
    const victim = cluster.replicas[1];
    if (victim === undefined) throw new Error("three replicas");
    const CLIENTS = 18;
    const LOAD_MS = 2500;
    const results: Array<Sent & { stream: boolean }> = [];
    const started = performance.now();
    const client = async (number: number) => {
      // Under the rate limit: at most 9 answers per client address.
      for (let count = 0; count < 9 && performance.now() - started < LOAD_MS; count++) {
        const stream = (number + count) % 2 === 0;
        const response = await send(`${cluster.url}/api/chat`, {
          method: "POST",
          body: { message: "Which tools track experiments?", stream },
          from: `127.0.1.${number + 1}`,
        });
        results.push({ ...response, stream });
      }
    };
    const kill = new Promise<void>((resolve) =>
      setTimeout(() => {
        victim.process.kill("SIGKILL");
        resolve();
      }, 800),
    );
    await Promise.all([kill, ...Array.from({ length: CLIENTS }, (_, number) => client(number))]);
    fake.behaviour = "ok";

    const notBegun = results.filter((result) => result.status !== 200);
    const retried = results.filter((result) => String(result.headers["x-upstream"]).includes(","));
    expect(results.length).toBeGreaterThan(CLIENTS * 2);
    expect(notBegun.map(({ status, error }) => ({ status, error }))).toEqual([]);
    // Requests the dead replica held were answered by another one.
    expect(retried.length).toBeGreaterThan(0);
    await expect(replicaHealth(victim.url)).rejects.toThrow();
  });
});
