import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { canMakeContainers, startLockHolder } from "@/lib/testing/lock-holder";
import { acquireFolderLock, type FolderLock } from "./pglite-lock";
import { currentProcessIdentity } from "./process-identity";

// The embedded database's lock: a live holder always blocks (two processes on one folder lose
// rows), and a dead one never does, however the restart looks (same pid, new hostname).

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function lockFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "aff-lock-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, "pglite.lock");
}

async function acquire(file: string, options: { leaseMs?: number } = {}) {
  const onWait = vi.fn();
  const lock = await acquireFolderLock(file, "the folder", { beatMs: 50, leaseMs: options.leaseMs ?? 500, onWait });
  cleanups.push(() => lock.release());
  return { lock, onWait };
}

/** A lock file as a crashed process left it. */
function leftBehind(file: string, holder: Record<string, unknown>) {
  const me = currentProcessIdentity();
  writeFileSync(file, JSON.stringify({ v: 2, token: "crashed", ...me, command: "next start", since: "2025-01-01T00:00:00.000Z", beatMs: 50, ...holder }));
}

const tokenIn = (file: string): string => JSON.parse(readFileSync(file, "utf8")).token;

async function holderProcess(file: string, options: Parameters<typeof startLockHolder>[1] = {}) {
  const holder = startLockHolder(file, options);
  cleanups.push(() => void holder.crash());
  const answer = await holder.answer;
  if (!answer.locked) throw new Error(`the holder was refused: ${answer.message}`);
  return { ...holder, pid: answer.pid, host: answer.host };
}

describe("a live holder still blocks", () => {
  test("another process on this machine: refused at once", async () => {
    const file = lockFile();
    const child = await holderProcess(file);
    const onWait = vi.fn();
    await expect(acquireFolderLock(file, "the folder", { onWait })).rejects.toThrow(`in use by another process (pid ${child.pid} on`);
    expect(onWait).not.toHaveBeenCalled();
  });

  test("another process this one cannot see (another container or machine): its heartbeat answers", async () => {
    const file = lockFile();
    await holderProcess(file);
    // the same running holder, as a process in another PID namespace on another host would write it
    const info = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...info, pid: 1, host: "3f9c2a7b1e0d", pidNamespace: "pid:[4026532999]", bootId: "another-kernel" }));
    const onWait = vi.fn();
    await expect(acquireFolderLock(file, "the folder", { leaseMs: 5_000, onWait })).rejects.toThrow("in use by another process (pid 1 on 3f9c2a7b1e0d");
    expect(onWait).toHaveBeenCalledOnce();
  });

  test("this very process: a second open of the folder is refused", async () => {
    const file = lockFile();
    await acquire(file);
    await expect(acquireFolderLock(file, "the folder")).rejects.toThrow("in use by another process");
  });
});

describe("a crashed holder never blocks the restart", () => {
  test("same pid in the same PID namespace (a reused pid): taken over at once", async () => {
    const file = lockFile();
    leftBehind(file, { startTicks: "1" });
    const { onWait } = await acquire(file, { leaseMs: 60_000 });
    expect(onWait).not.toHaveBeenCalled();
    expect(tokenIn(file)).not.toBe("crashed");
  });

  test("PID 1 again in a restarted container (new PID namespace, same hostname): taken over once its heartbeat stays silent", async () => {
    const file = lockFile();
    leftBehind(file, { pidNamespace: "pid:[4026532001]" });
    const { onWait } = await acquire(file);
    expect(onWait).toHaveBeenCalledOnce();
    expect(tokenIn(file)).not.toBe("crashed");
  });

  test("a new hostname (a recreated container on the same volume): taken over once its heartbeat stays silent", async () => {
    const file = lockFile();
    leftBehind(file, { pid: 1, host: "8d1e44c0a9b2", pidNamespace: "pid:[4026532001]", startTicks: "4242" });
    const { onWait } = await acquire(file);
    expect(onWait).toHaveBeenCalledWith(expect.stringContaining("locked by pid 1 on 8d1e44c0a9b2"));
    expect(tokenIn(file)).not.toBe("crashed");
  });

  test("a lock file from before this version naming this pid: taken over at once", async () => {
    const file = lockFile();
    const me = currentProcessIdentity();
    writeFileSync(file, JSON.stringify({ pid: me.pid, host: me.host, command: "next start", since: "2025-01-01T00:00:00.000Z" }));
    const { onWait } = await acquire(file, { leaseMs: 60_000 });
    expect(onWait).not.toHaveBeenCalled();
  });

  test("an empty lock file (a crash while writing it): taken over once it stays unchanged", async () => {
    const file = lockFile();
    writeFileSync(file, "");
    const { onWait } = await acquire(file);
    expect(onWait).toHaveBeenCalledOnce();
    expect(tokenIn(file)).toEqual(expect.any(String));
  });
});

describe("release", () => {
  test("removes the holder's own file, never one that replaced it", async () => {
    const file = lockFile();
    const first: FolderLock = (await acquire(file)).lock;
    first.release();
    expect(existsSync(file)).toBe(false);
    const second = (await acquire(file)).lock;
    // a process that judged this one dead took over
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), token: "someone-else" }));
    second.release();
    expect(tokenIn(file)).toBe("someone-else");
  });
});

// The same, for real: each holder is PID 1 of a PID namespace of its own with its own
// hostname, as a container runs it, and "crash" is SIGKILL (the lock file stays behind).
describe.skipIf(!canMakeContainers())("as containers run it (Linux namespaces)", () => {
  test("a crashed PID 1 does not block the next PID 1, with the same hostname or a new one", async () => {
    const file = lockFile();
    const first = await holderProcess(file, { container: { hostname: "app" } });
    expect(first.pid).toBe(1);
    await first.crash();
    expect(existsSync(file)).toBe(true);
    const restarted = await holderProcess(file, { container: { hostname: "app" } });
    expect([restarted.pid, restarted.host]).toEqual([1, "app"]);
    await restarted.crash();
    const recreated = await holderProcess(file, { container: { hostname: "app-recreated" } });
    expect([recreated.pid, recreated.host]).toEqual([1, "app-recreated"]);
  });

  test("a live PID 1 in another container still blocks", async () => {
    const file = lockFile();
    await holderProcess(file, { container: { hostname: "app" } });
    const second = startLockHolder(file, { container: { hostname: "app-2" } });
    cleanups.push(() => second.crash());
    expect(await second.answer).toEqual({ locked: false, message: expect.stringContaining("in use by another process (pid 1 on app,") });
  });

  test("a live process outside containers blocks one inside, and the other way round", async () => {
    const outside = lockFile();
    await holderProcess(outside);
    const inside = startLockHolder(outside, { container: { hostname: "app" } });
    cleanups.push(() => inside.crash());
    expect(await inside.answer).toMatchObject({ locked: false });

    const file = lockFile();
    await holderProcess(file, { container: { hostname: "app" } });
    const onWait = vi.fn();
    await expect(acquireFolderLock(file, "the folder", { leaseMs: 2_000, onWait })).rejects.toThrow("in use by another process (pid 1 on app,");
  });
});
