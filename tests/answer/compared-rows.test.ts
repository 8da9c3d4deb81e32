import { describe, expect, it } from "vitest";
import { comparedRowPassages } from "../../src/answer/compared-rows.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const roles = [
  makeRow("nlp", "Career Roles", [
    ["Role", "NLP Engineer"],
    ["Key Skills", "Transformers, Hugging Face"],
    ["Salary Range India", "₹6L–12L PA"],
  ]),
  makeRow("cv", "Career Roles", [
    ["Role", "Computer Vision Engineer"],
    ["Key Skills", "PyTorch, OpenCV"],
    ["Salary Range India", "₹5L–10.6L PA"],
  ]),
  makeRow("mle", "Career Roles", [
    ["Role", "Machine Learning Engineer"],
    ["Key Skills", "Scikit-learn, FastAPI"],
    ["Salary Range India", "₹8L–20L PA"],
  ]),
  makeChunk("prose", "Specialise", "Choose NLP or computer vision as your specialisation."),
];
const ids = (question: string, found = roles.slice(3)) =>
  comparedRowPassages(roles, question, found).map((chunk) => chunk.id);

describe("comparedRowPassages", () => {
  it("finds the row each side of a comparison names in full or by its short form", () => {
    expect(ids("which one pays more, nlp engineer or computer vision engineer")).toEqual([
      "nlp",
      "cv",
    ]);
    expect(ids("compare the skills of an nlp engineer and an ml engineer")).toEqual(["nlp", "mle"]);
  });

  it("finds none when a side names no row, or the rows lack what is compared", () => {
    expect(ids("nlp engineer or data engineer, which pays more")).toEqual([]);
    expect(ids("how long does training take, nlp engineer vs computer vision engineer")).toEqual(
      [],
    );
  });

  it("finds none when a row found already compares both sides in its columns", () => {
    const compared = makeRow("both", "Roles compared", [
      ["Dimension", "Salary India"],
      ["NLP Engineer", "₹6L–12L PA"],
      ["Computer Vision Engineer 2026", "₹5L–10.6L PA"],
    ]);
    expect(ids("salary for both? (nlp engineer or computer vision engineer)", [compared])).toEqual(
      [],
    );
  });
});
