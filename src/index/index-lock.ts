import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { IndexLockedError } from "../errors/index-errors.ts";
import { processIsAlive } from "../internal/process-is-alive.ts";

const LOCK_FILE = ".lock";

/**
 * Takes the index folder's write lock (`<indexDir>/.lock`, created exclusively, holding the owner's
 * pid and start time). A lock left by a process that no longer runs is taken over; a live one is
 * an IndexLockedError. Returns the release function.
 */
export async function acquireIndexLock(indexDir: string): Promise<() => Promise<void>> {
  await mkdir(indexDir, { recursive: true });
  const file = path.join(indexDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() });
  const candidate = `${file}.${process.pid}.${randomUUID()}`;
  try {
    return await takeLock(indexDir, file, candidate, content);
  } finally {
    await rm(candidate, { force: true });
  }
}

async function takeLock(
  indexDir: string,
  file: string,
  candidate: string,
  content: string,
): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Written whole under another name, then linked into place: a lock never exists half
      // written, so a competitor cannot read it empty and take it over.
      await writeFile(candidate, content);
      await link(candidate, file);
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
        // An unreadable lock is stale: locks are linked into place whole, so this one is damaged.
      }
      if (typeof owner.pid === "number" && processIsAlive(owner.pid)) {
        throw new IndexLockedError(
          indexDir,
          `pid ${owner.pid}, started ${owner.startedAt ?? "at an unknown time"}`,
        );
      }
      // Remove the stale lock only if it is still the one read above, not a fresh one that a
      // competitor has taken over meanwhile.
      if ((await readFile(file, "utf8").catch(() => "")) === holder)
        await rm(file, { force: true });
    }
  }
  throw new IndexLockedError(indexDir, "another process took the lock at the same moment");
}
