import type { Citation } from "./answer.ts";
import type { Passage } from "./generator.ts";

/**
 * Maps `[n]` markers of a written answer to the passages shown to the writer. Markers are
 * renumbered 1, 2, … in order of first use; a marker that points at no shown passage is removed
 * and counted, so every citation points at a passage the writer saw.
 */
export function resolveCitations(
  text: string,
  passages: Passage[],
): { text: string; citations: Citation[]; dropped: number } {
  const byNumber = new Map(passages.map((passage) => [passage.n, passage]));
  const renumbered = new Map<number, number>();
  const citations: Citation[] = [];
  let dropped = 0;
  const rewritten = text.replace(/ ?\[(\d+)\]/g, (marker, digits: string) => {
    const passage = byNumber.get(Number(digits));
    if (passage === undefined) {
      dropped++;
      return "";
    }
    let n = renumbered.get(passage.n);
    if (n === undefined) {
      n = citations.length + 1;
      renumbered.set(passage.n, n);
      const { chunk } = passage;
      citations.push({
        n,
        chunkId: chunk.id,
        source: chunk.source,
        title: chunk.title,
        section: chunk.section,
        text: chunk.text,
      });
    }
    return `${marker.startsWith(" ") ? " " : ""}[${n}]`;
  });
  return { text: rewritten.trim(), citations, dropped };
}
