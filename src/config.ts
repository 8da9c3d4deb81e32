import { isIP } from "node:net";
import os from "node:os";
import { z } from "zod";
import { ConfigError } from "./errors/config-error.ts";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInteger = z.coerce.number().int().positive();

/** Express's names for address ranges, usable in TRUST_PROXY. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An IPv4 or IPv6 address, with an optional `/prefix` in range for its family. */
function isAddressOrSubnet(value: string): boolean {
  if (NAMED_RANGES.has(value)) return true;
  const [address = "", prefix, ...rest] = value.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const TRUST_PROXY_RULE =
  "use a hop count (the number of proxies in front of the server, e.g. 1) or the proxies' " +
  "addresses or subnets, comma-separated (e.g. 10.0.0.0/8, ::1, loopback); true is refused because it " +
  "trusts any X-Forwarded-For, so clients could choose their own address and escape the rate limit";

/**
 * TRUST_PROXY: a hop count (a number) or a list of addresses (a comma-separated string), as
 * Express's `trust proxy` takes them; never `true`.
 */
const trustProxy = z.string().transform((value, context): number | string => {
  const trimmed = value.trim();
  if (/^\d{1,2}$/.test(trimmed)) return Number(trimmed);
  const parts = trimmed.split(",").map((part) => part.trim());
  if (parts.length > 0 && parts.every(isAddressOrSubnet)) return parts.join(",");
  context.addIssue({ code: "custom", message: TRUST_PROXY_RULE });
  return z.NEVER;
});

/**
 * Every setting, read from environment variables (the table in docs/operations.md). CLI flags override
 * some of them. Defaults give the offline pipeline.
 */
const configSchema = z.object({
  CORPUS_DIR: z.string().min(1).default("corpus"),
  INDEX_DIR: z.string().min(1).default("indexes"),
  INDEX_KEEP: z.coerce.number().int().nonnegative().default(2),
  EMBEDDER: z.enum(["use", "transformers", "openai"]).default("use"),
  EMBED_BATCH_SIZE: positiveInteger.optional(),
  TRANSFORMERS_MODEL: z.string().min(1).default("Xenova/bge-small-en-v1.5"),
  MODELS_DIR: z.string().min(1).default("models"),
  ALLOW_REMOTE_MODELS: booleanFlag.default(false),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default("text-embedding-3-small"),
  OPENAI_EMBEDDING_DIMENSIONS: positiveInteger.optional(),
  LLM_MODEL: z.string().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  CHUNK_MAX_TOKENS: z.coerce.number().int().min(40).max(2000).default(180),
  HNSW_M: z.coerce.number().int().min(2).max(128).default(16),
  HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(10).max(2000).default(200),
  HNSW_EF_SEARCH: z.coerce.number().int().min(10).max(2000).default(100),
  MAX_QUESTION_CHARS: z.coerce.number().int().min(100).max(100_000).default(2000),
  ADMIN_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  INDEX_WATCH_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(120),
  CORS_ORIGINS: z.string().optional(),
  TRUST_PROXY: trustProxy.optional(),
  MAX_CONCURRENT_ANSWERS: z.coerce.number().int().min(1).max(1000).default(8),
  MAX_QUEUED_ANSWERS: z.coerce.number().int().min(0).max(10_000).default(32),
  ANSWER_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  MAX_ANSWER_CHARS: z.coerce.number().int().min(200).max(100_000).default(4000),
  // Defaults to the machine's cores, or 0 under tests (see loadConfig).
  EMBED_WORKERS: z.coerce.number().int().min(0).max(64),
  EMBEDDING_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(5000),
  EMBEDDING_CACHE_MB: z.coerce.number().min(1).max(4096).default(64),
  ANSWER_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  ANSWER_CACHE_MB: z.coerce.number().min(1).max(4096).default(32),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error: "use a PostgreSQL URL, postgres://user:password@host:5432/database",
    })
    .optional(),
  REDIS_URL: z
    .url({
      protocol: /^rediss?$/,
      error: "use a Redis URL, redis://[:password@]host:6379[/db] (rediss:// for TLS)",
    })
    .optional(),
  REDIS_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(604_800).default(3600),
  REPLICA: z
    .string()
    .regex(/^[\w.-]{1,64}$/, "use 1-64 letters, digits, '_', '.' or '-'")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
});

export type Config = z.infer<typeof configSchema>;

/**
 * Parses settings; an invalid value is a ConfigError naming the variable and what is allowed,
 * never the value itself (it may be a key, a token or a URL with a password).
 */
export function loadConfig(
  environment: Record<string, string | undefined> = process.env,
  overrides: Partial<Record<keyof Config, string>> = {},
): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = overrides[key as keyof Config] ?? environment[key];
    // Empty variables count as unset, as most shells and .env files treat them.
    if (value !== undefined && value !== "") input[key] = value;
  }
  // One embedding worker per core; none under tests, where starting workers (a model load each)
  // would slow every server a suite starts.
  input.EMBED_WORKERS ??=
    environment.VITEST !== undefined || environment.NODE_ENV === "test"
      ? "0"
      : String(os.availableParallelism());
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      return `${issue.path.join(".")}: ${issue.message}`;
    });
    throw new ConfigError(`invalid setting: ${problems.join("; ")}`);
  }
  return parsed.data;
}
