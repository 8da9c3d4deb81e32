import { benchEnvironment } from "./bench-config.ts";
import type { ColdStartFigures } from "./bench-report.ts";
import { runNode, startServerProcess, stopProcess, waitForOk } from "./internal/child-process.ts";
import { round } from "./statistics.ts";

const CLI = "bin/study-assistant.js";
const TIMEOUT_MS = 120_000;

/**
 * Cold starts against a built index, `runs` times each: `ask --json` from spawn to exit, and
 * `serve` (PORT=0) from spawn to its URL log line, to a 200 from `/api/health`, and to the first
 * `POST /api/chat` answer (the embedding model loads on the first question, not at start).
 */
export async function measureColdStart(options: {
  indexDir: string;
  question: string;
  runs: number;
}): Promise<ColdStartFigures> {
  const figures: ColdStartFigures = {
    askMs: [],
    serveUrlMs: [],
    serveHealthMs: [],
    serveFirstAnswerMs: [],
  };
  for (let run = 0; run < options.runs; run++) {
    const ask = await runNode([CLI, "ask", "--json", options.question], {
      env: benchEnvironment({ INDEX_DIR: options.indexDir }),
      timeoutMs: TIMEOUT_MS,
    });
    if (ask.code !== 0) {
      throw new Error(
        `ask exited with ${ask.code ?? ask.signal}: ${ask.stderr.trim().slice(-500)}`,
      );
    }
    JSON.parse(ask.stdout);
    figures.askMs.push(ask.ms);

    const server = await startServerProcess([CLI, "serve"], {
      env: benchEnvironment({
        INDEX_DIR: options.indexDir,
        HOST: "127.0.0.1",
        PORT: "0",
        LOG_LEVEL: "info",
      }),
      timeoutMs: TIMEOUT_MS,
    });
    try {
      const healthWait = await waitForOk(`${server.url}/api/health`, TIMEOUT_MS);
      const started = performance.now();
      const response = await fetch(`${server.url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: options.question }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.json();
      if (!response.ok) throw new Error(`the first /api/chat answered ${response.status}`);
      const answerMs = performance.now() - started;
      figures.serveUrlMs.push(server.msToUrl);
      figures.serveHealthMs.push(server.msToUrl + healthWait);
      figures.serveFirstAnswerMs.push(server.msToUrl + healthWait + answerMs);
    } finally {
      await stopProcess(server.child);
    }
  }
  const rounded = (values: number[]) => values.map((value) => round(value, 1));
  return {
    askMs: rounded(figures.askMs),
    serveUrlMs: rounded(figures.serveUrlMs),
    serveHealthMs: rounded(figures.serveHealthMs),
    serveFirstAnswerMs: rounded(figures.serveFirstAnswerMs),
  };
}
