import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { adjustments, commissions, payouts } from "@/db/schema";
import { partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { partnerBalance, partnerBalances } from "./balances";
import { approveDueCommissions } from "./commissions-hold";

const t = setupTestDatabase();
const DAY = 86_400_000;

/** A partner with one sale per amount (commission 10 %) through its coupon; returns the commission ids. */
async function partnerWithSales(amounts: number[], options: { now?: Date } = {}) {
  const coupon = uid("BAL");
  const p = await partner(t.db, { couponCodes: [coupon] });
  const ids: string[] = [];
  for (const amount of amounts) ids.push((await sale(t.db, { amount, couponCode: coupon }, options)).body.commission!.id);
  return { id: p.id, commissions: ids };
}

async function payout(partnerId: string, amount: number) {
  const id = randomUUID();
  await t.db.insert(payouts).values({ id, partnerId, amount, currency: "USD", method: "paypal" });
  return id;
}

test("balance = approved commissions and adjustments not in a payout; pending is apart", async () => {
  const old = new Date(Date.now() - 40 * DAY);
  const p = await partnerWithSales([10_000, 20_000, 30_000, 40_000, 50_000], { now: old }); // 1000, 2000, 3000, 4000, 5000
  const pendingOnes = await sale(t.db, { amount: 7000, couponCode: (await t.db.query.couponCodes.findFirst({ where: (c, { eq }) => eq(c.partnerId, p.id) }))!.code });
  await approveDueCommissions(t.db);
  // 1000 and 5000 stay approved; 2000 goes into a payout, 3000 is marked paid by hand, 4000 is voided
  const [, inPayout, byHand, voided] = p.commissions as [string, string, string, string, string];

  const payoutId = await payout(p.id, 2000);
  await t.db.update(commissions).set({ status: "paid", payoutId }).where(eq(commissions.id, inPayout));
  await t.db.update(commissions).set({ status: "paid" }).where(eq(commissions.id, byHand)); // paid outside the app
  await t.db.update(commissions).set({ status: "void", voidReason: "rejected" }).where(eq(commissions.id, voided));
  await t.db.insert(adjustments).values([
    { partnerId: p.id, amount: -300, currency: "USD", reason: "clawback" },
    { partnerId: p.id, amount: -999, currency: "USD", reason: "clawback already netted", payoutId },
  ]);

  expect(await partnerBalance(t.db, p.id)).toEqual({ balance: 1000 + 5000 - 300, pending: pendingOnes.body.commission!.amount });
  expect(pendingOnes.body.commission!.amount).toBe(700);
});

test("a clawback larger than what is approved leaves a negative balance", async () => {
  const p = await partnerWithSales([1000], { now: new Date(Date.now() - 40 * DAY) });
  await approveDueCommissions(t.db);
  await t.db.insert(adjustments).values({ partnerId: p.id, amount: -250, currency: "USD", reason: "clawback" });
  expect(await partnerBalance(t.db, p.id)).toEqual({ balance: -150, pending: 0 });
});

test("every partner asked for gets an entry, zero when it has nothing; no ids, no entries", async () => {
  const quiet = await partner(t.db);
  const busy = await partnerWithSales([5000]);
  const map = await partnerBalances(t.db, [quiet.id, busy.id, quiet.id]);
  expect([...map.keys()].sort()).toEqual([quiet.id, busy.id].sort());
  expect(map.get(quiet.id)).toEqual({ balance: 0, pending: 0 });
  expect(map.get(busy.id)).toEqual({ balance: 0, pending: 500 });
  expect((await partnerBalances(t.db, [])).size).toBe(0);
});
