import { sql } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { queryRows } from "@/db/open";
import { uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { createRateLimiter } from "./rate-limit";

// Two limiters on one database stand for two app processes (each keeps its own buckets in
// memory): what one spends, the other sees. Time is given explicitly, so the test is exact.

const t = setupTestDatabase();
const RULE = { capacity: 60, refillPerSecond: 1 };

function twoProcesses(name = uid("test-")) {
  const processOf = () => createRateLimiter({ ...RULE, share: { name, database: async () => t.db, minSyncMs: 0 } });
  return { name, a: processOf(), b: processOf() };
}

async function rowsOf(name: string) {
  return queryRows<{ key: string; tokens: number }>(t.db, sql`select key, tokens from rate_limit_buckets where starts_with(key, ${`${name}:`}) order by key`);
}

describe("rate limits shared by app processes on one database", () => {
  test("an address that spent its burst in one process gets only a few more in the other, not another burst", async () => {
    const { a, b } = twoProcesses();
    const t0 = Date.now();
    expect(Array.from({ length: 60 }, () => a.take("addr", t0))).toEqual(Array(60).fill(true));
    expect(a.take("addr", t0)).toBe(false);
    await a.flush(t0);

    let allowed = 0;
    for (let i = 0; i < 30; i++) {
      if (b.take("addr", t0)) allowed++;
      await b.flush(t0); // the background sync, made immediate
    }
    // b may spend what it has not reported yet (a tenth of the burst), then learns the rest
    expect(allowed).toBe(6);
  });

  test("under a minute-long flood through both, they together allow about one bucket's rate", async () => {
    const { a, b } = twoProcesses();
    const t0 = Date.now();
    let allowed = 0;
    for (let step = 0; step <= 600; step++) {
      const now = t0 + step * 100;
      for (const limiter of [a, b]) {
        for (let i = 0; i < 5; i++) if (limiter.take("flood", now)) allowed++;
        await limiter.flush(now);
      }
    }
    // one bucket over 60 s: 60 at once + 60 refilled; counted apart, the two would allow 240
    expect(allowed).toBeGreaterThanOrEqual(118);
    expect(allowed).toBeLessThanOrEqual(120 + 2 * 6);
  });

  test("ordinary shoppers (an address used once or twice) are never written", async () => {
    const { name, a } = twoProcesses();
    for (let i = 0; i < 300; i++) {
      a.take(`shopper-${i}`);
      a.take(`shopper-${i}`);
    }
    await a.flush();
    expect(await rowsOf(name)).toEqual([]);
  });

  test("a row whose bucket has refilled is deleted", async () => {
    const { name, a } = twoProcesses();
    const t0 = Date.now() - 10 * 60_000;
    for (let i = 0; i < 10; i++) a.take("old", t0);
    await a.flush(t0);
    expect((await rowsOf(name)).map((r) => r.key)).toEqual([`${name}:old`]);
    const later = t0 + 121_000; // two full refills later
    for (let i = 0; i < 10; i++) a.take("new", later);
    await a.flush(later);
    expect((await rowsOf(name)).map((r) => r.key)).toEqual([`${name}:new`]);
  });

  test("when the database cannot be reached, limits keep working in the process and the usage is reported later", async () => {
    const name = uid("test-");
    let up = false;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const limiter = createRateLimiter({
      ...RULE,
      share: {
        name,
        minSyncMs: 0,
        database: async () => {
          if (!up) throw new Error("connection refused");
          return t.db;
        },
      },
    });
    const t0 = Date.now();
    for (let i = 0; i < 60; i++) expect(limiter.take("addr", t0)).toBe(true);
    expect(limiter.take("addr", t0)).toBe(false);
    await limiter.flush(t0);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    up = true;
    await limiter.flush(t0);
    expect(await rowsOf(name)).toEqual([{ key: `${name}:addr`, tokens: 0 }]);
  });
});
