import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { payouts } from "@/db/schema";
import { parseListParams } from "@/lib/schemas/list-params";
import { bulkPaySummary } from "@/lib/schemas/payout-bulk";
import { dueListSpec } from "@/lib/schemas/payout-lists";
import { API_ACTOR, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { payAllDue } from "./payout-bulk";
import { allDuePartners, duePayments, listDuePartners } from "./payout-due";
import { balanceOf, createPayout } from "./payouts";
import { recordRefund } from "./tracking/refunds";

// The Due list and "Pay all due", on the real database. Files share one
// database per file, so each test names its partners with a tag of its own and looks only
// at those (the list's search).

const t = setupTestDatabase();
const DAY = 86_400_000;
const old = () => new Date(Date.now() - 40 * DAY); // past the 30-day hold: approved

async function partnerWith(tag: string, amounts: number[], opts: { recent?: number[]; payoutMethod?: string | null; payoutDetails?: Record<string, string>; referralCode?: string } = {}) {
  const method = opts.payoutMethod === undefined ? "paypal" : opts.payoutMethod;
  const p = await partner(t.db, {
    name: uid(`${tag} `),
    couponCodes: [uid("DUE")],
    payoutMethod: method,
    payoutDetails: opts.payoutDetails ?? (method === "paypal" ? { email: `${uid("pp")}@example.com` } : method === "stripe" ? { accountId: "acct_1A2b3C4d5E6f" } : {}),
    ...(opts.referralCode ? { referralCode: opts.referralCode } : {}),
  });
  const orders = [];
  for (const amount of amounts) orders.push((await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: old() })).body);
  for (const amount of opts.recent ?? []) await sale(t.db, { amount, couponCode: p.couponCodes[0] }); // in hold: pending
  return { partner: p, orders };
}

const list = (tag: string, query: Record<string, string> = {}, minPayout = 0) =>
  listDuePartners(t.db, parseListParams({ q: tag, ...query }, dueListSpec), { minPayout });

describe("the Due list", () => {
  test("balance is approved commissions minus clawbacks; pending apart; negative balances and partners paid up are not listed", async () => {
    const tag = uid("due");
    const { partner: a } = await partnerWith(tag, [10_000, 20_000], { recent: [5_000] }); // 1000 + 2000, 500 pending
    const { partner: clawed, orders } = await partnerWith(tag, [10_000]);
    await createPayout(t.db, SYSTEM, { partnerId: clawed.id, transactionId: "TX-1" }); // 1000 paid
    await recordRefund(t.db, { orderId: orders[0]!.orderId, amount: 6_000 }, { actor: API_ACTOR }); // clawback −600
    await sale(t.db, { amount: 10_000, couponCode: clawed.couponCodes[0] }, { now: old() }); // +1000 → balance 400
    const { partner: negative, orders: negOrders } = await partnerWith(tag, [10_000]);
    await createPayout(t.db, SYSTEM, { partnerId: negative.id, transactionId: "TX-2" });
    await recordRefund(t.db, { orderId: negOrders[0]!.orderId }, { actor: API_ACTOR }); // −1000, carried forward
    await partnerWith(tag, [], { recent: [9_000] }); // only pending: nothing due

    const { rows, summary } = await list(tag);
    expect(rows.map((r) => [r.partnerId, r.balance, r.commissionCount, r.pending])).toEqual([
      [a.id, 3000, 2, 500],
      [clawed.id, 400, 1, 0],
    ]);
    expect(summary).toEqual({ partners: 2, amount: 3400 });
    // The list agrees with what a payout would take.
    expect((await balanceOf(t.db, clawed.id)).balance).toBe(400);
    expect((await balanceOf(t.db, negative.id)).balance).toBe(-1000);
    expect(rows[0]!.oldestCommissionAt!.getTime()).toBeLessThan(Date.now() - 39 * DAY);
    expect(rows[0]!.payoutMethod).toBe("paypal");
    expect(rows[0]!.payoutDetails.email).toMatch(/@example\.com$/);
  });

  test("the minimum payout is respected, and sort, method filter and paging happen in SQL", async () => {
    const tag = uid("min");
    const { partner: big } = await partnerWith(tag, [60_000]); // 6000
    const { partner: mid } = await partnerWith(tag, [50_000], { payoutMethod: "stripe" }); // 5000: exactly the minimum
    await partnerWith(tag, [49_990]); // 4999: below
    const { rows } = await list(tag, {}, 5000);
    expect(rows.map((r) => r.partnerId)).toEqual([big.id, mid.id]);

    expect((await list(tag, { sort: "balance", dir: "asc" }, 5000)).rows.map((r) => r.partnerId)).toEqual([mid.id, big.id]);
    expect((await list(tag, { method: "stripe" }, 5000)).rows.map((r) => r.partnerId)).toEqual([mid.id]);
    const page2 = await list(tag, { size: "10", page: "2" }, 0);
    expect(page2.rows).toEqual([]);
    expect(page2.summary).toEqual({ partners: 3, amount: 15_999 });
    const exported = await allDuePartners(t.db, { q: tag }, { minPayout: 5000 });
    expect(exported.map((r) => r.balance)).toEqual([6000, 5000]);
  });
});

describe("Pay all due", () => {
  const shown = (...rows: { id: string; amount: number }[]) => rows.map((r) => ({ partnerId: r.id, amount: r.amount }));

  test("one payout per partner by the partner's own method, for the amount shown; the others are skipped with the reason", async () => {
    const tag = uid("bulk");
    const { partner: pp } = await partnerWith(tag, [10_000]);
    const { partner: stripe } = await partnerWith(tag, [20_000], { payoutMethod: "stripe" });
    const { partner: noMethod } = await partnerWith(tag, [30_000], { payoutMethod: null });
    const { partner: small } = await partnerWith(tag, [1_000]); // 100, below the minimum
    const { partner: empty } = await partnerWith(tag, []);
    await settings(t.db, { minPayout: 500 });
    try {
      const payments = shown({ id: pp.id, amount: 1000 }, { id: stripe.id, amount: 2000 }, { id: noMethod.id, amount: 3000 }, { id: small.id, amount: 100 }, { id: empty.id, amount: 100 }, { id: pp.id, amount: 1000 });
      const result = await payAllDue(t.db, SYSTEM, { payments, reference: "BATCH-42" });
      expect(result.paid.map((p) => [p.partnerId, p.amount])).toEqual([
        [pp.id, 1000],
        [stripe.id, 2000],
      ]);
      expect(result.total).toBe(3000);
      expect(result.skipped.map((s) => [s.partnerId, s.reason])).toEqual([
        [noMethod.id, "no payout method set"],
        [small.id, "below the minimum payout"],
        [empty.id, "nothing due"],
      ]);
      expect(bulkPaySummary(result)).toBe(
        `Paid 2 partners, $30.00 in all. 3 skipped: ${noMethod.name} (no payout method set), ${small.name} (below the minimum payout), ${empty.name} (nothing due).`,
      );
      const made = await t.db.select().from(payouts).where(eq(payouts.transactionId, "BATCH-42"));
      expect(made.map((p) => [p.partnerId, p.method, p.amount]).sort()).toEqual(
        [
          [pp.id, "paypal", 1000],
          [stripe.id, "stripe", 2000],
        ].sort(),
      );
      // Again (a second tab, a double click): nothing is paid twice.
      const again = await payAllDue(t.db, SYSTEM, { payments: shown({ id: pp.id, amount: 1000 }, { id: stripe.id, amount: 2000 }), reference: "BATCH-42" });
      expect(again.paid).toEqual([]);
      expect(again.skipped.map((s) => s.reason)).toEqual(["nothing due", "nothing due"]);
      expect(await t.db.select().from(payouts).where(eq(payouts.transactionId, "BATCH-42"))).toHaveLength(2);
    } finally {
      await settings(t.db, { minPayout: 0 });
    }
  });

  test("a partner whose balance moved since the list was shown is skipped, not paid a sum nobody sent; the others are paid", async () => {
    const tag = uid("moved");
    const { partner: steady } = await partnerWith(tag, [10_000]);
    const { partner: grew } = await partnerWith(tag, [10_000]);
    const { partner: clawed, orders } = await partnerWith(tag, [10_000, 10_000]);
    await createPayout(t.db, SYSTEM, { partnerId: clawed.id, transactionId: "first" }); // 2000 paid
    await sale(t.db, { amount: 10_000, couponCode: clawed.couponCodes[0] }, { now: old() }); // clawed: +1000
    const before = await duePayments(t.db, { q: tag }, { minPayout: 0 });
    expect(before.payments.map((p) => [p.partnerId, p.amount]).sort()).toEqual(
      [
        [steady.id, 1000],
        [grew.id, 1000],
        [clawed.id, 1000],
      ].sort(),
    );
    // Between looking and recording: a commission approved for one, a clawback for another.
    await sale(t.db, { amount: 5_000, couponCode: grew.couponCodes[0] }, { now: old() });
    await recordRefund(t.db, { orderId: orders[0]!.orderId, amount: 10_000 }, { actor: API_ACTOR }); // −1000 clawback
    const result = await payAllDue(t.db, SYSTEM, { payments: before.payments.map(({ partnerId, amount }) => ({ partnerId, amount })), reference: "RUN-moved" });
    expect(result.paid.map((p) => [p.partnerId, p.amount])).toEqual([[steady.id, 1000]]);
    expect(result.skipped.map((s) => [s.partnerId, s.reason]).sort()).toEqual(
      [
        [grew.id, "balance changed since you looked (now $15.00)"],
        [clawed.id, "nothing due"],
      ].sort(),
    );
    expect((await balanceOf(t.db, grew.id)).balance).toBe(1500);
    expect(await t.db.select().from(payouts).where(eq(payouts.transactionId, "RUN-moved"))).toHaveLength(1);
  });

  test("the payments and a batch reference are required; concurrent runs still make one payout each", async () => {
    await expect(payAllDue(t.db, SYSTEM, { payments: [], reference: "X" })).rejects.toMatchObject({ details: [{ field: "payments" }] });
    const tag = uid("all");
    const a = (await partnerWith(tag, [10_000])).partner;
    const b = (await partnerWith(tag, [20_000], { payoutMethod: "other", payoutDetails: { instructions: "cheque" } })).partner;
    const { payments } = await duePayments(t.db, { q: tag }, { minPayout: 0 });
    await expect(payAllDue(t.db, SYSTEM, { payments, reference: " " })).rejects.toMatchObject({ details: [{ field: "reference" }] });
    const input = { payments: payments.map(({ partnerId, amount }) => ({ partnerId, amount })), reference: "RUN-1" };
    const runs = await Promise.all([payAllDue(t.db, SYSTEM, input), payAllDue(t.db, SYSTEM, input)]);
    expect(runs.flatMap((r) => r.paid.map((p) => p.partnerId)).sort()).toEqual([a.id, b.id].sort());
    expect((await list(tag)).rows).toEqual([]);
    expect((await t.db.select().from(payouts).where(eq(payouts.partnerId, a.id))).length).toBe(1);
  });
});
