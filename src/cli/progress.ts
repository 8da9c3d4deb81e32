import cliProgress from "cli-progress";
import type { EmbedProgress } from "../embedders/embedder.ts";

/** Fewer chunks than this are embedded without a progress bar. */
const EMBEDDING_PROGRESS_THRESHOLD = 8;

export type ProgressOptions = {
  /** Word after the counts, e.g. `chunks`. @default none */
  unit?: string;
  /** Labels are padded to this width on the bar, so the bars of several steps line up. @default 0 */
  labelWidth?: number;
  /** Totals below this show nothing (too quick to be worth a bar). @default 0 */
  minimumTotal?: number;
};

/** Reports `done` of `total` for the step named `label`; call `stop` when done. */
export type Progress = {
  update: (label: string, done: number, total: number) => void;
  stop: () => void;
};

/**
 * Progress on stderr: a live bar on a terminal, a line every quarter otherwise (CI logs). A new
 * label ends the previous step's bar and starts a new one.
 */
export function progress(options: ProgressOptions = {}): Progress {
  const interactive = process.stderr.isTTY === true;
  const unit = options.unit === undefined ? "" : ` ${options.unit}`;
  let bar: cliProgress.SingleBar | undefined;
  let currentLabel: string | undefined;
  let lastReported = 0;
  return {
    update(label, done, total) {
      if (total < (options.minimumTotal ?? 0)) return;
      if (label !== currentLabel) {
        bar?.stop();
        bar = undefined;
        currentLabel = label;
        lastReported = 0;
      }
      if (interactive) {
        if (bar === undefined) {
          bar = new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: `${label.padEnd(options.labelWidth ?? 0)} [{bar}] {value}/{total}${unit} | {percentage}% | ETA {eta_formatted}`,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0);
        }
        bar.update(done);
      } else if (done === total || done - lastReported >= Math.max(1, Math.ceil(total / 4))) {
        lastReported = done;
        process.stderr.write(`${label}: ${done}/${total}${unit}\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

/** Embedding progress of one step (`label`), in chunks; nothing for a handful of chunks. */
export function embeddingProgress(label: string): { onProgress: EmbedProgress; stop: () => void } {
  const reporter = progress({ unit: "chunks", minimumTotal: EMBEDDING_PROGRESS_THRESHOLD });
  return {
    onProgress: (done, total) => reporter.update(label, done, total),
    stop: reporter.stop,
  };
}
