import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { auditLog, commissions, customers, orders } from "@/db/schema";
import { InvalidError } from "@/lib/errors";
import { partner, settings, uid } from "@/lib/testing/fixtures";
import { expectNothingWritten } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM, type Actor } from "./actor";
import { createAdmin } from "./admin-users";
import { approveDueCommissions } from "./commissions-hold";
import { recordManualSale } from "./commissions";
import { getOverview } from "./overview/get-overview";

// The date of a sale entered by hand, on the real database: the sale happened that day in
// the program's time zone, so reports count it on that day, its hold period runs from it and
// its customer is referred from it; a future date is a field error and writes nothing.

const t = setupTestDatabase();
// 2026-06-15 00:30 in Berlin is still 2026-06-14 in UTC: the day is the program's.
const NOW = new Date("2026-06-14T22:30:00Z");

async function adminActor(): Promise<Actor> {
  const created = await createAdmin(t.db, SYSTEM, { email: `${uid("admin")}@example.com`, password: "a long enough password" });
  return { type: "admin", id: created.id, label: created.email };
}

test("a sale dated in the past counts on that day, is held from it, and refers its customer from it", async () => {
  await settings(t.db, { timezone: "Europe/Berlin", holdDays: 7 });
  const admin = await adminActor();
  const p = await partner(t.db, { commissionType: "fixed", commissionRate: 500 });
  const orderId = uid("phone-");
  const result = await recordManualSale(t.db, admin, { partnerId: p.id, orderId, amount: "80.00", saleDate: "2026-06-01", customerEmail: "cy@example.com" }, { now: NOW });
  const [order] = await t.db.select().from(orders).where(eq(orders.externalId, orderId));
  const [commission] = await t.db.select().from(commissions).where(eq(commissions.id, result.commission!.id));
  const noonInBerlin = new Date("2026-06-01T10:00:00Z");
  expect(order!.createdAt).toEqual(noonInBerlin);
  expect(commission!.createdAt).toEqual(noonInBerlin);
  expect(commission!.holdUntil).toEqual(new Date("2026-06-08T10:00:00Z")); // the 7-day hold ran out a week ago
  const [customer] = await t.db.select().from(customers).where(eq(customers.id, order!.customerId!));
  expect(customer!.referredAt).toEqual(noonInBerlin);
  expect(await approveDueCommissions(t.db, NOW)).toBe(1); // payable now, as a week-old sale is

  // Reports: on June 1, not on the day it was typed in.
  const onTheDay = await getOverview(t.db, { range: "custom", from: "2026-06-01", to: "2026-06-01" }, { now: NOW });
  expect([onTheDay.cards.revenue.current, onTheDay.cards.conversions.current]).toEqual([8_000, 1]);
  const typedIn = await getOverview(t.db, { range: "custom", from: "2026-06-15", to: "2026-06-15" }, { now: NOW });
  expect(typedIn.cards.conversions.current).toBe(0);

  const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "sale.manual"));
  expect(entry!.details).toMatchObject({ saleDate: "2026-06-01" });
});

test("no date is today in the program's time zone, at the moment it is recorded", async () => {
  await settings(t.db, { timezone: "Europe/Berlin", holdDays: 7 });
  const admin = await adminActor();
  const p = await partner(t.db);
  const result = await recordManualSale(t.db, admin, { partnerId: p.id, orderId: uid("today-"), amount: "10" }, { now: NOW });
  const [commission] = await t.db.select().from(commissions).where(eq(commissions.id, result.commission!.id));
  expect(commission!.createdAt).toEqual(NOW);
  const explicit = await recordManualSale(t.db, admin, { partnerId: p.id, orderId: uid("today-"), amount: "10", saleDate: "2026-06-15" }, { now: NOW });
  expect(explicit.commission!.status).toBe("pending");
});

test.each([
  ["2026-06-16", "The sale date cannot be in the future."], // tomorrow in Berlin (already June 15 there)
  ["2026-13-01", "Enter the sale date as YYYY-MM-DD."],
  ["yesterday", "Enter the sale date as YYYY-MM-DD."],
])("sale date %s: a field error, nothing written", async (saleDate, message) => {
  await settings(t.db, { timezone: "Europe/Berlin" });
  const admin = await adminActor();
  const p = await partner(t.db);
  const error = await expectNothingWritten(t.db, () =>
    recordManualSale(t.db, admin, { partnerId: p.id, orderId: uid("future-"), amount: "10", saleDate }, { now: NOW }).catch((e: unknown) => e),
  );
  expect(error).toBeInstanceOf(InvalidError);
  expect((error as InvalidError).details).toEqual([{ field: "saleDate", message }]);
});
