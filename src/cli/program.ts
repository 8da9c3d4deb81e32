import { Command, CommanderError, Option } from "commander";
import { type Config, loadConfig } from "../config.ts";
import { AppError } from "../errors/app-error.ts";
import { DEFAULT_EVAL_OPTIONS, type EvalCommandOptions } from "./eval-options.ts";
import { studyCommand } from "./study-command.ts";

type GlobalOptions = { corpus?: string; index?: string; embedder?: string };

function config(command: Command, extra: Partial<Record<keyof Config, string>> = {}): Config {
  const options = command.optsWithGlobals<GlobalOptions>();
  return loadConfig(process.env, {
    ...extra,
    ...(options.corpus === undefined ? {} : { CORPUS_DIR: options.corpus }),
    ...(options.index === undefined ? {} : { INDEX_DIR: options.index }),
    ...(options.embedder === undefined ? {} : { EMBEDDER: options.embedder }),
  });
}

/** The `study-assistant` command line, built afresh for each run (commander keeps parse state). */
function createProgram(setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name("study-assistant")
    .description(
      "Answers questions about the ML roadmap and its tutorials, with citations, offline.",
    )
    .option("--corpus <dir>", "corpus folder (env CORPUS_DIR)")
    .option("--index <dir>", "index folder (env INDEX_DIR)")
    .addOption(
      new Option("--embedder <name>", "embedder (env EMBEDDER)").choices([
        "use",
        "transformers",
        "openai",
      ]),
    )
    .showHelpAfterError()
    // Usage errors (an unknown option, a missing value) are bad input: exit 2, as documented.
    .exitOverride();

  program
    .command("ingest")
    .description("build or update the index from the corpus (only changed passages are embedded)")
    .option("--check", "only check whether the index is stale; exit 1 if it is", false)
    .option(
      "--dry-run",
      "show what would be added, updated, removed and reused; write nothing",
      false,
    )
    .option("--keep <n>", "older index versions to keep (env INDEX_KEEP, default 2)")
    .option("--json", "print the summary as JSON", false)
    .action(
      async (
        options: { check: boolean; dryRun: boolean; keep?: string; json: boolean },
        command: Command,
      ) => {
        const settings = config(
          command,
          options.keep === undefined ? {} : { INDEX_KEEP: options.keep },
        );
        const { ingestCommand } = await import("./ingest-command.ts");
        setExitCode(await ingestCommand(settings, options));
      },
    );

  program
    .command("ask")
    .description("answer a question (or every line of a file with --input)")
    .argument("[question...]", "the question")
    .option("--json", "print the answer as one JSON object", false)
    .option(
      "--input <file>",
      'JSONL file of {"id","question"} lines, or a .txt file with one question per line; one answer per line',
    )
    .action(
      async (words: string[], options: { json: boolean; input?: string }, command: Command) => {
        const { askCommand } = await import("./ask-command.ts");
        await askCommand(config(command), words, options);
      },
    );

  program
    .command("serve")
    .description("start the HTTP server on HOST:PORT (default 127.0.0.1:3000)")
    .action(async (_options: unknown, command: Command) => {
      const { serveCommand } = await import("./serve-command.ts");
      await serveCommand(config(command));
    });

  program
    .command("eval")
    .description(
      "run the release eval: retrieval, faithfulness, hallucination, refusal and citation metrics, the judge's calibration and the release gate (exit 1 when it fails)",
    )
    .option(
      "--dataset <file...>",
      "QA datasets to run (default: every QA dataset in eval/datasets/)",
      [],
    )
    .addOption(
      new Option("--generator <name>", "answer writer")
        .choices(["extractive", "openai"])
        .default(DEFAULT_EVAL_OPTIONS.generator),
    )
    .addOption(
      new Option("--judge <name>", "claim judge")
        .choices(["local", "llm"])
        .default(DEFAULT_EVAL_OPTIONS.judge),
    )
    .addOption(
      new Option(
        "--split <name>",
        "only lines of this split (train, dev, test); lines without a split always run",
      ).choices(["train", "dev", "test"]),
    )
    .option("--out <dir>", "report folder (default: eval/reports/<timestamp>/)")
    .option("--baseline <report>", "an earlier report.json to compare with")
    .option("--thresholds <file>", "release thresholds", DEFAULT_EVAL_OPTIONS.thresholds)
    .option(
      "--calibration <file>",
      "labelled pairs the judge is validated on",
      DEFAULT_EVAL_OPTIONS.calibration,
    )
    .option(
      "--compare-naive",
      "also run the textbook LangChain pipeline and report it side by side",
      false,
    )
    .option("--json", "print the summary as JSON instead of tables", false)
    .action(async (options: EvalCommandOptions, command: Command) => {
      const { evalCommand } = await import("./eval-command.ts");
      setExitCode(await evalCommand(config(command), options));
    });
  // `study steps | guide | quiz`; more study subcommands (e.g. `plan`) go in the list.
  studyCommand(program, { config: (command) => config(command), setExitCode }, []);
  return program;
}

/**
 * Runs one command line (the arguments after the program name) and returns its exit code: 0 done,
 * 1 a failed check or unexpected failure, 2 bad input, 3 a damaged or mismatched index (as the
 * error says). Errors are one line on stderr. Output goes to process.stdout and process.stderr.
 */
export async function runCli(args: readonly string[]): Promise<number> {
  let exitCode = 0;
  try {
    await createProgram((code) => {
      exitCode = code;
    }).parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed the message (or the help text, exit code 0).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof AppError) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: unexpected failure: ${message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack ?? ""}\n`);
    return 1;
  }
}
