import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCorpus, loadMarkdownDocument } from "../../src/corpus/load-corpus.ts";
import { AppError } from "../../src/errors/app-error.ts";
import { InvalidCorpusFileError } from "../../src/errors/corpus-errors.ts";
import { projectPath } from "../support/project-root.ts";
import { TempDir } from "../support/temp-dir.ts";

/** Runs `promise`, expecting it to fail with an `InvalidCorpusFileError`, and returns that error. */
async function corpusError(promise: Promise<unknown>): Promise<InvalidCorpusFileError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(InvalidCorpusFileError);
  return error as InvalidCorpusFileError;
}

describe("loadCorpus on the project's corpus", () => {
  it("loads corpus/roadmap.md with its front matter and a hash of its bytes", async () => {
    const documents = await loadCorpus(projectPath("corpus"));
    const roadmap = documents.find((document) => document.source === "corpus/roadmap.md");
    expect(roadmap).toBeDefined();
    expect(documents.every((document) => document.source.startsWith("corpus/"))).toBe(true);
    const bytes = await readFile(projectPath("corpus/roadmap.md"));
    expect(roadmap?.title).toBe(
      "Machine Learning Roadmap 2026: A 12-Month Path from Fundamentals to Job Readiness",
    );
    expect(roadmap?.kind).toBe("roadmap");
    expect(roadmap?.origin).toMatch(/roadmap/);
    expect(roadmap?.contentHash).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(roadmap?.body.startsWith("---")).toBe(false);
    expect(roadmap?.body).toContain("## FAQs");
    expect(roadmap?.path).toBe(projectPath("corpus/roadmap.md"));
  });
});

describe("loadCorpus on made-up folders", () => {
  let temp: TempDir;
  beforeEach(async () => {
    temp = await TempDir.create();
  });
  afterEach(async () => {
    await temp.remove();
  });

  it("finds Markdown in nested folders, sorted by path, and ignores other files", async () => {
    await temp.write("corpus/tutorials/python.md", "# Python\n\nLearn Python.\n");
    await temp.write("corpus/b.md", "B\n");
    await temp.write("corpus/a.markdown", "A\n");
    await temp.write("corpus/tutorials/deep/zeta.md", "Z\n");
    await temp.write("corpus/notes.txt", "not Markdown\n");
    const documents = await loadCorpus(temp.join("corpus"));
    expect(documents.map((document) => document.source)).toEqual([
      "corpus/a.markdown",
      "corpus/b.md",
      "corpus/tutorials/deep/zeta.md",
      "corpus/tutorials/python.md",
    ]);
  });

  it("names a document after its file and kind `document` without front matter", async () => {
    await temp.write("corpus/intro-notes.md", "Plain text.\n");
    const [document] = await loadCorpus(temp.join("corpus"));
    expect(document?.title).toBe("intro-notes");
    expect(document?.kind).toBe("document");
    expect(document?.origin).toBeUndefined();
    expect(document?.body).toBe("Plain text.\n");
  });

  it("changes the hash when a file changes and keeps it when it does not", async () => {
    const file = await temp.write("corpus/a.md", "One.\n");
    const first = await loadMarkdownDocument(file, "corpus/a.md");
    const again = await loadMarkdownDocument(file, "corpus/a.md");
    await temp.write("corpus/a.md", "Two.\n");
    const changed = await loadMarkdownDocument(file, "corpus/a.md");
    expect(again.contentHash).toBe(first.contentHash);
    expect(changed.contentHash).not.toBe(first.contentHash);
    expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects a file that is not valid UTF-8, naming the file", async () => {
    await temp.write("corpus/good.md", "Fine.\n");
    await temp.write(
      "corpus/latin1.md",
      Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6d, 0x65, 0x6e, 0x75, 0x0a]),
    );
    const error = await corpusError(loadCorpus(temp.join("corpus")));
    expect(error.message).toContain("corpus/latin1.md");
    expect(error.message).toContain("UTF-8");
    expect(error.file).toBe("corpus/latin1.md");
    expect(error.code).toBe("invalid_corpus_file");
    expect(error).toBeInstanceOf(AppError);
  });

  it("rejects front matter that is not valid YAML, naming the file", async () => {
    await temp.write("corpus/broken.md", "---\ntitle: [unclosed\n---\nBody.\n");
    const error = await corpusError(loadCorpus(temp.join("corpus")));
    expect(error.message).toContain("corpus/broken.md");
    expect(error.message).toMatch(/YAML/);
  });

  it("rejects front matter of the wrong shape", async () => {
    await temp.write("corpus/shape.md", "---\ntitle: 42\n---\nBody.\n");
    const error = await corpusError(loadCorpus(temp.join("corpus")));
    expect(error.message).toContain("corpus/shape.md");
    expect(error.message).toContain("title");
  });

  it("rejects a file with NUL bytes", async () => {
    await temp.write("corpus/binary.md", "text\u0000more\n");
    const error = await corpusError(loadCorpus(temp.join("corpus")));
    expect(error.message).toContain("corpus/binary.md");
  });

  it("rejects a folder without Markdown files", async () => {
    await temp.mkdir("corpus/empty-subfolder");
    await temp.write("corpus/readme.txt", "no markdown here\n");
    const error = await corpusError(loadCorpus(temp.join("corpus")));
    expect(error.message).toMatch(/no Markdown/);
  });

  it("rejects a folder that does not exist", async () => {
    const error = await corpusError(loadCorpus(temp.join("missing")));
    expect(error.message).toContain(temp.join("missing"));
    expect(error.message).toMatch(/not a folder/);
  });

  it("rejects a path that is a file, not a folder", async () => {
    const file = await temp.write("corpus.md", "A file.\n");
    await corpusError(loadCorpus(file));
  });
});
