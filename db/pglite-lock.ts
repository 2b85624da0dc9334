import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const LOCK_FILE = "inference-ledger.pid";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims a PGlite folder for this process. PGlite has no lock of its own and
 * two processes on one folder silently lose writes, so a second process is
 * rejected while the first is alive; a lock left by a dead process is taken over.
 */
export function lockPgliteFolder(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  let holder: number | null = null;
  try {
    holder = Number.parseInt(readFileSync(file, "utf8"), 10);
  } catch {
    holder = null;
  }
  if (holder && holder !== process.pid && isRunning(holder)) {
    throw new Error(
      `PGlite folder ${dir} is in use by process ${holder}: stop that process first, ` +
        "or set DATABASE_URL to use a PostgreSQL server",
    );
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number.parseInt(readFileSync(file, "utf8"), 10) === process.pid) rmSync(file);
    } catch {
      // Already gone.
    }
  };
}
