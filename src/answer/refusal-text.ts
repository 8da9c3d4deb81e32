/** How every refusal opens, so that a later turn can tell the last answer was one. */
export const REFUSAL_OPENING = "The roadmap and its tutorials don't cover this";
