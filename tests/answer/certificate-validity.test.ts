import { describe, expect, it } from "vitest";
import {
  asksCertificateValidity,
  saysCertificateValidity,
} from "../../src/answer/certificate-validity.ts";

describe("asksCertificateValidity", () => {
  it.each([
    "does the tensorflow dev certificate expire after some time or is it lifetime?",
    "aws ml specialty cert valid for how long, 2 yrs or 3?",
    "Does the TensorFlow Developer Certificate expire, and how often must it be renewed?",
    "how long is the AWS ML Specialty cert valid b4 I need to recert?",
  ])("%j asks how long a certification stays valid", (question) => {
    expect(asksCertificateValidity(question)).toBe(true);
  });

  it.each([
    "how do i renew my passport in india",
    "which certification should I do first?",
    "is the hugging face course free?",
    "my colab session expired and the file is gone",
  ])("%j does not", (question) => {
    expect(asksCertificateValidity(question)).toBe(false);
  });
});

describe("saysCertificateValidity", () => {
  it("holds for a passage that says how long a certification lasts, not for a price row", () => {
    expect(saysCertificateValidity(["The certificate is valid for three years."])).toBe(true);
    expect(saysCertificateValidity(["Certification: X; Approx. Cost: ~$300"])).toBe(false);
  });
});
