import { spawn, type ChildProcess } from "node:child_process";

// A server process of a test's own (restart, locking and configuration tests), apart from
// the one Playwright starts.

export interface AppProcess {
  url: string;
  /** The spawned process (for npmStartApp, npm itself: the server is a descendant). */
  pid: number;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
  /** SIGKILL: a crash or an out-of-memory kill, with no chance to clean up. */
  crash(): Promise<void>;
}

export function startApp(port: number, env: Record<string, string | undefined>): AppProcess {
  return spawnApp("node_modules/.bin/next", ["start", "-p", String(port)], port, env);
}

/**
 * The app as `npm start` runs it (its node flags and preload included), in a process group of
 * its own: stop() sends SIGTERM to the group, as a terminal's Ctrl-C or a process manager would,
 * since npm's shell does not pass signals on to the server.
 */
export function npmStartApp(port: number, env: Record<string, string | undefined>): AppProcess {
  return spawnApp("npm", ["run", "-s", "start", "--", "-p", String(port)], port, env, true);
}

function spawnApp(command: string, args: string[], port: number, env: Record<string, string | undefined>, group = false): AppProcess {
  let output = "";
  const child: ChildProcess = spawn(command, args, {
    env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "1", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: group,
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    url: `http://localhost:${port}`,
    pid: child.pid!,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null) {
        if (group) process.kill(-child.pid!, "SIGTERM");
        else child.kill("SIGTERM");
      }
      const code = await exited;
      // npm may exit before the server has closed its database: wait for the whole group.
      for (let waited = 0; group && waited < 15_000 && groupAlive(child.pid!); waited += 100) await new Promise((r) => setTimeout(r, 100));
      return code;
    },
    async crash() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until the app answers (the database is open and migrated by then). */
export async function waitUntilReady(app: AppProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${app.url}/login`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app did not start:\n${app.output()}`);
}
