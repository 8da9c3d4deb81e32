import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import type { ErrorCode } from "../errors/error-code.ts";

/** Why a JSON file could not be used. */
export type JsonFileProblem = {
  /** The step that failed: reading the file, parsing the JSON, or checking it against the schema. */
  step: "read" | "parse" | "validate";
  /**
   * What was wrong, with the file as the subject: `cannot be read (EACCES)`, `is not valid JSON
   * (Unexpected token…)`, `is invalid: sources[1].url: Invalid URL (entry {"url":"ftp://x"})`.
   * Schema problems come from zod and say what is allowed ("expected number, received string").
   */
  problem: string;
  cause?: unknown;
};

/**
 * How a failure is reported: either as an AppError with these codes (for when the file cannot be
 * read, and for when it is not valid JSON or does not match the schema), whose message is
 * `<label> <file> <problem>` and exit code 2 (a file a person wrote or named); or by an error
 * the caller builds, for files whose problems have their own class.
 */
export type ReadJsonFileOptions =
  | { codes: { unreadable: ErrorCode; invalid: ErrorCode }; error?: never }
  | { error: (problem: JsonFileProblem) => AppError; codes?: never };

/** At most this many schema problems are listed; the rest are counted. */
const MAX_ISSUES = 3;

/**
 * Reads a JSON file and validates it with `schema`, or throws an AppError naming the file, what
 * was wrong and what is allowed. `label` says what the file is ("the thresholds file"). With
 * `missing: "undefined"`, a file that does not exist resolves to undefined instead.
 */
export async function readJsonFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  label: string,
  options: ReadJsonFileOptions & { missing: "undefined" },
): Promise<z.output<Schema> | undefined>;
export async function readJsonFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  label: string,
  options: ReadJsonFileOptions,
): Promise<z.output<Schema>>;
export async function readJsonFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
  label: string,
  options: ReadJsonFileOptions & { missing?: "undefined" },
): Promise<z.output<Schema> | undefined> {
  const fail = (problem: JsonFileProblem): AppError => {
    if (options.error !== undefined) return options.error(problem);
    return new AppError(`${label} ${file} ${problem.problem}`, {
      code: problem.step === "read" ? options.codes.unreadable : options.codes.invalid,
      exitCode: 2,
      ...(problem.cause === undefined ? {} : { cause: problem.cause }),
    });
  };
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && options.missing === "undefined") return undefined;
    throw fail({
      step: "read",
      problem: code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? String(error)})`,
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw fail({
      step: "parse",
      problem: `is not valid JSON (${(error as Error).message})`,
      cause: error,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw fail({ step: "validate", problem: `is invalid: ${describeIssues(parsed.error, json)}` });
  }
  return parsed.data;
}

/**
 * `sources[1].url: Invalid URL (entry {"url":"ftp://x"}); …`: where, what zod says, and for a
 * problem inside a list the entry it is in, so it is easy to find.
 */
export function describeIssues(error: z.ZodError, json: unknown): string {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const where = issue.path
      .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
      .join("")
      .replace(/^\./, "");
    return `${where || "(file)"}: ${issue.message}${describeEntry(json, issue.path)}`;
  });
  const more = error.issues.length - MAX_ISSUES;
  return `${issues.join("; ")}${more > 0 ? ` (and ${more} more)` : ""}`;
}

/** " (entry {...})" for the list element that holds the problem, if the path goes through one. */
function describeEntry(json: unknown, issuePath: PropertyKey[]): string {
  let current: unknown = json;
  for (const part of issuePath) {
    if (typeof current !== "object" || current === null) return "";
    current = (current as Record<PropertyKey, unknown>)[part];
    if (typeof part === "number") {
      const text = JSON.stringify(current);
      if (text === undefined) return "";
      return ` (entry ${text.length > 120 ? `${text.slice(0, 117)}...` : text})`;
    }
  }
  return "";
}
