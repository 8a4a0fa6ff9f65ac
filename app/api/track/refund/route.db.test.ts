import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { adjustments, commissions, orders, payouts } from "@/db/schema";
import { apiKey, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { expectError, expectEveryBadKeyRefused, expectNothingWritten, postJson, readJson, rowCounts, type Json } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { POST } from "./route";

const t = setupTestDatabase();
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const postRefund = (body: unknown, raw?: string) => postJson(POST, body, { key, raw });

/** An order of `amount` with a 10 % commission through a coupon: answers its orderId and commission id. */
async function commissionedOrder(amount = 10_000) {
  const p = await partner(t.db, { couponCodes: [uid("R")] });
  const { body } = await sale(t.db, { amount, couponCode: p.couponCodes[0] });
  return { orderId: body.orderId, commissionId: body.commission!.id, partnerId: p.id, commission: body.commission!.amount };
}

async function state(orderId: string, commissionId: string) {
  const [order] = await t.db.select({ refunded: orders.refundedAmount }).from(orders).where(eq(orders.externalId, orderId));
  const [c] = await t.db.select({ amount: commissions.amount, status: commissions.status }).from(commissions).where(eq(commissions.id, commissionId));
  return { refunded: order!.refunded, commission: c };
}

describe("POST /api/track/refund", () => {
  test("a full refund (no amount) voids the unpaid commission: 200 {orderId, refunded, commission}", async () => {
    const o = await commissionedOrder();
    const res = await postRefund({ orderId: o.orderId });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body).toMatchObject({ orderId: o.orderId, refunded: 10_000, commission: { id: o.commissionId, amount: 0, status: "void" } });
    expect(Object.keys(body.commission).sort()).toEqual(["amount", "id", "status"]);
    expect(body).not.toHaveProperty("adjustment");
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 10_000, commission: { amount: 0, status: "void" } });
  });

  test("a partial refund reduces the commission in proportion", async () => {
    const o = await commissionedOrder();
    const body = await readJson(await postRefund({ orderId: o.orderId, amount: 2_500 }));
    expect(body).toMatchObject({ orderId: o.orderId, refunded: 2_500, commission: { id: o.commissionId, amount: 750, status: "pending" } });
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 2_500, commission: { amount: 750, status: "pending" } });
  });

  test("partial refunds that sum to the order total leave the commission at 0 and void, no cent lost", async () => {
    // 9999 at 10 % is 1000; three refunds of 3333 each reverse a third each
    const o = await commissionedOrder(9_999);
    expect(o.commission).toBe(1000);
    const amounts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const body = await readJson(await postRefund({ orderId: o.orderId, amount: 3_333 }));
      expect(body.refunded).toBe(3_333);
      amounts.push(body.commission.amount);
    }
    expect(amounts).toEqual([667, 333, 0]);
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 9_999, commission: { amount: 0, status: "void" } });
  });

  test("the rest of the order is refunded when no amount is given", async () => {
    const o = await commissionedOrder();
    await postRefund({ orderId: o.orderId, amount: 4_000 });
    const body = await readJson(await postRefund({ orderId: o.orderId }));
    expect(body).toMatchObject({ refunded: 6_000, commission: { amount: 0, status: "void" } });
  });

  test("more than what is left is 422 refund_exceeds_order and nothing changes", async () => {
    const o = await commissionedOrder();
    await postRefund({ orderId: o.orderId, amount: 6_000 });
    const before = await state(o.orderId, o.commissionId);
    await expectNothingWritten(t.db, async () => expectError(await postRefund({ orderId: o.orderId, amount: 4_001 }), 422, "refund_exceeds_order", ["amount"]));
    expect(await state(o.orderId, o.commissionId)).toEqual(before);
    // once fully refunded, any further refund is refused as well
    await postRefund({ orderId: o.orderId });
    await expectNothingWritten(t.db, async () => expectError(await postRefund({ orderId: o.orderId }), 422, "refund_exceeds_order", ["amount"]));
    await expectNothingWritten(t.db, async () => expectError(await postRefund({ orderId: o.orderId, amount: 1 }), 422, "refund_exceeds_order", ["amount"]));
  });

  test("a refundId counts once: a replay is 200 with the same body; other values under it are 409", async () => {
    const o = await commissionedOrder();
    const refundId = uid("re-");
    const first = await postRefund({ orderId: o.orderId, amount: 1_000, refundId });
    expect(first.status).toBe(200);
    const text = await first.text();
    const replay = await expectNothingWritten(t.db, () => postRefund({ orderId: o.orderId, amount: 1_000, refundId }));
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe(text);
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 1_000, commission: { amount: 900, status: "pending" } });
    await expectNothingWritten(t.db, async () => expectError(await postRefund({ orderId: o.orderId, amount: 2_000, refundId }), 409, "idempotency_conflict"));
    expect((await state(o.orderId, o.commissionId)).refunded).toBe(1_000);
  });

  test("concurrent full refunds of one order: one is applied, the others are 422", async () => {
    const o = await commissionedOrder();
    const before = await rowCounts(t.db);
    const statuses = await Promise.all(Array.from({ length: 5 }, async () => (await postRefund({ orderId: o.orderId })).status));
    expect(statuses.sort((a, b) => a - b)).toEqual([200, 422, 422, 422, 422]);
    expect((await rowCounts(t.db)).refunds).toBe(before.refunds + 1);
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 10_000, commission: { amount: 0, status: "void" } });
  });

  test("a refund after the commission was paid adds a negative adjustment and leaves the commission as paid", async () => {
    const o = await commissionedOrder();
    const [payout] = await t.db.insert(payouts).values({ partnerId: o.partnerId, amount: 1000, currency: "USD", method: "paypal", transactionId: uid("tx-") }).returning();
    await t.db.update(commissions).set({ status: "paid", payoutId: payout!.id }).where(eq(commissions.id, o.commissionId));

    const before = await rowCounts(t.db);
    const res = await postRefund({ orderId: o.orderId, amount: 5_000 });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body).toMatchObject({
      orderId: o.orderId,
      refunded: 5_000,
      commission: { id: o.commissionId, amount: 1000, status: "paid" },
      adjustment: { id: expect.any(String), amount: -500 },
    });
    expect((await rowCounts(t.db)).adjustments).toBe(before.adjustments + 1);
    const [adjustment] = await t.db.select().from(adjustments).where(eq(adjustments.id, body.adjustment.id));
    expect(adjustment).toMatchObject({ partnerId: o.partnerId, commissionId: o.commissionId, amount: -500, payoutId: null });
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 5_000, commission: { amount: 1000, status: "paid" } });
    // the rest claws back the other half, exactly
    expect((await readJson(await postRefund({ orderId: o.orderId }))).adjustment.amount).toBe(-500);
  });

  test("a refund of an order without a commission is recorded with commission null", async () => {
    const { body: order } = await sale(t.db, { amount: 3_000 });
    const res = await postRefund({ orderId: order.orderId, amount: 1_000 });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ orderId: order.orderId, refunded: 1_000, commission: null });
  });
});

describe("POST /api/track/refund refuses bad requests and records nothing", () => {
  test("an unknown order is 404 unknown_order", async () => {
    await expectNothingWritten(t.db, async () => expectError(await postRefund({ orderId: uid("nope-"), amount: 100 }), 404, "unknown_order"));
    await expectNothingWritten(t.db, async () => expectError(await postRefund({ orderId: uid("nope-"), refundId: uid("re-") }), 404, "unknown_order"));
  });

  test("a missing, malformed, wrong or revoked key is 401", async () => {
    const o = await commissionedOrder();
    await expectEveryBadKeyRefused(t.db, (headers) => postJson(POST, { orderId: o.orderId }, { headers }));
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 0, commission: { amount: 1000, status: "pending" } });
  });

  test("with tracking off it is 503 tracking_disabled", async () => {
    const o = await commissionedOrder();
    await settings(t.db, { trackingEnabled: false });
    try {
      await expectNothingWritten(t.db, async () => expectError(await postRefund({ orderId: o.orderId }), 503, "tracking_disabled"));
    } finally {
      await settings(t.db, { trackingEnabled: true });
    }
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 0, commission: { amount: 1000, status: "pending" } });
  });

  test.each([
    ["not JSON", "orderId=1"],
    ["a JSON array", '[{"orderId":"1"}]'],
    ["JSON null", "null"],
  ])("a body that is %s is 400 malformed_request", async (_name, raw) => {
    await expectNothingWritten(t.db, async () => expectError(await postRefund(undefined, raw), 400, "malformed_request"));
  });

  test.each<[string, Json, string[]]>([
    ["no orderId", { amount: 100 }, ["orderId"]],
    ["a zero amount", { orderId: "__ORDER__", amount: 0 }, ["amount"]],
    ["a negative amount", { orderId: "__ORDER__", amount: -100 }, ["amount"]],
    ["a string amount", { orderId: "__ORDER__", amount: "100" }, ["amount"]],
    ["a fractional amount", { orderId: "__ORDER__", amount: 0.5 }, ["amount"]],
    ["an amount of 1e20", { orderId: "__ORDER__", amount: 1e20 }, ["amount"]],
    ["an empty refundId", { orderId: "__ORDER__", refundId: "" }, ["refundId"]],
    ["a NUL in the refundId", { orderId: "__ORDER__", refundId: "r\u0000" }, ["refundId"]],
  ])("%s is 422 naming the field", async (_name, body, fields) => {
    const o = await commissionedOrder();
    const withOrder = JSON.parse(JSON.stringify(body).replace("__ORDER__", o.orderId)) as Json;
    await expectNothingWritten(t.db, async () => expectError(await postRefund(withOrder), 422, "invalid_request", fields));
    expect(await state(o.orderId, o.commissionId)).toEqual({ refunded: 0, commission: { amount: 1000, status: "pending" } });
  });

  test("an unknown field is 422 naming it", async () => {
    const o = await commissionedOrder();
    await expectNothingWritten(t.db, async () => {
      const error = await expectError(await postRefund({ orderId: o.orderId, refundAmount: 100 }), 422, "invalid_request");
      expect(error.details!.some((d) => d.field === "refundAmount" || d.message.includes('"refundAmount"'))).toBe(true);
    });
  });
});
