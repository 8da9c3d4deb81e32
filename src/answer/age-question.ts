/**
 * "is there any age limit for ML jobs", "is it too late for me at 35", "do companies have an age
 * cutoff", "do ML companies hire people my age", "will they hire a 38 year old fresher", "will my
 * age be held against me": a learner asking whether their age stands in the way. The material
 * answers it only where it speaks of age; the field being late ("is ML still worth learning in
 * 2026 or is it too late") is not asked.
 */
const AGE_ASKED =
  /\bage[ -]?(?:limits?|cut-?offs?|bars?|criteria|restrictions?|barriers?|factor)\b|\b(?:am i|i'?m|im|i am|feel(?:ing)?|getting|are we|we'?re|you'?re) too old\b|\btoo old (?:to (?:learn|start|switch|become|get|be|join|break|move)|for (?:ml|ai|this|it|a job|jobs|tech|the field|data science))\b|\bat (?:this|my|that|our) age\b|\btoo late for (?:me|someone like me|us)\b|\b(?:is|am) (?:i|it) too late\b.*\b(?:at|after) (?:my|\d\d)\b|\b(?:people|someone|somebody|anyone|candidates|learners|folks)\s+(?:of\s+|at\s+)?my age\b|\b(?:hire|hires|hiring|take|takes|accept|accepts)\s+(?:people|someone|anyone|candidates)\s+(?:over|above|older than)\s+\d\d\b|\b(?:hire|hires|hiring|consider|considers|accept|accepts|take|takes)\b[^.?!]{0,40}\b\d\d[ -]?(?:years?|yrs?)[ -]?old\b|\bmy age\b[^.?!]{0,30}\b(?:against|problem|issue|barrier|matters?|counts?|hurts?)\b|\b(?:does|will|would) (?:my )?age (?:matter|count|hurt)\b/i;

/** Words with which a passage speaks of age. */
const SPEAKS_OF_AGE = /\b(?:age|ages|aged|older|younger|too old|years old)\b/i;

/** Whether the clauses that ask are about the learner's age. */
export function asksAboutAge(asking: string): boolean {
  return AGE_ASKED.test(asking);
}

/** Whether one of `texts` (sentences, rows) speaks of age. */
export function speaksOfAge(texts: readonly string[]): boolean {
  return texts.some((text) => SPEAKS_OF_AGE.test(text));
}
