import { runCli } from "../../src/cli/program.ts";

export type CliResult = { code: number; stdout: string; stderr: string };

type Write = typeof process.stdout.write;

/** A stream `write` that keeps what is written instead of printing it. */
function capture(into: string[]): Write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((argument) => typeof argument === "function");
    if (typeof callback === "function") callback();
    return true;
  }) as Write;
}

/**
 * Runs a CLI command line in this process, with `env` set for its duration and stdout and stderr
 * captured: the same code path as `bin/study-assistant.js` without a cold process (and model
 * load) per call. Calls must not overlap (stdout is process-wide); tests in a file run in order.
 */
export async function runCliInProcess(
  args: string[],
  options: { env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const env = { CI: "true", ...options.env };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const restoreEnv = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  const stdout: string[] = [];
  const stderr: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  restoreEnv(env);
  process.stdout.write = capture(stdout);
  process.stderr.write = capture(stderr);
  try {
    const code = await runCli(args);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    restoreEnv(saved);
  }
}
