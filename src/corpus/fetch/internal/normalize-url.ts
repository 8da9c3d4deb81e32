/**
 * The canonical form of a link for de-duplication: absolute, http(s) only, no fragment, no empty
 * query, no credentials (a link carrying a password is not followed). Host case and default ports
 * are normalised by `URL` itself. Undefined when the link is not something to fetch.
 */
export function normalizeUrl(href: string, base?: string | URL): URL | undefined {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.username !== "" || url.password !== "") return undefined;
  url.hash = "";
  if (url.search === "?") url.search = "";
  return url;
}
