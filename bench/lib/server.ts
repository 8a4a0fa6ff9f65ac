import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { readStartCommand } from "./start-command";

// Builds (when there is no build) and starts the app with `next start`, the way production
// runs it, and stops it with SIGTERM so the app closes its database itself.

export function hasBuild(appDir: string): boolean {
  return existsSync(path.join(appDir, ".next", "BUILD_ID"));
}

function nextBin(appDir: string): string {
  const bin = path.join(appDir, "node_modules", ".bin", "next");
  if (!existsSync(bin)) throw new Error(`No ${bin}: run npm install in ${appDir} first.`);
  return bin;
}

/** Runs a command to completion, its output passed through; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; quiet?: boolean }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${signal ?? `exit ${code}`})${options.quiet ? `:\n${(stderr || stdout).trim().split("\n").slice(-15).join("\n")}` : ""}`));
    });
  });
}

export async function buildApp(appDir: string): Promise<void> {
  await run(nextBin(appDir), ["build"], { cwd: appDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } });
  if (!hasBuild(appDir)) throw new Error(`next build finished but ${appDir}/.next/BUILD_ID is missing.`);
}

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is in use: pick another with BENCH_PORT.`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  /** Lines the server printed (the last 200). */
  recentOutput(): string[];
  /** How many error/warning reports the server printed since the start (stack lines not counted). */
  errorLines(): number;
  /** How many "request aborted" reports it printed (requests cut off at the end of a phase). */
  abortLines(): number;
  /** The last error/warning reports (first lines only). */
  errorReports(): string[];
  stop(): Promise<void>;
  /** SIGKILL, as a crash or an out-of-memory kill: no shutdown handler runs. */
  kill(): Promise<void>;
}

/** `nodeArgs` replaces npm start's node flags (undefined: keep them). */
export async function startServer(options: { appDir: string; port: number; env: Record<string, string>; nodeArgs?: string[]; node?: string }): Promise<RunningServer> {
  await assertPortFree(options.port);
  const start = readStartCommand(options.appDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    ...start.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
  };
  // Flags go through BENCH_SERVER_NODE_ARGS, not an inherited NODE_OPTIONS: the server runs as in production.
  delete env.NODE_OPTIONS;
  // next's bin run under node directly, as `npm start` does, so node flags (e.g. --cpu-prof, which
  // NODE_OPTIONS refuses) and another node binary can be given. Unless told otherwise, node's
  // flags, next's arguments and the environment are the app's own npm start's.
  const script = realpathSync(nextBin(options.appDir));
  const args = [...(options.nodeArgs ?? start.nodeFlags), script, "start", ...start.nextArgs, "-p", String(options.port)];
  const child: ChildProcess = spawn(options.node ?? process.execPath, args, { cwd: options.appDir, env, stdio: ["ignore", "pipe", "pipe"] });
  if (!child.pid) throw new Error("Could not start next start.");

  const lines: string[] = [];
  let errors = 0;
  let aborts = 0;
  const reports: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      // Count reports, not the lines of their stack traces. A request the load generator
      // cut off when its time was up ("aborted", ECONNRESET) is not the server's error.
      if (/^\s/.test(line) || !/error|fail|warn/i.test(line)) continue;
      if (/\baborted\b|ECONNRESET/.test(line)) aborts++;
      else {
        errors++;
        reports.push(line);
        if (reports.length > 20) reports.shift();
      }
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitedPromise = new Promise<void>((resolve) =>
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const server: RunningServer = {
    pid: child.pid,
    baseUrl,
    recentOutput: () => [...lines],
    errorLines: () => errors,
    abortLines: () => aborts,
    errorReports: () => [...reports],
    async stop() {
      if (exited) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exitedPromise;
      clearTimeout(timer);
    },
    async kill() {
      if (exited) return;
      child.kill("SIGKILL");
      await exitedPromise;
    },
  };

  // Wait for /api/health (the app also opens and migrates the database at start).
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) {
      const { code, signal } = exited as { code: number | null; signal: NodeJS.Signals | null };
      throw new Error(`next start exited (${signal ?? `code ${code}`}) before answering:\n${lines.slice(-30).join("\n")}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`/api/health did not answer within 90 s:\n${lines.slice(-30).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}
