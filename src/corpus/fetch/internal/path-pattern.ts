/**
 * Compiles a glob matched against a URL's whole path (`URL.pathname`, percent-encoded as sent, no
 * query): `*` matches within one path segment, `**` across segments, `?` one character other than
 * "/"; `/**` at the end also matches the folder itself and `**\/` matches zero or more folders.
 * Examples: `/docs/**`, `/blog/*.html`, `**\/*.pdf`.
 */
export function compilePathPattern(pattern: string): RegExp {
  let source = "";
  for (let index = 0; index < pattern.length; ) {
    const rest = pattern.slice(index);
    if (rest === "/**") {
      source += "(?:/.*)?";
      index += 3;
    } else if (rest.startsWith("**/")) {
      source += "(?:.*/)?";
      index += 3;
    } else if (rest.startsWith("**")) {
      source += ".*";
      index += 2;
    } else if (rest.startsWith("*")) {
      source += "[^/]*";
      index += 1;
    } else if (rest.startsWith("?")) {
      source += "[^/]";
      index += 1;
    } else {
      source += rest.charAt(0).replace(/[.+^${}()|[\]\\]/g, "\\$&");
      index += 1;
    }
  }
  return new RegExp(`^${source}$`);
}

/** Why a pattern is not usable, or undefined when it is. */
export function pathPatternProblem(pattern: string): string | undefined {
  if (!pattern.startsWith("/") && !pattern.startsWith("**")) {
    return `"${pattern}" must start with "/" or "**" (it is matched against the URL path)`;
  }
  if (/\*{3,}/.test(pattern)) return `"${pattern}" has "***"; use "*" or "**"`;
  return undefined;
}
