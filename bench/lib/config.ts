import path from "node:path";

// Everything the benchmark can be told, from the environment. See bench/README.md.

export const ROUTE_NAMES = ["health", "click", "redirect", "sale"] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export interface BenchConfig {
  /** The built app to start (must hold .next/BUILD_ID, or it is built there). */
  appDir: string;
  port: number;
  /** Seconds each route is loaded. */
  durationSec: number;
  /** Seconds each route is loaded, unmeasured, before it is measured. */
  warmupSec: number;
  connections: number;
  partners: number;
  /** Use this database as is; otherwise a throwaway one is created on pgAdminUrl. */
  databaseUrl: string | undefined;
  pgAdminUrl: string;
  /** The routes to load (health is always loaded: it is the baseline). */
  routes: RouteName[];
  /** Share of the click peak the latency test runs at. */
  latencyRateShare: number;
  /** How the latency test holds its rate: evenly paced (default) or autocannon's overallRate. */
  latencyMode: "paced" | "autocannon";
  /** Node flags for the server process only, in place of npm start's (undefined: npm start's). */
  serverNodeArgs: string[] | undefined;
  /** The node binary that runs the server (the load generator stays on this process's node). */
  serverNode?: string;
  resultsDir: string;
  repoRoot: string;
}

function intFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number between ${min} and ${max} (got "${raw}").`);
  return value;
}

function numberFrom(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number between ${min} and ${max} (got "${raw}").`);
  return value;
}

function routesFrom(raw: string | undefined): RouteName[] {
  if (!raw?.trim()) return [...ROUTE_NAMES];
  const wanted = raw.split(",").map((r) => r.trim()).filter(Boolean);
  for (const r of wanted) {
    if (!(ROUTE_NAMES as readonly string[]).includes(r)) throw new Error(`BENCH_ROUTES: unknown route "${r}" (use ${ROUTE_NAMES.join(", ")}).`);
  }
  if (wanted.includes("sale") && !wanted.includes("click")) throw new Error("BENCH_ROUTES: sale needs click (sales are attributed to the visitors the click phase recorded).");
  return ROUTE_NAMES.filter((r) => r === "health" || wanted.includes(r));
}

function latencyModeFrom(raw: string | undefined): "paced" | "autocannon" {
  const mode = raw?.trim() || "paced";
  if (mode !== "paced" && mode !== "autocannon") throw new Error(`BENCH_LATENCY_MODE must be paced or autocannon (got "${mode}").`);
  return mode;
}

export function readConfig(): BenchConfig {
  const repoRoot = path.resolve(__dirname, "..", "..");
  return {
    appDir: path.resolve(process.env.BENCH_APP_DIR?.trim() || repoRoot),
    port: intFrom("BENCH_PORT", 3400, 1, 65535),
    durationSec: intFrom("BENCH_DURATION", 10, 1, 3600),
    warmupSec: intFrom("BENCH_WARMUP", 3, 0, 600),
    connections: intFrom("BENCH_CONNECTIONS", 32, 1, 10_000),
    partners: intFrom("BENCH_PARTNERS", 200, 1, 100_000),
    databaseUrl: process.env.BENCH_DATABASE_URL?.trim() || undefined,
    pgAdminUrl: process.env.BENCH_PG_ADMIN_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres",
    routes: routesFrom(process.env.BENCH_ROUTES),
    latencyRateShare: numberFrom("BENCH_LATENCY_SHARE", 0.7, 0.01, 1),
    latencyMode: latencyModeFrom(process.env.BENCH_LATENCY_MODE),
    serverNodeArgs: process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean),
    serverNode: process.env.BENCH_SERVER_NODE || undefined,
    resultsDir: path.join(repoRoot, "bench", "results"),
    repoRoot,
  };
}
