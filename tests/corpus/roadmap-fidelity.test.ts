import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { projectPath, projectRoot } from "../support/project-root.ts";

/** Lines of the supplied article that are advertising, removed from the corpus on purpose. */
const PROMOTIONAL_LINES = [
  "Take live expert-led classes free — jumpstart your learning.",
  "Scaler Masterclasses",
  "Learn from industry experts and accelerate your career with hands-on, interactive sessions.",
];

// The article as the project owner gave it (shared/seed/roadmap.txt), copied into the repo so the
// check runs wherever the repo is cloned; a test below keeps the copy equal to shared/ when present.
const seedCopy = path.resolve(projectRoot, "tests/fixtures/roadmap.seed.txt");
const sharedSeed = path.resolve(projectRoot, "../shared/seed/roadmap.txt");
const seed = readFileSync(seedCopy, "utf8");
const seedLines = seed
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line.length > 0);
const roadmapFile = readFileSync(projectPath("corpus/roadmap.md"), "utf8");
const roadmap = matter(roadmapFile, {});
/** A Markdown link `[text](target)`; the article's words are its text. */
const MARKDOWN_LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
/** A line as the reader sees it: each Markdown link replaced by its text. */
const visibleText = (line: string) => line.replace(MARKDOWN_LINK, "$1");
const rawBodyLines = roadmap.content.split(/\r?\n/).map((line) => line.trimEnd());
const bodyLines = rawBodyLines.map(visibleText);
const bodyLineSet = new Set(bodyLines);
const withoutHeadingMarker = new Set(bodyLines.map((line) => line.replace(/^#{2,3} /, "")));

const isTableRow = (line: string) => /^\|.*\|$/.test(line);

describe("corpus/roadmap.md keeps the supplied article word for word", () => {
  const contentLines = seedLines.filter((line) => !PROMOTIONAL_LINES.includes(line));

  it.runIf(existsSync(sharedSeed))("uses a copy equal to shared/seed/roadmap.txt", () => {
    expect(seed).toBe(readFileSync(sharedSeed, "utf8"));
  });

  it("reads a seed with content and the three promotional lines", () => {
    expect(contentLines.length).toBeGreaterThan(250);
    for (const promo of PROMOTIONAL_LINES) expect(seedLines).toContain(promo);
  });

  it("has every table row of the article as an identical line", () => {
    const missing = contentLines.filter((line) => isTableRow(line) && !bodyLineSet.has(line));
    expect(missing).toEqual([]);
  });

  it("has every other line of the article, verbatim or as a heading", () => {
    const missing = contentLines.filter(
      (line) => !isTableRow(line) && !bodyLineSet.has(line) && !withoutHeadingMarker.has(line),
    );
    expect(missing).toEqual([]);
  });

  it("keeps the article's order of lines", () => {
    let cursor = 0;
    const outOfOrder: string[] = [];
    for (const line of contentLines) {
      const found = bodyLines.findIndex(
        (candidate, index) => index >= cursor && candidate.replace(/^#{2,3} /, "") === line,
      );
      if (found === -1) outOfOrder.push(line);
      else cursor = found + 1;
    }
    expect(outOfOrder).toEqual([]);
  });

  it("leaves out the promotional lines", () => {
    for (const promo of PROMOTIONAL_LINES) expect(roadmap.content).not.toContain(promo);
  });

  it("adds no prose of its own: every text line comes from the article", () => {
    const seedSet = new Set(seedLines);
    const added = bodyLines.filter((line) => {
      if (line.trim() === "" || /^\|[-| :]+\|$/.test(line)) return false;
      return !seedSet.has(line.replace(/^#{2,3} /, ""));
    });
    expect(added).toEqual([]);
  });
});

describe("corpus/roadmap.md links its recommended internal resources", () => {
  /** The article's "Recommended internal resource" lines and the tutorial each one links to. */
  const RESOURCE_LINKS = [
    ["Python tutorial", "tutorials/python-for-machine-learning.md"],
    ["Deep learning and machine learning", "tutorials/deep-learning-and-machine-learning.md"],
    ["MLOps roadmap", "tutorials/mlops-roadmap.md"],
  ] as const;
  const links = rawBodyLines.flatMap((line) =>
    [...line.matchAll(MARKDOWN_LINK)].map(([, text, target]) => [text, target]),
  );

  it.each(RESOURCE_LINKS)("links [%s] to %s, an existing file", (text, target) => {
    const line = `Recommended internal resource: [${text}](${target})`;
    expect(rawBodyLines).toContain(line);
    expect(seedLines).toContain(`Recommended internal resource: ${text}`);
    const file = path.resolve(path.dirname(projectPath("corpus/roadmap.md")), target);
    expect(existsSync(file) && statSync(file).isFile(), file).toBe(true);
  });

  it("adds no other links", () => {
    expect(links).toEqual(RESOURCE_LINKS.map(([text, target]) => [text, target]));
  });

  it("records the added links in the front matter", () => {
    expect(String(roadmap.data.edits)).toMatch(/link/i);
  });
});

describe("corpus/roadmap.md front matter", () => {
  it("names the title, source and kind", () => {
    expect(roadmap.data.title).toEqual(expect.stringMatching(/Machine Learning Roadmap/));
    expect(roadmap.data.source).toEqual(expect.stringMatching(/\S/));
    expect(roadmap.data.kind).toBe("roadmap");
  });

  it("records the removal of each promotional line", () => {
    const recorded = Object.values(roadmap.data)
      .filter((value): value is string => typeof value === "string")
      .join("\n");
    expect(recorded).toMatch(/remov/i);
    for (const promo of PROMOTIONAL_LINES) expect(recorded).toContain(promo);
  });
});

describe("corpus/roadmap.md Markdown structure", () => {
  /** Runs of consecutive table lines. */
  const tables: string[][] = [];
  let current: string[] = [];
  for (const line of [...bodyLines, ""]) {
    if (isTableRow(line)) current.push(line);
    else if (current.length > 0) {
      tables.push(current);
      current = [];
    }
  }
  const cellCount = (line: string) => line.split("|").length - 2;

  it("has the article's tables", () => {
    expect(tables.length).toBeGreaterThanOrEqual(15);
  });

  it("gives every table a header separator row matching its columns", () => {
    for (const table of tables) {
      const [header, separator, ...rows] = table;
      expect(separator, `table under "${header}"`).toMatch(/^\|(\s*:?-{3,}:?\s*\|)+$/);
      expect(cellCount(separator ?? "")).toBe(cellCount(header ?? ""));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(cellCount(row), row).toBe(cellCount(header ?? ""));
    }
  });

  it("makes every FAQ question a heading under the FAQs heading", () => {
    const faqStart = seedLines.indexOf("FAQs");
    expect(faqStart).toBeGreaterThan(0);
    const questions = seedLines.slice(faqStart + 1).filter((line) => /^\d+\. .+\?$/.test(line));
    expect(questions).toHaveLength(12);
    const faqHeading = bodyLines.indexOf("## FAQs");
    expect(faqHeading).toBeGreaterThan(0);
    for (const question of questions) {
      const position = bodyLines.indexOf(`### ${question}`);
      expect(position, question).toBeGreaterThan(faqHeading);
    }
  });
});
