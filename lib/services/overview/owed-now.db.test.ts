import { describe, expect, test } from "vitest";
import { parseListParams } from "@/lib/schemas/list-params";
import { dueListSpec } from "@/lib/schemas/payout-lists";
import { API_ACTOR, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "../actor";
import { listDuePartners } from "../payout-due";
import { createPayout, voidPayout } from "../payouts";
import { recordRefund } from "../tracking/refunds";
import { getOverview } from "./get-overview";

// The Overview's "Owed now" is the Payouts page's "Due now" (no search, no filter) on the
// same data, whatever mix of statuses the ledger holds. This file has a database of its own,
// so both figures are over everything in it.

const t = setupTestDatabase();
const DAY = 86_400_000;
const NOW = new Date();
const old = new Date(NOW.getTime() - 40 * DAY); // past the 30-day hold: approved

async function withSales(amounts: { old?: number[]; recent?: number[] }) {
  const p = await partner(t.db, { couponCodes: [uid("OWE")], payoutMethod: "paypal", payoutDetails: { email: `${uid("pp")}@example.com` } });
  const orders = [];
  for (const amount of amounts.old ?? []) orders.push((await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: old })).body);
  for (const amount of amounts.recent ?? []) await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: NOW });
  return { partner: p, orders };
}

async function payoutsDueNow(): Promise<number> {
  const { minPayout } = await settings(t.db);
  return (await listDuePartners(t.db, parseListParams({}, dueListSpec), { minPayout, now: NOW })).summary.amount;
}

describe("Owed now", () => {
  test("equals Payouts → Due now: below the minimum, pending, approved, paid, a voided payout, a clawback", async () => {
    await settings(t.db, { minPayout: 5_000, holdDays: 30 }); // $50.00; commissions are 10 %
    await withSales({ old: [30_000] }); // approved $30.00: below the minimum, not owed
    await withSales({ recent: [900_000] }); // pending $900.00: in hold, not owed
    await withSales({ old: [100_000, 20_000], recent: [50_000] }); // approved $120.00 owed, $50 pending apart
    const paid = await withSales({ old: [200_000] });
    await createPayout(t.db, SYSTEM, { partnerId: paid.partner.id, transactionId: "TX-PAID" }, NOW); // paid: not owed
    const voided = await withSales({ old: [70_000] });
    const mistake = await createPayout(t.db, SYSTEM, { partnerId: voided.partner.id, transactionId: "TX-VOID" }, NOW);
    await voidPayout(t.db, SYSTEM, mistake.id, { reason: "recorded twice" }, NOW); // $70.00 due again
    const clawed = await withSales({ old: [100_000] });
    await createPayout(t.db, SYSTEM, { partnerId: clawed.partner.id, transactionId: "TX-CLAW" }, NOW);
    await recordRefund(t.db, { orderId: clawed.orders[0]!.orderId, amount: 40_000 }, { actor: API_ACTOR }); // −$40.00 clawback
    await sale(t.db, { amount: 600_000, couponCode: clawed.partner.couponCodes[0] }, { now: old }); // +$600.00 → $560.00 owed

    const overview = await getOverview(t.db, { range: "30d" }, { now: NOW });
    expect(overview.owedNow).toEqual({ partners: 3, amount: 12_000 + 7_000 + 56_000 });
    expect(overview.owedNow.amount).toBe(await payoutsDueNow());
  });

  test("follows a change of the minimum payout and a payout, as Due now does", async () => {
    await settings(t.db, { minPayout: 0 });
    const all = await getOverview(t.db, { range: "7d" }, { now: NOW });
    expect(all.owedNow.amount).toBe(await payoutsDueNow());
    expect(all.owedNow.amount).toBe(12_000 + 7_000 + 56_000 + 3_000); // the $30.00 partner is now due too

    const { rows } = await listDuePartners(t.db, parseListParams({}, dueListSpec), { minPayout: 0, now: NOW });
    await createPayout(t.db, SYSTEM, { partnerId: rows[0]!.partnerId, transactionId: "TX-NEXT" }, NOW);
    const after = await getOverview(t.db, { range: "7d" }, { now: NOW });
    expect(after.owedNow.amount).toBe(all.owedNow.amount - rows[0]!.balance);
    expect(after.owedNow.amount).toBe(await payoutsDueNow());
  });
});
