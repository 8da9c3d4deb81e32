/**
 * "does the tensorflow dev certificate expire", "aws ml specialty cert valid for how long", "how
 * often must it be renewed": a learner asking how long a certification stays valid. The material
 * gives each certification's provider, level, cost and use, not how long it lasts.
 */
const VALIDITY_ASKED =
  /\b(?:expire|expires|expired|expiring|expiry|expiration|renew|renews|renewal|renewed|recert\w*|lifetime validity)\b|\bvalid (?:for|till|until|before)\b|\bvalidity\b|\bor is it lifetime\b|\bis it (?:a )?lifetime\b/i;

/** A certification named or pointed at in the same clause. */
const NAMES_A_CERTIFICATION =
  /\b(?:cert|certs|certificates?|certifications?|credentials?|specialty|exam)\b/i;

/** Words with which a passage speaks of how long a certification stays valid. */
const SPEAKS_OF_VALIDITY =
  /\b(?:expire|expires|expiry|expiration|renew\w*|recert\w*|valid for|validity)\b/i;

/** "how many years is it valid for?": a clause pointing at a thing the message named before. */
const POINTS_AT_IT = /\b(?:it|that|this|they|them)\b/i;

/**
 * Whether the clauses that ask are about how long a certification stays valid: one named there,
 * or pointed at there and named in the rest of `message` ("a friend said the cert expires after a
 * while… how many years is it valid for?").
 */
export function asksCertificateValidity(asking: string, message = asking): boolean {
  return (
    VALIDITY_ASKED.test(asking) &&
    (NAMES_A_CERTIFICATION.test(asking) ||
      (POINTS_AT_IT.test(asking) && NAMES_A_CERTIFICATION.test(message)))
  );
}

/** Whether one of `texts` (sentences, rows) says how long a certification stays valid. */
export function saysCertificateValidity(texts: readonly string[]): boolean {
  return texts.some((text) => SPEAKS_OF_VALIDITY.test(text));
}
