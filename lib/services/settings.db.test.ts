import { desc } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog } from "@/db/schema";
import { InvalidError } from "@/lib/errors";
import { partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { getSettings, updateSettings } from "./settings";

const t = setupTestDatabase();
const admin = { type: "admin" as const, id: "00000000-0000-4000-8000-000000000001", label: "owner@example.com" };

describe("program settings", () => {
  test("start with SPEC.md's defaults", async () => {
    const s = await getSettings(t.db);
    expect(s).toMatchObject({
      currency: "USD",
      timezone: "UTC",
      trackingEnabled: true,
      cookieDays: 30,
      attributionModel: "last_click",
      lifetimeAttribution: true,
      defaultCommissionType: "percentage",
      defaultCommissionRate: 1000,
      holdDays: 30,
      blockSelfReferrals: true,
      applicationsOpen: false,
      actionCommissions: {},
    });
  });

  test("a change is saved, read back and audited with what changed", async () => {
    await updateSettings(t.db, admin, { holdDays: 14, cookieDays: 60, actionCommissions: { signup: 200 } });
    const s = await getSettings(t.db);
    expect(s.holdDays).toBe(14);
    expect(s.cookieDays).toBe(60);
    expect(s.actionCommissions).toEqual({ signup: 200 });
    const [entry] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ action: "settings.update", actorType: "admin", actorId: admin.id });
    expect(entry!.details).toMatchObject({ changes: { holdDays: { from: 30, to: 14 }, cookieDays: { from: 30, to: 60 } } });
  });

  test.each([
    [{ cookieDays: 0 }, "cookieDays"],
    [{ holdDays: -1 }, "holdDays"],
    [{ currency: "XYZ" }, "currency"],
    [{ timezone: "Mars/Base" }, "timezone"],
    [{ storeUrl: "javascript:alert(1)" }, "storeUrl"],
    [{ defaultCommissionRate: 10_001 }, "defaultCommissionRate"],
    [{ attributionModel: "linear" }, "attributionModel"],
    [{ actionCommissions: { "bad name!": 100 } }, "actionCommissions.bad name!"],
    [{ minPayout: 10.5 }, "minPayout"],
  ])("refuses %j, names the field and writes nothing", async (patch, field) => {
    const before = await getSettings(t.db);
    const error = await updateSettings(t.db, admin, patch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).details?.map((d) => d.field)).toContain(field);
    expect(await getSettings(t.db)).toEqual(before);
  });

  test("a fixed default may exceed 100 because it is an amount, not a percentage", async () => {
    await updateSettings(t.db, admin, { defaultCommissionType: "fixed", defaultCommissionRate: 50_000 });
    expect((await getSettings(t.db)).defaultCommissionRate).toBe(50_000);
    // switching back to percentage while the rate is still 50,000 is refused as a whole
    await expect(updateSettings(t.db, admin, { defaultCommissionType: "percentage" })).rejects.toBeInstanceOf(InvalidError);
  });

  test("the public application page is off until switched on, and the switch is audited", async () => {
    expect((await getSettings(t.db)).applicationsOpen).toBe(false);
    await updateSettings(t.db, admin, { applicationsOpen: true });
    expect((await getSettings(t.db)).applicationsOpen).toBe(true);
    const [entry] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry!.details).toMatchObject({ changes: { applicationsOpen: { from: false, to: true } } });
    await expect(updateSettings(t.db, admin, { applicationsOpen: "yes" })).rejects.toBeInstanceOf(InvalidError);
  });

  test("the currency is fixed once an order or commission exists: 422 on currency, with what exists, and nothing written", async () => {
    // No money yet: the currency may still change.
    await updateSettings(t.db, admin, { currency: "EUR" });
    await updateSettings(t.db, admin, { currency: "USD" });
    const p = await partner(t.db, { couponCodes: [uid("CUR")] });
    await sale(t.db, { amount: 50_000, couponCode: p.couponCodes[0] });
    const before = await getSettings(t.db);
    const error = await updateSettings(t.db, admin, { currency: "JPY", holdDays: 7 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect(error).toMatchObject({ status: 422, code: "currency_locked" });
    expect((error as InvalidError).details).toEqual([
      { field: "currency", message: "The currency is fixed once money is recorded: orders and commissions exist in USD, and their amounts would be read as JPY." },
    ]);
    expect(await getSettings(t.db)).toEqual(before);
    // Saving the form with the same currency still works.
    await updateSettings(t.db, admin, { currency: "USD", holdDays: 7 });
    expect((await getSettings(t.db)).holdDays).toBe(7);
  });
});
