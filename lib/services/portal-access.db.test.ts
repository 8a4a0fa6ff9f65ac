import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, partnerSessions } from "@/db/schema";
import { FREE_FAILURES } from "@/lib/domain/sign-in-backoff";
import { ConflictError, InvalidError } from "@/lib/errors";
import type { Actor } from "@/lib/services/actor";
import { client, partner } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { resetPartnerAccess } from "./partner-status";
import { changePartnerPassword, findPartnerByToken, setPartnerPassword, signInPartner } from "./portal-access";
import { isPortalSessionValid } from "./portal-sessions";

const t = setupTestDatabase();
const ADMIN: Actor = { type: "admin", id: "00000000-0000-4000-8000-0000000000ad", label: "owner@example.com" };
const PASSWORD = "lantern-orbit-7421";

/** A partner made through the API service, with the token from their dashboard URL. */
async function portalPartner() {
  const p = await partner(t.db);
  return { ...p, token: p.dashboardUrl.split("/p/")[1]! };
}

describe("the dashboard token", () => {
  test("finds its partner; a wrong, altered or malformed token finds no one", async () => {
    const p = await portalPartner();
    expect(await findPartnerByToken(t.db, p.token)).toMatchObject({ id: p.id, name: p.name, status: "approved", hasPassword: false });
    const altered = p.token.slice(0, -1) + (p.token.endsWith("A") ? "B" : "A");
    for (const wrong of [altered, p.token.toLowerCase() === p.token ? p.token.toUpperCase() : p.token.toLowerCase(), "", "x", "../etc/passwd", `${p.token}/x`]) {
      expect(await findPartnerByToken(t.db, wrong)).toBeUndefined();
    }
  });

  test("carries at least 128 random bits", async () => {
    const p = await portalPartner();
    expect(Buffer.from(p.token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
  });
});

describe("set password (first visit)", () => {
  test.each([
    [{ password: "short", confirm: "short" }, "password"],
    [{ password: "aaaaaaaaaaaa", confirm: "aaaaaaaaaaaa" }, "password"],
    [{ password: "1234567890", confirm: "1234567890" }, "password"],
    [{ password: PASSWORD, confirm: `${PASSWORD}x` }, "confirm"],
  ])("%j is refused on %s and stores nothing", async (input, field) => {
    const p = await portalPartner();
    const error = await setPartnerPassword(t.db, p.id, input, client()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).details?.map((d) => d.field)).toContain(field);
    expect((await findPartnerByToken(t.db, p.token))?.hasPassword).toBe(false);
  });

  test("works once, opens a session, and cannot be replayed", async () => {
    const p = await portalPartner();
    const first = await setPartnerPassword(t.db, p.id, { password: PASSWORD, confirm: PASSWORD }, client());
    expect(await isPortalSessionValid(t.db, first.sessionId, p.id)).toBe(true);
    expect((await findPartnerByToken(t.db, p.token))?.hasPassword).toBe(true);

    const replay = await setPartnerPassword(t.db, p.id, { password: "another-secret-77", confirm: "another-secret-77" }, client()).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(ConflictError);
    expect((await signInPartner(t.db, p.id, "another-secret-77", client())).ok).toBe(false);
    expect((await signInPartner(t.db, p.id, PASSWORD, client())).ok).toBe(true);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit.filter((a) => a.action === "partner.set_password")).toHaveLength(1);
  });

  test("two racing first visits: exactly one password wins", async () => {
    const p = await portalPartner();
    const results = await Promise.allSettled([
      setPartnerPassword(t.db, p.id, { password: "first-racer-1234", confirm: "first-racer-1234" }, client()),
      setPartnerPassword(t.db, p.id, { password: "second-racer-5678", confirm: "second-racer-5678" }, client()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
  });
});

describe("sign in (later visits)", () => {
  test("the right password opens a session of that partner only", async () => {
    const a = await portalPartner();
    const b = await portalPartner();
    await setPartnerPassword(t.db, a.id, { password: PASSWORD, confirm: PASSWORD }, client());
    const result = await signInPartner(t.db, a.id, PASSWORD, client());
    if (!result.ok) throw new Error("sign-in failed");
    expect(await isPortalSessionValid(t.db, result.sessionId, a.id)).toBe(true);
    // A's cookie presented on B's dashboard is no session.
    expect(await isPortalSessionValid(t.db, result.sessionId, b.id)).toBe(false);
  });

  test("without a password yet, nothing signs in", async () => {
    const p = await portalPartner();
    expect(await signInPartner(t.db, p.id, "", client())).toEqual({ ok: false, retryAfterSeconds: 0 });
    expect(await signInPartner(t.db, p.id, "not-a-real-password", client())).toMatchObject({ ok: false });
  });

  test("repeated failures lock this partner with backoff, even for the right password; others are unaffected", async () => {
    const p = await portalPartner();
    const other = await portalPartner();
    await setPartnerPassword(t.db, p.id, { password: PASSWORD, confirm: PASSWORD }, client());
    await setPartnerPassword(t.db, other.id, { password: PASSWORD, confirm: PASSWORD }, client());
    for (let i = 0; i < FREE_FAILURES; i++) expect(await signInPartner(t.db, p.id, "wrong-password!", client())).toEqual({ ok: false, retryAfterSeconds: 0 });
    const locked = await signInPartner(t.db, p.id, "wrong-password!", client());
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.retryAfterSeconds).toBeGreaterThan(0);
    const rightButLocked = await signInPartner(t.db, p.id, PASSWORD, client());
    expect(rightButLocked.ok).toBe(false);
    expect(!rightButLocked.ok && rightButLocked.retryAfterSeconds).toBeGreaterThan(0);
    expect((await signInPartner(t.db, other.id, PASSWORD, client())).ok).toBe(true);
  });
});

describe("reset password (merchant)", () => {
  test("rotates the token, clears the password and ends every session at once", async () => {
    const p = await portalPartner();
    const { sessionId } = await setPartnerPassword(t.db, p.id, { password: PASSWORD, confirm: PASSWORD }, client());
    const { dashboardUrl } = await resetPartnerAccess(t.db, ADMIN, p.id);
    const newToken = dashboardUrl.split("/p/")[1]!;
    expect(newToken).not.toBe(p.token);
    expect(await findPartnerByToken(t.db, p.token)).toBeUndefined();
    expect(await findPartnerByToken(t.db, newToken)).toMatchObject({ id: p.id, hasPassword: false });
    expect(await isPortalSessionValid(t.db, sessionId, p.id)).toBe(false);
    expect(await t.db.select().from(partnerSessions).where(eq(partnerSessions.partnerId, p.id))).toEqual([]);
    // The partner chooses a new password on the new URL.
    await setPartnerPassword(t.db, p.id, { password: "fresh-start-2468", confirm: "fresh-start-2468" }, client());
    expect((await signInPartner(t.db, p.id, PASSWORD, client())).ok).toBe(false);
  });
});

describe("change password (portal settings)", () => {
  const NEW = "copper-harbor-9135";

  test("asks for the current password and ends every other session of the partner", async () => {
    const p = await portalPartner();
    const other = await portalPartner();
    const { sessionId: here } = await setPartnerPassword(t.db, p.id, { password: PASSWORD, confirm: PASSWORD }, client());
    const elsewhere = await signInPartner(t.db, p.id, PASSWORD, client());
    const bystander = await setPartnerPassword(t.db, other.id, { password: PASSWORD, confirm: PASSWORD }, client());
    if (!elsewhere.ok) throw new Error("sign-in failed");

    const wrong = await changePartnerPassword(t.db, p.id, here, { current: "not-my-password", password: NEW, confirm: NEW }).catch((e: unknown) => e);
    expect((wrong as InvalidError).details?.map((d) => d.field)).toEqual(["current"]);
    expect(await isPortalSessionValid(t.db, elsewhere.sessionId, p.id)).toBe(true);

    await changePartnerPassword(t.db, p.id, here, { current: PASSWORD, password: NEW, confirm: NEW });
    expect(await isPortalSessionValid(t.db, elsewhere.sessionId, p.id)).toBe(false);
    expect(await isPortalSessionValid(t.db, here, p.id)).toBe(true);
    expect(await isPortalSessionValid(t.db, bystander.sessionId, other.id)).toBe(true);
    expect((await signInPartner(t.db, p.id, PASSWORD, client())).ok).toBe(false);
    expect((await signInPartner(t.db, p.id, NEW, client())).ok).toBe(true);
  });

  test("a weak or mismatched new password is refused on its field", async () => {
    const p = await portalPartner();
    const { sessionId } = await setPartnerPassword(t.db, p.id, { password: PASSWORD, confirm: PASSWORD }, client());
    for (const [input, field] of [
      [{ current: PASSWORD, password: "1234567890", confirm: "1234567890" }, "password"],
      [{ current: PASSWORD, password: NEW, confirm: `${NEW}x` }, "confirm"],
    ] as const) {
      const error = await changePartnerPassword(t.db, p.id, sessionId, input).catch((e: unknown) => e);
      expect((error as InvalidError).details?.map((d) => d.field)).toContain(field);
    }
    expect((await signInPartner(t.db, p.id, PASSWORD, client())).ok).toBe(true);
  });
});
