import { eq, sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { describe, expect, test } from "vitest";
import { auditLog, couponCodes, partnerSessions, partners } from "@/db/schema";
import { AppError, ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/services/actor";
import { link, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { hashDashboardToken } from "./partner-tokens";
import { findPartnerRecord, getPartner } from "./partner-lookup";
import { changePartnerStatus, resetPartnerAccess } from "./partner-status";
import { addPartner, updatePartner } from "./partners";
import { sealToken, unsealToken } from "@/lib/server/token-seal";

const t = setupTestDatabase();
const ADMIN: Actor = { type: "admin", id: "00000000-0000-4000-8000-0000000000ad", label: "owner@example.com" };

function form(overrides: Record<string, unknown> = {}) {
  const key = uid();
  return {
    name: `Jane ${key}`,
    email: `jane-${key}@example.com`,
    status: "approved",
    referralCode: null,
    commissionType: null,
    commissionRate: null,
    couponCodes: [],
    payoutMethod: null,
    payoutDetails: {},
    notes: null,
    ...overrides,
  };
}

/** The form's values for an existing partner, with changes. */
async function editForm(id: string, changes: Record<string, unknown> = {}) {
  const r = (await findPartnerRecord(t.db, id))!;
  const { id: _id, ...values } = r;
  return { ...values, ...changes };
}

/** Everything a refused change could have touched. */
async function snapshot() {
  const [rows, coupons, audit] = await Promise.all([
    t.db.select().from(partners).orderBy(partners.id),
    t.db.select().from(couponCodes).orderBy(couponCodes.id),
    t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog),
  ]);
  return { rows, coupons, audit: Number(audit[0]!.n) };
}

async function refused(fn: () => Promise<unknown>): Promise<AppError> {
  const before = await snapshot();
  const error = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await snapshot()).toEqual(before);
  return error as AppError;
}

const fieldsOf = (error: AppError) => (error.details ?? []).map((d) => d.field);

describe("adding a partner from the console", () => {
  test("saves every field, generates a referral code when none is given, and is audited", async () => {
    const coupon = uid("JANE");
    const created = await addPartner(
      t.db,
      ADMIN,
      form({
        couponCodes: [coupon],
        commissionType: "percentage",
        commissionRate: 1250,
        payoutMethod: "bank_transfer",
        payoutDetails: { accountHolder: "Jane Doe", iban: "de89370400440532013000", bic: "cobadeffxxx" },
        notes: "Met at the trade fair",
      }),
    );
    expect(created.referralCode).toMatch(/^jane-[a-f0-9]+-[a-z0-9]{4}$/);
    expect(created.couponCodes).toEqual([coupon]);
    const [row] = await t.db.select().from(partners).where(eq(partners.id, created.id));
    expect(row).toMatchObject({
      commissionType: "percentage",
      commissionRate: 1250,
      payoutMethod: "bank_transfer",
      payoutDetails: { accountHolder: "Jane Doe", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX" },
      notes: "Met at the trade fair",
      status: "approved",
    });
    expect(row!.approvedAt).toBeInstanceOf(Date);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toMatchObject({ action: "partner.create", actorType: "admin", actorId: ADMIN.id });
  });

  test("a coupon for a pending partner is refused on the coupon field, and nothing is written", async () => {
    const error = await refused(() => addPartner(t.db, ADMIN, form({ status: "pending", couponCodes: [uid("PEND")] })));
    expect(error).toBeInstanceOf(InvalidError);
    expect(fieldsOf(error)).toEqual(["couponCodes"]);
  });

  test("a taken email, coupon (any case) or referral code (a partner's or a link's) names its field; nothing is written", async () => {
    const other = await partner(t.db, { couponCodes: [uid("TAKEN")] });
    const l = await link(t.db, other.id, { slug: uid("slug-") });

    const email = await refused(() => addPartner(t.db, ADMIN, form({ email: other.email.toUpperCase() })));
    expect(email).toBeInstanceOf(ConflictError);
    expect(fieldsOf(email)).toEqual(["email"]);

    const coupon = await refused(() => addPartner(t.db, ADMIN, form({ couponCodes: [uid("FREE"), other.couponCodes[0]!.toLowerCase()] })));
    expect(fieldsOf(coupon)).toEqual(["couponCodes"]);
    expect(coupon.details![0]!.message).toContain(other.couponCodes[0]!.toLowerCase());

    const code = await refused(() => addPartner(t.db, ADMIN, form({ referralCode: other.referralCode.toUpperCase() })));
    expect(fieldsOf(code)).toEqual(["referralCode"]);
    const slug = await refused(() => addPartner(t.db, ADMIN, form({ referralCode: l.slug })));
    expect(fieldsOf(slug)).toEqual(["referralCode"]);
  });

  test.each([
    [{ payoutMethod: "paypal", payoutDetails: { email: "not-an-email" } }, "payoutDetails.email"],
    [{ payoutMethod: "bank_transfer", payoutDetails: { accountHolder: "Jane", iban: "DE89370400440532013001" } }, "payoutDetails.iban"],
    [{ payoutMethod: "bank_transfer", payoutDetails: { accountHolder: "", iban: "DE89370400440532013000" } }, "payoutDetails.accountHolder"],
    [{ payoutMethod: "bank_transfer", payoutDetails: { accountHolder: "Jane", iban: "DE89370400440532013000", bic: "NOPE" } }, "payoutDetails.bic"],
    [{ payoutMethod: "stripe", payoutDetails: { accountId: "cus_123456789" } }, "payoutDetails.accountId"],
    [{ payoutMethod: "other", payoutDetails: { instructions: " " } }, "payoutDetails.instructions"],
    [{ commissionType: "percentage", commissionRate: 10_001 }, "commissionRate"],
    [{ commissionType: "fixed", commissionRate: null }, "commissionRate"],
    [{ couponCodes: ["SAME", "same"] }, "couponCodes.1"],
    [{ name: " " }, "name"],
  ])("invalid values are refused on their field: %o", async (changes, field) => {
    const error = await refused(() => addPartner(t.db, ADMIN, form(changes)));
    expect(error).toBeInstanceOf(InvalidError);
    expect(fieldsOf(error)).toContain(field);
  });

  test("payout details keep only what the chosen method needs", async () => {
    const created = await addPartner(t.db, ADMIN, form({ payoutMethod: "paypal", payoutDetails: { email: "Jane.PayPal@Example.com" } }));
    expect((await findPartnerRecord(t.db, created.id))!.payoutDetails).toEqual({ email: "jane.paypal@example.com" });
  });
});

describe("editing a partner", () => {
  test("changes the rate, coupons (added, removed, re-cased) and details, with the changes in the audit log", async () => {
    const [keep, drop, add] = [uid("KEEP"), uid("DROP"), uid("ADD")];
    const p = await partner(t.db, { couponCodes: [keep, drop] });
    const updated = await updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { commissionType: "fixed", commissionRate: 500, couponCodes: [keep.toLowerCase(), add], notes: "VIP" }));
    expect(updated).toMatchObject({ commissionType: "fixed", commissionRate: 500, couponCodes: [keep.toLowerCase(), add] });
    const record = (await findPartnerRecord(t.db, p.id))!;
    expect(record).toMatchObject({ commissionType: "fixed", commissionRate: 500, notes: "VIP", couponCodes: [keep.toLowerCase(), add] });
    // a dropped coupon is free for someone else
    await expect(partner(t.db, { couponCodes: [drop] })).resolves.toMatchObject({ couponCodes: [drop] });

    const [audit] = await t.db.select().from(auditLog).where(sql`${auditLog.entityId} = ${p.id} and ${auditLog.action} = 'partner.update'`);
    expect(audit!.details).toMatchObject({
      changes: {
        commissionType: { from: null, to: "fixed" },
        commissionRate: { from: null, to: 500 },
        notes: { from: null, to: "VIP" },
        couponCodes: { from: [drop, keep], to: [keep.toLowerCase(), add] }, // coupons created together list by code
      },
    });
  });

  test("a pending partner cannot be given a coupon; a suspended one keeps its coupons when edited", async () => {
    const pending = await partner(t.db, { status: "pending" });
    const error = await refused(async () => updatePartner(t.db, ADMIN, pending.id, await editForm(pending.id, { couponCodes: [uid("NOPE")] })));
    expect(fieldsOf(error)).toEqual(["couponCodes"]);

    const coupon = uid("KEPT");
    const p = await partner(t.db, { couponCodes: [coupon] });
    await changePartnerStatus(t.db, ADMIN, p.id, "suspend");
    const edited = await updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { name: "Renamed" }));
    expect(edited).toMatchObject({ name: "Renamed", status: "suspended", couponCodes: [coupon] });
    const more = await refused(async () => updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { couponCodes: [coupon, uid("MORE")] })));
    expect(fieldsOf(more)).toEqual(["couponCodes"]);
  });

  test("a taken email, coupon or referral code names its field and changes nothing", async () => {
    const other = await partner(t.db, { couponCodes: [uid("THEIRS")] });
    const l = await link(t.db, other.id, { slug: uid("lnk-") });
    const p = await partner(t.db);

    const email = await refused(async () => updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { email: other.email, name: "Changed too" })));
    expect(fieldsOf(email)).toEqual(["email"]);
    const coupon = await refused(async () => updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { couponCodes: [other.couponCodes[0]!.toUpperCase()] })));
    expect(fieldsOf(coupon)).toEqual(["couponCodes"]);
    const code = await refused(async () => updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { referralCode: other.referralCode })));
    expect(fieldsOf(code)).toEqual(["referralCode"]);
    const slug = await refused(async () => updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { referralCode: l.slug.toUpperCase() })));
    expect(fieldsOf(slug)).toEqual(["referralCode"]);
    const blank = await refused(async () => updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { referralCode: null })));
    expect(fieldsOf(blank)).toEqual(["referralCode"]);
  });

  test("a new referral code works for clicks at once and the old one stops", async () => {
    const p = await partner(t.db);
    const next = uid("newcode-");
    await updatePartner(t.db, ADMIN, p.id, await editForm(p.id, { referralCode: next }));
    const { resolveRef } = await import("./tracking/resolve-ref");
    expect(await resolveRef(t.db, next)).toMatchObject({ partnerId: p.id });
    expect(await resolveRef(t.db, p.referralCode)).toBeUndefined();
  });

  test("an unknown or malformed id is a 404", async () => {
    await expect(updatePartner(t.db, ADMIN, "00000000-0000-4000-8000-000000000000", form({ referralCode: "abc" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePartner(t.db, ADMIN, "nope", form({ referralCode: "abc" }))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("status changes", () => {
  test("approving sets approved_at; every change is audited with from and to", async () => {
    const p = await partner(t.db, { status: "pending" });
    expect((await t.db.select().from(partners).where(eq(partners.id, p.id)))[0]!.approvedAt).toBeNull();
    await changePartnerStatus(t.db, ADMIN, p.id, "approve");
    const [row] = await t.db.select().from(partners).where(eq(partners.id, p.id));
    expect(row).toMatchObject({ status: "approved" });
    expect(row!.approvedAt).toBeInstanceOf(Date);
    await changePartnerStatus(t.db, ADMIN, p.id, "suspend");
    await changePartnerStatus(t.db, ADMIN, p.id, "reinstate");
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, p.id)).orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, (e.details as { from?: string }).from, (e.details as { to?: string }).to])).toEqual([
      ["partner.create", undefined, undefined],
      ["partner.approve", "pending", "approved"],
      ["partner.suspend", "approved", "suspended"],
      ["partner.reinstate", "suspended", "approved"],
    ]);
    // reinstating keeps the first approval date
    expect((await t.db.select().from(partners).where(eq(partners.id, p.id)))[0]!.approvedAt).toEqual(row!.approvedAt);
  });

  test("a suspended partner keeps its coupons, but they no longer attribute sales", async () => {
    const coupon = uid("SUSP");
    const p = await partner(t.db, { couponCodes: [coupon] });
    await changePartnerStatus(t.db, ADMIN, p.id, "suspend");
    expect((await findPartnerRecord(t.db, p.id))!.couponCodes).toEqual([coupon]);
    const { body } = await sale(t.db, { couponCode: coupon });
    expect(body).toMatchObject({ attributed: false, partnerId: null });
  });

  test("a change that does not fit the status is refused and changes nothing", async () => {
    const p = await partner(t.db, { status: "pending" });
    const error = await refused(() => changePartnerStatus(t.db, ADMIN, p.id, "suspend"));
    expect(error).toBeInstanceOf(ConflictError);
    await refused(() => changePartnerStatus(t.db, ADMIN, p.id, "reinstate"));
    await changePartnerStatus(t.db, ADMIN, p.id, "reject");
    expect((await findPartnerRecord(t.db, p.id))!.status).toBe("rejected");
  });
});

describe("reset password", () => {
  test("rotates the dashboard token, clears the password and ends portal sessions, audited", async () => {
    const p = await partner(t.db);
    await t.db.update(partners).set({ passwordHash: "$2b$10$somethingsomething", passwordSetAt: new Date() }).where(eq(partners.id, p.id));
    await t.db.insert(partnerSessions).values({ tokenHash: uid("session-"), partnerId: p.id, expiresAt: new Date(Date.now() + 86_400_000) });
    const [before] = await t.db.select().from(partners).where(eq(partners.id, p.id));

    const { dashboardUrl } = await resetPartnerAccess(t.db, ADMIN, p.id);

    const [after] = await t.db.select().from(partners).where(eq(partners.id, p.id));
    const token = unsealToken(after!.dashboardTokenSealed)!;
    expect(token).not.toBe(unsealToken(before!.dashboardTokenSealed));
    expect(after!.dashboardTokenHash).not.toBe(before!.dashboardTokenHash);
    expect(after!.dashboardTokenHash).toBe(hashDashboardToken(token));
    expect(after!.passwordHash).toBeNull();
    expect(after!.passwordSetAt).toBeNull();
    expect(dashboardUrl).toBe(`${new URL(p.dashboardUrl).origin}/p/${token}`);
    expect(await t.db.select().from(partnerSessions).where(eq(partnerSessions.partnerId, p.id))).toEqual([]);
    const [audit] = await t.db.select().from(auditLog).where(sql`${auditLog.entityId} = ${p.id} and ${auditLog.action} = 'partner.reset_password'`);
    expect(audit).toMatchObject({ actorType: "admin", actorId: ADMIN.id });
  });

  test("an unknown partner is a 404", async () => {
    await expect(resetPartnerAccess(t.db, ADMIN, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the dashboard token at rest", () => {
  test("no stored column holds the token, yet the merchant is shown the URL and the portal finds the partner", async () => {
    const p = await partner(t.db);
    const token = p.dashboardUrl.split("/p/")[1]!;
    const [row] = await queryRows<{ row: string }>(t.db, sql`select p::text as row from partners p where id = ${p.id}`);
    expect(row!.row).not.toContain(token);
    expect(row!.row).toContain(hashDashboardToken(token));
    expect((await getPartner(t.db, p.id)).dashboardUrl).toBe(p.dashboardUrl);
  });

  test("a token sealed under another secret is shown as unavailable (null), not as garbage", async () => {
    const p = await partner(t.db);
    await t.db.update(partners).set({ dashboardTokenSealed: sealToken("some-token", "an-older-secret-of-more-than-32-characters") }).where(eq(partners.id, p.id));
    expect((await getPartner(t.db, p.id)).dashboardUrl).toBeNull();
  });
});
