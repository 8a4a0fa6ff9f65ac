import { desc, eq, inArray } from "drizzle-orm";
import { expect, test } from "vitest";
import { auditLog, commissionEvents, commissions } from "@/db/schema";
import { InvalidError } from "@/lib/errors";
import { partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { expectNothingWritten } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import type { Actor } from "./actor";
import { pendingCommissionCount } from "./hold-period";
import { updateSettings } from "./settings";

// Changing the hold period, and applying it to the commissions still pending, on the real
// database: payable date = sale date + the new period, pending ones only, those past it
// approved at once with their history line, one activity row with the counts.

const t = setupTestDatabase();
const DAY = 86_400_000;
const ADMIN: Actor = { type: "admin", id: "00000000-0000-4000-8000-0000000000ad", label: "boss@example.com" };

async function holdOf(id: string) {
  const [row] = await t.db.select({ status: commissions.status, holdUntil: commissions.holdUntil, createdAt: commissions.createdAt }).from(commissions).where(eq(commissions.id, id));
  return row!;
}

test("without the option, pending commissions keep their date; with it, sale date + new period, past ones payable now", async () => {
  await settings(t.db, { holdDays: 30 });
  const now = new Date();
  const p = await partner(t.db, { couponCodes: [uid("HLD")] });
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const tenDays = (await sale(t.db, { couponCode: p.couponCodes[0] }, { now: at(10) })).body.commission!.id;
  const twoDays = (await sale(t.db, { couponCode: p.couponCodes[0] }, { now: at(2) })).body.commission!.id;
  const approved = (await sale(t.db, { couponCode: p.couponCodes[0] }, { now: at(40) })).body.commission!.id; // past 30 days
  await updateSettings(t.db, ADMIN, {}); // nothing changed, nothing asked: a no-op
  expect((await holdOf(approved)).status).toBe("pending"); // the sweep has not run yet: still pending, past its date
  expect(await pendingCommissionCount(t.db)).toBe(3);

  await updateSettings(t.db, ADMIN, { holdDays: 7 }, { now });
  expect((await holdOf(tenDays)).holdUntil.getTime() - (await holdOf(tenDays)).createdAt.getTime()).toBe(30 * DAY); // kept

  await updateSettings(t.db, ADMIN, { holdDays: 7 }, { applyHoldToPending: true, now });
  const ten = await holdOf(tenDays);
  const two = await holdOf(twoDays);
  expect(ten).toMatchObject({ status: "approved" }); // sold 10 days ago, 7-day hold: payable now
  expect(ten.holdUntil.getTime() - ten.createdAt.getTime()).toBe(7 * DAY);
  expect(two).toMatchObject({ status: "pending" });
  expect(two.holdUntil.getTime() - two.createdAt.getTime()).toBe(7 * DAY);
  const history = await t.db.select().from(commissionEvents).where(eq(commissionEvents.commissionId, tenDays)).orderBy(desc(commissionEvents.id));
  expect(history[0]).toMatchObject({ fromStatus: "pending", toStatus: "approved", reason: "hold period ended" });
  const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "commissions.hold_reapplied"));
  // the 40-day-old one was moved too (30 → 7 days) and approved with the 10-day-old one
  expect(entry).toMatchObject({ actorType: "admin", details: { holdDays: 7, count: 3, approved: 2, actor: "boss@example.com" } });

  // Longer again: the pending one moves out, approved ones never go back into hold.
  await updateSettings(t.db, ADMIN, { holdDays: 60 }, { applyHoldToPending: true, now });
  expect((await holdOf(twoDays)).holdUntil.getTime() - (await holdOf(twoDays)).createdAt.getTime()).toBe(60 * DAY);
  const settled = await t.db.select({ status: commissions.status }).from(commissions).where(inArray(commissions.id, [tenDays, approved]));
  expect(settled.map((r) => r.status)).toEqual(["approved", "approved"]);
  await settings(t.db, { holdDays: 30 });
});

test("a bad hold period writes nothing, pending dates included", async () => {
  const p = await partner(t.db, { couponCodes: [uid("BAD")] });
  const id = (await sale(t.db, { couponCode: p.couponCodes[0] })).body.commission!.id;
  const before = await holdOf(id);
  await expectNothingWritten(t.db, async () => {
    await expect(updateSettings(t.db, ADMIN, { holdDays: -1 }, { applyHoldToPending: true })).rejects.toBeInstanceOf(InvalidError);
  });
  expect(await holdOf(id)).toEqual(before);
});
