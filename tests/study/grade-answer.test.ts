import { describe, expect, it } from "vitest";
import { stepCards } from "../../src/study/cards.ts";
import { allowedEdits, gradeAnswer } from "../../src/study/grade-answer.ts";
import type { Card } from "../../src/study/study-types.ts";
import { committedChunks } from "./study-fixtures.ts";

const chunks = committedChunks();

function card(n: number, prompt: string): Card {
  const found = stepCards(chunks, n)?.find((candidate) => candidate.prompt === prompt);
  if (found === undefined) throw new Error(`no card "${prompt}" in step ${n}`);
  return found;
}

const dvc = () => card(5, "Which tool tracks datasets and model files alongside Git?");
const logistic = () => card(2, "Which algorithm has the key hyperparameters C, penalty?");

describe("gradeAnswer", () => {
  it("accepts the answer whatever its case, punctuation and articles, with the passage", () => {
    for (const answer of ["DVC", "dvc", " the DVC. ", "DVC!"]) {
      expect(gradeAnswer(dvc(), answer).correct, answer).toBe(true);
    }
    const grade = gradeAnswer(dvc(), "dvc");
    expect(grade.expected).toBe("DVC");
    expect(grade.explanation).toContain("Tracks datasets and model files alongside Git");
  });

  it("accepts a right answer with a typo, and scales the typos allowed with length", () => {
    expect(gradeAnswer(logistic(), "logistc regresion")).toMatchObject({
      correct: true,
      reason: "matches after correcting 2 letters",
    });
    expect(
      gradeAnswer(card(1, "Which tool is used for numerical computing?"), "Numpyy").correct,
    ).toBe(true);
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(5)).toBe(1);
    // Three letters allow no typo: "DVS" is not "DVC".
    expect(gradeAnswer(dvc(), "DVS").correct).toBe(false);
  });

  it("refuses a wrong answer, and a near miss that names another row of the same column", () => {
    expect(gradeAnswer(dvc(), "MLflow")).toMatchObject({ correct: false });
    expect(gradeAnswer(dvc(), "")).toMatchObject({ correct: false, reason: "no answer was given" });
    // "Linear Regresion" is two letters from neither, but it is Linear Regression, misspelt.
    const nearMiss = gradeAnswer(logistic(), "Linear Regresion");
    expect(nearMiss.correct).toBe(false);
    expect(nearMiss.reason).toBe(
      'that looks like "Linear Regression", which is the answer to a similar card, not this one',
    );
    // Written as is, the other answer is not repeated: the page shows it beside the reason.
    expect(gradeAnswer(logistic(), "linear regression").reason).toBe(
      "that is the answer to a similar card, not this one",
    );
    const lightgbm = card(2, "Which tool is used for fast gradient boosting?");
    expect(gradeAnswer(lightgbm, "XGBoost").correct).toBe(false);
  });

  it("accepts abbreviations for full names and full names for abbreviations", () => {
    expect(gradeAnswer(dvc(), "Data Version Control").correct).toBe(true);
    const rag = card(
      7,
      "____, or Retrieval-Augmented Generation, connects an LLM to external documents so it can answer using private or updated knowledge.",
    );
    expect(gradeAnswer(rag, "retrieval augmented generation").correct).toBe(true);
    const randomForest = card(
      2,
      "Which algorithm has the key hyperparameters n_estimators, max_features?",
    );
    expect(gradeAnswer(randomForest, "RF").correct).toBe(true);
    const sklearn = card(2, "Which tool is used for Classical ML algorithms?");
    expect(gradeAnswer(sklearn, "sklearn").correct).toBe(true);
    const deepLearning = stepCards(chunks, 7)?.find((candidate) =>
      candidate.answer.startsWith("Deep learning (DL)"),
    );
    expect(deepLearning && gradeAnswer(deepLearning, "DL").correct).toBe(true);
    expect(deepLearning && gradeAnswer(deepLearning, "deep learning").correct).toBe(true);
  });

  it("accepts either name of a tool written 'A / B'", () => {
    const plotting = card(1, "Which tool is used for visualization?");
    expect(gradeAnswer(plotting, "seaborn").correct).toBe(true);
    expect(gradeAnswer(plotting, "Matplotlib").correct).toBe(true);
  });

  it("grades choice cards by option letter, number or text", () => {
    const choice = card(5, "What is DVC used for?");
    const choices = choice.choices ?? [];
    const right = choices.indexOf("Data and model version control");
    const wrong = (right + 1) % choices.length;
    expect(gradeAnswer(choice, String.fromCharCode(97 + right)).correct).toBe(true);
    expect(gradeAnswer(choice, `(${String.fromCharCode(65 + right)})`).correct).toBe(true);
    expect(gradeAnswer(choice, String(right + 1)).correct).toBe(true);
    expect(gradeAnswer(choice, String.fromCharCode(65 + wrong))).toMatchObject({ correct: false });
    expect(gradeAnswer(choice, "data and model version controll").correct).toBe(true);
    expect(gradeAnswer(choice, "monitoring").correct).toBe(false);
  });

  it("grades longer answers by their key words, and refuses a neighbour's", () => {
    const xgboost = card(2, "What is XGBoost used for?");
    expect(gradeAnswer(xgboost, "gradient boosting").correct).toBe(true);
    expect(gradeAnswer(xgboost, "fast gradient boosting").correct).toBe(false);
  });

  it("answers every card of every step correctly when given its own answer", () => {
    for (let n = 1; n <= 7; n++) {
      for (const each of stepCards(chunks, n) ?? []) {
        expect(gradeAnswer(each, each.answer).correct, each.prompt).toBe(true);
      }
    }
  });
});
