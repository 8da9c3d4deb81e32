import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { stopServer } from "../../src/server/start-server.ts";
import { projectRoot } from "../support/run-cli.ts";
import { ScriptedGenerator } from "../support/scripted-generator.ts";
import { parseSse, startTestServer } from "./test-server.ts";

describe("npm start", () => {
  it("logs its URL, serves health, and exits 0 on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, "bin/study-assistant.js"), "serve"],
      {
        cwd: projectRoot,
        env: { ...process.env, INDEX_DIR: inject("sharedIndexDir"), PORT: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (data: Buffer) => {
          output += data.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.on("exit", (code) =>
          reject(new Error(`server exited early with ${code}: ${output}`)),
        );
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string };
      expect(health.status).toBe("ok");
      const exit = new Promise<number | null>((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      expect(await exit).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  }, 60_000);

  it("finishes an in-flight stream before closing", async () => {
    const generator = new ScriptedGenerator({
      pieces: ["one ", "two ", "three [1]"],
      delayMs: 200,
    });
    const running = await startTestServer({ generator });
    const response = await fetch(`${running.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: "What is DVC used for?", stream: true }),
    });
    const stopped = stopServer(running.server, 5000);
    const frames = parseSse(await response.text());
    await stopped;
    expect(frames.at(-1)?.event).toBe("answer-end");
    expect(generator.deltasSent).toBe(3);
    await expect(fetch(`${running.url}/api/health`)).rejects.toThrow();
  });
});
