import { type Config, loadConfig } from "../../src/config.ts";

/** Variables that would switch the answer writer to an LLM; the bench measures the offline one. */
const ONLINE_VARIABLES = ["OPENAI_API_KEY", "OPENAI_BASE_URL"] as const;

/** The environment for the bench and its child processes: offline, with `overrides` applied. */
export function benchEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  for (const name of ONLINE_VARIABLES) delete environment[name];
  // Child processes must not draw progress bars or colours into captured output.
  environment.NO_COLOR = "1";
  return environment;
}

/** The project's settings (README table) from the bench environment, offline. */
export function benchConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig(benchEnvironment(overrides));
}
