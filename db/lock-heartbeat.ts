import { readFileSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";

// A lock holder proves it is alive by touching its lock file's modification time every
// `everyMs`. The touching runs on a thread of its own: PGlite executes queries synchronously on
// the main thread, and a long statement (or a long chain of them, which never yields to timers)
// must not look like a dead process. The thread dies with the process, so a crashed holder
// falls silent at once; a process that is merely busy keeps beating.

// An ES module in a data: URL, so it loads the same whether the app runs as CommonJS or ESM
// and needs no file of its own in the build.
const BEAT = `
import { parentPort, workerData } from "node:worker_threads";
import { statSync, utimesSync } from "node:fs";
const { file, ino, everyMs } = workerData;
const timer = setInterval(() => {
  try {
    // Another process took the lock over (it judged this one dead): never touch its file.
    if (statSync(file).ino !== ino) throw new Error("replaced");
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    clearInterval(timer);
    parentPort.postMessage("lost");
  }
}, everyMs);
`;
const BEAT_URL = new URL(`data:text/javascript,${encodeURIComponent(BEAT)}`);

export interface Heartbeat {
  stop(): void;
}

export function startHeartbeat(file: string, everyMs: number, onLost: (why: string) => void): Heartbeat {
  const worker = new Worker(BEAT_URL, { workerData: { file, ino: statSync(file).ino, everyMs } });
  worker.on("message", () => onLost("the lock file was removed or replaced"));
  worker.on("error", (error) => onLost(`the heartbeat stopped: ${error.message}`));
  // The beat must not keep a finished CLI command (or a stopping server) alive.
  worker.unref();
  return {
    stop() {
      worker.removeAllListeners("message").removeAllListeners("error");
      worker.on("error", () => {});
      void worker.terminate();
    },
  };
}

export interface FileSnapshot {
  text: string;
  ino: number;
  mtimeMs: number;
}

/** What the lock file holds now, or undefined when it is gone. */
export function snapshot(file: string): FileSnapshot | undefined {
  try {
    const { ino, mtimeMs } = statSync(file);
    // Read after stat: a beat between the two only makes the next look see a change.
    const text = readFileSync(file, "utf8");
    return { text, ino, mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Watches a lock file for up to `windowMs`: "beating" when its holder touched it (alive),
 * "silent" when nothing moved for the whole window (the holder is gone), "changed" when the
 * file was removed or replaced meanwhile (someone released or took it: look again).
 */
export async function watchForBeat(file: string, seen: FileSnapshot, windowMs: number): Promise<"beating" | "silent" | "changed"> {
  const deadline = performance.now() + windowMs;
  while (performance.now() < deadline) {
    await sleep(Math.min(100, Math.max(1, deadline - performance.now())));
    const now = snapshot(file);
    if (!now || now.ino !== seen.ino || now.text !== seen.text) return "changed";
    if (now.mtimeMs !== seen.mtimeMs) return "beating";
  }
  return "silent";
}
