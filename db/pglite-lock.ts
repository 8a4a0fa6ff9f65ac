import { randomBytes } from "node:crypto";
import { closeSync, openSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "@/lib/errors";
import { snapshot, startHeartbeat, watchForBeat, type FileSnapshot } from "./lock-heartbeat";
import { currentProcessIdentity, holderState, pidIsRunning, type ProcessIdentity } from "./process-identity";

// PGlite is a single-process database: two processes on one folder silently lose rows.
// This lock file makes the second one stop with a message instead, and must never stop a
// restart after a crash (the holder is gone, its file is not).
//
// The file names its holder (process-identity.ts) and its holder keeps touching it
// (lock-heartbeat.ts). A starting process that finds the file decides:
// - Same kernel and PID namespace (a plain machine, or the same container): exact. The holder
//   is alive only if a process with its pid AND its start time exists, so a later process that
//   got the same pid (PID 1 again, a reused number) is not mistaken for it.
// - Anywhere else (a container restarted with a new PID namespace or hostname, another machine
//   sharing the folder, a kernel since rebooted): the holder's pid means nothing here, so the
//   heartbeat decides. A live holder touches the file every second; one that stayed silent
//   for the whole lease (10 s) is gone, and the lock is taken over. A restart after a crash
//   in a new container therefore waits up to the lease, never forever.
// Node has no flock() without native code, so this is a lease, not a kernel lock.

const LOCK_VERSION = 2;

interface LockInfo extends ProcessIdentity {
  v: number;
  /** Names this holding: a takeover writes another one, so a release never removes it. */
  token: string;
  command: string;
  since: string;
  /** How often the holder touches the file. */
  beatMs: number;
}

export interface LockOptions {
  /** How often to touch the lock file (default 1 s). */
  beatMs?: number;
  /** How long a holder the pid cannot vouch for must stay silent to count as gone (default 10 s). */
  leaseMs?: number;
  /** Told when the start waits for the lease (default: a warning on stderr). */
  onWait?: (message: string) => void;
}

export interface FolderLock {
  release(): void;
}

/** Lock files this process holds: opening one folder twice in one process loses rows too. */
const heldHere = new Set<string>();

function parse(text: string): Partial<LockInfo> | undefined {
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    return typeof info === "object" && info !== null && typeof info.pid === "number" ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Alive, dead, or unknown (the heartbeat decides) from what the file itself says. */
function judge(holder: Partial<LockInfo> | undefined, me: ProcessIdentity): "alive" | "dead" | "unknown" {
  // Empty or half-written: a process is creating it right now, or crashed while doing so.
  if (!holder || typeof holder.pid !== "number") return "unknown";
  if (holder.v !== LOCK_VERSION) {
    // A file from a version without identity or heartbeat: on this host its pid is all there
    // is (and a pid that is now ours is a previous incarnation); elsewhere, the lease.
    if (holder.host !== me.host) return "unknown";
    return holder.pid === me.pid || !pidIsRunning(holder.pid) ? "dead" : "alive";
  }
  return holderState(holder as LockInfo, me);
}

function inUse(folder: string, holder: Partial<LockInfo> | undefined): ConfigError {
  const who = holder ? `pid ${holder.pid} on ${holder.host}, ${holder.command}, since ${holder.since}` : "a process that is creating its lock";
  return new ConfigError(
    `The embedded database in ${folder} is in use by another process (${who}). ` +
      "Only one process may open it at a time: stop that process first, or use PostgreSQL by setting DATABASE_URL.",
  );
}

function tryCreate(file: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(info));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Removes the lock file only if it is still the one judged stale (a racing starter may have replaced it). */
function removeStale(file: string, judged: FileSnapshot): void {
  const now = snapshot(file);
  if (!now || now.ino !== judged.ino || now.text !== judged.text) return;
  try {
    unlinkSync(file);
  } catch {
    // someone else removed it first
  }
}

function holding(file: string, info: LockInfo): FolderLock {
  const key = path.resolve(file);
  heldHere.add(key);
  const heartbeat = startHeartbeat(file, info.beatMs, (why) => {
    console.error(`✖ The lock on the embedded database (${file}) is no longer held (${why}): another process may open the folder, and two processes on one folder lose rows.`);
  });
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heartbeat.stop();
      heldHere.delete(key);
      const now = snapshot(file);
      if (now && parse(now.text)?.token === info.token) {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      }
    },
  };
}

export async function acquireFolderLock(file: string, folder: string, options: LockOptions = {}): Promise<FolderLock> {
  const beatMs = options.beatMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 10_000;
  const onWait = options.onWait ?? ((message: string) => console.warn(message));
  const me = currentProcessIdentity();
  if (heldHere.has(path.resolve(file))) throw inUse(folder, { ...me, command: "this process", since: "earlier" });
  const info: LockInfo = {
    v: LOCK_VERSION,
    token: randomBytes(12).toString("base64url"),
    ...me,
    command: process.argv.slice(1, 3).join(" "),
    since: new Date().toISOString(),
    beatMs,
  };

  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(file, info)) return holding(file, info);
    const seen = snapshot(file);
    if (!seen) continue; // released meanwhile
    const holder = parse(seen.text);
    let state = judge(holder, me);
    if (state === "unknown") {
      // A slow holder gets five of its own beats, whatever lease this process was given.
      const windowMs = Math.max(leaseMs, 5 * (holder?.beatMs ?? beatMs));
      onWait(
        `The embedded database in ${folder} is locked by ${holder ? `pid ${holder.pid} on ${holder.host}` : "an unreadable lock file"}, ` +
          `a process this one cannot see (another container or machine, or before a restart). Waiting up to ${Math.ceil(windowMs / 1000)} s for its heartbeat…`,
      );
      const watched = await watchForBeat(file, seen, windowMs);
      if (watched === "changed") continue;
      state = watched === "beating" ? "alive" : "dead";
    }
    if (state === "alive") throw inUse(folder, holder);
    removeStale(file, seen);
  }
  throw new ConfigError(`Could not lock the embedded database in ${folder}; another process is starting on it.`);
}
