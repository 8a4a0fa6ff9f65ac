import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { adjustments, commissionEvents, commissions, orders as ordersTable, payouts } from "@/db/schema";
import { ConflictError, InvalidError } from "@/lib/errors";
import { API_ACTOR, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { changeCommissionStatus } from "./commissions";
import { balanceOf, createPayout, voidPayout } from "./payouts";
import { recordRefund } from "./tracking/refunds";

const t = setupTestDatabase();
const DAY = 86_400_000;
const old = () => new Date(Date.now() - 40 * DAY); // past the 30-day hold: approved

async function partnerWithSales(amounts: number[], opts: { ageDays?: number; payoutMethod?: string } = {}) {
  const p = await partner(t.db, { couponCodes: [uid("PAY")], payoutMethod: opts.payoutMethod ?? "paypal", payoutDetails: { email: "p@example.com" } });
  const at = new Date(Date.now() - (opts.ageDays ?? 40) * DAY);
  const orders = [];
  for (const amount of amounts) orders.push((await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: at })).body);
  return { partner: p, orders };
}

async function orderRow(externalId: string) {
  const [row] = await t.db.select().from(ordersTable).where(eq(ordersTable.externalId, externalId));
  return row!;
}

const pay = (partnerId: string, extra: Record<string, unknown> = {}) => createPayout(t.db, SYSTEM, { partnerId, transactionId: uid("TX-"), ...extra });

describe("paying a partner", () => {
  test("takes the whole balance, marks its commissions paid with the payout id, and the balance returns to zero", async () => {
    const { partner: p } = await partnerWithSales([10_000, 5000]);
    await partnerWithSales([7000]); // another partner's money is not touched
    const fresh = await sale(t.db, { amount: 9000, couponCode: p.couponCodes[0] }); // in hold: pending, not paid
    expect(await balanceOf(t.db, p.id)).toEqual({ balance: 1500, pending: 900 });

    const payout = await pay(p.id, { note: "March" });
    expect(payout).toMatchObject({ partnerId: p.id, amount: 1500, currency: "USD", method: "paypal" });
    expect(payout.commissionIds).toHaveLength(2);
    const paid = await t.db.select().from(commissions).where(eq(commissions.payoutId, payout.id));
    expect(paid.map((c) => c.status)).toEqual(["paid", "paid"]);
    const history = await t.db.select().from(commissionEvents).where(eq(commissionEvents.commissionId, paid[0]!.id));
    expect(history.at(-1)).toMatchObject({ fromStatus: "approved", toStatus: "paid" });
    expect(await balanceOf(t.db, p.id)).toEqual({ balance: 0, pending: 900 });
    const [pending] = await t.db.select().from(commissions).where(eq(commissions.id, fresh.body.commission!.id));
    expect(pending!.status).toBe("pending");
  });

  test("nets a clawback from a refund after payout against the next payout", async () => {
    const { partner: p, orders } = await partnerWithSales([10_000]);
    await pay(p.id); // 1000 paid
    await recordRefund(t.db, { orderId: orders[0]!.orderId, amount: 5000 }, { actor: API_ACTOR }); // clawback −500
    expect((await balanceOf(t.db, p.id)).balance).toBe(-500);
    await expect(pay(p.id)).rejects.toThrow("carries forward"); // never a negative payout
    await sale(t.db, { amount: 20_000, couponCode: p.couponCodes[0] }, { now: old() }); // +2000
    const next = await pay(p.id);
    expect(next.amount).toBe(1500);
    expect(next.adjustmentIds).toHaveLength(1);
    const [adj] = await t.db.select().from(adjustments).where(eq(adjustments.partnerId, p.id));
    expect(adj!.payoutId).toBe(next.id);
  });

  test("nothing due, below the minimum, a missing transaction id or method: a clear 422 and nothing written", async () => {
    const empty = await partner(t.db, { payoutMethod: "paypal" });
    const before = (await t.db.select().from(payouts)).length;
    await expect(pay(empty.id)).rejects.toMatchObject({ code: "nothing_due" });
    const { partner: small } = await partnerWithSales([1000]); // 100 due
    await settings(t.db, { minPayout: 5000 });
    try {
      await expect(pay(small.id)).rejects.toThrow("below the minimum payout of $50.00");
    } finally {
      await settings(t.db, { minPayout: 0 });
    }
    const err = await createPayout(t.db, SYSTEM, { partnerId: small.id, method: "stripe" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).details?.[0]?.field).toBe("transactionId");
    const noMethod = await partner(t.db, { couponCodes: [uid("NM")] });
    await expect(createPayout(t.db, SYSTEM, { partnerId: noMethod.id, transactionId: "x" })).rejects.toThrow("Choose how the partner is paid");
    await expect(pay("00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "unknown_partner" });
    expect((await t.db.select().from(payouts)).length).toBe(before);
    expect((await balanceOf(t.db, small.id)).balance).toBe(100);
  });

  test("'other' needs no transaction id", async () => {
    const { partner: p } = await partnerWithSales([3000], { payoutMethod: "other" });
    expect((await createPayout(t.db, SYSTEM, { partnerId: p.id })).amount).toBe(300);
  });
});

describe("a payout pays what was shown", () => {
  test("with the amount seen it pays; when the balance moved it answers 409 balance_changed with the current figure and writes nothing", async () => {
    const { partner: p } = await partnerWithSales([10_000]);
    await sale(t.db, { amount: 5000, couponCode: p.couponCodes[0] }, { now: old() }); // approved after the merchant looked
    const before = (await t.db.select().from(payouts)).length;
    const error = await pay(p.id, { amount: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 409,
      code: "balance_changed",
      message: "The balance changed since you looked: $15.00 is due now, not $10.00. Nothing was recorded; check it, then pay the new amount.",
      details: [{ field: "amount", message: "Due now: 1500" }],
    });
    expect((await t.db.select().from(payouts)).length).toBe(before);
    expect((await balanceOf(t.db, p.id)).balance).toBe(1500);
    expect((await pay(p.id, { amount: 1500 })).amount).toBe(1500);
  });

  test("a clawback added after the merchant looked is not settled without being deducted", async () => {
    const { partner: p, orders } = await partnerWithSales([10_000, 10_000]);
    await pay(p.id, { amount: 2000 });
    await sale(t.db, { amount: 30_000, couponCode: p.couponCodes[0] }, { now: old() }); // 3000 due: shown
    await recordRefund(t.db, { orderId: orders[0]!.orderId, amount: 10_000 }, { actor: API_ACTOR }); // −1000 clawback meanwhile
    await expect(pay(p.id, { amount: 3000 })).rejects.toMatchObject({ code: "balance_changed", details: [{ message: "Due now: 2000" }] });
    const [clawback] = await t.db.select().from(adjustments).where(eq(adjustments.partnerId, p.id));
    expect(clawback!.payoutId).toBeNull();
  });

  test("an amount that is not a positive whole number is refused as invalid", async () => {
    const { partner: p } = await partnerWithSales([10_000]);
    for (const amount of [0, -5, 10.5, "1000"]) await expect(pay(p.id, { amount })).rejects.toMatchObject({ status: 422, details: [{ field: "amount" }] });
  });
});

describe("exactly one payout", () => {
  test("concurrent Pay clicks for one partner make one payout; the others find nothing due", async () => {
    const { partner: p } = await partnerWithSales([10_000, 10_000, 10_000]);
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => pay(p.id)));
    const made = outcomes.filter((o) => o.status === "fulfilled");
    expect(made).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && (o.reason as InvalidError).code === "nothing_due")).toHaveLength(7);
    const rows = await t.db.select().from(payouts).where(eq(payouts.partnerId, p.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.amount).toBe(3000);
  });

  test("a refund racing a payout lands in the payout or in the next balance, never both or neither", async () => {
    for (let round = 0; round < 5; round++) {
      const { partner: p, orders } = await partnerWithSales([10_000, 10_000]);
      const [payout, refund] = await Promise.allSettled([pay(p.id), recordRefund(t.db, { orderId: orders[0]!.orderId, amount: 10_000 }, { actor: API_ACTOR })]);
      expect(payout.status).toBe("fulfilled");
      expect(refund.status).toBe("fulfilled");
      const paidAmount = payout.status === "fulfilled" ? payout.value.amount : 0;
      const { balance } = await balanceOf(t.db, p.id);
      // Earned 2000, refund took 1000 back: whatever the order, paid + balance = 1000.
      expect(paidAmount + balance).toBe(1000);
    }
  });
});

describe("voiding a payout", () => {
  test("returns its commissions to approved and its adjustments to the balance, and is kept in the trail", async () => {
    const { partner: p } = await partnerWithSales([10_000]);
    const payout = await pay(p.id);
    await voidPayout(t.db, SYSTEM, payout.id, { reason: "sent to the wrong PayPal address" });
    const [row] = await t.db.select().from(payouts).where(eq(payouts.id, payout.id));
    expect(row).toMatchObject({ status: "void", voidReason: "sent to the wrong PayPal address" });
    expect((await balanceOf(t.db, p.id)).balance).toBe(1000);
    const [c] = await t.db.select().from(commissions).where(eq(commissions.id, payout.commissionIds[0]!));
    expect(c).toMatchObject({ status: "approved", payoutId: null });
    await expect(voidPayout(t.db, SYSTEM, payout.id, { reason: "again" })).rejects.toBeInstanceOf(ConflictError);
    expect((await pay(p.id)).amount).toBe(1000);
  });

  test("paid → refunded → payout voided → commission voided leaves no debt for money never received", async () => {
    const { partner: p, orders } = await partnerWithSales([10_000, 20_000]);
    const payout = await pay(p.id); // 3000
    await recordRefund(t.db, { orderId: orders[0]!.orderId, amount: 5000 }, { actor: API_ACTOR }); // −500 clawback
    expect((await balanceOf(t.db, p.id)).balance).toBe(-500);
    await voidPayout(t.db, SYSTEM, payout.id, { reason: "PayPal returned it" });
    expect((await balanceOf(t.db, p.id)).balance).toBe(2500); // 1000 + 2000 − 500: the refund still counts
    const [c] = await t.db.select().from(commissions).where(eq(commissions.orderId, (await orderRow(orders[0]!.orderId)).id));
    await changeCommissionStatus(t.db, SYSTEM, { id: c!.id, action: "void", reason: "fraud" });
    // The partner was never paid for the voided order: nothing is owed for it either way.
    expect((await balanceOf(t.db, p.id)).balance).toBe(2000);
    const trail = await t.db.select().from(adjustments).where(eq(adjustments.commissionId, c!.id));
    expect(trail.map((a) => a.amount).sort((a, b) => a - b)).toEqual([-500, 500]);
  });

  test("a reason is required", async () => {
    const { partner: p } = await partnerWithSales([10_000]);
    const payout = await pay(p.id);
    await expect(voidPayout(t.db, SYSTEM, payout.id, { reason: "" })).rejects.toBeInstanceOf(InvalidError);
  });
});
