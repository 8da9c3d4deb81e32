import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { readJsonl } from "./read-jsonl.ts";

export const evalItemSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.boolean(),
  evidence: z.array(z.string().min(1)),
  answer: z.string(),
  kind: z.enum(["fact", "table", "multi", "numeric", "paraphrase", "unanswerable", "trap"]),
  /** How the question is phrased ("tidy", "casual", "typo", "abbreviation", "rambling", …). */
  style: z.string().min(1).optional(),
  /** Which split the line belongs to; tune on train and dev, report test. */
  split: z.enum(["train", "dev", "test"]).optional(),
  /** Earlier turns of a conversation, oldest first. */
  history: z
    .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string().min(1) }))
    .min(1)
    .optional(),
  /** For a conversation line: whether the question depends on the history. */
  followUp: z.boolean().optional(),
});

/** One eval question, in the JSONL format of DESIGN.md. */
export type EvalItem = z.infer<typeof evalItemSchema>;

/** Reads a JSONL dataset; errors name the file, line and field. */
export function readDataset(file: string): Promise<EvalItem[]> {
  return readJsonl(file, evalItemSchema, {
    label: "dataset",
    codes: { unreadable: "dataset_unreadable", invalid: "dataset_invalid" },
  });
}

/**
 * The QA datasets of a folder: every `.jsonl` file whose first line is an eval item, sorted by
 * name. Other JSONL files (the judge calibration set, anything in another format) are skipped and
 * listed in `skipped`.
 */
export async function listQaDatasets(
  directory: string,
): Promise<{ files: string[]; skipped: string[] }> {
  const names = (
    await readdir(directory).catch((error: unknown) => {
      throw new AppError(`cannot list the datasets in ${directory}`, {
        code: "dataset_unreadable",
        cause: error,
      });
    })
  )
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
  const files: string[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    const firstLine = (await readFile(file, "utf8")).split("\n").find((line) => line.trim() !== "");
    let isQa = false;
    try {
      isQa = firstLine !== undefined && evalItemSchema.safeParse(JSON.parse(firstLine)).success;
    } catch {
      isQa = false;
    }
    (isQa ? files : skipped).push(file);
  }
  return { files, skipped };
}
