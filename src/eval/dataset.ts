import { readFile } from "node:fs/promises";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";

export const evalItemSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.boolean(),
  evidence: z.array(z.string().min(1)),
  answer: z.string(),
  kind: z.enum(["fact", "table", "multi", "numeric", "paraphrase", "unanswerable", "trap"]),
});

/** One eval question, in the JSONL format of DESIGN.md. */
export type EvalItem = z.infer<typeof evalItemSchema>;

/** Reads a JSONL dataset; errors name the file, line and field. */
export async function readDataset(file: string): Promise<EvalItem[]> {
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    throw new AppError(`cannot read dataset ${file}`, { code: "dataset_unreadable", cause: error });
  });
  const items: EvalItem[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AppError(`${file}:${index + 1}: not valid JSON`, { code: "dataset_invalid" });
    }
    const parsed = evalItemSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
        .join("; ");
      throw new AppError(`${file}:${index + 1}: ${problems}`, { code: "dataset_invalid" });
    }
    items.push(parsed.data);
  });
  return items;
}
