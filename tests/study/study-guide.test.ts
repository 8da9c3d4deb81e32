import { describe, expect, it } from "vitest";
import { extractSteps } from "../../src/study/extract-steps.ts";
import { studyGuide } from "../../src/study/study-guide.ts";
import { committedChunks } from "./study-fixtures.ts";

const chunks = committedChunks();
const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));

describe("the extractive study guide", () => {
  it("quotes every key idea and milestone word for word from the passage its marker cites", async () => {
    for (const step of extractSteps(chunks)) {
      const guide = await studyGuide(chunks, step.n);
      if (guide === undefined) throw new Error(`no guide for step ${step.n}`);
      expect(guide.generator).toBe("extractive");
      expect(guide.citations.map((citation) => citation.n)).toEqual(
        guide.citations.map((_citation, position) => position + 1),
      );
      for (const citation of guide.citations) {
        expect(byId.get(citation.chunkId)?.text).toBe(citation.text);
      }
      const lines = guide.markdown.split("\n");
      let section = "";
      for (const line of lines) {
        if (line.startsWith("## ")) section = line;
        const marked = /^(?:- )?(.+) \[(\d+)\]$/.exec(line);
        if (marked === null) continue;
        const citation = guide.citations.find((candidate) => candidate.n === Number(marked[2]));
        expect(citation, line).toBeDefined();
        if (section === "## Key ideas" || section === "## Milestone") {
          expect(citation?.text, line).toContain(marked[1]);
        }
      }
      expect(guide.markdown).toContain(`# Step ${step.n}: ${step.title}`);
      expect(guide.markdown).toContain("## Milestone");
    }
  });

  it("covers tools, the milestone, projects, FAQ entries and tutorial sections of the step", async () => {
    const guide = await studyGuide(chunks, 5);
    expect(guide?.markdown).toContain(
      "- DVC — purpose: Data and model version control; why it matters: Tracks datasets and model files alongside Git",
    );
    expect(guide?.markdown).toContain("## From the FAQ");
    expect(guide?.markdown).toContain("## Go deeper in the tutorials");
    expect(guide?.citations.some((citation) => citation.source.includes("mlops-roadmap"))).toBe(
      true,
    );
    const projects = await studyGuide(chunks, 6);
    expect(projects?.markdown).toContain("## Projects");
    expect(projects?.markdown).toContain("End-to-End Fraud Detection — stack:");
    expect(await studyGuide(chunks, 8)).toBeUndefined();
  });
});
