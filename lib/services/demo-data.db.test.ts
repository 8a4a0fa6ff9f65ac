import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { queryRows } from "@/db/open";
import { runCli } from "@/lib/cli/run";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { apiKey, partner } from "@/lib/testing/fixtures";
import { expectNothingWritten } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { upsertProducts } from "./catalog";
import { clearDemoData, getDemoStatus, loadDemoData } from "./demo-data";
import { getSettings, updateSettings } from "./settings";

// The demo program from the Overview: loaded once into an empty program, cleared exactly.
// A week of traffic instead of 90 days keeps the file quick; the seed itself is lib/seed's.

const t = setupTestDatabase();
const admin = { type: "admin" as const, id: "00000000-0000-4000-8000-000000000001", label: "owner@example.com" };
const DAYS = 7;

const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
const actions = async () => (await queryRows<{ action: string; actor_id: string | null }>(t.db, sql`select action, actor_id from audit_log where action like 'demo_data.%' order by id`));

describe("demo data", () => {
  test("a partner cannot load it, and an empty program says it is empty", async () => {
    await expect(loadDemoData(t.db, { type: "partner", id: "00000000-0000-4000-8000-0000000000aa" }, { days: DAYS })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getDemoStatus(t.db)).toEqual({ loaded: false, empty: true });
  });

  test("two loads at once seed the program once; the other is refused", async () => {
    const results = await Promise.allSettled([loadDemoData(t.db, admin, { days: DAYS }), loadDemoData(t.db, admin, { days: DAYS })]);
    const loaded = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(loaded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const result = (loaded[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof loadDemoData>>>).value;
    expect(await count("partners")).toBe(Object.values(result.partners).reduce((a, b) => a + b, 0));
    expect(await count("partners")).toBeGreaterThan(20);
    expect(await count("orders")).toBeGreaterThan(0);
    expect((await getSettings(t.db)).name).toBe("Northwind Outdoor Partners");
    expect(await getDemoStatus(t.db)).toEqual({ loaded: true, empty: false });
    expect(await actions()).toEqual([{ action: "demo_data.load", actor_id: admin.id }]);
  }, 120_000);

  test("a program that has data is refused, with what it holds, and nothing is written", async () => {
    const error = await expectNothingWritten(t.db, () => loadDemoData(t.db, admin, { days: DAYS }).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toMatch(/^Demo data only goes into an empty program, and this one already has \d+ partners, \d+ orders/);
  });

  test("a partner added by hand after the demo stops the clear, and nothing is removed", async () => {
    const own = await partner(t.db, { name: "My first real partner" });
    const error = await expectNothingWritten(t.db, () => clearDemoData(t.db, admin).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toBe("1 partner(s) were added after the demo data was loaded, so it cannot be told apart from your own any more; nothing was removed.");
    // (the test takes it away again by hand; the app has no partner deletion)
    await t.db.execute(sql`delete from audit_log where entity_id = ${own.id}`);
    await t.db.execute(sql`delete from partners where id = ${own.id}`);
  });

  test("clear removes the demo program and keeps the merchant's keys, products and changed settings", async () => {
    await apiKey(t.db, "tracking");
    await upsertProducts(t.db, admin, [{ id: "my-own-product", name: "My own product", price: 1000, categoryIds: ["tents"] }]);
    await updateSettings(t.db, admin, { name: "Acme Partners" });
    const keys = await count("api_keys");

    expect(await clearDemoData(t.db, admin)).toMatchObject({ partners: expect.any(Number), orders: expect.any(Number) });
    for (const table of ["partners", "orders", "clicks", "leads", "customers", "commissions", "payouts", "links", "coupon_codes", "rate_groups", "demo_data"]) {
      expect(await count(table), table).toBe(0);
    }
    expect(await queryRows(t.db, sql`select id from products`)).toEqual([{ id: "my-own-product" }]);
    expect(await queryRows(t.db, sql`select id from categories`)).toEqual([{ id: "tents" }]);
    expect(await count("api_keys")).toBe(keys);
    const s = await getSettings(t.db);
    expect(s.name).toBe("Acme Partners");
    expect(s.storeUrl).toBe("http://localhost:3000/");
    expect(s.actionCommissions).toEqual({});
    // the seed's own activity goes with it; loading and clearing stay in the log
    expect(await queryRows(t.db, sql`select 1 from audit_log where actor_id = 'demo-data'`)).toEqual([]);
    expect((await actions()).map((a) => a.action)).toEqual(["demo_data.load", "demo_data.clear"]);
    expect(await getDemoStatus(t.db)).toEqual({ loaded: false, empty: false });
    await expect(clearDemoData(t.db, admin)).rejects.toThrow("There is no demo data to clear.");
  });

  test("db clear-demo on the command line says when there is nothing to clear", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(["db", "clear-demo"], { out: (l) => out.push(l), err: (l) => err.push(l), openDb: async () => ({ db: t.db, kind: t.kind, close: async () => {} }) });
    expect({ code, out, err }).toEqual({ code: 1, out: [], err: ["error: There is no demo data to clear."] });
  });
});
