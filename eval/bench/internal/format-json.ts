/** Biome's (and Prettier's) JSON style: a short array of numbers or strings stays on one line. */
const PRIMITIVE_ARRAY =
  /^( *)("(?:[^"\\]|\\.)*": )?\[\n((?: +(?:-?[\d.eE+-]+|"(?:[^"\\]|\\.)*"|true|false|null),?\n)+) *\](,?)$/gm;

/**
 * `JSON.stringify(value, null, 2)` with arrays of primitives joined onto one line when that line
 * fits in `lineWidth`, as the project formatter writes them, so a results file passes
 * `biome check` even where it is not git-ignored.
 */
export function formatJson(value: unknown, lineWidth = 100): string {
  const text = JSON.stringify(value, null, 2);
  return `${text.replace(
    PRIMITIVE_ARRAY,
    (whole, indent: string, key: string | undefined, body: string, comma: string) => {
      const items = body
        .split("\n")
        .map((line) => line.trim().replace(/,$/, ""))
        .filter((line) => line !== "");
      const joined = `${indent}${key ?? ""}[${items.join(", ")}]${comma}`;
      return joined.length <= lineWidth ? joined : whole;
    },
  )}\n`;
}
