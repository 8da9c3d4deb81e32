import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { loadIndex } from "../../src/index/index-store.ts";
import { projectRoot } from "../support/run-cli.ts";
import { runCliInProcess as runCli } from "../support/run-cli-in-process.ts";

let workDir: string;
let corpusDir: string;
let indexDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "study-assistant-crash-"));
  corpusDir = path.join(workDir, "corpus");
  indexDir = path.join(workDir, "index");
  await cp(path.join(projectRoot, "corpus"), corpusDir, { recursive: true });
  await cp(inject("sharedIndexDir"), indexDir, { recursive: true });
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe("an ingest killed with SIGKILL mid-embedding", () => {
  it("leaves the previous version answering, and the next run recovers", async () => {
    const env = {
      ...process.env,
      CI: "true",
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      EMBED_BATCH_SIZE: "4",
    };
    // Bring the copied index up to date with the copied corpus first.
    expect((await runCli(["ingest"], { env })).code).toBe(0);
    const before = (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();

    // A new document of many small embedding batches, so the kill lands mid-embedding.
    const notes = Array.from(
      { length: 60 },
      (_, index) =>
        `Study note ${index}: revise topic ${index} with a small project and write down what you learned.`,
    ).join("\n\n");
    await writeFile(
      path.join(corpusDir, "notes.md"),
      `---\ntitle: Notes\n---\n## Notes\n\n${notes}\n`,
    );
    const sources = JSON.parse(await readFile(path.join(corpusDir, "sources.json"), "utf8"));
    sources.sources.push({ path: "notes.md" });
    await writeFile(path.join(corpusDir, "sources.json"), JSON.stringify(sources));

    const child = spawn(
      process.execPath,
      [path.join(projectRoot, "bin/study-assistant.js"), "ingest"],
      {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    await new Promise<void>((resolve) => {
      child.stderr.on("data", (data: Buffer) => {
        if (data.toString().includes("Embedding:")) resolve();
      });
      child.on("exit", () => resolve());
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));

    // The previous version is still current and loads; a question is still answered.
    expect((await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim()).toBe(before);
    await expect(loadIndex(indexDir, new UseEmbedder())).resolves.toMatchObject({
      manifest: { version: before },
    });
    const asked = await runCli(["ask", "--json", "What is DVC used for?"], { env });
    expect(asked.code).toBe(0);
    expect(JSON.parse(asked.stdout).refused).toBe(false);

    // The next run takes over the dead process's lock, cleans up and finishes the build.
    const again = await runCli(["ingest", "--json"], { env });
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.version).not.toBe(before);
    expect(summary.added).toBeGreaterThan(0);
    const leftovers = (await readdir(indexDir)).filter(
      (name) => name.startsWith(".tmp") || name === ".lock",
    );
    expect(leftovers).toEqual([]);
  }, 120_000);
});
