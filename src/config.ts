import { z } from "zod";
import { ConfigError } from "./errors/config-error.ts";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInteger = z.coerce.number().int().positive();

/**
 * Every setting, read from environment variables (names as in the README). CLI flags override
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
  TRUST_PROXY: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
});

export type Config = z.infer<typeof configSchema>;

/** Parses settings; an invalid value is a ConfigError naming the variable and what is allowed. */
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
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return `${name}=${JSON.stringify(input[name] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(`invalid setting: ${problems.join("; ")}`);
  }
  return parsed.data;
}
