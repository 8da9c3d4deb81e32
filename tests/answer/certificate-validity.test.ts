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

describe("asksCertificateValidity with the certification named before the clause that asks", () => {
  const message =
    "im prepping for the google pmle exam. a friend said the cert expires after a while. how many years is it valid for?";
  it("reads a clause pointing back at the certification the message named", () => {
    expect(asksCertificateValidity("how many years is it valid for?", message)).toBe(true);
  });
  it("does not read a clause naming its own thing, or a message naming no certification", () => {
    expect(
      asksCertificateValidity("do colab files expire", "doing the aws cert. do colab files expire"),
    ).toBe(false);
    expect(
      asksCertificateValidity(
        "how long is it valid for?",
        "my colab session token, how long is it valid for?",
      ),
    ).toBe(false);
  });
});

describe("saysCertificateValidity", () => {
  it("holds for a passage that says how long a certification lasts, not for a price row", () => {
    expect(saysCertificateValidity(["The certificate is valid for three years."])).toBe(true);
    expect(saysCertificateValidity(["Certification: X; Approx. Cost: ~$300"])).toBe(false);
  });
});
