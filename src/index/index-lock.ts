import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { IndexLockedError } from "../errors/index-errors.ts";

const LOCK_FILE = ".lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the index folder's write lock (`<indexDir>/.lock`, created exclusively, holding the owner's
 * pid and start time). A lock left by a process that no longer runs is taken over; a live one is
 * an IndexLockedError. Returns the release function.
 */
export async function acquireIndexLock(indexDir: string): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const file = path.join(indexDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(content);
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = await readFile(file, "utf8").catch(() => "");
      let owner: { pid?: number; startedAt?: string } = {};
      try {
        owner = JSON.parse(holder) as typeof owner;
      } catch {
        // An unreadable lock is treated as stale: its writer died mid-write.
      }
      if (typeof owner.pid === "number" && isAlive(owner.pid)) {
        throw new IndexLockedError(
          indexDir,
          `pid ${owner.pid}, started ${owner.startedAt ?? "at an unknown time"}`,
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new IndexLockedError(indexDir, "another process took the lock at the same moment");
}
