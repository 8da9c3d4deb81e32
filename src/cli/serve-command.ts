import type { Config } from "../config.ts";
import { createAssistant } from "../create-services.ts";
import { createApp } from "../server/app.ts";
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
  const app = createApp({ assistant, embedder });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address !== null ? address.port : config.PORT;
    process.stdout.write(`Study assistant listening on http://${config.HOST}:${port}\n`);
  });
  const shutdown = () => {
    // Stop accepting connections, let in-flight requests finish, then exit.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
