import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";

/** The last lines a child wrote, for the message when it fails to start. @default 40 lines */
export class OutputTail {
  private readonly lines: string[] = [];

  constructor(private readonly limit = 40) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.shift();
  }

  toString(): string {
    return this.lines.join("\n");
  }
}

/**
 * Calls `onLine` with every line the child writes to stdout and stderr (both must be pipes).
 * A line split across chunks is joined first.
 */
export function readLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (data: string) => {
      const lines = (partial + data).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
    stream?.on("end", () => {
      if (partial !== "") onLine(partial);
      partial = "";
    });
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Resolves when `ready()` does, checked every `intervalMs`; rejects when the child exits first
 * or `timeoutMs` passes, with `describe()` (usually its last output) in the message.
 */
export async function waitUntilReady(
  child: ChildProcess,
  options: {
    name: string;
    ready: () => Promise<boolean>;
    describe: () => string;
    timeoutMs: number;
    intervalMs?: number;
    /** Stops waiting (rejects with the signal's reason), e.g. on Ctrl-C. */
    signal?: AbortSignal | undefined;
  },
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    options.signal?.throwIfAborted();
    if (hasExited(child)) {
      throw new Error(
        `${options.name} exited (${child.signalCode ?? child.exitCode}) while starting:\n${options.describe()}`,
      );
    }
    if (await options.ready().catch(() => false)) return;
    if (performance.now() > deadline) {
      throw new Error(
        `${options.name} was not ready within ${options.timeoutMs} ms:\n${options.describe()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

/**
 * Sends `signal` and waits for the child to exit; after `graceMs` it is killed with SIGKILL.
 * Nothing happens to a child that has already exited.
 */
export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = "SIGTERM",
  graceMs = 5000,
): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Spawns a server that is ready once 127.0.0.1:`port` accepts connections; its output lines go
 * to `onLine` and, the last few, into the error when it exits or times out while starting (the
 * child is stopped then). `stop` sends `stopSignal` (SIGKILL after 5 s) and is safe to call twice.
 */
export async function spawnServer(
  binary: string,
  args: readonly string[],
  options: {
    name: string;
    port: number;
    stopSignal: NodeJS.Signals;
    onLine?: ((line: string) => void) | undefined;
    timeoutMs?: number | undefined;
  },
): Promise<{ pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  const tail = new OutputTail();
  readLines(child, (line) => {
    tail.push(line);
    options.onLine?.(line);
  });
  const stop = () => stopChild(child, options.stopSignal);
  try {
    await waitUntilReady(child, {
      name: options.name,
      ready: () => acceptsConnections(options.port),
      describe: () => tail.toString(),
      timeoutMs: options.timeoutMs ?? 15_000,
    });
  } catch (error) {
    if (!hasExited(child)) await stop();
    throw error;
  }
  return { pid: child.pid, stop };
}
