import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, type ExpectStatic, inject, it } from "vitest";
import { z } from "zod";
import { answerSchema } from "../e2e/answer-schema.ts";
import { seededRandom } from "../support/random-vectors.ts";
import { type CliResult, runCliInProcess as runCli } from "../support/run-cli-in-process.ts";

/** The shared prebuilt index: `ask` only reads it. */
const env = () => ({ INDEX_DIR: inject("sharedIndexDir") });

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "study-assistant-hostile-cli-"));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/**
 * Terminal controls in `text` (ESC starts colours, title changes and cursor moves; BEL; the C1
 * CSI), each shown JSON-escaped with its surroundings; empty when there is none.
 */
function terminalControls(text: string): string[] {
  const found: string[] = [];
  [...text].forEach((character, position, characters) => {
    if (["\u001b", "\u0007", "\u009b"].includes(character)) {
      found.push(
        JSON.stringify(characters.slice(Math.max(0, position - 10), position + 10).join("")),
      );
    }
  });
  return found;
}
const STACK_FRAME = /\n\s+at |node_modules|\.ts:\d+:\d+/;

/** README: errors are one line on stderr (a stack trace only with DEBUG=1, for unexpected failures). */
function expectOneLineError(
  expect: ExpectStatic,
  result: CliResult,
  code: number,
  message: RegExp,
) {
  expect(result.code).toBe(code);
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stdout).toBe("");
}

const lineErrorSchema = z.strictObject({ id: z.string().optional(), error: z.string().min(1) });

// In-process runs of the CLI (tests/cli/cli.test.ts runs the real binary); they share stdout, so one at a time.
describe("ask with hostile arguments", () => {
  it("cleans control, zero-width and bidi characters out of the question", async ({ expect }) => {
    const question = "\u0001What\u0007 is\u200b DVC\u202e\ufeff used\b\u007f\u0085 for?\u2028";
    const result = await runCli(["ask", "--json", question], { env: env() });
    expect(result.code).toBe(0);
    const answer = answerSchema.parse(JSON.parse(result.stdout));
    expect(answer.question).toBe("What is DVC used for?");
    expect(answer.refused).toBe(false);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it("prints no terminal escape sequence that came in with the question", async ({ expect }) => {
    const question = "\u001b]0;pwned\u0007\u001b[2J\u001b[31mWhat is DVC used for?\u009b0m";
    const result = await runCli(["ask", question], { env: env() });
    expect(result.code).toBe(0);
    // Answered or refused (the refusal names words it did not find), never echoing the escapes.
    expect(result.stdout).toMatch(/Sources:|No answer/);
    expect(terminalControls(result.stdout)).toEqual([]);
  });

  it("rejects a question of nothing but control characters: exit 2, one line", async ({
    expect,
  }) => {
    const result = await runCli(["ask", "\u0001\u0002\u200b\u202e\u0085 \t"], { env: env() });
    expectOneLineError(expect, result, 2, /the question is empty; ask something about the roadmap/);
  });

  it("rejects a 100 KB question of emoji, RTL and combining text: exit 2, one line", async ({
    expect,
  }) => {
    const piece = "What is DVC? 👩‍💻 مرحبا e\u0301 ";
    const question = piece.repeat(Math.ceil(100_000 / Buffer.byteLength(piece)));
    expect(Buffer.byteLength(question)).toBeGreaterThanOrEqual(100_000);
    const result = await runCli(["ask", "--json", question], { env: env() });
    expectOneLineError(
      expect,
      result,
      2,
      new RegExp(
        `the question is ${question.length.toLocaleString("en-US")} characters; the limit is 2,000`,
      ),
    );
  });

  it("reports an input path that is a folder: exit 2, one line", async ({ expect }) => {
    const result = await runCli(["ask", "--input", workDir, "--json"], { env: env() });
    expectOneLineError(expect, result, 2, /cannot read .*: EISDIR/);
  });
});

describe("ask --input with a hostile JSONL file", () => {
  /** Deterministic bytes 0x80–0xff and controls, never a line break: one garbage line. */
  const garbage = (length: number, seed: number) => {
    const random = seededRandom(seed);
    const bytes = Buffer.alloc(length);
    for (let index = 0; index < length; index++) {
      let byte = Math.floor(random() * 256);
      if (byte === 0x0a || byte === 0x0d) byte = 0xff;
      bytes[index] = byte;
    }
    bytes[0] = 0xff;
    return bytes;
  };

  /** Input lines and what each must produce, in order. */
  const lines: Array<{ line: string | Buffer; expect: { id?: string; error?: RegExp } }> = [
    {
      line: JSON.stringify({ id: "ok-1", question: "What is DVC used for?" }),
      expect: { id: "ok-1" },
    },
    { line: '{"id":"cut","question":"What is ML', expect: { error: /^line 2: not valid JSON$/ } },
    { line: garbage(2000, 1), expect: { error: /^line 3: not valid JSON$/ } },
    { line: '{"question": 42}', expect: { error: /^line 4: expected \{"id", "question"\}/ } },
    { line: "[]", expect: { error: /^line 5: expected/ } },
    { line: "null", expect: { error: /^line 6: expected/ } },
    { line: '"just a string"', expect: { error: /^line 7: expected/ } },
    {
      line: '{"id":{"nested":true},"question":"What is DVC used for?"}',
      expect: { error: /^line 8: expected/ },
    },
    {
      line: JSON.stringify({
        id: "ctl",
        question: "\u0000\u0007What is\u200b MLflow\u202e for?\u001b[2J",
      }),
      expect: { id: "ctl" },
    },
    {
      line: JSON.stringify({ id: "empty", question: "\u200b\u200c\u0000" }),
      expect: { id: "empty", error: /^the question is empty; ask something about the roadmap$/ },
    },
    {
      line: '{"id":"proto","question":"What is DVC used for?","__proto__":{"polluted":true}}',
      expect: { id: "proto" },
    },
    {
      line: JSON.stringify({ id: "huge", question: "x".repeat(2_000_000) }),
      expect: { id: "huge", error: /^the question is 2,000,000 characters; the limit is 2,000$/ },
    },
    { line: `{${"a".repeat(1_000_000)}`, expect: { error: /^line 13: not valid JSON$/ } },
    { line: "[".repeat(100_000), expect: { error: /^line 14: not valid JSON$/ } },
    { line: garbage(300, 2), expect: { error: /^line 15: not valid JSON$/ } },
    {
      line: `${JSON.stringify({ id: "crlf", question: "What is MLflow for?" })}\r`,
      expect: { id: "crlf" },
    },
    {
      line: JSON.stringify({ id: "ok-2", question: "Which hyperparameters matter for XGBoost?" }),
      expect: { id: "ok-2" },
    },
  ];

  const writeInput = async (name: string) => {
    const file = path.join(workDir, name);
    const parts: Buffer[] = [];
    for (const { line } of lines) parts.push(Buffer.from(line), Buffer.from("\n"));
    await writeFile(file, Buffer.concat(parts));
    return file;
  };

  it("answers the good lines, gives each bad line a one-line error object, and goes on", async ({
    expect,
  }) => {
    const file = await writeInput("hostile.jsonl");
    const result = await runCli(["ask", "--input", file, "--json"], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(result.stderr).not.toContain("unexpected failure");
    const output = result.stdout.trimEnd().split("\n");
    expect(output).toHaveLength(lines.length);
    output.forEach((text, position) => {
      const wanted = lines[position]?.expect ?? {};
      const value = JSON.parse(text) as Record<string, unknown>;
      if (wanted.error === undefined) {
        const answer = answerSchema.parse(value);
        expect(answer.id).toBe(wanted.id);
        expect(answer.question).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      } else {
        const problem = lineErrorSchema.parse(value);
        expect(problem.id).toBe(wanted.id);
        expect(problem.error).toMatch(wanted.error);
        // A clear message, not an echo of the hostile line.
        expect(problem.error.length).toBeLessThan(200);
      }
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  // In text mode each answer starts with `${id}: `; an id holding ESC/BEL sequences must not
  // reach the terminal raw.
  it("prints no terminal escape sequence from the file in text mode", async ({ expect }) => {
    const file = path.join(workDir, "escapes.jsonl");
    await writeFile(
      file,
      [
        JSON.stringify({ id: "\u001b]0;pwned\u0007\u001b[2J", question: "What is DVC used for?" }),
        JSON.stringify({ id: "plain", question: "\u001b[31mWhat is MLflow for?\u001b[0m" }),
      ].join("\n"),
    );
    const result = await runCli(["ask", "--input", file], { env: env() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Sources:");
    expect(terminalControls(result.stdout)).toEqual([]);
  });
});
