import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** A folder under the OS temp dir, removed by `remove()`; paths are given relative to it. */
export class TempDir {
  readonly path: string;

  private constructor(directory: string) {
    this.path = directory;
  }

  static async create(prefix = "study-assistant-test-"): Promise<TempDir> {
    return new TempDir(await mkdtemp(path.join(tmpdir(), prefix)));
  }

  /** Absolute path of `segments` inside the folder. */
  join(...segments: string[]): string {
    return path.join(this.path, ...segments);
  }

  /** Writes a file, creating its parent folders; returns its absolute path. */
  async write(relativePath: string, content: string | Uint8Array): Promise<string> {
    const file = this.join(relativePath);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    return file;
  }

  async read(relativePath: string): Promise<string> {
    return readFile(this.join(relativePath), "utf8");
  }

  async mkdir(relativePath: string): Promise<string> {
    const directory = this.join(relativePath);
    await mkdir(directory, { recursive: true });
    return directory;
  }

  async remove(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}
