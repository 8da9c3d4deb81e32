/**
 * "common ML system design interview questions list pls", "how many interview rounds does google
 * have", "what do they ask in the coding round", "the top 15 questions they usually ask", "are sql
 * window functions asked in ml interviews": a learner asking what an interview holds. The
 * material says when a learner is ready for interviews and which projects to show there, not what
 * interviews ask; it answers only where it gives interview questions or rounds themselves.
 */
const INTERVIEW_CONTENT_ASKED =
  /\binterview(?:s|er)?\s+(?:questions?|qs|qns|ques|rounds?|process|format|pattern)\b|\b(?:questions?|qs|qns)\s+(?:(?:are|is|get|generally|usually|commonly|mostly)\s+){0,2}asked\b[^?]*\binterview|\b(?:system design|coding|technical|hr|dsa)\s+(?:interviews?|rounds?)\b|\bwhat (?:do|does|will|would) (?:they|interviewers?|companies|recruiters) ask\b|\b(?:questions?|qs|qns)\s+(?:that\s+)?(?:they|interviewers?|companies|recruiters)\s+(?:(?:usually|typically|commonly|generally|mostly|normally|often|will|would|might)\s+)?ask\b|\basked in (?:\S+ ){0,2}?interviews?\b/i;

/** A passage that gives interview questions or rounds: names them and lists or describes them. */
const GIVES_INTERVIEW_CONTENT =
  /\binterview (?:questions?|rounds?)\b[^.]*(?::|\bsuch as\b|\binclude\b|\bfor example\b|\be\.g\.)|\b(?:first|second|final|technical|coding|system design) round\b/i;

/** Whether the clauses that ask are about what an interview holds. */
export function asksInterviewContent(asking: string): boolean {
  return INTERVIEW_CONTENT_ASKED.test(asking);
}

/** Whether one of `texts` (sentences, rows) gives interview questions or rounds. */
export function givesInterviewContent(texts: readonly string[]): boolean {
  return texts.some((text) => GIVES_INTERVIEW_CONTENT.test(text));
}
