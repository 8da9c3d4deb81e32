/**
 * Assigns each line of eval datasets to train / dev / test from a hash of a fixed seed and its
 * id, so the split is reproducible and an added question never moves the others. Turns of one
 * conversation ("lvD-007b", "lvD-007c") share a split. Rewrites the files in place.
 *
 *   node --import tsx eval/tools/assign-splits.ts eval/datasets/learner-voice.jsonl …
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

export const SPLIT_SEED = "learner-voice-2026-12";
/** Shares of train and dev; the rest is test. */
const TRAIN = 0.6;
const DEV = 0.2;

export function splitOf(id: string, conversation: boolean): "train" | "dev" | "test" {
  const key = conversation ? id.replace(/[a-z]$/, "") : id;
  const hash = createHash("sha256").update(`${SPLIT_SEED}:${key}`).digest();
  const unit = hash.readUInt32BE(0) / 2 ** 32;
  return unit < TRAIN ? "train" : unit < TRAIN + DEV ? "dev" : "test";
}

for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "");
  const counts: Record<string, number> = {};
  const out = lines.map((line) => {
    const item = JSON.parse(line) as { id: string; history?: unknown; split?: string };
    const split = splitOf(item.id, item.history !== undefined);
    counts[split] = (counts[split] ?? 0) + 1;
    return JSON.stringify({ ...item, split });
  });
  writeFileSync(file, `${out.join("\n")}\n`);
  console.log(`${file}: ${JSON.stringify(counts)}`);
}
