import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { queryRows } from "@/db/open";
import { apiKey, partner, sale, uid } from "@/lib/testing/fixtures";
import { getWith, postJson, readJson, type Handler, type Json } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { GET as listCommissions } from "./commissions/route";
import { GET as listPartners } from "./partners/route";
import { GET as listPayouts, POST as pay } from "./payouts/route";

// The REST API's cursors against rows that share a timestamp: PostgreSQL keeps microseconds,
// a JS Date milliseconds. Many rows in one microsecond and many more in one millisecond (but
// different microseconds), read back in small pages: every row exactly once, in the
// database's (created_at desc, id desc) order.

const t = setupTestDatabase();
const DAY = 86_400_000;
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

/** Six rows in one microsecond, the rest spread over five microseconds of the next millisecond. */
function crowdedTime(i: number): string {
  return i < 6 ? "2021-06-01T10:00:00.123456Z" : `2021-06-01T10:00:00.124${String(1 + (i % 5)).padStart(3, "0")}Z`;
}

async function crowd(table: "partners" | "commissions" | "payouts", ids: string[]) {
  const values = sql.join(
    ids.map((id, i) => sql`(${id}::uuid, ${crowdedTime(i)}::timestamptz)`),
    sql`, `,
  );
  await t.db.execute(sql`update ${sql.identifier(table)} t set created_at = v.at from (values ${values}) v(id, at) where t.id = v.id`);
}

async function databaseOrder(table: string, where = sql`true`): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(t.db, sql`select id from ${sql.identifier(table)} where ${where} order by created_at desc, id desc`);
  return rows.map((r) => r.id);
}

/** Every id the list gives, following nextCursor page by page. */
async function pageThrough(handler: Handler, path: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = path.includes("?") ? "&" : "?";
    const body: Json = await readJson(await getWith(handler, `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { key }));
    expect(body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...body.items.map((x: Json) => x.id));
    cursor = body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error("the list never ended");
}

describe("API list cursors with rows in the same millisecond and microsecond", () => {
  test("GET /api/v1/partners: every partner once, newest first", async () => {
    const made = [];
    for (let i = 0; i < 26; i++) made.push((await partner(t.db)).id);
    await crowd("partners", made);
    const expected = await databaseOrder("partners");
    expect(expected.length).toBeGreaterThanOrEqual(26);
    for (const limit of [1, 4, 7]) expect(await pageThrough(listPartners, "/api/v1/partners", limit)).toEqual(expected);
  });

  test("GET /api/v1/commissions: every commission once, newest first", async () => {
    const p = await partner(t.db, { couponCodes: [uid("CROWD")] });
    for (let i = 0; i < 18; i++) await sale(t.db, { amount: 1_000 + i, couponCode: p.couponCodes[0] });
    const ids = await databaseOrder("commissions", sql`partner_id = ${p.id}`);
    await crowd("commissions", ids);
    const expected = await databaseOrder("commissions", sql`partner_id = ${p.id}`);
    expect(expected).toHaveLength(18);
    for (const limit of [1, 4]) expect(await pageThrough(listCommissions, `/api/v1/commissions?partnerId=${p.id}`, limit)).toEqual(expected);
  });

  test("GET /api/v1/payouts: every payout once, newest first", async () => {
    const p = await partner(t.db, { couponCodes: [uid("PAID")] });
    for (let i = 0; i < 9; i++) {
      await sale(t.db, { amount: 5_000 + i, couponCode: p.couponCodes[0] }, { now: new Date(Date.now() - 40 * DAY) });
      expect((await postJson(pay, { partnerId: p.id, method: "other" }, { key })).status).toBe(201);
    }
    await crowd("payouts", await databaseOrder("payouts", sql`partner_id = ${p.id}`));
    const expected = await databaseOrder("payouts", sql`partner_id = ${p.id}`);
    expect(expected).toHaveLength(9);
    for (const limit of [1, 2]) expect(await pageThrough(listPayouts, `/api/v1/payouts?partnerId=${p.id}`, limit)).toEqual(expected);
  });
});
