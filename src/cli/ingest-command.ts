import type { Config } from "../config.ts";
import { createEmbedder, ingestOptions } from "../create-services.ts";
import { checkIndex, ingest } from "../ingest/ingest.ts";
import { embeddingProgress } from "./progress.ts";

export type IngestCommandOptions = { check: boolean; dryRun: boolean; json: boolean };

/** `ingest`: build or update the index; `--check` exits 1 when it is stale. */
export async function ingestCommand(
  config: Config,
  options: IngestCommandOptions,
): Promise<number> {
  const embedder = await createEmbedder(config);
  if (options.check) {
    const status = await checkIndex(ingestOptions(config, embedder));
    if (options.json) process.stdout.write(`${JSON.stringify(status)}\n`);
    else if (status.stale) {
      process.stdout.write(`The index in ${config.INDEX_DIR} is stale:\n`);
      for (const reason of status.reasons) process.stdout.write(`  - ${reason}\n`);
      process.stdout.write("Run `npm run ingest` to update it.\n");
    } else process.stdout.write(`The index in ${config.INDEX_DIR} is up to date.\n`);
    return status.stale ? 1 : 0;
  }
  const progress = embeddingProgress("Embedding");
  const summary = await ingest({
    ...ingestOptions(config, embedder, progress.onProgress),
    dryRun: options.dryRun,
  });
  progress.stop();
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    const lines: string[] = [];
    if (summary.fullRebuildReason !== undefined) {
      lines.push(`Full rebuild: ${summary.fullRebuildReason}.`);
    }
    for (const problem of summary.sourceErrors ?? []) {
      lines.push(`Skipped ${problem.source}: ${problem.message}`);
    }
    const counts = `${summary.added} added, ${summary.updated} updated, ${summary.removed} removed, ${summary.reused} reused`;
    if (summary.upToDate) {
      lines.push(
        `Index ${summary.version} in ${config.INDEX_DIR} is up to date: ${summary.chunkCount} chunks from ` +
          `${summary.documentCount} document(s); nothing was written.`,
      );
    } else if (summary.dryRun) {
      lines.push(
        `Dry run against ${config.INDEX_DIR} (current version ${summary.version}): ${summary.chunkCount} chunks from ` +
          `${summary.documentCount} document(s) — ${counts}; ${summary.embedded} would be embedded. Nothing was written.`,
      );
    } else {
      lines.push(
        `Index ${summary.version} in ${config.INDEX_DIR}: ${summary.chunkCount} chunks from ${summary.documentCount} document(s) — ` +
          `${counts}; ${summary.embedded} embedded in ${(summary.durationMs / 1000).toFixed(1)} s.`,
      );
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return 0;
}
