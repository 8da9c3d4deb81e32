import { parseHTML } from "linkedom";

/**
 * The links of a page, resolved against its `<base href>` or its URL, in document order. Links
 * marked `rel="nofollow"` are skipped; navigation links are kept (they are how pages are found).
 */
export function extractLinks(html: string, pageUrl: string): string[] {
  const { document } = parseHTML(html);
  const baseHref = document.querySelector("base[href]")?.getAttribute("href");
  let base = pageUrl;
  if (baseHref !== null && baseHref !== undefined) {
    try {
      base = new URL(baseHref, pageUrl).href;
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  const links: string[] = [];
  for (const anchor of document.querySelectorAll("a[href]")) {
    const rel = (anchor.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("nofollow")) continue;
    const href = anchor.getAttribute("href");
    if (href === null) continue;
    try {
      links.push(new URL(href.trim(), base).href);
    } catch {
      // Not a URL ("http://[broken"); nothing to follow.
    }
  }
  return links;
}
