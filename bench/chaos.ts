// npm run bench:chaos: drives clicks and sales at the built app on PostgreSQL, kills the
// server with SIGKILL in the middle of the load (no shutdown handler runs), restarts it, and
// does it again; then checks that every click and sale the app acknowledged is stored once
// with its commission, and that retrying every acknowledged sale answers 200 with its first
// answer. Prints the counts; exits 1 when anything acknowledged was lost or changed. See
// bench/README.md.
import path from "node:path";
import { Ledger, chaosLoad } from "./lib/chaos-load";
import { checkStored, retryEverySale } from "./lib/chaos-verify";
import { openBenchDatabase } from "./lib/database";
import { buildApp, hasBuild, startServer, type RunningServer } from "./lib/server";
import { createApiKey, createPartners, serverEnv, SetupError } from "./lib/setup";
import { IdSource } from "./lib/traffic";

function intFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new SetupError(`${name} must be a whole number between ${min} and ${max} (got "${raw}").`);
  return value;
}

const config = {
  appDir: path.resolve(process.env.BENCH_APP_DIR?.trim() || path.resolve(__dirname, "..")),
  port: intFrom("BENCH_PORT", 3420, 1, 65535),
  pgAdminUrl: process.env.BENCH_PG_ADMIN_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres",
  rounds: intFrom("BENCH_CHAOS_ROUNDS", 3, 1, 100),
  loadSeconds: intFrom("BENCH_CHAOS_LOAD", 4, 1, 600),
  connections: intFrom("BENCH_CONNECTIONS", 16, 1, 1000),
  partners: intFrom("BENCH_PARTNERS", 20, 1, 10_000),
};

const log = (line = "") => console.log(line);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cleanups: (() => Promise<void>)[] = [];
async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((error: unknown) => console.error("cleanup:", error instanceof Error ? error.message : error));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanup().finally(() => process.exit(130)));

async function main(): Promise<number> {
  log(`bench:chaos — ${config.appDir} on port ${config.port}: ${config.rounds} × (${config.loadSeconds} s of clicks and sales on ${config.connections} connections, then SIGKILL and a restart)`);
  if (!hasBuild(config.appDir)) {
    log(`• no build in ${config.appDir}/.next: running next build there…`);
    await buildApp(config.appDir);
  }
  const opening = openBenchDatabase({ adminUrl: config.pgAdminUrl });
  cleanups.push(async () => (await opening.catch(() => undefined))?.close());
  const db = await opening;
  log(`postgres ${db.version}, throwaway database ${db.name}`);

  const ids = new IdSource();
  const apiKey = await createApiKey(config.appDir, db, `chaos ${ids.tag}`);
  let server: RunningServer | undefined;
  cleanups.push(async () => server?.stop());
  const start = async () => (server = await startServer({ appDir: config.appDir, port: config.port, env: serverEnv(db.url, config.port) }));
  await start();
  const partners = await createPartners(server!, apiKey, config.partners, ids.tag);

  const ledger = new Ledger();
  log("");
  log("round  clicks answered  sales answered  unanswered at the kill (clicks, sales)  restart s");
  for (let round = 1; round <= config.rounds; round++) {
    const before = { clicks: ledger.clicks.size, sales: ledger.sales.size, uc: ledger.unansweredClicks.size, us: ledger.unansweredSales.size };
    let stopped = false;
    const load = chaosLoad({ baseUrl: server!.baseUrl, apiKey, partners, ids, ledger }, config.connections, () => stopped);
    await sleep(config.loadSeconds * 1000);
    await server!.kill(); // mid-load: requests are in flight
    stopped = true;
    await load;
    const restartedAt = Date.now();
    await start();
    const restartSeconds = (Date.now() - restartedAt) / 1000;
    log(
      `${String(round).padStart(5)}  ${String(ledger.clicks.size - before.clicks).padStart(15)}  ${String(ledger.sales.size - before.sales).padStart(14)}  ${`${ledger.unansweredClicks.size - before.uc}, ${ledger.unansweredSales.size - before.us}`.padStart(38)}  ${restartSeconds.toFixed(1).padStart(9)}`,
    );
  }

  const stored = await checkStored(db.url, ledger);
  const retried = await retryEverySale(server!.baseUrl, apiKey, ledger);
  const refused = [...ledger.refused].map(([what, n]) => `${n} × ${what}`).join(", ");
  const sample = (list: string[]) => (list.length ? ` (e.g. ${list.slice(0, 3).join(", ")})` : "");

  log("");
  log(`After ${config.rounds} kills:`);
  log(`  clicks answered 200: ${ledger.clicks.size}; stored once: ${stored.clicksOnce}, missing: ${stored.clicksMissing.length}${sample(stored.clicksMissing)}, stored more than once: ${stored.clicksTwiceOrMore.length}, for another partner: ${stored.clicksWrongPartner.length}`);
  log(`  sales answered 201: ${ledger.sales.size}; stored once with the answered amount, partner and commission: ${stored.salesOnce}, missing: ${stored.salesMissing.length}${sample(stored.salesMissing)}, stored otherwise: ${stored.salesWrong.length}${sample(stored.salesWrong)}`);
  log(`  retrying every answered sale: ${retried.sameAnswer} × 200 with the first answer, ${retried.otherAnswer.length} otherwise${sample(retried.otherAnswer)}`);
  log(`  unanswered at a kill: ${ledger.unansweredClicks.size} clicks (${stored.unansweredClicksStored} of them stored), ${ledger.unansweredSales.size} sales (${stored.unansweredSalesStored} stored); the sales retried: ${retried.inFlightCreated} × 201, ${retried.inFlightReplayed} × 200, ${retried.inFlightOther.length} otherwise${sample(retried.inFlightOther)}`);
  log(`  Integration log lines of the answered sales: ${stored.salesLogged} of ${ledger.sales.size} (written after the answer: the last ones before a kill are lost)`);
  if (refused) log(`  refused during the load: ${refused}`);

  const failures = stored.clicksMissing.length + stored.clicksTwiceOrMore.length + stored.clicksWrongPartner.length + stored.salesMissing.length + stored.salesWrong.length + retried.otherAnswer.length + retried.inFlightOther.length + (refused ? 1 : 0);
  const unanswered = ledger.unansweredClicks.size + ledger.unansweredSales.size;
  log("");
  log(failures === 0 ? `✓ nothing acknowledged was lost, doubled or changed${unanswered === 0 ? " (but no request was in flight at a kill: try more connections)" : ""}` : `✗ ${failures} problem(s) above`);
  return failures === 0 ? 0 : 1;
}

main()
  .then(
    async (code) => {
      await cleanup();
      process.exit(code);
    },
    async (error: unknown) => {
      console.error(`\n✖ bench:chaos failed: ${error instanceof Error ? (error instanceof SetupError ? error.message : (error.stack ?? error.message)) : String(error)}`);
      await cleanup();
      process.exit(1);
    },
  );
