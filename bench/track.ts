// npm run bench:track: the tracking paths (click, referral redirect, sale) against a route
// that does nothing (/api/health), on one `next start` process on PostgreSQL. See
// bench/README.md for how to run it and read it.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readConfig, type BenchConfig, type RouteName } from "./lib/config";
import { cpuBetween, cpuSnapshot } from "./lib/cpu";
import { openBenchDatabase, type BenchDatabase } from "./lib/database";
import { closedLoad, pacedLoad, SAMPLE_EVERY, type LoadResult } from "./lib/load";
import { cpuTable, failureLines, resultsTable, type Phase } from "./lib/report";
import { clickRoute, healthRoute, redirectRoute, saleRoute, VisitorPool, type RouteContext, type RouteSpec } from "./lib/routes";
import { buildApp, hasBuild, startServer, type RunningServer } from "./lib/server";
import { createApiKey, createPartners, programTerms, serverEnv, SetupError } from "./lib/setup";
import { readStartCommand } from "./lib/start-command";
import { IdSource } from "./lib/traffic";

const TARGETS: Partial<Record<RouteName, number>> = { click: 0.8, redirect: 0.8, sale: 0.5 };
const P99_TARGET_MS = 25;

const log = (line = "") => console.log(line);
const step = (line: string) => console.log(`• ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- cleanup on every way out ---------------------------------------------------------
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error("cleanup:", error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server and dropping the database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---- setup -----------------------------------------------------------------------------
function appVersion(appDir: string, pkg: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(appDir, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

/** The Node.js the server runs on: this one, or BENCH_SERVER_NODE's (a fixed command, no shell). */
function serverNodeVersion(config: BenchConfig): string {
  if (!config.serverNode) return process.version;
  try {
    return execFileSync(config.serverNode, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    throw new SetupError(`BENCH_SERVER_NODE=${config.serverNode} did not run (${config.serverNode} --version failed).`);
  }
}

// ---- one phase -------------------------------------------------------------------------
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

async function measure(name: string, server: RunningServer, db: BenchDatabase, load: () => Promise<LoadResult>): Promise<Pick<Phase, "result" | "cpu" | "window">> {
  const pgPids = await db.appBackendPids();
  const before = cpuSnapshot(server.pid, pgPids);
  const startUs = monotonicUs();
  const result = await load();
  const window = { startUs, endUs: monotonicUs() };
  const cpu = cpuBetween(before, cpuSnapshot(server.pid, pgPids));
  const errs = result.errors ? `, ${result.errors} errors` : "";
  step(`${name}: ${result.rps.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms${errs} (${result.responses} answers, ${result.sampled} checked in full)`);
  return { result, cpu, window };
}

async function warmUp(spec: RouteSpec, server: RunningServer, config: BenchConfig) {
  if (!config.warmupSec) return;
  const r = await closedLoad(server.baseUrl, spec, { connections: config.connections, durationSec: config.warmupSec });
  // A warm-up that mostly fails is a broken setup (wrong key, tracking off…), not a result.
  if (r.responses === 0 || r.errors > r.responses / 2) {
    throw new SetupError(`Warm-up of ${spec.label} failed: ${r.errors} of ${r.responses} answers bad (${Object.keys(r.failures).join(", ") || "socket errors"}).${r.firstFailure ? ` First: HTTP ${r.firstFailure.status} ${r.firstFailure.body.slice(0, 300)}` : ""}`);
  }
}

// ---- main ------------------------------------------------------------------------------
async function main(): Promise<number> {
  const config = readConfig();
  const startedAt = new Date();
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "?",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    serverNode: serverNodeVersion(config),
    serverNodeFlags: config.serverNodeArgs ?? readStartCommand(config.appDir).nodeFlags,
    next: appVersion(config.appDir, "next"),
    autocannon: appVersion(config.repoRoot, "autocannon"),
    loadAverageAtStart: os.loadavg().map((v) => Number(v.toFixed(2))),
  };

  log(`bench:track — ${config.appDir} on port ${config.port}, ${config.durationSec} s per route (+${config.warmupSec} s warm-up), ${config.connections} connections, ${config.partners} partners`);
  log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.platform}; node ${machine.node}${machine.serverNode === machine.node ? "" : ` (server: node ${machine.serverNode}, BENCH_SERVER_NODE)`}, next ${machine.next}, autocannon ${machine.autocannon}; load average ${machine.loadAverageAtStart.join(" ")}`);
  log(`server: node ${machine.serverNodeFlags.join(" ") || "(no flags)"} (${config.serverNodeArgs ? "BENCH_SERVER_NODE_ARGS" : "npm start's flags"})`);
  if (machine.loadAverageAtStart[0]! > machine.cpus * 0.5) log(`  note: the machine is already busy (load ${machine.loadAverageAtStart[0]} on ${machine.cpus} cores): expect lower, noisier figures.`);

  if (!hasBuild(config.appDir)) {
    step(`no build in ${config.appDir}/.next: running next build there…`);
    await buildApp(config.appDir);
  }

  // Registered before the database exists: a Ctrl-C while it is being created still drops it.
  const opening = openBenchDatabase({ databaseUrl: config.databaseUrl, adminUrl: config.pgAdminUrl });
  cleanups.push(async () => (await opening.catch(() => undefined))?.close());
  const db = await opening;
  log(`postgres: ${db.version}, database ${db.name}${db.throwaway ? " (throwaway, dropped at the end)" : " (BENCH_DATABASE_URL, kept)"}`);

  const ids = new IdSource();
  step("creating an API key (npm run cli -- api-key create)…");
  const apiKey = await createApiKey(config.appDir, db, `bench ${ids.tag}`);
  const terms = await programTerms(config.appDir, db);

  step("starting next start…");
  const server = await startServer({
    appDir: config.appDir,
    port: config.port,
    nodeArgs: machine.serverNodeFlags,
    node: config.serverNode,
    env: serverEnv(db.url, config.port),
  });
  cleanups.push(() => server.stop());
  step(`server up (pid ${server.pid}); creating ${config.partners} partners through POST /api/v1/partners…`);
  const partners = await createPartners(server, apiKey, config.partners, ids.tag);

  const pool = new VisitorPool();
  const ctx: RouteContext = { partners, terms, apiKey, ids };
  const specs: Record<RouteName, RouteSpec> = { health: healthRoute(), click: clickRoute(ctx, pool), redirect: redirectRoute(ctx), sale: saleRoute(ctx, pool) };
  const errorLinesBefore = server.errorLines();
  const abortLinesBefore = server.abortLines();

  // Peak rate of each route in turn, each after its own unmeasured warm-up.
  const phases: Phase[] = [];
  let healthRps = 0;
  for (const name of config.routes) {
    const spec = specs[name];
    step(`${spec.label}: warm-up ${config.warmupSec} s, then ${config.durationSec} s measured…`);
    await warmUp(spec, server, config);
    await sleep(500);
    const { result, cpu, window } = await measure(name, server, db, () => closedLoad(server.baseUrl, spec, { connections: config.connections, durationSec: config.durationSec }));
    if (name === "health") healthRps = result.rps;
    const ratio = healthRps ? result.rps / healthRps : null;
    const goal = TARGETS[name];
    phases.push({
      name: name === "redirect" ? "redirect /r" : name,
      result,
      cpu,
      window,
      ratio,
      target: goal !== undefined && ratio !== null ? { text: `≥ ${goal.toFixed(2)} × health`, met: ratio >= goal } : undefined,
    });
    if (name === "click" && pool.size === 0) throw new SetupError("The click route recorded no visitors: nothing to attribute sales to.");
  }

  // Latency at a fixed share of the click peak.
  const clickPhase = phases.find((p) => p.result.route === "click");
  if (clickPhase) {
    const rate = Math.max(1, Math.round(clickPhase.result.rps * config.latencyRateShare));
    const paced = config.latencyMode === "paced";
    step(`${specs.click.label} at ${rate} req/s (${Math.round(config.latencyRateShare * 100)} % of its peak), ${paced ? "evenly paced" : "autocannon overallRate"}, ${config.durationSec} s…`);
    await sleep(500);
    const { result, cpu, window } = await measure("click at a fixed rate", server, db, () =>
      paced
        ? pacedLoad(server.baseUrl, specs.click, { rate, durationSec: config.durationSec, connections: config.connections })
        : closedLoad(server.baseUrl, specs.click, { connections: config.connections, durationSec: config.durationSec, overallRate: rate }),
    );
    phases.push({ name: `click @ ${Math.round(config.latencyRateShare * 100)} %`, result, cpu, window, ratio: null, target: { text: `p99 ≤ ${P99_TARGET_MS} ms`, met: result.latencyMs.p99 <= P99_TARGET_MS } });

    // The same fixed rate on the do-nothing route: the framework's own tail latency on this
    // machine, so the click's p99 can be read against a baseline of the same run.
    step(`${specs.health.label} at the same ${rate} req/s (baseline for the tail), ${config.durationSec} s…`);
    await sleep(500);
    const base = await measure("health at a fixed rate", server, db, () =>
      paced
        ? pacedLoad(server.baseUrl, specs.health, { rate, durationSec: config.durationSec, connections: config.connections })
        : closedLoad(server.baseUrl, specs.health, { connections: config.connections, durationSec: config.durationSec, overallRate: rate }),
    );
    phases.push({ name: `health @ ${rate}/s`, result: base.result, cpu: base.cpu, window: base.window, ratio: null });
  }

  // The baseline again: how much did the machine drift during the run (shared machines)?
  step(`${specs.health.label} again (drift check), ${config.durationSec} s…`);
  await sleep(500);
  const again = await measure("health again", server, db, () => closedLoad(server.baseUrl, specs.health, { connections: config.connections, durationSec: config.durationSec }));
  phases.push({ name: "health (again)", result: again.result, cpu: again.cpu, window: again.window, ratio: healthRps ? again.result.rps / healthRps : null });

  const serverErrorLines = server.errorLines() - errorLinesBefore;
  const serverAborts = server.abortLines() - abortLinesBefore;
  const totalErrors = phases.reduce((n, p) => n + p.result.errors, 0) + serverErrorLines;
  const zeroErrors = { text: "zero errors", met: totalErrors === 0 };
  const targets = [...phases.filter((p) => p.target).map((p) => ({ route: p.name, ...p.target! })), { route: "all", ...zeroErrors }];

  log("");
  log(`Results (${config.durationSec} s per route, ${config.connections} connections; errors = bad answers + socket errors; every ${SAMPLE_EVERY}th answer checked in full)`);
  log(resultsTable(phases));
  log("");
  log("CPU during each phase (cores busy on average; load-gen = this process, other = everything else on the machine; r/w calls = the server's read-like / write-like system calls, sockets included)");
  log(cpuTable(phases));
  const failures = failureLines(phases);
  if (failures.length || serverErrorLines) {
    log("");
    log("Errors:");
    for (const line of failures) log(line);
    if (serverErrorLines) log(`  the server reported ${serverErrorLines} errors during the load; the last ones:\n    ${server.errorReports().slice(-5).join("\n    ")}`);
  }
  log("");
  log("Targets:");
  for (const t of targets) log(`  ${t.met ? "✓" : "✗"} ${t.route}: ${t.text}`);
  if (serverAborts) log(`  (the server also logged ${serverAborts} requests aborted by the load generator when a phase's time was up: not counted as errors)`);
  const drift = healthRps ? again.result.rps / healthRps : 1;
  if (Math.abs(1 - drift) > 0.1) log(`  note: health moved ${((drift - 1) * 100).toFixed(0)} % between the start and the end of the run: the machine was not quiet, ratios are approximate.`);

  mkdirSync(config.resultsDir, { recursive: true });
  const file = path.join(config.resultsDir, `track-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  const { pgAdminUrl: _admin, ...shownConfig } = config;
  writeFileSync(
    file,
    JSON.stringify(
      { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), config: shownConfig, machine, postgres: db.version, partners: partners.length, visitorsRecorded: pool.size, serverErrorLines, serverAborts, phases, targets },
      null,
      2,
    ) + "\n",
  );
  log("");
  log(`Written to ${path.relative(process.cwd(), file) || file}`);
  return 0;
}

main()
  .then(
    async (code) => {
      await cleanup();
      process.exit(code);
    },
    async (error: unknown) => {
      console.error(`\n✖ bench:track failed: ${error instanceof Error ? (error instanceof SetupError ? error.message : (error.stack ?? error.message)) : String(error)}`);
      await cleanup();
      process.exit(1);
    },
  );
