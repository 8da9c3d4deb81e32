import { execFile } from "node:child_process";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../..");

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the real CLI (`bin/study-assistant.js`) in a child process; never throws on exit codes. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(projectRoot, "bin/study-assistant.js"), ...args],
      {
        cwd: options.cwd ?? projectRoot,
        env: { ...process.env, ...options.env, CI: "true" },
        maxBuffer: 32 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export { projectRoot };
