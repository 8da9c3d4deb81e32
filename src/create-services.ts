import { hostname } from "node:os";
import { Assistant } from "./answer/assistant.ts";
import type { AnswerCache } from "./cache/answer-cache.ts";
import { EmbeddingCache } from "./cache/embedding-cache.ts";
import { LruAnswerCache } from "./cache/lru-answer-cache.ts";
import type { Chunk } from "./chunking/chunk.ts";
import type { Config } from "./config.ts";
import type { Embedder, EmbedProgress } from "./embedders/embedder.ts";
import { type LocalEmbedderSpec, PooledEmbedder } from "./embedders/pooled-embedder.ts";
import type { HnswSettings } from "./index/hnsw-vector-index.ts";
import { removeStaleTemporaryFiles } from "./index/index-files.ts";
import { type LoadedIndex, loadIndex, readCurrentVersion } from "./index/index-store.ts";
import type { IngestOptions, IngestSummary } from "./ingest/ingest.ts";
import type { SharedState } from "./shared-state/index.ts";
import { findCard } from "./study/cards.ts";
import { extractSteps } from "./study/extract-steps.ts";
import { gradeAnswer } from "./study/grade-answer.ts";
import { LearnerProgress } from "./study/progress/learner-progress.ts";
import { PostgresProgressStore } from "./study/progress/postgres-progress-store.ts";
import type { ProgressStore } from "./study/progress/progress-store.ts";
import { SqliteProgressStore } from "./study/progress/sqlite-progress-store.ts";
import type { GuideWriter } from "./study/study-guide.ts";

/**
 * The composition root: turns settings into concrete parts. Only the CLI and server call it.
 * What only some settings use (an embedder, the LLM parts, Redis) is imported only when chosen:
 * LangChain's OpenAI client alone takes about a second to load, which every offline start of a
 * command or server would otherwise pay.
 */

/**
 * The configured embedder. Each kind is imported only when chosen: TF.js and transformers.js take
 * seconds to load, which every start of a server or command would otherwise pay.
 */
export async function createEmbedder(config: Config): Promise<Embedder> {
  const batch = config.EMBED_BATCH_SIZE === undefined ? {} : { batchSize: config.EMBED_BATCH_SIZE };
  switch (config.EMBEDDER) {
    case "use": {
      const { UseEmbedder } = await import("./embedders/use-embedder.ts");
      return new UseEmbedder(batch);
    }
    case "transformers": {
      const { TransformersEmbedder } = await import("./embedders/transformers-embedder.ts");
      return TransformersEmbedder.create({
        model: config.TRANSFORMERS_MODEL,
        modelsDir: config.MODELS_DIR,
        allowRemoteModels: config.ALLOW_REMOTE_MODELS,
        ...batch,
      });
    }
    case "openai": {
      const { OpenAIEmbedder } = await import("./embedders/openai-embedder.ts");
      return new OpenAIEmbedder({
        model: config.OPENAI_EMBEDDING_MODEL,
        ...(config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL }),
        ...(config.OPENAI_API_KEY === undefined ? {} : { apiKey: config.OPENAI_API_KEY }),
        ...(config.OPENAI_EMBEDDING_DIMENSIONS === undefined
          ? {}
          : { dimensions: config.OPENAI_EMBEDDING_DIMENSIONS }),
        ...batch,
      });
    }
    default: {
      const unknown: never = config.EMBEDDER;
      throw new Error(`unknown embedder ${String(unknown)}`);
    }
  }
}

/** The configured embedder's settings for a worker thread; undefined for a remote one (openai). */
function localEmbedderSpec(config: Config): LocalEmbedderSpec | undefined {
  const batch = config.EMBED_BATCH_SIZE === undefined ? {} : { batchSize: config.EMBED_BATCH_SIZE };
  switch (config.EMBEDDER) {
    case "use":
      return { kind: "use", ...batch };
    case "transformers":
      return {
        kind: "transformers",
        model: config.TRANSFORMERS_MODEL,
        modelsDir: config.MODELS_DIR,
        allowRemoteModels: config.ALLOW_REMOTE_MODELS,
        ...batch,
      };
    case "openai":
      return undefined;
    default: {
      const unknown: never = config.EMBEDDER;
      throw new Error(`unknown embedder ${String(unknown)}`);
    }
  }
}

/**
 * The server's embedder: the configured one in `EMBED_WORKERS` worker threads (a local model; an
 * API embedder stays on the main thread, as it only waits), behind the query-embedding LRU
 * (`EMBEDDING_CACHE_ENTRIES`, `EMBEDDING_CACHE_MB`; none at 0 entries). `close` stops the workers.
 */
export async function createServingEmbedder(
  config: Config,
): Promise<{ embedder: Embedder; cache?: EmbeddingCache; close: () => Promise<void> }> {
  const spec = localEmbedderSpec(config);
  const pooled =
    spec !== undefined && config.EMBED_WORKERS > 0
      ? await PooledEmbedder.start({ spec, workers: config.EMBED_WORKERS })
      : undefined;
  const embedder = pooled ?? (await createEmbedder(config));
  const close = async () => {
    await pooled?.close();
  };
  if (config.EMBEDDING_CACHE_ENTRIES === 0) return { embedder, close };
  const cache = new EmbeddingCache(embedder, {
    maxEntries: config.EMBEDDING_CACHE_ENTRIES,
    maxBytes: config.EMBEDDING_CACHE_MB * 1024 * 1024,
  });
  return { embedder: cache, cache, close };
}

/** The in-process answer cache (`ANSWER_CACHE_ENTRIES`, `ANSWER_CACHE_MB`); none at 0 entries. */
export function createAnswerCache(config: Config): LruAnswerCache | undefined {
  if (config.ANSWER_CACHE_ENTRIES === 0) return undefined;
  return new LruAnswerCache({
    maxEntries: config.ANSWER_CACHE_ENTRIES,
    maxBytes: config.ANSWER_CACHE_MB * 1024 * 1024,
  });
}

export function hnswSettings(config: Config): HnswSettings {
  return {
    m: config.HNSW_M,
    efConstruction: config.HNSW_EF_CONSTRUCTION,
    efSearch: config.HNSW_EF_SEARCH,
  };
}

/**
 * Where learners' progress is kept: PostgreSQL at `DATABASE_URL` when set (several replicas),
 * else one SQLite file in `DATA_DIR`. Neither connects before its first use, so the server starts
 * (and chat answers) while the database is down; `onUnavailable` hears why it cannot be used.
 */
export function createProgressStore(
  config: Config,
  hooks: { onUnavailable?: (detail: string) => void } = {},
): ProgressStore {
  return config.DATABASE_URL === undefined
    ? SqliteProgressStore.inDataDir(config.DATA_DIR, hooks)
    : new PostgresProgressStore(config.DATABASE_URL, hooks);
}

/**
 * With `REDIS_URL`, the state replicas share through Redis (rate limits, the answer cache,
 * re-index announcements); undefined without it, when everything stays in the process. Connects
 * in the background: the server starts, and answers on local fallbacks, while Redis is down.
 */
export async function connectSharedState(
  config: Config,
  log: (message: string) => void,
): Promise<SharedState | undefined> {
  if (config.REDIS_URL === undefined) return undefined;
  const { createSharedState } = await import("./shared-state/index.ts");
  return createSharedState({
    url: config.REDIS_URL,
    replica: config.REPLICA ?? `${hostname()}-${process.pid}`,
    answerTtlSeconds: config.REDIS_CACHE_TTL_SECONDS,
    log,
  });
}

/**
 * Progress and reviews over the cards and steps of the index being served (`chunks` is asked per
 * request, so a hot reload swaps them), graded by `gradeAnswer`.
 */
export function createLearnerProgress(
  store: ProgressStore,
  chunks: () => readonly Chunk[],
  options: { now?: () => Date } = {},
): LearnerProgress {
  return new LearnerProgress({
    store,
    catalog: { findCard: (id) => findCard(chunks(), id), grade: gradeAnswer },
    stepCount: () => extractSteps(chunks()).length,
    ...options,
  });
}

/** Options for building the index from the configured corpus into the configured folder. */
export function ingestOptions(
  config: Config,
  embedder: Embedder,
  onEmbedProgress?: EmbedProgress,
): IngestOptions {
  return {
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    embedder,
    chunker: { maxTokens: config.CHUNK_MAX_TOKENS },
    hnsw: hnswSettings(config),
    keepPrevious: config.INDEX_KEEP,
    ...(onEmbedProgress === undefined ? {} : { onEmbedProgress }),
  };
}

/**
 * The LLM connection when `OPENAI_API_KEY` or `OPENAI_BASE_URL` is set (OpenAI, Ollama, vLLM…);
 * undefined for the offline default.
 */
export function llmConnection(
  config: Config,
): { model: string; baseURL?: string; apiKey?: string } | undefined {
  if (config.OPENAI_API_KEY === undefined && config.OPENAI_BASE_URL === undefined) return undefined;
  return {
    model: config.LLM_MODEL,
    ...(config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL }),
    ...(config.OPENAI_API_KEY === undefined ? {} : { apiKey: config.OPENAI_API_KEY }),
  };
}

/**
 * Loads the index, building it first when the folder has none (a fresh clone), and wires the
 * assistant. `onBuild` is told when a build starts and ends, for progress output.
 */
export async function createAssistant(
  config: Config,
  hooks: {
    embedder?: Embedder;
    onBuildStart?: () => void;
    onEmbedProgress?: EmbedProgress;
    onBuildEnd?: (summary: IngestSummary) => void;
    /** Told why an LLM answer failed (secrets redacted), for the log; learners see a generic notice. */
    onUpstreamFailure?: (detail: string) => void;
    /** Whole extractive answers kept for repeated questions (every index version's assistant). */
    answerCache?: AnswerCache;
  } = {},
): Promise<{
  assistant: Assistant;
  embedder: Embedder;
  index: LoadedIndex;
  create: (index: LoadedIndex) => Assistant;
}> {
  const embedder = hooks.embedder ?? (await createEmbedder(config));
  // What a killed build left behind; only old leftovers, as a writer elsewhere may own recent ones.
  await removeStaleTemporaryFiles(config.INDEX_DIR, { minimumAgeMs: 60_000 });
  if ((await readCurrentVersion(config.INDEX_DIR)) === undefined) {
    hooks.onBuildStart?.();
    // The corpus loaders are imported only for a build (a fresh clone), not for every start.
    const { ingest } = await import("./ingest/ingest.ts");
    const summary = await ingest(ingestOptions(config, embedder, hooks.onEmbedProgress));
    hooks.onBuildEnd?.(summary);
  }
  const index = await loadIndex(config.INDEX_DIR, embedder);
  const create = await assistantFactory(config, embedder, {
    ...(hooks.onUpstreamFailure === undefined
      ? {}
      : { onUpstreamFailure: hooks.onUpstreamFailure }),
    ...(hooks.answerCache === undefined ? {} : { answerCache: hooks.answerCache }),
  });
  const assistant = create(index);
  assistant.understanding.warmUp();
  return { assistant, embedder, index, create };
}

/** Builds an assistant for an index with the configured generator and rewriter. */
export async function assistantFactory(
  config: Config,
  embedder: Embedder,
  hooks: { onUpstreamFailure?: (detail: string) => void; answerCache?: AnswerCache } = {},
): Promise<(index: LoadedIndex) => Assistant> {
  const connection = llmConnection(config);
  const llm =
    connection === undefined
      ? undefined
      : {
          ...(await import("./answer/llm-generator.ts")),
          ...(await import("./answer/llm-question-rewriter.ts")),
        };
  return (index) =>
    new Assistant({
      index,
      embedder,
      ...(hooks.answerCache === undefined ? {} : { answerCache: hooks.answerCache }),
      maxQuestionCharacters: config.MAX_QUESTION_CHARS,
      maxAnswerCharacters: config.MAX_ANSWER_CHARS,
      ...(connection === undefined || llm === undefined
        ? {}
        : {
            generator: ({ extractive }) =>
              new llm.LlmGenerator({
                ...connection,
                timeoutMs: config.LLM_TIMEOUT_MS,
                fallback: extractive,
                ...(hooks.onUpstreamFailure === undefined
                  ? {}
                  : { onFailure: hooks.onUpstreamFailure }),
              }),
            rewriter: ({ offline }) =>
              new llm.LlmQuestionRewriter({ ...connection, fallback: offline }),
          }),
    });
}

/** The LLM study-guide writer when an LLM is configured; undefined for extractive guides. */
export async function studyGuideWriter(
  config: Config,
  hooks: { onUpstreamFailure?: (detail: string) => void } = {},
): Promise<GuideWriter | undefined> {
  const connection = llmConnection(config);
  if (connection === undefined) return undefined;
  const { LlmGuideWriter } = await import("./study/internal/llm-guide-writer.ts");
  return new LlmGuideWriter({
    ...connection,
    timeoutMs: config.LLM_TIMEOUT_MS,
    ...(hooks.onUpstreamFailure === undefined ? {} : { onFailure: hooks.onUpstreamFailure }),
  });
}
