import type { Config } from "../config.ts";
import {
  connectSharedState,
  createAnswerCache,
  createAssistant,
  createLearnerProgress,
  createProgressStore,
  createServingEmbedder,
  studyGuideWriter,
} from "../create-services.ts";
import { createApp } from "../server/app.ts";
import { LiveAssistant } from "../server/live-assistant.ts";
import { createLogger, ServerMetrics } from "../server/observability.ts";
import { reindexInWorker } from "../server/reindex-in-worker.ts";
import { startServer, stopServer } from "../server/start-server.ts";
import { embeddingProgress } from "./progress.ts";

/**
 * `serve` (`npm start`): HTTP server on HOST:PORT; builds the index first when there is none,
 * then serves every new index version as it appears (hot reload).
 */
export async function serveCommand(config: Config): Promise<void> {
  const progress = embeddingProgress("Building the index");
  const logger = createLogger(config.LOG_LEVEL, {
    secrets: [config.OPENAI_API_KEY, config.ADMIN_TOKEN, config.REDIS_URL],
  });
  const log = (message: string) => logger.info(message);
  // REDIS_URL: shared rate limits and answers, and re-index announcements (polling stays on).
  const shared = await connectSharedState(config, log);
  // Query embedding in EMBED_WORKERS threads, behind the query-embedding cache; whole extractive
  // answers in the in-process LRU (the first level in front of Redis when it is shared).
  const serving = await createServingEmbedder(config);
  const localAnswers = createAnswerCache(config);
  const answerCache = shared === undefined ? localAnswers : shared.answerCache(localAnswers);
  const metrics = new ServerMetrics();
  metrics.trackCaches({
    ...(localAnswers === undefined ? {} : { answers: localAnswers }),
    ...(serving.cache === undefined ? {} : { embeddings: serving.cache }),
  });
  const { assistant, embedder, create } = await createAssistant(config, {
    embedder: serving.embedder,
    ...(answerCache === undefined ? {} : { answerCache }),
    // Learners see a generic notice; why the model failed is for the operator.
    onUpstreamFailure: (detail) =>
      logger.warn({ detail }, "the language model failed; answered with the extractive writer"),
    onBuildStart: () =>
      process.stderr.write(`No index in ${config.INDEX_DIR}: building it first.\n`),
    onEmbedProgress: progress.onProgress,
    onBuildEnd: () => progress.stop(),
  });
  const live = new LiveAssistant({
    initial: assistant,
    indexDir: config.INDEX_DIR,
    embedder,
    create,
  });
  if (config.INDEX_WATCH_MS > 0) live.watch(config.INDEX_WATCH_MS, log);
  // A new version's answers have new keys: clearing frees the memory of the old ones. Only the
  // local level: Redis entries expire by TTL, and other replicas may already be filling it.
  live.onSwap(() => void localAnswers?.clear());
  shared?.announceReindexes(live);
  // Connects on first use: the server starts, and chat answers, while the database is down.
  const progressStore = createProgressStore(config, {
    onUnavailable: (detail) => logger.warn({ detail }, "learner progress is unavailable"),
  });
  const app = createApp(
    {
      assistant: live,
      progress: createLearnerProgress(progressStore, () => live.current.index.chunks),
      embedder,
      ...(shared === undefined ? {} : { redis: shared.connection }),
      guideWriter: await studyGuideWriter(config, {
        onUpstreamFailure: (detail) =>
          logger.warn({ detail }, "the language model failed; served the extractive study guide"),
      }),
      ...(config.ADMIN_TOKEN === undefined
        ? {}
        : {
            admin: {
              token: config.ADMIN_TOKEN,
              live,
              // A worker thread: the rebuild never blocks health checks and chat.
              reindex: () => reindexInWorker(config),
            },
          }),
    },
    {
      logger,
      metrics,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      corsOrigins: (config.CORS_ORIGINS ?? "")
        .split(",")
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ""),
      answerLimit: {
        maxConcurrent: config.MAX_CONCURRENT_ANSWERS,
        maxQueued: config.MAX_QUEUED_ANSWERS,
        maxWaitMs: config.ANSWER_QUEUE_TIMEOUT_MS,
      },
      ...(config.TRUST_PROXY === undefined ? {} : { trustProxy: config.TRUST_PROXY }),
      ...(shared === undefined ? {} : { rateLimitStore: shared.rateLimitStore }),
      ...(config.REPLICA === undefined ? {} : { replica: config.REPLICA }),
    },
  );
  const { server, url } = await startServer(app, { host: config.HOST, port: config.PORT });
  log(
    `Study assistant listening on ${url} (index ${live.version}, generator ${assistant.generator.id}` +
      `${config.ADMIN_TOKEN === undefined ? "" : ", admin API on"})`,
  );
  const shutdown = async (signal: string) => {
    log(`${signal}: finishing in-flight requests, then exiting.`);
    live.close();
    await stopServer(server);
    await progressStore.close();
    shared?.close();
    await serving.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}
