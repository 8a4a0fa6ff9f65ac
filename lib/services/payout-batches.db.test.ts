import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { adjustments, commissions, payoutBatches, payouts } from "@/db/schema";
import { parseListParams } from "@/lib/schemas/list-params";
import { dueListSpec } from "@/lib/schemas/payout-lists";
import { API_ACTOR, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { changeCommissionStatus } from "./commissions";
import { batchFile, getBatch } from "./payout-batch-list";
import { cancelBatch, createPaypalBatch, markBatchPaid } from "./payout-batches";
import { listDuePartners } from "./payout-due";
import { paypalUniqueId } from "./payout-paypal";
import { balanceOf, createPayout } from "./payouts";
import { recordRefund } from "./tracking/refunds";

// PayPal batches on the real database: the file is a record of exactly what it sends, its
// money cannot be paid twice meanwhile, and marking it paid records exactly its lines.

const t = setupTestDatabase();
const old = () => new Date(Date.now() - 40 * 86_400_000); // past the 30-day hold: approved

async function partnerWith(amounts: number[], opts: { payoutMethod?: string; payoutDetails?: Record<string, string>; referralCode?: string } = {}) {
  const method = opts.payoutMethod ?? "paypal";
  const p = await partner(t.db, {
    couponCodes: [uid("PPB")],
    payoutMethod: method,
    payoutDetails: opts.payoutDetails ?? (method === "paypal" ? { email: `${uid("pp")}@example.com` } : { accountId: "acct_1A2b3C4d5E6f" }),
    ...(opts.referralCode ? { referralCode: opts.referralCode } : {}),
  });
  const orders = [];
  for (const amount of amounts) orders.push((await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: old() })).body);
  return { partner: p, orders };
}

const paidTotal = async (partnerId: string) =>
  (await t.db.select().from(payouts).where(eq(payouts.partnerId, partnerId))).filter((p) => p.status === "completed").reduce((s, p) => s + p.amount, 0);

describe("making a PayPal batch", () => {
  test("one exact line per due PayPal partner, the others named; the same file again later; its money leaves the Due list", async () => {
    const code = uid("ppcode").slice(0, 12);
    const { partner: a } = await partnerWith([12_500], { payoutDetails: { email: "ada@example.com" }, referralCode: code }); // 12.50
    const longCode = `${"x".repeat(31)}${uid().slice(0, 4)}`;
    const { partner: b } = await partnerWith([100_000, 5], { payoutDetails: { email: "bob@example.com" }, referralCode: longCode }); // 10000 + 1
    const { partner: stripe } = await partnerWith([10_000], { payoutMethod: "stripe" });
    const { partner: noEmail } = await partnerWith([10_000], { payoutDetails: {} });
    const { partner: nothing } = await partnerWith([]);
    const made = await createPaypalBatch(t.db, SYSTEM, { partnerIds: [a.id, b.id, stripe.id, noEmail.id, nothing.id], note: "Affiliate commissions" });
    expect(made).toMatchObject({ lines: 2, amount: 11_251, currency: "USD" });
    expect(made.skipped.map((s) => [s.partnerId, s.reason])).toEqual([
      [stripe.id, "paid by stripe"],
      [noEmail.id, "no PayPal email"],
      [nothing.id, "nothing due"],
    ]);
    const lines = [
      ["ada@example.com", "12.50", "USD", code, "Affiliate commissions", "PAYPAL"],
      ["bob@example.com", "100.01", "USD", b.id.replaceAll("-", "").slice(0, 30), "Affiliate commissions", "PAYPAL"],
    ];
    expect(await batchFile(t.db, made.id)).toEqual(lines);
    expect(paypalUniqueId(b)).toHaveLength(30);

    // More becomes due after the export: the file does not change, and the batch's money is
    // neither in the Due list nor payable by "Pay".
    await sale(t.db, { amount: 2000, couponCode: a.couponCodes[0] }, { now: old() });
    expect(await batchFile(t.db, made.id)).toEqual(lines);
    const due = await listDuePartners(t.db, parseListParams({ q: a.name }, dueListSpec), { minPayout: 0 });
    expect(due.rows.map((r) => r.balance)).toEqual([200]);
    expect((await balanceOf(t.db, a.id)).balance).toBe(1450); // still owed until the batch is paid
    await expect(createPayout(t.db, SYSTEM, { partnerId: b.id, transactionId: "X" })).rejects.toThrow("$100.01 is in an open PayPal batch");
    // A second file cannot take the same money again.
    await expect(createPaypalBatch(t.db, SYSTEM, { partnerIds: [b.id] })).rejects.toThrow(`${b.name} (already in an open PayPal batch)`);
  });

  test("two exports of one partner at once: the money is in one batch only", async () => {
    const { partner: p } = await partnerWith([10_000, 20_000]);
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => createPaypalBatch(t.db, SYSTEM, { partnerIds: [p.id] })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const claimed = await t.db.select({ batchId: commissions.batchId }).from(commissions).where(eq(commissions.partnerId, p.id));
    expect(new Set(claimed.map((c) => c.batchId)).size).toBe(1);
  });
});

describe("marking a batch paid", () => {
  test("records one payout per line for exactly what it sent, with PayPal's batch id, even if more became due since", async () => {
    const { partner: a } = await partnerWith([10_000]);
    const { partner: b } = await partnerWith([20_000]);
    const batch = await createPaypalBatch(t.db, SYSTEM, { partnerIds: [a.id, b.id] });
    await sale(t.db, { amount: 50_000, couponCode: a.couponCodes[0] }, { now: old() }); // approved after the export
    await expect(markBatchPaid(t.db, SYSTEM, batch.id, { reference: " " })).rejects.toMatchObject({ details: [{ field: "reference" }] });
    const result = await markBatchPaid(t.db, SYSTEM, batch.id, { reference: "PP-BATCH-7" });
    expect(result).toEqual({ payouts: 2, amount: 3000, differences: [] });
    const made = await t.db.select().from(payouts).where(eq(payouts.transactionId, "PP-BATCH-7"));
    expect(made.map((p) => [p.partnerId, p.amount, p.method]).sort()).toEqual(
      [
        [a.id, 1000, "paypal"],
        [b.id, 2000, "paypal"],
      ].sort(),
    );
    expect((await balanceOf(t.db, a.id)).balance).toBe(5000); // the later commission is still due
    const { batch: row, lines } = await getBatch(t.db, batch.id);
    expect(row).toMatchObject({ status: "paid", reference: "PP-BATCH-7" });
    expect(lines.every((l) => l.payoutStatus === "completed")).toBe(true);
    await expect(markBatchPaid(t.db, SYSTEM, batch.id, { reference: "again" })).rejects.toMatchObject({ status: 409, code: "batch_closed" });
    expect(await t.db.select().from(payouts).where(eq(payouts.transactionId, "again"))).toEqual([]);
  });

  test("a commission refunded or voided after the export: the payout records what was sent, and the excess is clawed back", async () => {
    const { partner: p, orders } = await partnerWith([10_000, 20_000, 40_000]); // 1000 + 2000 + 4000
    const batch = await createPaypalBatch(t.db, SYSTEM, { partnerIds: [p.id] });
    await recordRefund(t.db, { orderId: orders[0]!.orderId }, { actor: API_ACTOR }); // fully refunded: 1000 → void
    await recordRefund(t.db, { orderId: orders[1]!.orderId, amount: 5000 }, { actor: API_ACTOR }); // 2000 → 1500
    const [third] = await t.db.select().from(commissions).where(eq(commissions.amount, 4000));
    await changeCommissionStatus(t.db, SYSTEM, { id: third!.id, action: "void", reason: "fraud" });
    const result = await markBatchPaid(t.db, SYSTEM, batch.id, { reference: "PP-BATCH-8" });
    expect(result.differences).toEqual([{ partnerId: p.id, amount: 5500 }]);
    const [payout] = await t.db.select().from(payouts).where(eq(payouts.transactionId, "PP-BATCH-8"));
    expect(payout!.amount).toBe(7000); // what PayPal sent
    // Earned and kept: 1500. Sent: 7000. The partner owes 5500 back from the next payout.
    expect((await balanceOf(t.db, p.id)).balance).toBe(-5500);
    expect((await paidTotal(p.id)) + (await balanceOf(t.db, p.id)).balance).toBe(1500);
    const inPayout = await t.db.select().from(adjustments).where(eq(adjustments.payoutId, payout!.id));
    expect(inPayout.map((a) => a.amount)).toEqual([5500]);
    expect(await t.db.select().from(commissions).where(eq(commissions.batchId, batch.id))).toEqual([]);
  });
});

test("cancelling a batch makes its money due again; a cancelled batch cannot be marked paid", async () => {
  const { partner: p } = await partnerWith([10_000]);
  const batch = await createPaypalBatch(t.db, SYSTEM, { partnerIds: [p.id] });
  await expect(cancelBatch(t.db, SYSTEM, batch.id, { reason: "" })).rejects.toMatchObject({ details: [{ field: "reason" }] });
  await cancelBatch(t.db, SYSTEM, batch.id, { reason: "wrong note" });
  const [row] = await t.db.select().from(payoutBatches).where(eq(payoutBatches.id, batch.id));
  expect(row).toMatchObject({ status: "cancelled", cancelReason: "wrong note" });
  await expect(markBatchPaid(t.db, SYSTEM, batch.id, { reference: "PP-X" })).rejects.toMatchObject({ code: "batch_closed" });
  expect((await createPayout(t.db, SYSTEM, { partnerId: p.id, transactionId: "TX", amount: 1000 })).amount).toBe(1000);
});
