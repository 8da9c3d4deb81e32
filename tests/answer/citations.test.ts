import { describe, expect, it } from "vitest";
import { resolveCitations } from "../../src/answer/citations.ts";
import type { Passage } from "../../src/answer/generator.ts";
import { makeChunk } from "../support/chunks.ts";

const passages: Passage[] = [
  makeChunk("c-python", "Programming", "Python is the best language to start with."),
  makeChunk("c-docker", "Step 5 > Docker for ML", "Docker packages your model."),
  makeChunk(
    "c-dvc",
    "Step 5 > MLOps Essentials",
    "Tool: DVC; Purpose: Data and model version control",
    "table-row",
  ),
].map((chunk, index) => ({ n: index + 1, chunk, score: 1 - index / 10 }));

/*
 * Markers keep the numbers of the passages shown to the writer (so markers already streamed keep
 * their meaning); citations are listed in order of first use.
 */
describe("resolveCitations", () => {
  it("lists citations in order of first use, keeping each passage's number", () => {
    const resolved = resolveCitations("Use DVC. [3] Start with Python. [1]", passages);
    expect(resolved.text).toBe("Use DVC. [3] Start with Python. [1]");
    expect(resolved.citations.map((citation) => [citation.n, citation.chunkId])).toEqual([
      [3, "c-dvc"],
      [1, "c-python"],
    ]);
    expect(resolved.dropped).toBe(0);
  });

  it("gives a repeated marker one citation", () => {
    const resolved = resolveCitations("A [2] B [3] C [2] D [3][2]", passages);
    expect(resolved.text).toBe("A [2] B [3] C [2] D [3][2]");
    expect(resolved.citations.map((citation) => citation.chunkId)).toEqual(["c-docker", "c-dvc"]);
  });

  it("removes markers that point at no shown passage and counts them", () => {
    const resolved = resolveCitations("Use DVC. [7] Use Docker. [2] Also this [0].", passages);
    expect(resolved.text).toBe("Use DVC. Use Docker. [2] Also this.");
    expect(resolved.dropped).toBe(2);
    expect(resolved.citations.map((citation) => citation.chunkId)).toEqual(["c-docker"]);
  });

  it("only cites passages whose marker was used", () => {
    const resolved = resolveCitations("Docker packages your model. [2]", passages);
    expect(resolved.citations).toHaveLength(1);
    for (const citation of resolved.citations) {
      expect(resolved.text).toContain(`[${citation.n}]`);
    }
  });

  it("carries chunk id, source, title, section and text of the cited passage", () => {
    const [citation] = resolveCitations("Version data with DVC [3].", passages).citations;
    expect(citation).toEqual({
      n: 3,
      chunkId: "c-dvc",
      source: "corpus/test.md",
      title: "Test Notes",
      section: "Step 5 > MLOps Essentials",
      text: "Tool: DVC; Purpose: Data and model version control",
    });
  });

  it("leaves text without markers alone", () => {
    expect(resolveCitations("  No markers here.  ", passages)).toEqual({
      text: "No markers here.",
      citations: [],
      dropped: 0,
    });
  });

  it("drops every marker when no passage was shown", () => {
    const resolved = resolveCitations("Claim [1] and claim [2].", []);
    expect(resolved).toEqual({ text: "Claim and claim.", citations: [], dropped: 2 });
  });
});
