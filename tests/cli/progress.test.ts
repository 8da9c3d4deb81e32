import { afterEach, describe, expect, it, vi } from "vitest";
import { embeddingProgress, progress } from "../../src/cli/progress.ts";

/** What the reporter wrote to stderr, one entry per write. */
function captureStderr(): string[] {
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  return written;
}

describe("progress on a log (not a terminal)", () => {
  const tty = process.stderr.isTTY;
  afterEach(() => {
    vi.restoreAllMocks();
    process.stderr.isTTY = tty;
  });

  it("writes a line every quarter of each step and starts over when the step changes", () => {
    process.stderr.isTTY = false;
    const written = captureStderr();
    const stages = progress({ labelWidth: 17 });
    for (let done = 1; done <= 8; done++) stages.update("answering", done, 8);
    for (let done = 1; done <= 2; done++) stages.update("judging", done, 2);
    stages.stop();
    expect(written).toEqual([
      "answering: 2/8\n",
      "answering: 4/8\n",
      "answering: 6/8\n",
      "answering: 8/8\n",
      "judging: 1/2\n",
      "judging: 2/2\n",
    ]);
  });

  it("counts embedded chunks, and says nothing for a handful", () => {
    process.stderr.isTTY = false;
    const written = captureStderr();
    const small = embeddingProgress("Embedding");
    for (let done = 1; done <= 3; done++) small.onProgress(done, 3);
    small.stop();
    expect(written).toEqual([]);
    const large = embeddingProgress("Embedding");
    for (let done = 10; done <= 40; done += 10) large.onProgress(done, 40);
    large.stop();
    expect(written).toEqual([
      "Embedding: 10/40 chunks\n",
      "Embedding: 20/40 chunks\n",
      "Embedding: 30/40 chunks\n",
      "Embedding: 40/40 chunks\n",
    ]);
  });
});
