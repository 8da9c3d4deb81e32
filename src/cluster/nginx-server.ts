import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { spawnServer } from "./internal/child-processes.ts";
import { renderNginxConfig } from "./nginx-config.ts";

export type NginxServer = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** The generated configuration file. */
  configFile: string;
  pid: number | undefined;
  /** Stops nginx (SIGQUIT: finish open requests, SIGKILL after 5 s); safe to call twice. */
  stop: () => Promise<void>;
};

/**
 * nginx in the foreground with a generated configuration in `directory` (see
 * `renderNginxConfig`), listening on 127.0.0.1:`port`. Started as root, nginx's workers run as
 * `nobody`, so the folder is made readable for them.
 */
export async function startNginx(
  binary: string,
  directory: string,
  options: {
    port: number;
    replicaPorts: readonly number[];
    onLine?: (line: string) => void;
    timeoutMs?: number;
  },
): Promise<NginxServer> {
  await mkdir(directory, { recursive: true });
  if (process.getuid?.() === 0) await chmod(directory, 0o755);
  const configFile = path.join(directory, "nginx.conf");
  await writeFile(
    configFile,
    renderNginxConfig({ port: options.port, replicaPorts: options.replicaPorts, directory }),
  );
  // -e: log start-up errors to stderr instead of the packaged /var/log/nginx/error.log.
  const { pid, stop } = await spawnServer(
    binary,
    ["-p", directory, "-c", configFile, "-e", "stderr"],
    // SIGQUIT: nginx finishes open requests before it exits.
    {
      name: "nginx",
      port: options.port,
      stopSignal: "SIGQUIT",
      onLine: options.onLine,
      timeoutMs: options.timeoutMs,
    },
  );
  return {
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    configFile,
    pid,
    stop,
  };
}
