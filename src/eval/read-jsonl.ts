import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import type { ErrorCode } from "../errors/error-code.ts";

/**
 * Reads a JSONL file, validating every non-empty line with `schema`. Errors name the file, the
 * line and the field: `eval/x.jsonl:12: evidence.0: Too small`. `label` names the file's role in
 * the messages ("dataset", "the judge calibration set"); `codes` are those of the errors thrown
 * when the file cannot be read and when a line is not valid.
 */
export async function readJsonl<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  options: { label: string; codes: { unreadable: ErrorCode; invalid: ErrorCode } },
): Promise<Array<z.infer<Schema>>> {
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    throw new AppError(`cannot read ${options.label} ${file}`, {
      code: options.codes.unreadable,
      cause: error,
    });
  });
  const items: Array<z.infer<Schema>> = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new AppError(`${file}:${index + 1}: not valid JSON`, {
        code: options.codes.invalid,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
        .join("; ");
      throw new AppError(`${file}:${index + 1}: ${problems}`, { code: options.codes.invalid });
    }
    items.push(parsed.data);
  });
  return items;
}
