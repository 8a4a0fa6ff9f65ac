import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { adjustments, commissionEvents, commissions, orders, payouts, refunds } from "@/db/schema";
import type { Db } from "@/db/types";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { API_ACTOR, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { recordRefund } from "./refunds";

const t = setupTestDatabase();

async function attributedSale(amount: number) {
  const p = await partner(t.db, { couponCodes: [uid("R")] });
  const { body } = await sale(t.db, { amount, couponCode: p.couponCodes[0] });
  return { partnerId: p.id, orderId: body.orderId, commissionId: body.commission!.id };
}

const refund = (body: Parameters<typeof recordRefund>[1]) => recordRefund(t.db, body, { actor: API_ACTOR });

async function commissionOf(id: string) {
  return (await t.db.select().from(commissions).where(eq(commissions.id, id)))[0]!;
}

/** Marks a commission paid the way a payout does, for refund-after-payout cases. */
async function markPaid(db: Db, commissionId: string, partnerId: string) {
  const c = await commissionOf(commissionId);
  const payoutId = randomUUID();
  await db.insert(payouts).values({ id: payoutId, partnerId, amount: c.amount, currency: "USD", method: "paypal" });
  await db.update(commissions).set({ status: "paid", payoutId }).where(eq(commissions.id, commissionId));
}

describe("refunds before payout", () => {
  test("a full refund (amount omitted = what is left) voids the commission, with its history", async () => {
    const s = await attributedSale(10_000);
    const { body } = await refund({ orderId: s.orderId });
    expect(body).toMatchObject({ orderId: s.orderId, refunded: 10_000, refundedTotal: 10_000, commission: { id: s.commissionId, amount: 0, status: "void" } });
    expect(await commissionOf(s.commissionId)).toMatchObject({ amount: 0, originalAmount: 1000, status: "void", voidReason: "refunded" });
    const history = await t.db.select().from(commissionEvents).where(eq(commissionEvents.commissionId, s.commissionId));
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.toAmount])).toEqual([
      [null, "pending", 1000],
      ["pending", "void", 0],
    ]);
  });

  test("partial refunds reduce it in proportion and, adding up to the order, reverse exactly 100 %", async () => {
    const s = await attributedSale(999); // commission 100 (99.9 rounds up)
    expect((await commissionOf(s.commissionId)).amount).toBe(100);
    const amounts: number[] = [];
    for (const part of [333, 333, 333]) amounts.push((await refund({ orderId: s.orderId, amount: part })).body.commission!.amount);
    expect(amounts).toEqual([67, 33, 0]);
    expect(await commissionOf(s.commissionId)).toMatchObject({ amount: 0, status: "void" });
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, s.orderId));
    expect(order!.refundedAmount).toBe(999);
  });

  test("refunding more than what is left is refused with 422 and changes nothing", async () => {
    const s = await attributedSale(5000);
    await refund({ orderId: s.orderId, amount: 3000 });
    const error = await refund({ orderId: s.orderId, amount: 2001 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).code).toBe("refund_exceeds_order");
    expect(await commissionOf(s.commissionId)).toMatchObject({ amount: 200 });
    await refund({ orderId: s.orderId });
    await expect(refund({ orderId: s.orderId })).rejects.toThrow("already fully refunded");
  });

  test("an unknown order is a 404", async () => {
    await expect(refund({ orderId: "no-such-order" })).rejects.toBeInstanceOf(NotFoundError);
  });

  test("an unattributed order's refund is recorded without a commission", async () => {
    const { body } = await sale(t.db, { amount: 700 });
    expect((await refund({ orderId: body.orderId, amount: 100 })).body).toMatchObject({ refunded: 100, commission: null });
  });
});

describe("refundId makes a refund count once", () => {
  test("a retry answers the same; other values are a conflict", async () => {
    const s = await attributedSale(10_000);
    const refundId = uid("rf-");
    const first = await refund({ orderId: s.orderId, amount: 2500, refundId });
    const again = await refund({ orderId: s.orderId, amount: 2500, refundId });
    expect(again.created).toBe(false);
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    await expect(refund({ orderId: s.orderId, amount: 2600, refundId })).rejects.toBeInstanceOf(ConflictError);
    expect(await t.db.select().from(refunds).where(eq(refunds.externalId, refundId))).toHaveLength(1);
    expect((await commissionOf(s.commissionId)).amount).toBe(750);
  });

  test("concurrent retries of one refund apply it once", async () => {
    const s = await attributedSale(10_000);
    const refundId = uid("rf-");
    const results = await Promise.all(Array.from({ length: 20 }, () => refund({ orderId: s.orderId, amount: 4000, refundId })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, s.orderId));
    expect(order!.refundedAmount).toBe(4000);
    expect((await commissionOf(s.commissionId)).amount).toBe(600);
  });

  test.each([
    ["the whole order (amount omitted)", undefined],
    ["the whole order (amount given)", 10_000],
    ["more than half of it", 6_000],
  ])("concurrent retries of one refund of %s all answer the first answer, never 422", async (_name, amount) => {
    const s = await attributedSale(10_000);
    const refundId = uid("rf-");
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => refund({ orderId: s.orderId, refundId, ...(amount === undefined ? {} : { amount }) })));
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [String(o.reason)] : []));
    expect(refused).toEqual([]);
    const answers = outcomes.map((o) => (o as PromiseFulfilledResult<Awaited<ReturnType<typeof refund>>>).value);
    expect(answers.filter((r) => r.created)).toHaveLength(1);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(await t.db.select().from(refunds).where(eq(refunds.externalId, refundId))).toHaveLength(1);
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, s.orderId));
    expect(order!.refundedAmount).toBe(amount ?? 10_000);
  });

  test("concurrent different refunds of one order never exceed it", async () => {
    const s = await attributedSale(1000);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => refund({ orderId: s.orderId, amount: 300 })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    // the other five are told why, not failed by the race
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [{ type: o.reason.constructor.name, code: o.reason.code }] : []));
    expect(refused).toEqual(Array(5).fill({ type: "InvalidError", code: "refund_exceeds_order" }));
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, s.orderId));
    expect(order!.refundedAmount).toBe(900);
    expect((await commissionOf(s.commissionId)).amount).toBe(10); // 100 − round(100 × 900/1000)
  });
});

describe("refunds after payout", () => {
  test("claw back through a negative adjustment; the paid commission is left as paid", async () => {
    const s = await attributedSale(10_000);
    await markPaid(t.db, s.commissionId, s.partnerId);
    const { body } = await refund({ orderId: s.orderId, amount: 4000 });
    expect(body.commission).toMatchObject({ amount: 1000, status: "paid" });
    expect(body.adjustment).toMatchObject({ amount: -400 });
    const [adj] = await t.db.select().from(adjustments).where(eq(adjustments.commissionId, s.commissionId));
    expect(adj).toMatchObject({ partnerId: s.partnerId, amount: -400, payoutId: null });
    expect((await refund({ orderId: s.orderId })).body.adjustment).toMatchObject({ amount: -600 });
    const all = await t.db.select().from(adjustments).where(eq(adjustments.commissionId, s.commissionId));
    expect(all.reduce((sum, a) => sum + a.amount, 0)).toBe(-1000);
  });

  test("a partial refund before payout, then the rest after, claws back only what was paid", async () => {
    const s = await attributedSale(10_000);
    await refund({ orderId: s.orderId, amount: 4000 }); // 1000 → 600
    await markPaid(t.db, s.commissionId, s.partnerId);
    expect((await refund({ orderId: s.orderId })).body.adjustment).toMatchObject({ amount: -600 });
  });
});
