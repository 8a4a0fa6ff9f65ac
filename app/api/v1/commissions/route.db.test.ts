import { beforeAll, describe, expect, test } from "vitest";
import { apiKey, partner, sale, uid } from "@/lib/testing/fixtures";
import { expectError, expectEveryBadKeyRefused, getWith, readJson, type Json } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

const t = setupTestDatabase();
const DAY = 86_400_000;
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const list = (query: string) => getWith(GET, `/api/v1/commissions${query}`, { key });

async function partnerWithSales(amounts: number[], ageDays = 0) {
  const p = await partner(t.db, { couponCodes: [uid("API")] });
  const orderIds: string[] = [];
  for (const [i, amount] of amounts.entries()) {
    // a minute apart, so "newest first" has one answer
    const at = new Date(Date.now() - ageDays * DAY - (amounts.length - i) * 60_000);
    const { body } = await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: at });
    orderIds.push(body.orderId);
  }
  return { partner: p, orderIds };
}

describe("GET /api/v1/commissions", () => {
  test("lists a partner's commissions newest first, with the fields SPEC.md names", async () => {
    const { partner: p, orderIds } = await partnerWithSales([10_000, 2_500]);
    const body = await readJson(await list(`?partnerId=${p.id}`));
    expect(body.nextCursor).toBeNull();
    expect(body.items).toEqual([
      { id: expect.any(String), partnerId: p.id, orderId: orderIds[1], amount: 250, currency: "USD", status: "pending", payoutId: null, createdAt: expect.any(String) },
      { id: expect.any(String), partnerId: p.id, orderId: orderIds[0], amount: 1000, currency: "USD", status: "pending", payoutId: null, createdAt: expect.any(String) },
    ]);
    expect(new Date(body.items[0].createdAt).getTime()).toBeGreaterThan(new Date(body.items[1].createdAt).getTime());
  });

  test("filters by status: a commission past its hold is approved when it is read", async () => {
    const { partner: p } = await partnerWithSales([4_000], 40);
    await partnerWithSales([9_000]); // another partner, pending
    const approved = await readJson(await list(`?partnerId=${p.id}&status=approved`));
    expect(approved.items.map((c: Json) => [c.amount, c.status])).toEqual([[400, "approved"]]);
    expect((await readJson(await list(`?partnerId=${p.id}&status=pending`))).items).toEqual([]);
  });

  test("pages with limit and cursor: every commission once, none skipped", async () => {
    const { partner: p } = await partnerWithSales([1000, 2000, 3000, 4000, 5000]);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: Json = await readJson(await list(`?partnerId=${p.id}&limit=2${cursor ? `&cursor=${cursor}` : ""}`));
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((c: Json) => c.amount));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([500, 400, 300, 200, 100]);
  });

  test("bad filters answer 422 naming the field", async () => {
    await expectError(await list("?status=owed"), 422, "invalid_request", ["status"]);
    await expectError(await list("?partnerId=42"), 422, "invalid_request", ["partnerId"]);
    await expectError(await list("?limit=0"), 422, "invalid_request", ["limit"]);
    await expectError(await list("?limit=101"), 422, "invalid_request", ["limit"]);
    await expectError(await list("?limit=ten"), 422, "invalid_request", ["limit"]);
    await expectError(await list("?cursor=bm90LWEtY3Vyc29y"), 422, "invalid_request", ["cursor"]);
  });

  test("an unknown partner id is an empty list, not an error", async () => {
    expect(await readJson(await list("?partnerId=00000000-0000-4000-8000-000000000000"))).toEqual({ items: [], nextCursor: null });
  });

  test("a missing, wrong or revoked key gets 401", async () => {
    await expectEveryBadKeyRefused(t.db, (headers) => getWith(GET, "/api/v1/commissions", { headers }));
  });
});
