import cliProgress from "cli-progress";
import type { EmbedProgress } from "../embedders/embedder.ts";

/** Fewer chunks than this are embedded without a progress bar. */
const PROGRESS_THRESHOLD = 8;

/**
 * An embedding progress reporter on stderr: a live bar on a terminal, a few plain lines
 * otherwise (CI logs), nothing for a handful of chunks. Call `stop` when done.
 */
export function embeddingProgress(label: string): { onProgress: EmbedProgress; stop: () => void } {
  let bar: cliProgress.SingleBar | undefined;
  let lastReported = 0;
  const interactive = process.stderr.isTTY === true;
  return {
    onProgress(done, total) {
      if (total < PROGRESS_THRESHOLD) return;
      if (interactive) {
        if (bar === undefined) {
          bar = new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: `${label} [{bar}] {value}/{total} chunks | {percentage}% | ETA {eta_formatted}`,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0);
        }
        bar.update(done);
      } else if (done === total || done - lastReported >= Math.max(1, Math.ceil(total / 4))) {
        lastReported = done;
        process.stderr.write(`${label}: ${done}/${total} chunks\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}
