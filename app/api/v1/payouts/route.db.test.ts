import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { commissions, payouts } from "@/db/schema";
import { approveDueCommissions } from "@/lib/services/commissions-hold";
import { apiKey, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { expectError, expectEveryBadKeyRefused, expectNothingWritten, getWith, postJson, readJson, type Json } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { GET, POST } from "./route";

const t = setupTestDatabase();
const DAY = 86_400_000;
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const pay = (body: unknown, raw?: string) => postJson(POST, body, { key, raw });
const list = (query = "") => getWith(GET, `/api/v1/payouts${query}`, { key });

/** A partner with approved commissions (sales older than the 30-day hold). */
async function partnerOwed(amounts: number[], overrides: Record<string, unknown> = {}) {
  const p = await partner(t.db, { couponCodes: [uid("OWED")], ...overrides });
  for (const amount of amounts) await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: new Date(Date.now() - 40 * DAY) });
  return p;
}

async function payoutCount(): Promise<number> {
  return (await t.db.select({ id: payouts.id }).from(payouts)).length;
}

describe("POST /api/v1/payouts", () => {
  test("pays the whole balance: 201 with the SPEC.md fields, and the commissions are paid", async () => {
    const p = await partnerOwed([10_000, 5_000]);
    const transactionId = uid("PAYPAL-");
    const res = await pay({ partnerId: p.id, method: "paypal", transactionId, note: "March" });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body).toEqual({ id: expect.any(String), partnerId: p.id, amount: 1500, currency: "USD", method: "paypal", transactionId, commissionIds: expect.any(Array) });
    expect(body.commissionIds).toHaveLength(2);
    const rows = await t.db.select().from(commissions).where(eq(commissions.partnerId, p.id));
    expect(rows.map((c) => [c.status, c.payoutId])).toEqual([
      ["paid", body.id],
      ["paid", body.id],
    ]);
  });

  test("nothing due: 422 nothing_due, and nothing is written", async () => {
    const paid = await partnerOwed([10_000]);
    await pay({ partnerId: paid.id, method: "other" });
    const inHold = await partner(t.db, { couponCodes: [uid("HOLD")] });
    await sale(t.db, { amount: 10_000, couponCode: inHold.couponCodes[0] });
    for (const partnerId of [paid.id, inHold.id]) {
      const before = await payoutCount();
      await expectError(await pay({ partnerId, method: "other" }), 422, "nothing_due");
      expect(await payoutCount()).toBe(before);
    }
  });

  test("with the amount the caller saw: 201 when it is what is due; 409 balance_changed with the current figure when it moved, nothing written", async () => {
    const p = await partnerOwed([10_000]);
    await sale(t.db, { amount: 5_000, couponCode: p.couponCodes[0] }, { now: new Date(Date.now() - 40 * DAY) }); // approved since the caller looked
    await approveDueCommissions(t.db);
    await expectNothingWritten(t.db, async () => {
      const res = await pay({ partnerId: p.id, method: "other", amount: 1000 });
      const body = await expectError(res, 409, "balance_changed", ["amount"]);
      expect(body.message).toContain("$15.00 is due now, not $10.00");
      expect(body.details).toEqual([{ field: "amount", message: "Due now: 1500" }]);
    });
    const paid = await pay({ partnerId: p.id, method: "other", amount: 1500 });
    expect(paid.status).toBe(201);
    expect((await readJson(paid)).amount).toBe(1500);
    await expectError(await pay({ partnerId: p.id, method: "other", amount: "1500" }), 422, "invalid_request", ["amount"]);
  });

  test("below the program's minimum payout: 422 nothing_due", async () => {
    const p = await partnerOwed([10_000]); // 10.00 earned
    await settings(t.db, { minPayout: 5_000 });
    try {
      await expectError(await pay({ partnerId: p.id, method: "other" }), 422, "nothing_due");
    } finally {
      await settings(t.db, { minPayout: 0 });
    }
  });

  test("PayPal, bank transfer and Stripe need a transaction id; other does not", async () => {
    const p = await partnerOwed([10_000]);
    await approveDueCommissions(t.db); // the hold has passed: that much is true whatever the request
    for (const method of ["paypal", "bank_transfer", "stripe"]) {
      await expectNothingWritten(t.db, async () => expectError(await pay({ partnerId: p.id, method }), 422, "invalid_request", ["transactionId"]));
    }
    expect((await pay({ partnerId: p.id, method: "other" })).status).toBe(201);
  });

  test("two calls at the same moment for one partner make one payout", async () => {
    const p = await partnerOwed([10_000, 20_000]);
    const answers = await Promise.all(Array.from({ length: 6 }, () => pay({ partnerId: p.id, method: "other", note: "double click" })));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 422, 422, 422, 422, 422]);
    const made = await t.db.select().from(payouts).where(eq(payouts.partnerId, p.id));
    expect(made.map((r) => r.amount)).toEqual([3000]);
  });

  test("bad input: malformed JSON 400, unknown partner or wrong values 422 naming them", async () => {
    await expectNothingWritten(t.db, async () => {
      await expectError(await pay(undefined, "{nope"), 400, "malformed_request");
      // a partner id in the body that names no one is a bad value (422), like POST /api/v1/links
      await expectError(await pay({ partnerId: "00000000-0000-4000-8000-000000000000", method: "other" }), 422, "unknown_partner", ["partnerId"]);
      await expectError(await pay({ partnerId: "nope", method: "cash", note: 5 }), 422, "invalid_request", ["partnerId", "method", "note"]);
      await expectError(await pay({}), 422, "invalid_request", ["partnerId"]);
    });
  });

  test("a missing, wrong or revoked key gets 401", async () => {
    await expectEveryBadKeyRefused(t.db, (headers) => postJson(POST, { partnerId: "x", method: "other" }, { headers }));
  });
});

describe("GET /api/v1/payouts", () => {
  test("lists payouts newest first, filtered by partner and paged by cursor", async () => {
    const p = await partnerOwed([1_000]);
    const made: Json[] = [];
    for (const amount of [2_000, 3_000, 4_000]) {
      await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: new Date(Date.now() - 40 * DAY) });
      made.push(await readJson(await pay({ partnerId: p.id, method: "other", note: `#${amount}` })));
    }
    const first = await readJson(await list(`?partnerId=${p.id}&limit=2`));
    expect(first.items.map((x: Json) => x.id)).toEqual([made[2].id, made[1].id]);
    expect(first.items[0]).toEqual({
      id: made[2].id,
      partnerId: p.id,
      amount: 400,
      currency: "USD",
      method: "other",
      transactionId: null,
      note: "#4000",
      status: "completed",
      createdAt: expect.any(String),
    });
    const second = await readJson(await list(`?partnerId=${p.id}&limit=2&cursor=${first.nextCursor}`));
    expect(second.items.map((x: Json) => x.id)).toEqual([made[0].id]);
    expect(second.nextCursor).toBeNull();
  });

  test("bad filters answer 422; a bad key 401", async () => {
    await expectError(await list("?partnerId=abc"), 422, "invalid_request", ["partnerId"]);
    await expectError(await list("?limit=-1"), 422, "invalid_request", ["limit"]);
    await expectEveryBadKeyRefused(t.db, (headers) => getWith(GET, "/api/v1/payouts", { headers }));
  });
});
