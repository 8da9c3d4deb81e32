/** How a chunk was cut from its document. */
export type ChunkKind = "prose" | "table-row" | "faq";

/** One retrievable passage with where it came from. */
export type Chunk = {
  /** Stable id from the content hash: the same passage in the same place keeps its id. */
  id: string;
  /** Corpus path of the document, e.g. `corpus/roadmap.md`. */
  source: string;
  /** Document title from front matter. */
  title: string;
  /** Heading path joined with " > "; the document title when the text sits before any heading. */
  section: string;
  kind: ChunkKind;
  /** The passage as shown to learners and to the answer writer. */
  text: string;
  /** Position within the document, from 0. */
  position: number;
  /** For table rows: the row's cells labelled with their column headers. */
  cells?: Array<{ header: string; value: string }>;
};

/** Settings that change how documents are cut; recorded in the index manifest. */
export type ChunkerSettings = {
  /** Upper bound of a prose chunk in approximate tokens (words and punctuation marks). @default 180 */
  maxTokens: number;
};

export const DEFAULT_CHUNKER_SETTINGS: ChunkerSettings = { maxTokens: 180 };

/** Text given to the embedder and the lexical index: section path for context, then the passage. */
export function indexText(chunk: Pick<Chunk, "section" | "text">): string {
  return `${chunk.section}\n${chunk.text}`;
}

/**
 * Characters per token allowed before a chunk counts as too long even within `maxTokens`: prose
 * averages about 6, so only text of abnormally long "words" (hashes, base64, URLs) reaches it.
 */
const MAX_CHARS_PER_TOKEN = 24;

/** The most characters any chunk holds (FAQ chunks included): 4,320 for the default settings. */
export function maxChunkChars(settings: ChunkerSettings): number {
  return settings.maxTokens * MAX_CHARS_PER_TOKEN;
}
