import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { ConfigError } from "@/lib/errors";

// PGlite is a single-process database: two processes on one folder silently lose rows.
// This lock file makes the second one stop with a message instead. A lock left by a
// crashed process (its pid is gone) is taken over.

interface LockInfo {
  pid: number;
  host: string;
  command: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

export interface FolderLock {
  release(): void;
}

export function acquireFolderLock(file: string, folder: string): FolderLock {
  const me: LockInfo = {
    pid: process.pid,
    host: hostname(),
    command: process.argv.slice(1, 3).join(" "),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return {
        release() {
          if (readLock(file)?.pid === process.pid) {
            try {
              unlinkSync(file);
            } catch {
              // already gone
            }
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      const stale = !holder || (holder.host === me.host && holder.pid !== process.pid && !isAlive(holder.pid));
      if (!stale) {
        throw new ConfigError(
          `The embedded database in ${folder} is in use by another process (pid ${holder.pid}, ${holder.command}, since ${holder.since}). ` +
            "Only one process may open it at a time: stop that process first, or use PostgreSQL by setting DATABASE_URL.",
        );
      }
      try {
        unlinkSync(file);
      } catch {
        // someone else removed it first; retry
      }
    }
  }
  throw new ConfigError(`Could not lock the embedded database in ${folder}; another process is starting on it.`);
}
