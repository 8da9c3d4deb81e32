/**
 * "how to write resume for data analyst role as a fresher", "one page or two page resume for ml
 * fresher?", "should an ML resume be one page or two", "kindly tell how to prepare resume for ML
 * fresher role, what all points to mention": a learner asking how to write a resume (or a cover
 * letter: "how do i write a cover letter for an ml internship"). The material says which projects
 * to build and show, not how to write either; "can i put 99% accuracy on my resume" asks about the
 * model, not this.
 */
const RESUME_WRITING_ASKED =
  /\b(?:write|writing|prepare|preparing|format|formatting|make|making|build|building|structure|design|draft)\s+(?:a\s+|an\s+|my\s+|the\s+|our\s+)?(?:[\p{L}-]+\s+){0,2}?(?:resume|résumé|cv|cover letter)s?\b|\b(?:resume|résumé|cv)s?\s+(?:format|template|length|sections?|layout|tips|points|structure)\b|\b(?:one|two|1|2)[\s-]+pages?\s+(?:or\s+(?:one|two|1|2)[\s-]+pages?\s+)?(?:resume|résumé|cv)\b|\b(?:resume|résumé|cv)s?\s+(?:be|is|are|should be)\s+(?:one|two|1|2)[\s-]+pages?\b|\bwhat\s+(?:all\s+)?(?:points|sections|things|details)\s+(?:to|should\s+i|do\s+i)\s+(?:mention|put|include|add|write)\s+(?:in|on)\s+(?:a\s+|my\s+|the\s+)?(?:resume|résumé|cv)\b/iu;

/** Words with which a passage speaks of resumes. */
const SPEAKS_OF_RESUMES = /\b(?:resume|résumé|cv|curriculum vitae|cover letter)s?\b/i;

/** Whether the clauses that ask are about how to write a resume. */
export function asksResumeWriting(asking: string): boolean {
  return RESUME_WRITING_ASKED.test(asking);
}

/** Whether one of `texts` (sentences, rows) speaks of resumes. */
export function speaksOfResumes(texts: readonly string[]): boolean {
  return texts.some((text) => SPEAKS_OF_RESUMES.test(text));
}
