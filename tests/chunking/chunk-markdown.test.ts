import { beforeAll, describe, expect, it } from "vitest";
import { quotableUnits } from "../../src/answer/quotable-units.ts";
import { type Chunk, DEFAULT_CHUNKER_SETTINGS, indexText } from "../../src/chunking/chunk.ts";
import { chunkMarkdown } from "../../src/chunking/chunk-markdown.ts";
import type { CorpusDocument } from "../../src/corpus/corpus-document.ts";
import { loadCorpus } from "../../src/corpus/load-corpus.ts";
import { countTokens, splitSentences } from "../../src/text/sentences.ts";
import { projectPath } from "../support/project-root.ts";

function syntheticDocument(body: string, title = "Synthetic Notes"): CorpusDocument {
  return {
    source: "corpus/synthetic.md",
    path: "/nowhere/synthetic.md",
    title,
    kind: "document",
    body,
    contentHash: "0".repeat(64),
  };
}

/** Prose lines of a Markdown body: not headings, table rows, fences or blank; list markers off. */
function proseLines(body: string): string[] {
  return (
    body
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith("#") && !line.startsWith("|"))
      .map((line) => line.replace(/^- /, ""))
      // Chunks hold a link's text, not its Markdown ("[Python tutorial](tutorials/…)").
      .map((line) => line.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1"))
  );
}

let roadmap: CorpusDocument;
let chunks: Chunk[];
const rowWith = (first: string) =>
  chunks.find((chunk) => chunk.kind === "table-row" && chunk.cells?.[0]?.value === first);

beforeAll(async () => {
  const documents = await loadCorpus(projectPath("corpus"));
  const found = documents.find((document) => document.source === "corpus/roadmap.md");
  if (found === undefined) throw new Error("corpus/roadmap.md is missing");
  roadmap = found;
  chunks = chunkMarkdown(roadmap, DEFAULT_CHUNKER_SETTINGS);
});

describe("chunkMarkdown on the roadmap", () => {
  it("records source, title and position of every chunk", () => {
    expect(chunks.length).toBeGreaterThan(100);
    chunks.forEach((chunk, position) => {
      expect(chunk.source).toBe("corpus/roadmap.md");
      expect(chunk.title).toBe(roadmap.title);
      expect(chunk.position).toBe(position);
      expect(chunk.text.trim()).not.toBe("");
    });
  });

  it("gives text before the first heading the document title as its section", () => {
    expect(chunks[0]?.section).toBe(roadmap.title);
    expect(chunks[0]?.text).toMatch(/^Machine learning is one of the most valuable skills/);
  });

  it("carries the heading path of each chunk", () => {
    expect(rowWith("DVC")?.section).toBe(
      "Step 5: Learn Model Deployment and MLOps > MLOps Essentials",
    );
    const docker = chunks.find((chunk) => chunk.text.startsWith("Docker packages your model"));
    expect(docker?.section).toBe("Step 5: Learn Model Deployment and MLOps > Docker for ML");
    // A new level-2 heading closes the level-3 heading above it.
    const conclusion = chunks.find((chunk) =>
      chunk.text.startsWith("Machine learning is a long-term"),
    );
    expect(conclusion?.section).toBe("Conclusion");
    expect(indexText(docker ?? { section: "", text: "" })).toMatch(/^Step 5: .+ > Docker for ML\n/);
  });

  it("makes one chunk per table row, each cell labelled by its column header", () => {
    const dvc = rowWith("DVC");
    expect(dvc?.text).toContain("Tool: DVC");
    expect(dvc?.text).toContain("Purpose: Data and model version control");
    expect(dvc?.text).toContain("Why It Matters: Tracks datasets and model files alongside Git");
    expect(dvc?.text).not.toContain("|");
    expect(dvc?.cells).toEqual([
      { header: "Tool", value: "DVC" },
      { header: "Purpose", value: "Data and model version control" },
      { header: "Why It Matters", value: "Tracks datasets and model files alongside Git" },
    ]);
  });

  it("keeps the MLflow and DVC rows apart", () => {
    const mlflow = rowWith("MLflow");
    const dvc = rowWith("DVC");
    expect(mlflow).toBeDefined();
    expect(dvc).toBeDefined();
    expect(mlflow?.id).not.toBe(dvc?.id);
    expect(mlflow?.text).not.toContain("DVC");
    expect(dvc?.text).not.toContain("MLflow");
  });

  it("has as many table-row chunks as the roadmap has table body rows", () => {
    const tableLines = roadmap.body.split("\n").filter((line) => line.startsWith("|"));
    const separators = tableLines.filter((line) => /^\|[-| :]+\|$/.test(line)).length;
    const bodyRows = tableLines.length - 2 * separators;
    expect(chunks.filter((chunk) => chunk.kind === "table-row")).toHaveLength(bodyRows);
  });

  it("keeps each FAQ question with its whole answer in one chunk", () => {
    const lines = roadmap.body.split("\n");
    const faqStart = lines.indexOf("## FAQs");
    const questions: Array<{ question: string; answer: string }> = [];
    for (let index = faqStart + 1; index < lines.length; index++) {
      const line = lines[index] ?? "";
      if (!line.startsWith("### ")) continue;
      const answer: string[] = [];
      for (let next = index + 1; next < lines.length && !lines[next]?.startsWith("#"); next++) {
        if ((lines[next] ?? "").trim() !== "") answer.push((lines[next] ?? "").trim());
      }
      questions.push({ question: line.slice(4), answer: answer.join("\n") });
    }
    expect(questions).toHaveLength(12);
    const faqChunks = chunks.filter((chunk) => chunk.kind === "faq");
    expect(faqChunks).toHaveLength(12);
    for (const { question, answer } of questions) {
      const chunk = faqChunks.find((candidate) => candidate.text.startsWith(`${question}\n`));
      expect(chunk, question).toBeDefined();
      expect(chunk?.text).toBe(`${question}\n${answer}`);
      expect(chunk?.section).toBe(`FAQs > ${question}`);
    }
  });

  it("keeps every prose chunk within maxTokens unless it is a single sentence", () => {
    for (const maxTokens of [DEFAULT_CHUNKER_SETTINGS.maxTokens, 60, 40]) {
      const cut = chunkMarkdown(roadmap, { maxTokens });
      for (const chunk of cut.filter((candidate) => candidate.kind === "prose")) {
        const tokens = countTokens(chunk.text);
        if (tokens > maxTokens) expect(splitSentences(chunk.text), chunk.text).toHaveLength(1);
      }
    }
  });

  it("never splits a sentence across chunks", () => {
    const sentences = proseLines(roadmap.body).flatMap((line) => splitSentences(line));
    expect(sentences.length).toBeGreaterThan(200);
    for (const maxTokens of [DEFAULT_CHUNKER_SETTINGS.maxTokens, 40]) {
      const texts = chunkMarkdown(roadmap, { maxTokens }).map((chunk) => chunk.text);
      const missing = sentences.filter(
        (sentence) => !texts.some((text) => text.includes(sentence)),
      );
      expect(missing, `maxTokens ${maxTokens}`).toEqual([]);
    }
  });

  it("gives unique ids that are the same on every run", () => {
    const ids = chunks.map((chunk) => chunk.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(chunkMarkdown(roadmap, DEFAULT_CHUNKER_SETTINGS).map((chunk) => chunk.id)).toEqual(ids);
  });

  it("changes only the ids of chunks holding an edited paragraph", () => {
    const original = "Docker packages your model, dependencies, runtime, and API";
    const edited = "Docker bundles your model, dependencies, runtime, and API";
    expect(roadmap.body).toContain(original);
    const changed = chunkMarkdown(
      { ...roadmap, body: roadmap.body.replace(original, edited) },
      DEFAULT_CHUNKER_SETTINGS,
    );
    expect(changed).toHaveLength(chunks.length);
    chunks.forEach((chunk, position) => {
      const after = changed[position];
      if (chunk.text.includes(original)) {
        expect(after?.id).not.toBe(chunk.id);
        expect(after?.text).toContain(edited);
      } else {
        expect(after?.id).toBe(chunk.id);
      }
    });
  });

  it("keeps ids unique when the same passage appears twice in one section", () => {
    const cut = chunkMarkdown(
      syntheticDocument("## A\n\n| X |\n|---|\n| same |\n| same |\n"),
      DEFAULT_CHUNKER_SETTINGS,
    );
    expect(cut).toHaveLength(2);
    expect(cut[0]?.id).not.toBe(cut[1]?.id);
  });
});

describe("chunkMarkdown on synthetic documents", () => {
  it("splits an oversized paragraph at sentence boundaries", () => {
    const sentences = Array.from(
      { length: 24 },
      (_, index) => `Sentence number ${index + 1} talks about gradient descent and learning rates.`,
    );
    const cut = chunkMarkdown(syntheticDocument(`## Long\n\n${sentences.join(" ")}\n`), {
      maxTokens: 50,
    });
    expect(cut.length).toBeGreaterThan(3);
    for (const chunk of cut) {
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(50);
      expect(chunk.section).toBe("Long");
    }
    // Every sentence lands whole, once, and in order.
    const rejoined = cut.flatMap((chunk) => splitSentences(chunk.text));
    expect(rejoined).toEqual(sentences);
  });

  it("keeps a sentence up to twice the budget whole and cuts a longer one between words", () => {
    const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`);
    const sentence = `${words(18).join(" ")}.`;
    const whole = chunkMarkdown(syntheticDocument(`${sentence}\n`), { maxTokens: 10 });
    expect(whole.map((chunk) => chunk.text)).toEqual([sentence]);
    const long = `${words(40).join(" ")}.`;
    const cut = chunkMarkdown(syntheticDocument(`${long}\n`), { maxTokens: 10 });
    expect(cut.map((chunk) => chunk.text).join(" ")).toBe(long);
    expect(cut.length).toBeGreaterThan(3);
    for (const chunk of cut) expect(countTokens(chunk.text)).toBeLessThanOrEqual(10);
  });

  it("packs short paragraphs of one section together up to the budget", () => {
    const cut = chunkMarkdown(
      syntheticDocument("## S\n\nFirst short paragraph.\n\nSecond short paragraph.\n"),
      DEFAULT_CHUNKER_SETTINGS,
    );
    expect(cut.map((chunk) => chunk.text)).toEqual([
      "First short paragraph.\nSecond short paragraph.",
    ]);
  });

  it("reduces inline Markdown to its text", () => {
    const cut = chunkMarkdown(
      syntheticDocument(
        "## Tools\n\nTrack runs with [MLflow](https://mlflow.org), **version data** with _DVC_ and run `pip install dvc` in Q&amp;A.\n",
      ),
      DEFAULT_CHUNKER_SETTINGS,
    );
    expect(cut.map((chunk) => chunk.text)).toEqual([
      "Track runs with MLflow, version data with DVC and run pip install dvc in Q&A.",
    ]);
  });

  it("reduces inline Markdown in headings and table cells too", () => {
    const cut = chunkMarkdown(
      syntheticDocument(
        "## The **Tools**\n\n| *Tool* | Link |\n|---|---|\n| `DVC` | [site](https://dvc.org) |\n",
      ),
      DEFAULT_CHUNKER_SETTINGS,
    );
    expect(cut).toHaveLength(1);
    expect(cut[0]?.section).toBe("The Tools");
    expect(cut[0]?.text).toBe("Tool: DVC; Link: site");
  });

  it("keeps code blocks with their fences and content", () => {
    const code = "import numpy as np\nprint(np.zeros(3))";
    const cut = chunkMarkdown(
      syntheticDocument(`## Code\n\nInstall it first.\n\n\`\`\`python\n${code}\n\`\`\`\n`),
      DEFAULT_CHUNKER_SETTINGS,
    );
    const text = cut.map((chunk) => chunk.text).join("\n");
    expect(text).toContain(`\`\`\`python\n${code}\n\`\`\``);
    expect(text).toContain("Install it first.");
  });

  it("cuts a long code block between lines and fences every piece again", () => {
    const lines = Array.from(
      { length: 40 },
      (_, index) =>
        `    ("step_${index}", Pipeline([("impute", SimpleImputer(strategy="median"))])),`,
    );
    const settings = { maxTokens: 60 };
    const cut = chunkMarkdown(
      syntheticDocument(
        `## Code\n\n\`\`\`python\n${lines.join("\n")}\n\`\`\`\n\nAfter the code.\n`,
      ),
      settings,
    );
    const code = cut.filter((chunk) => chunk.text.includes("step_"));
    expect(code.length).toBeGreaterThan(1);
    for (const chunk of code) {
      // Starts with its own fence and closes it: no chunk begins or ends inside the code.
      expect(chunk.text).toMatch(/^```python\n[\s\S]*\n```(\n|$)/);
      expect(chunk.text.split("\n").filter((line) => line.startsWith("```")).length % 2).toBe(0);
      expect(countTokens(chunk.text)).toBeLessThanOrEqual(settings.maxTokens);
    }
    // Every line is kept whole, once, in order.
    const kept = code.flatMap((chunk) =>
      chunk.text.split("\n").filter((line) => line.includes("step_")),
    );
    expect(kept).toEqual(lines);
    expect(cut.at(-1)?.text.endsWith("```\nAfter the code.")).toBe(true);
    // No piece of the code is quotable as prose.
    expect(code.flatMap((chunk) => quotableUnits(chunk)).map((unit) => unit.text)).toEqual([
      "After the code.",
    ]);
  });

  it("gives text before any heading the document title as section, and skips a title heading", () => {
    const cut = chunkMarkdown(
      syntheticDocument(
        "Opening words.\n\n# Synthetic Notes\n\nUnder the title.\n\n## Part\n\nIn a part.\n",
      ),
      DEFAULT_CHUNKER_SETTINGS,
    );
    expect(cut.map((chunk) => [chunk.section, chunk.text])).toEqual([
      ["Synthetic Notes", "Opening words."],
      ["Synthetic Notes", "Under the title."],
      ["Part", "In a part."],
    ]);
  });

  it("numbers ordered list items and marks bullets", () => {
    const cut = chunkMarkdown(
      syntheticDocument("## Steps\n\n3. Learn Python\n4. Learn SQL\n\n- NumPy\n- Pandas\n"),
      DEFAULT_CHUNKER_SETTINGS,
    );
    expect(cut.map((chunk) => chunk.text)).toEqual([
      "3. Learn Python\n4. Learn SQL\n- NumPy\n- Pandas",
    ]);
  });

  it("treats question headings outside an FAQ section as prose", () => {
    const cut = chunkMarkdown(
      syntheticDocument("## Why learn ML?\n\nBecause it is useful.\n"),
      DEFAULT_CHUNKER_SETTINGS,
    );
    expect(cut.map((chunk) => chunk.kind)).toEqual(["prose"]);
  });
});
