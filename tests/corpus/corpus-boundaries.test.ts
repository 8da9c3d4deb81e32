import { symlink } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus/load-corpus.ts";
import { loadSources, MAX_CORPUS_FILE_BYTES } from "../../src/corpus/load-sources.ts";
import { InvalidCorpusFileError } from "../../src/errors/corpus-errors.ts";
import { TempDir } from "../support/temp-dir.ts";

let temp: TempDir;
beforeEach(async () => {
  temp = await TempDir.create();
});
afterEach(async () => {
  await temp.remove();
});

async function corpusError(promise: Promise<unknown>): Promise<InvalidCorpusFileError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(InvalidCorpusFileError);
  return error as InvalidCorpusFileError;
}

const sources = (entries: unknown[]) =>
  temp.write("corpus/sources.json", JSON.stringify({ sources: entries }));

describe("corpus paths stay inside the corpus after resolving symlinks", () => {
  beforeEach(async () => {
    await temp.write("outside/secret.txt", "ID=debian\nPRETTY_NAME=secret host details\n");
    await temp.write("corpus/notes.md", "# Notes\n\nDVC versions data.\n");
    await symlink(temp.join("outside/secret.txt"), temp.join("corpus/link.txt"));
  });

  it("refuses a listed path that is a symlink to a file outside, naming the entry", async () => {
    await sources([{ path: "notes.md" }, { path: "link.txt" }]);
    const error = await corpusError(loadSources(temp.join("corpus")));
    expect(error.message).toMatch(/"link\.txt"/);
    expect(error.message).toMatch(/outside the corpus folder/);
  });

  it("refuses a glob match that is a symlink to a file outside", async () => {
    await sources([{ glob: "*.txt" }]);
    const error = await corpusError(loadSources(temp.join("corpus")));
    expect(error.message).toMatch(/link\.txt/);
    expect(error.message).toMatch(/outside the corpus folder/);
  });

  it("refuses a path through a symlinked folder that leads outside", async () => {
    await symlink(temp.join("outside"), temp.join("corpus/elsewhere"));
    await sources([{ path: "elsewhere/secret.txt" }]);
    const error = await corpusError(loadSources(temp.join("corpus")));
    expect(error.message).toMatch(/"elsewhere\/secret\.txt"/);
  });

  it("accepts a symlink that stays inside the corpus", async () => {
    await symlink(temp.join("corpus/notes.md"), temp.join("corpus/alias.md"));
    await sources([{ path: "alias.md" }]);
    const { documents } = await loadSources(temp.join("corpus"));
    expect(documents.map((document) => document.body)).toEqual(["# Notes\n\nDVC versions data.\n"]);
  });
});

describe("maximum corpus file size", () => {
  const big = () => `# Big\n\n${"word ".repeat(Math.ceil((MAX_CORPUS_FILE_BYTES + 10) / 5))}\n`;

  it("is 5 MB", () => {
    expect(MAX_CORPUS_FILE_BYTES).toBe(5 * 1024 * 1024);
  });

  it("refuses a listed file over the limit, naming the file, its size and the limit", async () => {
    await temp.write("corpus/big.md", big());
    await sources([{ path: "big.md" }]);
    const error = await corpusError(loadSources(temp.join("corpus")));
    expect(error.message).toMatch(
      /^corpus\/big\.md: is 5\.0 MB; the limit for a corpus file is 5\.0 MB/,
    );
  });

  it("refuses a Markdown file over the limit in a corpus without sources.json", async () => {
    await temp.write("corpus/big.md", big());
    const error = await corpusError(loadCorpus(temp.join("corpus")));
    expect(error.message).toMatch(
      /corpus\/big\.md: is .* MB; the limit for a corpus file is 5\.0 MB/,
    );
  });
});
