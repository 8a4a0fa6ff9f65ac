import type { BenchDatabase } from "./database";
import type { BenchPartner, ProgramTerms } from "./routes";
import { run, type RunningServer } from "./server";

// What the benchmarks prepare before loading the app: an API key and the program's terms
// through the CLI, and partners through the REST API, as a store would.

/** A broken setup (no build, no database, a 401…), not a result: the run stops with its message. */
export class SetupError extends Error {}

/** `npm run cli -- <args>` in the app against the benchmark's database; its output lines. */
export async function cli(appDir: string, db: BenchDatabase, args: string[]): Promise<string[]> {
  const out = await run("npm", ["run", "--silent", "cli", "--", ...args], {
    cwd: appDir,
    env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    quiet: true,
  });
  return out.trim().split("\n");
}

export async function createApiKey(appDir: string, db: BenchDatabase, name: string): Promise<string> {
  const apiKey = (await cli(appDir, db, ["api-key", "create", "--name", name])).at(-1)!.trim();
  if (!apiKey.startsWith("sk_")) throw new SetupError(`api-key create did not print a secret key last (got "${apiKey.slice(0, 20)}…").`);
  return apiKey;
}

export async function programTerms(appDir: string, db: BenchDatabase): Promise<ProgramTerms> {
  const settings = Object.fromEntries((await cli(appDir, db, ["settings", "get"])).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
  if (settings.trackingEnabled !== "true") throw new SetupError(`Tracking is off in this database (trackingEnabled=${settings.trackingEnabled}).`);
  const commissionType = settings.defaultCommissionType;
  if (commissionType !== "percentage" && commissionType !== "fixed") throw new SetupError(`Unexpected defaultCommissionType "${commissionType}".`);
  return { storeUrl: settings.storeUrl ?? "", commissionType, commissionRate: Number(settings.defaultCommissionRate) };
}

export async function createPartners(server: RunningServer, apiKey: string, count: number, tag: string): Promise<BenchPartner[]> {
  const partners: BenchPartner[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const couponCode = `BENCH${tag}${i}`.toUpperCase();
      const response = await fetch(`${server.baseUrl}/api/v1/partners`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ name: `Bench Partner ${i}`, email: `partner-${tag}-${i}@bench.example.com`, couponCodes: [couponCode] }),
      });
      const body = (await response.json().catch(() => null)) as { id?: string; referralCode?: string; status?: string } | null;
      if (response.status !== 201 || !body?.id || !body.referralCode) throw new SetupError(`POST /api/v1/partners answered ${response.status}: ${JSON.stringify(body)}`);
      if (body.status !== "approved") throw new SetupError(`New partners are "${body.status}", not approved: their clicks would be declined.`);
      partners.push({ id: body.id, referralCode: body.referralCode, couponCode });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return partners;
}

/** The app's environment in the benchmarks: the load generator plays the load balancer. */
export function serverEnv(databaseUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "bench-only-secret-not-for-production-0123456789",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // Each simulated visitor's address arrives in X-Forwarded-For, as behind a load balancer.
    TRUST_PROXY_HOPS: "1",
  };
}
