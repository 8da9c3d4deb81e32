import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/chunk.ts";
import { extractSteps, monthRange } from "../../src/study/extract-steps.ts";
import { chunksOfEditedRoadmap, committedChunks } from "./study-fixtures.ts";

describe("extractSteps over the committed index", () => {
  const chunks = committedChunks();
  const steps = extractSteps(chunks);
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const chunkOf = (from: { chunkId: string }): Chunk => {
    const chunk = byId.get(from.chunkId);
    if (chunk === undefined) throw new Error(`unknown chunk ${from.chunkId}`);
    return chunk;
  };

  it("finds the seven steps with their months, as the overview table writes them", () => {
    expect(steps.map((step) => [step.n, step.months.value, step.monthRange])).toEqual([
      [1, "Month 1–2", { first: 1, last: 2 }],
      [2, "Month 3–4", { first: 3, last: 4 }],
      [3, "Month 5", { first: 5, last: 5 }],
      [4, "Month 6–8", { first: 6, last: 8 }],
      [5, "Month 9", { first: 9, last: 9 }],
      [6, "Month 10–11", { first: 10, last: 11 }],
      [7, "Month 12+", { first: 12, last: 12 }],
    ]);
    expect(steps[4]?.title).toBe("Learn Model Deployment and MLOps");
    expect(steps[4]?.focus?.value).toBe("Deployment and MLOps");
  });

  it("reads sections, tools with their purpose, the milestone sentence and projects", () => {
    const step5 = steps.find((step) => step.n === 5);
    expect(step5?.sections.map((section) => section.value)).toEqual([
      "Choosing a Deployment Framework",
      "Docker for ML",
      "MLOps Essentials",
      "Cloud ML Platforms",
    ]);
    expect(step5?.tools.find((tool) => tool.name === "DVC")).toMatchObject({
      purpose: "Data and model version control",
      main: true,
    });
    // A main tool of the overview without a tool-table row keeps its place, with its framework row.
    expect(step5?.tools.find((tool) => tool.name === "FastAPI")?.purpose).toBe(
      "Production-ready APIs with auto-docs",
    );
    expect(step5?.milestone?.value).toMatch(/^You are ready for the next step when you can deploy/);
    expect(step5?.milestoneSummary?.value).toBe("Deploy a model as an API");
    const step6 = steps.find((step) => step.n === 6);
    expect(step6?.projects.map((project) => project.name)).toContain("End-to-End Fraud Detection");
    expect(step6?.projects[0]).toMatchObject({ difficulty: "Beginner", buildTime: "1–2 weeks" });
  });

  it("links every field to a chunk that states it", () => {
    for (const step of steps) {
      expect(chunkOf(step.months.from).text).toContain(step.months.value);
      if (step.focus) expect(chunkOf(step.focus.from).text).toContain(step.focus.value);
      if (step.milestone) expect(chunkOf(step.milestone.from).text).toContain(step.milestone.value);
      for (const section of step.sections) {
        expect(chunkOf(section.from).section).toContain(section.value);
      }
      for (const tool of step.tools) {
        expect(chunkOf(tool.from).text).toContain(tool.name);
        if (tool.purpose !== undefined) expect(chunkOf(tool.from).text).toContain(tool.purpose);
      }
      for (const project of step.projects) {
        expect(chunkOf(project.from).text).toContain(project.name);
      }
      expect(step.tools.length).toBeGreaterThan(2);
      expect(step.milestone).toBeDefined();
    }
  });

  it("is memoised per chunks array and recomputed for a new one", () => {
    expect(extractSteps(chunks)).toBe(steps);
    const reloaded = [...chunks];
    expect(extractSteps(reloaded)).not.toBe(steps);
    expect(extractSteps(reloaded)).toEqual(steps);
  });
});

describe("extractSteps follows the corpus text", () => {
  it("changes when the roadmap's overview, headings and tool tables change", async () => {
    const chunks = await chunksOfEditedRoadmap((text) =>
      text
        .replace("| Step 5 | Month 9 |", "| Step 5 | Month 9–10 |")
        .replace(
          "## Step 5: Learn Model Deployment and MLOps",
          "## Step 5: Ship Models to Production",
        )
        .replace("| DVC | Data and model version control |", "| LakeFS | Data lake versioning |")
        .replace(
          "### Cloud ML Platforms",
          "### Cloud ML Platforms\n\n| Project | Stack | Difficulty |\n|---|---|---|\n| Model API | FastAPI | Beginner |\n\n### Serving at Scale",
        ),
    );
    const step5 = extractSteps(chunks).find((step) => step.n === 5);
    expect(step5?.months.value).toBe("Month 9–10");
    expect(step5?.monthRange).toEqual({ first: 9, last: 10 });
    expect(step5?.title).toBe("Ship Models to Production");
    expect(step5?.tools.find((tool) => tool.name === "LakeFS")?.purpose).toBe(
      "Data lake versioning",
    );
    // DVC is still a main tool in the overview row, so it stays, now without a purpose of its own.
    expect(step5?.tools.find((tool) => tool.name === "DVC")?.purpose).toBeUndefined();
    expect(step5?.sections.map((section) => section.value)).toContain("Serving at Scale");
    expect(step5?.projects.map((project) => project.name)).toEqual(["Model API"]);
  });

  it("drops a step whose heading and overview row are gone", async () => {
    const chunks = await chunksOfEditedRoadmap((text) =>
      text
        .replace(/\| Step 7 \|[^\n]*\n/, "")
        .replace(/## Step 7: [\s\S]*?(?=\n## Machine Learning Tools Reference Table)/, ""),
    );
    expect(extractSteps(chunks).map((step) => step.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("monthRange", () => {
  it("reads ranges, single months and open ends", () => {
    expect(monthRange("Months 3-4")).toEqual({ first: 3, last: 4 });
    expect(monthRange("Month 12+")).toEqual({ first: 12, last: 12 });
    expect(monthRange("ongoing")).toEqual({ first: 0, last: 0 });
  });
});
