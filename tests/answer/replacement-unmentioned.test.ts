import { describe, expect, it } from "vitest";
import { CorpusStatistics } from "../../src/answer/corpus-statistics.ts";
import { replacementUnmentioned } from "../../src/answer/replacement-unmentioned.ts";
import { makeChunk, makeRow } from "../support/chunks.ts";

const statistics = new CorpusStatistics([
  makeChunk("dvc", "Data Version Control", "dvc remote add -d storage s3://my-bucket/dvc-store"),
  makeChunk(
    "colab",
    "Google Colab",
    "Files you upload to a Colab session are temporary, so save your work to Google Drive or GitHub.",
  ),
  makeChunk(
    "fine-tuning",
    "LLM Fine-Tuning",
    "Fine-tuning an LLM changes its weights and is useful when prompting alone is not enough.",
  ),
  makeChunk(
    "cloud",
    "Cloud Platforms",
    "Vertex AI on Google Cloud keeps training data in cloud storage buckets.",
  ),
  makeRow("conda", "Environments", [
    ["Tool", "conda / mamba"],
    ["When to use it", "When a package needs compiled system libraries"],
  ]),
  makeRow("venv", "Environments", [
    ["Tool", "venv + pip"],
    ["When to use it", "Default choice for learning and for most projects"],
  ]),
]);

describe("replacementUnmentioned", () => {
  it("finds none when the replaced side names nothing ('something cooler')", () => {
    expect(
      replacementUnmentioned("y start with dvc instead of something cooler", statistics),
    ).toBeUndefined();
  });

  it("finds a replacement no section names beside what it would replace", () => {
    expect(
      replacementUnmentioned(
        "how do i set up a dvc remote on google drive instead of s3",
        statistics,
      ),
    ).toEqual(["google drive", "s3"]);
  });

  it("finds a thing offered for a role no section names it beside", () => {
    expect(replacementUnmentioned("can it use google drive as the remote?", statistics)).toEqual([
      "google drive",
      "remote",
    ]);
  });

  it("needs every word of the replacement beside the role: Google's cloud storage is not Google Drive", () => {
    expect(
      replacementUnmentioned("can DVC use google drive as its remote storage?", statistics),
    ).toEqual(["google drive", "remote storage"]);
  });

  it("needs only some word of a side of 'X instead of Y', which may hold more than a name", () => {
    expect(
      replacementUnmentioned(
        "When does fine-tuning an LLM make sense instead of just prompting it?",
        statistics,
      ),
    ).toBeUndefined();
  });

  it("finds none when one section names both, even in different rows of its table", () => {
    expect(
      replacementUnmentioned("when shld i use conda instead of venv", statistics),
    ).toBeUndefined();
  });

  it("finds none when both sides share a word, or the question offers no replacement", () => {
    expect(
      replacementUnmentioned("why run python -m pip instead of just pip", statistics),
    ).toBeUndefined();
    expect(replacementUnmentioned("can dvc use google drive", statistics)).toBeUndefined();
  });

  it("finds none when a number stands in place of a number: that is a format, not a thing", () => {
    expect(
      replacementUnmentioned(
        "how do i print accuracy as 0.912 instead of 0.91234567, like 3 decimal places",
        statistics,
      ),
    ).toBeUndefined();
  });
});
