import { describe, expect, it } from "vitest";
import { stepMilestonePassages } from "../../src/answer/step-milestone.ts";
import type { Chunk } from "../../src/chunking/chunk.ts";
import type { LoadedIndex } from "../../src/index/index-store.ts";

const chunk = (id: string, source: string, section: string, text: string): Chunk => ({
  id,
  source,
  title: source,
  section,
  kind: "prose",
  text,
  position: 0,
});

const roadmap = "corpus/roadmap.md";
const chunks = [
  chunk(
    "cloud",
    roadmap,
    "Step 5: Learn Model Deployment and MLOps > Cloud ML Platforms",
    "Learn one platform deeply first.\nMilestone: You are ready for the next step when you can deploy a model as an API.",
  ),
  chunk(
    "docker",
    roadmap,
    "Step 5: Learn Model Deployment and MLOps > Docker for ML",
    "Docker packages your model into a reproducible container.",
  ),
  chunk(
    "step1",
    roadmap,
    "Step 1: Build Python and Math Foundations",
    "Milestone: You are ready to move on when you can load a CSV dataset.",
  ),
  chunk(
    "tutorial",
    "corpus/tutorials/mlops-roadmap.md",
    "Step 5 plan",
    "Milestone: the four core weeks meet the Step 5 milestone.",
  ),
];
const index = {
  chunks,
  manifest: { sources: [{ source: roadmap, kind: "roadmap" }] },
} as unknown as LoadedIndex;
const ids = (question: string) => stepMilestonePassages(index, question).map((found) => found.id);

describe("stepMilestonePassages", () => {
  it("finds the roadmap passage stating the milestone of the step asked about", () => {
    expect(ids("milestone for step 5?")).toEqual(["cloud"]);
    expect(ids("how do i know im done with step 1")).toEqual(["step1"]);
    expect(ids("step 5 exit criteria?")).toEqual(["cloud"]);
    expect(ids("what should i be able to do before leaving step 1")).toEqual(["step1"]);
  });

  it("finds nothing for a question that names no step or does not ask about readiness", () => {
    expect(ids("what is the milestone")).toEqual([]);
    expect(ids("what tools are in step 5")).toEqual([]);
  });
});
