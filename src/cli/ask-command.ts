import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Assistant } from "../answer/assistant.ts";
import { normaliseQuestion } from "../answer/question.ts";
import type { Config } from "../config.ts";
import { createAssistant } from "../create-services.ts";
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

/** `ask "question"` and `ask --input questions.jsonl --json`. */
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

/**
 * Answers every line of a JSONL file (`{"id","question"}`, optionally with the conversation's
 * earlier turns in `"history"`), loading models once, printing one
 * JSON object per line in input order. A bad line gets `{ "id", "error" }` and the run goes on.
 */
async function askBatch(config: Config, file: string, json: boolean): Promise<void> {
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    throw new AppError(`cannot read ${file}: ${(error as Error).message}`, {
      code: "input_unreadable",
      exitCode: 2,
    });
  });
  const assistant = await openAssistant(config);
  // A byte-order mark is not part of the first line.
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  for (const [position, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let parsed: z.infer<typeof inputLineSchema> | undefined;
    let problem: string | undefined;
    try {
      const result = inputLineSchema.safeParse(JSON.parse(line));
      if (result.success) parsed = result.data;
      else
        problem = `line ${position + 1}: expected {"id", "question"} with a string question (and optionally "history": [{"role": "user"|"assistant", "content"}])`;
    } catch {
      problem = `line ${position + 1}: not valid JSON`;
    }
    let output: unknown;
    if (parsed === undefined) {
      output = { error: problem };
    } else {
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
}
