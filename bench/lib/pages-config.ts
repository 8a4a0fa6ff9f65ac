import path from "node:path";

// What `npm run bench:pages` can be told, from the environment. See bench/README.md.

export interface PagesConfig {
  /** The built app to start (must hold .next/BUILD_ID, or it is built there). */
  appDir: string;
  port: number;
  /** The large-seeded database: created and seeded when missing or empty, reused otherwise. */
  databaseUrl: string;
  /** Where a missing database is created (needs CREATEDB). */
  pgAdminUrl: string;
  /** Measured requests per page, one after the other. */
  runs: number;
  /** Unmeasured requests per page before those. */
  warmup: number;
  /** Only the pages whose label contains one of these (comma separated); all when empty. */
  only: string[];
  /** A page over this median (ms) is marked. */
  budgetMs: number;
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

export function readPagesConfig(): PagesConfig {
  const repoRoot = path.resolve(__dirname, "..", "..");
  return {
    appDir: path.resolve(process.env.BENCH_APP_DIR?.trim() || repoRoot),
    port: intFrom("BENCH_PORT", 3410, 1, 65535),
    databaseUrl: process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/aff_bench_pages",
    pgAdminUrl: process.env.BENCH_PG_ADMIN_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres",
    runs: intFrom("BENCH_RUNS", 15, 1, 1000),
    warmup: intFrom("BENCH_WARMUP", 3, 0, 100),
    only: (process.env.BENCH_PAGES ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    budgetMs: intFrom("BENCH_BUDGET_MS", 300, 1, 60_000),
    resultsDir: path.join(repoRoot, "bench", "results"),
    repoRoot,
  };
}
