import { randomBytes } from "node:crypto";
import { InvalidLearnerIdError } from "../../errors/progress-errors.ts";

/** Random bytes in a learner id: 128 bits, as unguessable as a UUIDv4 and then some. */
const LEARNER_ID_BYTES = 16;

/** 16 bytes in base64url: 22 characters of A–Z, a–z, 0–9, `-` and `_`. */
const LEARNER_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * A new anonymous learner id from the operating system's CSPRNG (node:crypto). The id is the only
 * credential for the learner's data, so it is never derived from anything about the person.
 */
export function newLearnerId(): string {
  return randomBytes(LEARNER_ID_BYTES).toString("base64url");
}

/**
 * The id when it is one `newLearnerId` could have made (22 characters, canonical base64url of 16
 * bytes); `InvalidLearnerIdError` (400) otherwise, before any database is asked.
 */
export function parseLearnerId(raw: string): string {
  if (!LEARNER_ID.test(raw) || Buffer.from(raw, "base64url").toString("base64url") !== raw) {
    throw new InvalidLearnerIdError(raw.length);
  }
  return raw;
}
