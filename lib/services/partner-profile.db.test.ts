import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog } from "@/db/schema";
import { InvalidError } from "@/lib/errors";
import { partner } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { getPartnerProfile, updatePartnerProfile } from "./partner-profile";
import { getPartner } from "./partner-lookup";

const t = setupTestDatabase();

describe("a partner's own settings", () => {
  test("are saved for that partner only, and the merchant's view reads them at once", async () => {
    const a = await partner(t.db);
    const b = await partner(t.db);
    await updatePartnerProfile(t.db, a.id, { name: "Ada Renamed", payoutMethod: "paypal", payoutDetails: { email: "ADA@Example.com" } });
    expect(await getPartnerProfile(t.db, a.id)).toMatchObject({ name: "Ada Renamed", payoutMethod: "paypal", payoutDetails: { email: "ada@example.com" } });
    expect(await getPartner(t.db, a.id)).toMatchObject({ name: "Ada Renamed" });
    expect(await getPartnerProfile(t.db, b.id)).toMatchObject({ name: b.name, payoutMethod: null, payoutDetails: {} });
  });

  test.each([
    ["bank_transfer", { accountHolder: "Ada L", iban: "de89 3704 0044 0532 0130 00", bic: "" }, { accountHolder: "Ada L", iban: "DE89 3704 0044 0532 0130 00" }],
    ["stripe", { accountId: "acct_1A2b3C4d5E6f" }, { accountId: "acct_1A2b3C4d5E6f" }],
    ["other", { instructions: "Wise, ada@example.com" }, { instructions: "Wise, ada@example.com" }],
  ] as const)("%s details are checked and normalized", async (method, details, stored) => {
    const p = await partner(t.db);
    await updatePartnerProfile(t.db, p.id, { name: p.name, payoutMethod: method, payoutDetails: details });
    expect(await getPartnerProfile(t.db, p.id)).toMatchObject({ payoutMethod: method, payoutDetails: stored });
  });

  test.each([
    [{ name: "", payoutMethod: null }, "name"],
    [{ name: "Ada", payoutMethod: "paypal", payoutDetails: { email: "not-an-email" } }, "payoutDetails.email"],
    [{ name: "Ada", payoutMethod: "bank_transfer", payoutDetails: { accountHolder: "Ada", iban: "DE00 1234" } }, "payoutDetails.iban"],
    [{ name: "Ada", payoutMethod: "stripe", payoutDetails: { accountId: "1234" } }, "payoutDetails.accountId"],
    [{ name: "Ada", payoutMethod: "cash" }, "payoutMethod"],
    // Fields a partner may not touch are refused, not ignored.
    [{ name: "Ada", payoutMethod: null, status: "approved" }, "status"],
    [{ name: "Ada", payoutMethod: null, commissionRate: 9000 }, "commissionRate"],
  ])("%j is refused on %s and changes nothing", async (input, field) => {
    const p = await partner(t.db, { status: "pending" });
    const before = await getPartner(t.db, p.id);
    const error = await updatePartnerProfile(t.db, p.id, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).details?.map((d) => d.field)).toContain(field);
    expect(await getPartner(t.db, p.id)).toEqual(before);
  });

  test("a change is audited as the partner, without the payout details themselves", async () => {
    const p = await partner(t.db);
    await updatePartnerProfile(t.db, p.id, { name: p.name, payoutMethod: "paypal", payoutDetails: { email: "secret-pay@example.com" } });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "partner.update_settings"), eq(auditLog.entityId, p.id)));
    expect(entry).toMatchObject({ actorType: "partner", actorId: p.id, entityId: p.id });
    expect(JSON.stringify(entry!.details)).not.toContain("secret-pay");
  });
});
