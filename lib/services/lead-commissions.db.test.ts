import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { adjustments, commissions } from "@/db/schema";
import { API_ACTOR, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { changeCommissionStatus } from "./commissions";
import { balanceOf, createPayout, voidPayout } from "./payouts";
import { recordLead } from "./tracking/leads";
import { recordRefund } from "./tracking/refunds";

// A lead's commission (an action commission, e.g. 200 for a sign-up) moves through the money
// paths like a sale's: it is in the balance and the payout, a refund of the same customer's
// order does not touch it, and voiding it after it was paid claws it back.

const t = setupTestDatabase();
const old = () => new Date(Date.now() - 40 * 86_400_000); // past the 30-day hold

test("a lead's commission is paid, survives the customer's refund, and is clawed back when voided after payout", async () => {
  await settings(t.db, { actionCommissions: { signup: 200 } });
  const p = await partner(t.db, { couponCodes: [uid("LEAD")], payoutMethod: "other" });
  const customer = { id: uid("cust-") };
  const lead = await recordLead(t.db, { eventName: "signup", customer, couponCode: p.couponCodes[0] }, { actor: API_ACTOR, settings: await settings(t.db), now: old() });
  const leadCommissionId = lead.body.commission!.id;
  const order = await sale(t.db, { amount: 10_000, customer }, { now: old() }); // lifetime: the same partner, 1000
  expect(order.body.partnerId).toBe(p.id);

  expect(await balanceOf(t.db, p.id)).toEqual({ balance: 1200, pending: 0 });
  const payout = await createPayout(t.db, SYSTEM, { partnerId: p.id, amount: 1200 });
  expect(payout.commissionIds).toContain(leadCommissionId);

  // The customer's order is refunded in full after payout: its commission is clawed back, the lead's is not.
  const refund = await recordRefund(t.db, { orderId: order.body.orderId }, { actor: API_ACTOR });
  expect(refund.body.adjustment?.amount).toBe(-1000);
  const leadRow = async () => (await t.db.select().from(commissions).where(eq(commissions.id, leadCommissionId)))[0]!;
  expect(await leadRow()).toMatchObject({ status: "paid", amount: 200, payoutId: payout.id });
  expect(await t.db.select().from(adjustments).where(eq(adjustments.commissionId, leadCommissionId))).toEqual([]);
  expect((await balanceOf(t.db, p.id)).balance).toBe(-1000);

  // The sign-up turns out to be fake: voiding the paid lead commission claws it back.
  await changeCommissionStatus(t.db, SYSTEM, { id: leadCommissionId, action: "void", reason: "fake sign-up" });
  expect(await leadRow()).toMatchObject({ status: "void", payoutId: payout.id });
  const [clawback] = await t.db.select().from(adjustments).where(eq(adjustments.commissionId, leadCommissionId));
  expect(clawback).toMatchObject({ amount: -200, payoutId: null });
  expect((await balanceOf(t.db, p.id)).balance).toBe(-1200); // paid 1200 for what is now worth nothing

  // The payout itself is voided (never received): nothing was kept, so nothing is owed.
  await voidPayout(t.db, SYSTEM, payout.id, { reason: "bounced" });
  expect(await leadRow()).toMatchObject({ status: "void", payoutId: null });
  expect((await balanceOf(t.db, p.id)).balance).toBe(0);
});
