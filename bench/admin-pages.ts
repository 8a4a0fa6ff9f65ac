// npm run bench:pages: every admin page on a large program (5,000 partners, a million clicks,
// 100,000 orders on PostgreSQL), each requested one at a time by a signed-in admin, against
// two pages that barely touch the database (/api/health, /login). See bench/README.md.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { adminPages } from "./lib/admin-page-list";
import { signIn } from "./lib/admin-session";
import { counts, openLargeDatabase, samples, type LargeDatabase } from "./lib/large-database";
import { timePage, type PageTiming } from "./lib/page-timing";
import { readPagesConfig, type PagesConfig } from "./lib/pages-config";
import { table } from "./lib/report";
import { buildApp, hasBuild, run, startServer, type RunningServer } from "./lib/server";

const ADMIN = { email: "bench-pages@bench.example.com", password: "bench-pages-password-1", name: "Bench admin" };
/** Fewer clicks than this means a demo (or hand-made) database, not the large seed. */
const LARGE_CLICKS = 500_000;

class SetupError extends Error {}

const log = (line = "") => console.log(line);
const step = (line: string) => console.log(`• ${line}`);

const cleanups: (() => Promise<void>)[] = [];
async function cleanup(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error("cleanup:", error instanceof Error ? error.message : error);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the server…`);
    void cleanup().finally(() => process.exit(130));
  });
}

function cli(config: PagesConfig, db: LargeDatabase, args: string[], quiet = true): Promise<string> {
  return run("npm", ["run", "--silent", "cli", "--", ...args], {
    cwd: config.appDir,
    env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    quiet,
  });
}

/** Seeds an empty database; reuses a large one; refuses a small one (its figures would mean nothing). */
async function ensureSeeded(config: PagesConfig, db: LargeDatabase): Promise<void> {
  const before = await counts(db.sql);
  const int = (n: number) => n.toLocaleString("en-US");
  if (before && before.partners > 0) {
    if (before.clicks < LARGE_CLICKS) {
      throw new SetupError(`${db.name} holds ${int(before.partners)} partners and about ${int(before.clicks)} clicks: not the large seed. Point BENCH_DATABASE_URL at an empty database.`);
    }
    step(`reusing the seeded database ${db.name}: ${int(before.partners)} partners, ~${int(before.clicks)} clicks, ${int(before.orders)} orders`);
    return;
  }
  step(`seeding ${db.name} at large scale (npm run cli -- db seed --scale large; a few minutes)…`);
  await cli(config, db, ["db", "seed", "--scale", "large"], false);
  // The state autovacuum soon leaves a live database in: fresh statistics for the planner and
  // a visibility map, without which index-only scans still read every row's page.
  await db.sql`vacuum (analyze)`;
}

async function ensureAdmin(config: PagesConfig, db: LargeDatabase): Promise<void> {
  try {
    await cli(config, db, ["user", "create", "--email", ADMIN.email, "--password", ADMIN.password, "--name", ADMIN.name]);
    step(`created the admin ${ADMIN.email} (npm run cli -- user create)`);
  } catch (error) {
    if (!(error instanceof Error && /already exists/.test(error.message))) throw error;
    step(`reusing the admin ${ADMIN.email}`);
  }
}

function report(timings: PageTiming[], budgetMs: number): string {
  const health = timings.find((t) => t.path === "/api/health")?.medianMs ?? NaN;
  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "–");
  return table(
    ["page", "median ms", "p95 ms", "rows", "× health", "", "path"],
    timings.map((t) => [
      t.label,
      ms(t.medianMs),
      ms(t.p95Ms),
      t.rows === null ? "" : t.rows.toLocaleString("en-US"),
      Number.isFinite(t.medianMs) && health > 0 ? (t.medianMs / health).toFixed(1) : "",
      t.error ? `✗ ${t.error}` : t.baseline ? "" : t.bulk ? "(bulk)" : t.medianMs > budgetMs || t.p95Ms > budgetMs ? `✗ > ${budgetMs} ms` : "✓",
      t.path.length > 70 ? `${t.path.slice(0, 67)}…` : t.path,
    ]),
    [false, true, true, true, true, false, false],
  );
}

async function main(): Promise<number> {
  const config = readPagesConfig();
  const load = os.loadavg()[0]!;
  log(`bench:pages — ${config.appDir} on port ${config.port}, ${config.runs} timed requests per page after ${config.warmup} warm-up, one at a time`);
  log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}; load average ${load.toFixed(2)}`);
  if (load > os.cpus().length) log(`  note: the machine is already busy (load ${load.toFixed(2)} on ${os.cpus().length} cores): pages will include time spent waiting for a core.`);

  if (!hasBuild(config.appDir)) {
    step(`no build in ${config.appDir}/.next: running next build there…`);
    await buildApp(config.appDir);
  }

  const db = await openLargeDatabase(config.databaseUrl, config.pgAdminUrl);
  cleanups.push(() => db.sql.end({ timeout: 5 }));
  log(`postgres: ${db.version}, database ${db.name}${db.created ? " (created)" : ""}`);
  await ensureSeeded(config, db);
  await ensureAdmin(config, db);
  const [settings] = await db.sql<{ timezone: string }[]>`select timezone from program_settings limit 1`;
  const sample = await samples(db.sql, settings?.timezone ?? "UTC");

  step("starting next start…");
  const server: RunningServer = await startServer({
    appDir: config.appDir,
    port: config.port,
    env: { DATABASE_URL: db.url, NEXTAUTH_SECRET: "bench-only-secret-not-for-production-0123456789", NEXTAUTH_URL: `http://127.0.0.1:${config.port}` },
  });
  cleanups.push(() => server.stop());
  const jar = await signIn(server.baseUrl, ADMIN.email, ADMIN.password);
  step(`signed in as ${ADMIN.email} (next-auth credentials over HTTP)`);

  const pages = adminPages(sample).filter((p) => p.baseline || !config.only.length || config.only.some((o) => p.label.includes(o)));
  const timings: PageTiming[] = [];
  for (const page of pages) {
    const timing = await timePage(server.baseUrl, page, jar.header(), config.runs, config.warmup);
    timings.push(timing);
    step(`${page.label}: median ${timing.medianMs.toFixed(0)} ms, p95 ${timing.p95Ms.toFixed(0)} ms${timing.error ? ` (${timing.error})` : ""}`);
  }
  // The baselines again: a machine that got busier during the run shows here.
  const again = await timePage(server.baseUrl, pages[0]!, "", config.runs, config.warmup);
  timings.push({ ...again, label: "baseline: /api/health (again)" });

  log("");
  log(report(timings, config.budgetMs));
  const over = timings.filter((t) => !t.baseline && !t.bulk && (t.error || t.medianMs > config.budgetMs || t.p95Ms > config.budgetMs));
  log("");
  log(over.length ? `${over.length} of ${timings.filter((t) => !t.baseline && !t.bulk).length} pages over ${config.budgetMs} ms or failing (bulk downloads aside).` : `Every page under ${config.budgetMs} ms (median and p95).`);
  const loadAtEnd = os.loadavg()[0]!;
  // Every page is one request at a time: on a saturated machine its time is mostly queueing.
  if (loadAtEnd > os.cpus().length) log(`Load average ${loadAtEnd.toFixed(2)} on ${os.cpus().length} cores at the end: other work shared the cores, run again on a quieter machine before reading these figures.`);
  const errors = server.errorReports();
  if (errors.length) log(`The server reported ${server.errorLines()} errors, e.g.:\n  ${errors.slice(-5).join("\n  ")}`);

  mkdirSync(config.resultsDir, { recursive: true });
  const file = path.join(config.resultsDir, `pages-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ finishedAt: new Date().toISOString(), postgres: db.version, database: db.name, runs: config.runs, warmup: config.warmup, samples: sample, timings }, null, 2) + "\n");
  log(`Written to ${path.relative(process.cwd(), file) || file}`);
  return 0;
}

main().then(
  async (code) => {
    await cleanup();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(`\n✖ bench:pages failed: ${error instanceof Error ? (error instanceof SetupError ? error.message : (error.stack ?? error.message)) : String(error)}`);
    await cleanup();
    process.exit(1);
  },
);
