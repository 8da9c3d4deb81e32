import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Bytes of every file under `directory` (apparent size, recursively), and per top-level name. */
export async function diskUsage(
  directory: string,
): Promise<{ bytes: number; files: Record<string, number> }> {
  const files: Record<string, number> = {};
  let bytes = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile()) {
        const size = (await stat(full)).size;
        bytes += size;
        files[path.relative(directory, full)] = size;
      }
    }
  };
  await walk(directory);
  return { bytes, files };
}
