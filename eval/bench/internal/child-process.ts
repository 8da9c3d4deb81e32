import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

export type ChildRun = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, in ms. */
  ms: number;
};

/** Runs `node args…` to completion; kills it (by its pid) after `timeoutMs`. */
export async function runNode(
  args: string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs: number; cwd?: string },
): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: options.env,
    cwd: options.cwd ?? process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
  const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
  clearTimeout(timer);
  return { code, signal, stdout, stderr, ms: performance.now() - started };
}

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  /** From spawn to the log line with the URL, in ms. */
  msToUrl: number;
  /** Everything written to stderr so far (for error messages). */
  stderr: () => string;
};

/**
 * Starts a server process (`node args…`) and resolves once a stdout line — a pino JSON line or
 * plain text — says `listening on http://…`. Rejects, killing the process, if it exits first or
 * `timeoutMs` passes.
 */
export function startServerProcess(
  args: string[],
  options: { env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: options.env,
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    stderr = (stderr + text).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${reason}; stderr: ${stderr.trim().slice(-1000) || "(empty)"}`));
    };
    const timer = setTimeout(
      () => fail(`no "listening on" line within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    child.once("exit", (code, signal) => fail(`the server exited (${code ?? signal}) early`));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      const match = /listening on (https?:\/\/[^\s"]+)/.exec(messageOf(line));
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      // Keep draining stdout (request logs) so the child never blocks on a full pipe.
      resolve({
        child,
        url: match[1],
        msToUrl: performance.now() - started,
        stderr: () => stderr,
      });
    });
  });
}

function messageOf(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === "string" ? parsed.msg : line;
  } catch {
    return line;
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 2xx; resolves with the ms waited. Rejects after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number, intervalMs = 5): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > timeoutMs) {
      throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** `node` arguments that run a TypeScript file of this repository through tsx. */
export function tsxArgs(file: string, args: string[] = []): string[] {
  return ["--import", "tsx", file, ...args];
}
