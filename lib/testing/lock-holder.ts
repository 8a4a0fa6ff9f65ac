import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

// Another process that takes the embedded database's lock (db/pglite-lock.ts) and keeps it
// until killed, optionally as a container would run it: PID 1 of a new PID namespace with a
// hostname of its own (Linux `unshare`, root only).

const SCRIPT = `
import { hostname } from "node:os";
const lockModule = await import(process.env.LOCK_MODULE);
const { acquireFolderLock } = lockModule.default ?? lockModule;
try {
  await acquireFolderLock(process.env.LOCK_FILE, "the folder", { beatMs: 100, leaseMs: 1000, onWait: () => {} });
  console.log(JSON.stringify({ locked: true, pid: process.pid, host: hostname() }));
  setInterval(() => {}, 60_000);
} catch (error) {
  console.log(JSON.stringify({ locked: false, message: error.message }));
  process.exit(1);
}`;

const CONTAINER = ["--pid", "--fork", "--uts", "--mount-proc", "--kill-child"];

/** Whether this machine lets the tests make PID and hostname namespaces. */
export function canMakeContainers(): boolean {
  if (process.platform !== "linux") return false;
  return spawnSync("unshare", [...CONTAINER, "true"], { stdio: "ignore" }).status === 0;
}

export interface LockHolder {
  child: ChildProcess;
  /** The first line the process printed: locked (with its pid and hostname as it sees them) or refused. */
  answer: Promise<{ locked: true; pid: number; host: string } | { locked: false; message: string }>;
  /** SIGKILL, as a crash or an OOM kill; resolves once the process (and its namespace) is gone. */
  crash(): Promise<void>;
}

export function startLockHolder(file: string, options: { container?: { hostname: string } } = {}): LockHolder {
  const nodeArgs = ["--import", "tsx", "--input-type=module", "-e", SCRIPT];
  const env = { ...process.env, LOCK_FILE: file, LOCK_MODULE: path.resolve("db/pglite-lock.ts") };
  const child = options.container
    ? spawn("unshare", [...CONTAINER, "sh", "-c", `hostname "$1" && shift && exec "$@"`, "sh", options.container.hostname, process.execPath, ...nodeArgs], { env, stdio: ["ignore", "pipe", "inherit"] })
    : spawn(process.execPath, nodeArgs, { env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const answer = new Promise<LockHolder["answer"] extends Promise<infer A> ? A : never>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line));
    });
    void exited.then(() => reject(new Error(`the lock holder exited without answering: ${out}`)));
  });
  return {
    child,
    answer,
    async crash() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
