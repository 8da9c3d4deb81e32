import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder (the one holding package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Absolute path of a file in the project. */
export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
