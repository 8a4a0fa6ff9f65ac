import { spawn, type ChildProcess } from "node:child_process";

// A server process of a test's own (restart, locking and configuration tests), apart from
// the one Playwright starts.

export interface AppProcess {
  url: string;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
  /** SIGKILL: a crash or an out-of-memory kill, with no chance to clean up. */
  crash(): Promise<void>;
}

export function startApp(port: number, env: Record<string, string | undefined>): AppProcess {
  let output = "";
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "1", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    url: `http://localhost:${port}`,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
    async crash() {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
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
