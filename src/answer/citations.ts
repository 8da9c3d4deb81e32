import type { Citation } from "./answer.ts";
import type { Passage } from "./generator.ts";

/**
 * Maps `[n]` markers of a written answer to the passages shown to the writer. Numbers stay those
 * of the passages (so markers streamed before the end keep their meaning); citations are listed in
 * order of first use. A marker that points at no shown passage is removed and counted, so every
 * citation points at a passage the writer saw.
 */
export function resolveCitations(
  text: string,
  passages: Passage[],
): { text: string; citations: Citation[]; dropped: number } {
  const byNumber = new Map(passages.map((passage) => [passage.n, passage]));
  const citations: Citation[] = [];
  let dropped = 0;
  const rewritten = text.replace(/ ?\[(\d+)\]/g, (marker, digits: string) => {
    const passage = byNumber.get(Number(digits));
    if (passage === undefined) {
      dropped++;
      return "";
    }
    if (!citations.some((citation) => citation.n === passage.n))
      citations.push(toCitation(passage));
    return marker;
  });
  return { text: rewritten.trim(), citations, dropped };
}

/** The citation form of a shown passage. */
export function toCitation(passage: Passage): Citation {
  const { chunk } = passage;
  return {
    n: passage.n,
    chunkId: chunk.id,
    source: chunk.source,
    title: chunk.title,
    section: chunk.section,
    text: chunk.text,
  };
}
