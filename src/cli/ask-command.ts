import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Assistant } from "../answer/assistant.ts";
import { normaliseQuestion } from "../answer/question.ts";
import type { Config } from "../config.ts";
import { AppError } from "../errors/app-error.ts";
import { formatAnswer } from "./format-answer.ts";
import { embeddingProgress } from "./progress.ts";

const inputLineSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  question: z.string(),
  /** Earlier turns of a conversation (as in the eval datasets): the question may follow them up. */
  history: z
    .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() }))
    .optional(),
});

export type AskOptions = { json: boolean; input?: string };

async function openAssistant(config: Config): Promise<Assistant> {
  // Imported here, so bad input is reported before seconds go into loading the pipeline's code.
  const { createAssistant } = await import("../create-services.ts");
  const progress = embeddingProgress("Building the index");
  const { assistant } = await createAssistant(config, {
    onBuildStart: () =>
      process.stderr.write(`No index in ${config.INDEX_DIR}: building it first.\n`),
    onEmbedProgress: progress.onProgress,
    onBuildEnd: (summary) => {
      progress.stop();
      process.stderr.write(
        `Index ${summary.version}: ${summary.chunkCount} chunks in ${summary.durationMs} ms.\n`,
      );
    },
  });
  return assistant;
}

/** `ask "question"` and `ask --input questions.jsonl|questions.txt --json`. */
export async function askCommand(
  config: Config,
  words: string[],
  options: AskOptions,
): Promise<void> {
  if (options.input !== undefined) {
    await askBatch(config, options.input, options.json);
    return;
  }
  const question = words.join(" ");
  // An empty or oversized question fails before seconds go into loading the model and index.
  normaliseQuestion(question, config.MAX_QUESTION_CHARS);
  const assistant = await openAssistant(config);
  const result = await assistant.ask(question);
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatAnswer(result));
}

/** A line of the input file: a question to ask, or what was wrong with it. */
type InputLine = { parsed: z.infer<typeof inputLineSchema> } | { problem: string };

/** A JSONL line (`{"id","question"}`, optionally `"history"`), or what is wrong with it. */
function jsonLine(line: string, position: number): InputLine {
  try {
    const result = inputLineSchema.safeParse(JSON.parse(line));
    if (result.success) return { parsed: result.data };
    return {
      problem: `line ${position + 1}: expected {"id", "question"} with a string question (and optionally "history": [{"role": "user"|"assistant", "content"}])`,
    };
  } catch {
    return { problem: `line ${position + 1}: not valid JSON` };
  }
}

/**
 * Answers every line of a file, loading models once: a `.txt` file holds one question per line
 * (its id is the line number); any other file is JSONL (`{"id","question"}`, optionally with the
 * conversation's earlier turns in `"history"`). Prints one JSON object per line in input order.
 * A bad line gets `{ "id", "error" }` and the run goes on; when no line could be read at all, the
 * run ends with exit code 2 and says what the file should hold.
 */
async function askBatch(config: Config, file: string, json: boolean): Promise<void> {
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    throw new AppError(`cannot read ${file}: ${(error as Error).message}`, {
      code: "input_unreadable",
      exitCode: 2,
    });
  });
  const plainText = /\.txt$/i.test(file);
  const assistant = await openAssistant(config);
  // A byte-order mark is not part of the first line.
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  let read = 0;
  let unreadable = 0;
  for (const [position, line] of lines.entries()) {
    if (line.trim() === "") continue;
    const input: InputLine = plainText
      ? { parsed: { id: String(position + 1), question: line.replace(/\r$/, "") } }
      : jsonLine(line, position);
    let output: unknown;
    if ("problem" in input) {
      unreadable++;
      output = { error: input.problem };
    } else {
      read++;
      const { parsed } = input;
      try {
        const result = await assistant.ask(parsed.question, {
          ...(parsed.id === undefined ? {} : { id: parsed.id }),
          ...(parsed.history === undefined ? {} : { history: parsed.history }),
        });
        output = json ? result : undefined;
        // The id comes from the file: JSON-quoted, so no control character reaches the terminal.
        if (!json)
          process.stdout.write(
            `${JSON.stringify(parsed.id ?? position + 1)}: ${formatAnswer(result)}\n`,
          );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        output = { ...(parsed.id === undefined ? {} : { id: parsed.id }), error: error.message };
      }
    }
    if (output !== undefined) process.stdout.write(`${JSON.stringify(output)}\n`);
  }
  if (read === 0 && unreadable > 0) {
    throw new AppError(
      `no line of ${file} is a {"id", "question"} JSON object; give a .jsonl file of such lines, or a .txt file with one question per line`,
      { code: "input_unreadable", exitCode: 2 },
    );
  }
}
