/**
 * "can u recommend a good book for linear algebra", "which textbook does the roadmap recommend",
 * "best youtube channels to learn stats": a learner asking the material to name a book, podcast,
 * newsletter or YouTube channel. The material recommends courses, certifications and tools, not
 * these; a story that only mentions learning "from youtube" asks nothing of the kind.
 */
const RESOURCE_ASKED =
  /\b(?:recommend|recommends|recommended|suggest|suggests|suggested|which|what|any|best|good|top|follow|read|name)\b(?:\s+[^\s?.!,;]+){0,4}?\s+(?:books?|textbooks?|podcasts?|newsletters?|(?:youtube|yt)\s+(?:channels?|playlists?)|youtubers?)\b/i;

/** Words with which a passage speaks of such resources. */
const SPEAKS_OF_RESOURCES =
  /\b(?:books?|textbooks?|podcasts?|newsletters?|youtube|youtubers?|playlists?)\b/i;

/** Whether the clauses that ask want a book, podcast, newsletter or channel named. */
export function asksForReadingOrChannels(asking: string): boolean {
  return RESOURCE_ASKED.test(asking);
}

/** Whether one of `texts` (sentences, rows) speaks of books, podcasts or channels. */
export function namesReadingOrChannels(texts: readonly string[]): boolean {
  return texts.some((text) => SPEAKS_OF_RESOURCES.test(text));
}
