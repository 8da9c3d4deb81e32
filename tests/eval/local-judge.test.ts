import { beforeAll, describe, expect, it } from "vitest";
import { UseEmbedder } from "../../src/embedders/use-embedder.ts";
import { readCalibrationSet, validateJudge } from "../../src/eval/judge/calibration.ts";
import { nameLexicon } from "../../src/eval/judge/internal/judge-text.ts";
import { LocalJudge } from "../../src/eval/judge/local-judge.ts";
import { projectPath } from "../support/project-root.ts";

const TIMELINE =
  "A complete beginner usually needs 12 months of structured learning to become project-ready and 12–18 months to become interview-ready for entry-level ML roles. If you already know Python, SQL, statistics, or software engineering, you can shorten this timeline to 6–9 months by focusing on ML algorithms, deep learning, deployment, and MLOps.";
const DOCKER =
  "Docker packages your model, dependencies, runtime, and API into a reproducible container. This solves the problem of a model working in your notebook but failing on another machine due to dependency mismatches.";
const SALARY =
  "| Experience | Common Roles | Salary India | Top Cities | Global Salary Range |\n|---|---|---|---|---|\n| 0–2 years | Junior ML Engineer, Data Scientist, AI Intern | ₹4.4L–5L PA | Bengaluru, Hyderabad, Pune, Chennai, NCR | $70K–$120K |";
const CS = "A CS degree helps, but it is not mandatory. Employers care about programming ability.";
const ROLES =
  "A data scientist focuses more on analysis, experimentation, insights, and model prototyping. An ML engineer focuses more on productionizing models through APIs, pipelines, monitoring, and scalable infrastructure.";
const TOOLS_ROW =
  "| Dimension | ML Engineer | Deep Learning Engineer | AI Engineer 2026 |\n|---|---|---|---|\n| Primary Tools | Scikit-learn, XGBoost, MLflow, FastAPI, Docker | PyTorch, TensorFlow, Hugging Face, CUDA | LangChain, OpenAI/Anthropic APIs, Hugging Face, vector databases |";

/** The judge without its embedding tie-breaker: every verdict below is decided by the rules. */
const judge = new LocalJudge();

async function verdict(passage: string, claim: string) {
  const [result] = await judge.judge({ claims: [claim], passages: [{ text: passage }] });
  if (result === undefined) throw new Error("no verdict");
  return result;
}

describe("LocalJudge", () => {
  it("supports a claim quoted from the passage", async () => {
    const result = await verdict(
      DOCKER,
      "Docker packages your model, dependencies, runtime, and API into a reproducible container. [1]",
    );
    expect(result).toMatchObject({ supported: true, passageIndex: 0 });
    expect(result.reason).toMatch(/quoted/);
  });

  it("supports a paraphrase that keeps the content words", async () => {
    expect(
      (
        await verdict(
          TIMELINE,
          "If you already know Python or SQL, the timeline shortens to 6 to 9 months.",
        )
      ).supported,
    ).toBe(true);
    expect(
      (await verdict(CS, "A computer science degree helps but is not mandatory.")).supported,
    ).toBe(true);
  });

  it("rejects a number or range the passage does not state", async () => {
    const result = await verdict(
      TIMELINE,
      "A complete beginner usually needs 9 months of structured learning to become project-ready.",
    );
    expect(result.supported).toBe(false);
    expect(result.reason).toMatch(/figure "9"/);
    expect(
      (
        await verdict(
          TIMELINE,
          "A beginner needs 12–15 months to become interview-ready for entry-level ML roles.",
        )
      ).supported,
    ).toBe(false);
  });

  it("rejects a duration with the wrong unit", async () => {
    const result = await verdict(
      TIMELINE,
      "A complete beginner usually needs 12 weeks of structured learning to become project-ready.",
    );
    expect(result.supported).toBe(false);
    expect(result.reason).toMatch(/12 weeks/);
  });

  it("checks amounts of money with their currency, from a table row labelled by its header", async () => {
    expect(
      (
        await verdict(
          SALARY,
          "With 0–2 years of experience, salaries in India range from ₹4.4L to ₹5L PA.",
        )
      ).supported,
    ).toBe(true);
    expect(
      (
        await verdict(
          SALARY,
          "With 0–2 years of experience, salaries in India range from ₹4.4L to ₹8L PA.",
        )
      ).supported,
    ).toBe(false);
    expect(
      (
        await verdict(
          SALARY,
          "With 0–2 years of experience, the global salary range is $70K–$150K.",
        )
      ).supported,
    ).toBe(false);
  });

  it("rejects a claim that negates what the passage asserts, and the reverse", async () => {
    const negated = await verdict(
      DOCKER,
      "Docker does not package your model, dependencies, runtime, and API into a container.",
    );
    expect(negated.supported).toBe(false);
    const asserted = await verdict(CS, "A CS degree is mandatory.");
    expect(asserted.supported).toBe(false);
    expect(asserted.reason).toMatch(/negation differs on "mandatori"/);
  });

  it("reads a row's negations only in the cells a claim quotes", async () => {
    const beginner =
      "| Learner Type | Starting Point | First Focus |\n|---|---|---|\n| Complete Beginner | No ML background, basic coding knowledge | Python, statistics, NumPy, Pandas, basic ML |";
    const rendered = await verdict(
      beginner,
      "Complete Beginner — first focus: Python, statistics, NumPy, Pandas, basic ML",
    );
    expect(rendered.supported).toBe(true);
    const dropped = await verdict(
      beginner,
      "Complete Beginner — starting point: ML background, basic coding knowledge",
    );
    expect(dropped.supported).toBe(false);
    expect(dropped.reason).toMatch(/negation differs/);
  });

  it("rejects a swapped tool the passage does not name", async () => {
    const result = await verdict(
      DOCKER,
      "Podman packages your model, dependencies, runtime, and API into a reproducible container.",
    );
    expect(result.supported).toBe(false);
    expect(result.reason).toMatch(/name "podman"/);
  });

  it("rejects a swapped role, even when both roles are in the passage", async () => {
    expect(
      (
        await verdict(
          ROLES,
          "A data scientist focuses more on productionizing models through APIs and pipelines.",
        )
      ).supported,
    ).toBe(false);
    expect(
      (
        await verdict(
          ROLES,
          "An ML engineer focuses more on productionizing models through APIs and pipelines.",
        )
      ).supported,
    ).toBe(true);
  });

  it("rejects a value taken from another column of a table row", async () => {
    expect(
      (
        await verdict(
          TOOLS_ROW,
          "The primary tools of a Deep Learning Engineer include LangChain and vector databases.",
        )
      ).supported,
    ).toBe(false);
    expect(
      (
        await verdict(
          TOOLS_ROW,
          "The primary tools of an AI Engineer include LangChain and vector databases.",
        )
      ).supported,
    ).toBe(true);
  });

  it("rejects a fabricated addition", async () => {
    const named = await verdict(
      DOCKER,
      "Docker packages your model into a container and scales it across Kubernetes clusters.",
    );
    expect(named.supported).toBe(false);
    const phrase = await verdict(
      TIMELINE,
      "A complete beginner usually needs 12 months of structured learning to become project-ready while earning a generous monthly stipend from employers.",
    );
    expect(phrase.supported).toBe(false);
    expect(phrase.reason).toMatch(/adds/);
  });

  it("takes no support from a question", async () => {
    const faq =
      "Do I need a CS degree for machine learning?\nA CS degree helps, but it is not mandatory.";
    expect((await verdict(faq, "You need a CS degree for machine learning.")).supported).toBe(
      false,
    );
  });

  it("recognises a name by its initials and a capitalised first word the corpus uses as a name", async () => {
    const cnn =
      "Convolutional Neural Networks are used for image classification, object detection and segmentation.";
    expect(
      (await verdict(cnn, "CNNs are used for object detection and segmentation.")).supported,
    ).toBe(true);
    const withNames = new LocalJudge({
      knownNames: nameLexicon(["Use Flask or FastAPI for APIs."]),
    });
    const [flask] = await withNames.judge({
      claims: ["Flask is best for production-ready APIs with auto-docs."],
      passages: [
        {
          text: "Framework: FastAPI; Best For: Production-ready APIs with auto-docs; Learning Curve: Intermediate",
        },
      ],
    });
    expect(flask?.supported).toBe(false);
  });

  it("judges each claim against every passage and names the supporting one", async () => {
    const results = await judge.judge({
      claims: [
        "Docker packages your model into a reproducible container.",
        "Kubernetes is required.",
      ],
      passages: [{ text: TIMELINE }, { text: DOCKER }],
    });
    expect(results.map((result) => [result.supported, result.passageIndex])).toEqual([
      [true, 1],
      [false, expect.any(Number)],
    ]);
  });
});

describe("LocalJudge with its embedding tie-breaker", () => {
  let embedder: UseEmbedder;
  beforeAll(() => {
    embedder = new UseEmbedder();
  });

  it("reaches the balanced-accuracy floor on the fixture calibration pairs", async () => {
    const file = projectPath("tests/fixtures/eval/judge-calibration.jsonl");
    const pairs = await readCalibrationSet(file);
    const validation = await validateJudge(new LocalJudge({ embedder }), pairs, { file });
    expect(validation.pairs).toBe(pairs.length);
    expect(validation.balancedAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(validation.byKind.exact?.accuracy).toBe(1);
    expect(validation.confusion.truePositive + validation.confusion.falseNegative).toBe(
      pairs.filter((pair) => pair.supported).length,
    );
  });
});
