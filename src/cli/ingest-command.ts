import type { Config } from "../config.ts";
import { createEmbedder, ingestOptions } from "../create-services.ts";
import { checkIndex, ingest } from "../ingest/ingest.ts";
import { terminalSafe } from "../text/terminal-safe.ts";
import { embeddingProgress } from "./progress.ts";

export type IngestCommandOptions = { check: boolean; dryRun: boolean; json: boolean };

/**
 * `ingest`: build or update the index. `--check` exits 1 when it is stale; a source that could not
 * be loaded (a URL that is down) is a warning on stderr, not staleness, since a build would keep
 * its indexed copy too.
 */
export async function ingestCommand(
  config: Config,
  options: IngestCommandOptions,
): Promise<number> {
  const embedder = await createEmbedder(config);
  if (options.check) {
    const status = await checkIndex(ingestOptions(config, embedder));
    for (const problem of status.unverified ?? []) {
      const detail = problem.message.startsWith(`${problem.source}: `)
        ? problem.message.slice(problem.source.length + 2)
        : problem.message;
      process.stderr.write(
        `Warning: could not check ${problem.source}: ${detail}; it is not counted as changed or removed (ingest would keep what the index holds of it).\n`,
      );
    }
    if (options.json) process.stdout.write(`${JSON.stringify(status)}\n`);
    else if (status.stale) {
      process.stdout.write(`The index in ${config.INDEX_DIR} is stale:\n`);
      for (const reason of status.reasons) process.stdout.write(`  - ${reason}\n`);
      process.stdout.write("Run `npm run ingest` to update it.\n");
    } else {
      const unchecked = status.unverified?.length ?? 0;
      const except =
        unchecked === 0 ? "" : ` except for ${unchecked} source(s) that could not be checked`;
      process.stdout.write(`The index in ${config.INDEX_DIR} is up to date${except}.\n`);
    }
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
    const flagged = summary.flaggedInstructions;
    if (flagged !== undefined) {
      lines.push(
        `${flagged.count} line(s) addressed to an assistant were left out of the index (corpus text is data, never instructions):`,
      );
      for (const line of flagged.lines) {
        lines.push(`  - ${line.source}:${line.line} (${line.section}): ${line.excerpt}`);
      }
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
    // Source names, messages and excerpts come from the corpus: no terminal escape gets through.
    process.stdout.write(`${terminalSafe(lines.join("\n"))}\n`);
  }
  return 0;
}
