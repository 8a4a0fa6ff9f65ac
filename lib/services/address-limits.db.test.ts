import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { addressRateLimits, adminUsers, partners } from "@/db/schema";
import { ADDRESS_LIMITS, type AddressAction } from "@/lib/domain/address-limits";
import { RateLimitedError } from "@/lib/errors";
import { client, partner, settings, uid } from "@/lib/testing/fixtures";
import { request } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { SYSTEM } from "./actor";
import { countAdmins, createFirstAdmin } from "./admin-users";
import { pruneAddressLimits, takeAddressAttempt, type RequestClient } from "./address-limits";
import { applyAsPartner } from "./partner-applications";
import { findPartnerByToken, setPartnerPassword, signInPartner } from "./portal-access";

const t = setupTestDatabase();
const PASSWORD = "lantern-orbit-7421";
const MINUTE = 60_000;

/** Uses up an address's allowance for an action. */
async function exhaust(action: AddressAction, who: RequestClient) {
  for (let i = 0; i < ADDRESS_LIMITS[action].max; i++) expect((await takeAddressAttempt(t.db, action, who)).allowed).toBe(true);
}

describe("the per-address window", () => {
  test("allows the limit, then refuses with the time left; refusals are not counted; a new window starts over", async () => {
    const who = client();
    const { max, windowSeconds } = ADDRESS_LIMITS.set_password;
    const start = new Date(Date.now() + 30 * MINUTE);
    for (let i = 0; i < max; i++) expect(await takeAddressAttempt(t.db, "set_password", who, start)).toEqual({ allowed: true });
    const later = new Date(start.getTime() + 5 * MINUTE);
    expect(await takeAddressAttempt(t.db, "set_password", who, later)).toEqual({ allowed: false, retryAfterSeconds: windowSeconds - 5 * 60 });
    // Hammering a closed window does not move its end.
    for (let i = 0; i < 5; i++) await takeAddressAttempt(t.db, "set_password", who, later);
    expect(await takeAddressAttempt(t.db, "set_password", who, later)).toEqual({ allowed: false, retryAfterSeconds: windowSeconds - 5 * 60 });
    expect(await takeAddressAttempt(t.db, "set_password", who, new Date(start.getTime() + windowSeconds * 1000))).toEqual({ allowed: true });
  });

  test("50 concurrent attempts from one address: exactly the limit goes through", async () => {
    const who = client();
    const gates = await Promise.all(Array.from({ length: 50 }, () => takeAddressAttempt(t.db, "apply", who)));
    expect(gates.filter((g) => g.allowed)).toHaveLength(ADDRESS_LIMITS.apply.max);
  });

  test("addresses and actions are counted apart, and no raw address is stored", async () => {
    const who = client();
    await exhaust("first_admin", who);
    expect((await takeAddressAttempt(t.db, "first_admin", who)).allowed).toBe(false);
    expect((await takeAddressAttempt(t.db, "first_admin", client())).allowed).toBe(true);
    expect((await takeAddressAttempt(t.db, "partner_sign_in", who)).allowed).toBe(true);
    const rows = await t.db.select().from(addressRateLimits);
    expect(JSON.stringify(rows)).not.toContain(who.address!);
  });

  test("requests without an address share one bucket instead of escaping the limit", async () => {
    const nobody = { address: null };
    await exhaust("admin_sign_in", nobody);
    expect((await takeAddressAttempt(t.db, "admin_sign_in", { address: null })).allowed).toBe(false);
  });

  test("windows that ended a day ago are pruned", async () => {
    const who = client();
    await takeAddressAttempt(t.db, "partner_sign_in", who, new Date(Date.now() - 25 * 60 * MINUTE));
    const [{ n: before }] = (await t.db.select({ n: sql<number>`count(*)::int` }).from(addressRateLimits)) as [{ n: number }];
    expect(await pruneAddressLimits(t.db)).toBeGreaterThanOrEqual(1);
    const [{ n: after }] = (await t.db.select({ n: sql<number>`count(*)::int` }).from(addressRateLimits)) as [{ n: number }];
    expect(Number(after)).toBeLessThan(Number(before));
  });
});

describe("every public password form is limited per address", () => {
  test("first-admin setup: refused with a message, nothing created; another address may go on", async () => {
    const who = client();
    await exhaust("first_admin", who);
    const error = await createFirstAdmin(t.db, SYSTEM, { email: "first@example.com", password: PASSWORD }, who).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).message).toMatch(/^Too many attempts from your network\. Try again in \d+ minutes\.$/);
    expect(await countAdmins(t.db)).toBe(0);
    expect(await createFirstAdmin(t.db, SYSTEM, { email: "first@example.com", password: PASSWORD }, client())).toMatchObject({ email: "first@example.com" });
  });

  test("apply: refused, no partner created", async () => {
    await settings(t.db, { applicationsOpen: true });
    const who = client();
    await exhaust("apply", who);
    const email = `${uid("applicant-")}@example.com`;
    const application = { name: "Applicant", email, password: PASSWORD, confirm: PASSWORD };
    await expect(applyAsPartner(t.db, application, who)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await t.db.select().from(partners).where(eq(partners.email, email))).toEqual([]);
    expect(await applyAsPartner(t.db, application, client())).toMatchObject({ partnerId: expect.any(String) });
  });

  test("set-password: refused, no password stored", async () => {
    const p = await partner(t.db);
    const token = p.dashboardUrl.split("/p/")[1]!;
    const who = client();
    await exhaust("set_password", who);
    await expect(setPartnerPassword(t.db, p.id, { password: PASSWORD, confirm: PASSWORD }, who)).rejects.toBeInstanceOf(RateLimitedError);
    expect((await findPartnerByToken(t.db, token))?.hasPassword).toBe(false);
  });

  test("partner sign-in: refused even with the right password", async () => {
    const p = await partner(t.db);
    await setPartnerPassword(t.db, p.id, { password: PASSWORD, confirm: PASSWORD }, client());
    const who = client();
    await exhaust("partner_sign_in", who);
    await expect(signInPartner(t.db, p.id, PASSWORD, who)).rejects.toThrow(/^Too many sign-in attempts from your network/);
    expect((await signInPartner(t.db, p.id, PASSWORD, client())).ok).toBe(true);
  });

  test("admin sign-in (next-auth's credentials callback): 429 with Retry-After, and the form's message as next-auth's error", async () => {
    const who = client();
    await exhaust("admin_sign_in", who);
    const admins = await t.db.select({ n: sql<number>`count(*)::int` }).from(adminUsers);
    const res = await nextAuthPost(
      request("/api/auth/callback/credentials", undefined, { method: "POST", headers: { "x-forwarded-for": who.address!, "content-type": "application/x-www-form-urlencoded" }, raw: "email=a%40example.com&password=x&json=true" }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { url: string; error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(new URL(body.url).searchParams.get("error")).toBe(body.error.message);
    expect(body.error.message).toMatch(/^Too many sign-in attempts from your network\. Try again in \d+ minutes\.$/);
    expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(adminUsers)).toEqual(admins);
  });
});
