import type { Config } from "../config.ts";
import { createAssistant } from "../create-services.ts";
import { createApp } from "../server/app.ts";
import { startServer, stopServer } from "../server/start-server.ts";
import { embeddingProgress } from "./progress.ts";

/** `serve` (`npm start`): HTTP server on HOST:PORT; builds the index first when there is none. */
export async function serveCommand(config: Config): Promise<void> {
  const progress = embeddingProgress("Building the index");
  const { assistant, embedder } = await createAssistant(config, {
    onBuildStart: () =>
      process.stderr.write(`No index in ${config.INDEX_DIR}: building it first.\n`),
    onEmbedProgress: progress.onProgress,
    onBuildEnd: () => progress.stop(),
  });
  const { server, url } = await startServer(createApp({ assistant, embedder }), {
    host: config.HOST,
    port: config.PORT,
  });
  process.stdout.write(
    `Study assistant listening on ${url} (generator: ${assistant.generator.id})\n`,
  );
  const shutdown = async (signal: string) => {
    process.stdout.write(`${signal}: finishing in-flight requests, then exiting.\n`);
    await stopServer(server);
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
