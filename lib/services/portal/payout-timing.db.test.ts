import { describe, expect, test } from "vitest";
import { balanceHint, pendingHint } from "@/lib/format/payout-timing";
import { partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "../actor";
import { createPayout, voidPayout } from "../payouts";
import { portalEarnings } from "./earnings";
import { portalPayoutTiming } from "./payout-timing";

// What the portal tells a partner about when they are paid, on the real database: the voided-
// payout note only for a partner whose voided payout left commissions unpaid, and a "Next
// payout" line that says "due" once the balance reaches the minimum.

const t = setupTestDatabase();
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

async function withSales(old: number[], recent: number[] = []) {
  const p = await partner(t.db, { couponCodes: [uid("TIM")], payoutMethod: "paypal", payoutDetails: { email: `${uid("pp")}@example.com` } });
  for (const amount of old) await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: daysAgo(40) });
  for (const amount of recent) await sale(t.db, { amount, couponCode: p.couponCodes[0] }, { now: daysAgo(recent.indexOf(amount) + 1) });
  return p;
}

async function hintsOf(partnerId: string) {
  const s = await settings(t.db);
  const earnings = await portalEarnings(t.db, partnerId);
  const timing = await portalPayoutTiming(t.db, partnerId);
  return {
    timing,
    balance: balanceHint({ balance: earnings.balance, minPayout: s.minPayout, currency: s.currency }),
    pending: pendingHint({ pending: earnings.pending, ...timing, currency: s.currency, timezone: s.timezone }),
  };
}

describe("the voided-payout note", () => {
  test("only for the partner whose voided payout's commissions are unpaid, and until they are paid again", async () => {
    await settings(t.db, { minPayout: 0, holdDays: 30 });
    const voided = await withSales([20_000]);
    const plain = await withSales([30_000]);
    const mistake = await createPayout(t.db, SYSTEM, { partnerId: voided.id, transactionId: uid("TX-") });
    await createPayout(t.db, SYSTEM, { partnerId: plain.id, transactionId: uid("TX-") });
    expect((await portalPayoutTiming(t.db, voided.id)).voidedPayoutDue).toBe(false); // paid, nothing voided yet

    await voidPayout(t.db, SYSTEM, mistake.id, { reason: "recorded twice" });
    expect((await portalPayoutTiming(t.db, voided.id)).voidedPayoutDue).toBe(true);
    expect((await portalPayoutTiming(t.db, plain.id)).voidedPayoutDue).toBe(false);

    await createPayout(t.db, SYSTEM, { partnerId: voided.id, transactionId: uid("TX-") }); // paid again
    expect((await portalPayoutTiming(t.db, voided.id)).voidedPayoutDue).toBe(false);
  });
});

describe("Next payout and Pending", () => {
  test("below the minimum: what is left to go; at or above it: due in the next payout run", async () => {
    await settings(t.db, { minPayout: 5_000, holdDays: 30 });
    const below = await withSales([30_000]); // $30.00 approved
    const above = await withSales([30_000, 40_000]); // $70.00 approved
    expect((await hintsOf(below.id)).balance).toBe("approved; paid once it reaches $50.00 ($20.00 to go)");
    expect((await hintsOf(above.id)).balance).toBe("due now: paid in the program's next payout run");
    await settings(t.db, { minPayout: 0 });
  });

  test("pending commissions: when the first of them becomes payable", async () => {
    await settings(t.db, { minPayout: 0, holdDays: 30, timezone: "UTC" });
    const p = await partner(t.db, { couponCodes: [uid("PEN")] });
    await sale(t.db, { amount: 10_000, couponCode: p.couponCodes[0] }, { now: new Date("2026-01-01T00:00:00Z") }); // long approved
    const soon = daysAgo(25); // payable in 5 days
    await sale(t.db, { amount: 20_000, couponCode: p.couponCodes[0] }, { now: soon });
    await sale(t.db, { amount: 50_000, couponCode: p.couponCodes[0] }, { now: daysAgo(2) });
    const { timing, pending } = await hintsOf(p.id);
    expect(timing.nextPayableAt).toEqual(new Date(soon.getTime() + 30 * DAY));
    expect(timing.nextPayableAmount).toBe(2_000);
    const date = new Date(soon.getTime() + 30 * DAY).toLocaleDateString("en-US", { timeZone: "UTC", dateStyle: "medium" });
    expect(pending).toBe(`inside the hold period; the first $20.00 becomes payable on ${date}`);
  });
});
