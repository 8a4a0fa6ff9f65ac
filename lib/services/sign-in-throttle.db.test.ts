import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { signInThrottles } from "@/db/schema";
import { FREE_FAILURES, MAX_LOCK_SECONDS, QUIET_PERIOD_SECONDS } from "@/lib/domain/sign-in-backoff";
import { client, partner } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { authenticateAdmin, createAdmin } from "./admin-users";
import { setPartnerPassword, signInPartner } from "./portal-access";
import { beginSignInAttempt, pruneSignInThrottles, throttleKey } from "./sign-in-throttle";

// The real bcrypt, counted: how many attempts reached the password check.
const counted = vi.hoisted(() => ({ checks: 0 }));
vi.mock("./passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("./passwords")>();
  return {
    ...real,
    verifyPassword: (password: string, hash: string | null | undefined) => {
      counted.checks++;
      return real.verifyPassword(password, hash);
    },
  };
});

const t = setupTestDatabase();
const PASSWORD = "lantern-orbit-7421";
const MINUTE = 60_000;

beforeEach(() => {
  counted.checks = 0;
});

async function lockOf(key: string) {
  const [row] = await t.db.select().from(signInThrottles).where(eq(signInThrottles.key, key));
  return row;
}

describe("concurrent wrong passwords", () => {
  test("50 at once against one admin: at most the allowed number of password checks, and the account ends locked", async () => {
    await createAdmin(t.db, SYSTEM, { email: "burst@example.com", password: PASSWORD });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => authenticateAdmin(t.db, "burst@example.com", `guess number ${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(counted.checks).toBeLessThanOrEqual(FREE_FAILURES + 1);
    expect((await lockOf(throttleKey("admin", "burst@example.com")))!.failures).toBeLessThanOrEqual(FREE_FAILURES + 1);
    expect(await authenticateAdmin(t.db, "burst@example.com", PASSWORD)).toMatchObject({ ok: false });
  });

  test("50 at once against one partner: the same", async () => {
    const p = await partner(t.db);
    await setPartnerPassword(t.db, p.id, { password: PASSWORD, confirm: PASSWORD }, client());
    counted.checks = 0;
    // From many addresses, as a botnet would: only the per-partner count stands in the way.
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => signInPartner(t.db, p.id, `guess-number-${i}`, client())));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(counted.checks).toBeLessThanOrEqual(FREE_FAILURES + 1);
    expect((await signInPartner(t.db, p.id, PASSWORD, client())).ok).toBe(false);
  });
});

describe("failures decay", () => {
  test("a lock ends, and after the quiet period the count starts over: one try per lock window cannot keep an account locked", async () => {
    await createAdmin(t.db, SYSTEM, { email: "decay@example.com", password: PASSWORD });
    const start = new Date(Date.now() + 10 * MINUTE);
    let now = start;
    // Drive the account to its longest lock, one wrong password each time a lock ends.
    for (let i = 0; i < 11; i++) {
      const r = await authenticateAdmin(t.db, "decay@example.com", "wrong password", now);
      expect(r.ok).toBe(false);
      now = new Date(now.getTime() + (r.ok ? 0 : r.retryAfterSeconds) * 1000);
    }
    const key = throttleKey("admin", "decay@example.com");
    const longest = await lockOf(key);
    expect(longest!.lockedUntil!.getTime() - longest!.lastFailureAt.getTime()).toBe(MAX_LOCK_SECONDS * 1000);

    // Inside the lock even the right password is refused, and refusals do not extend it.
    const during = new Date(longest!.lockedUntil!.getTime() - MINUTE);
    expect(await authenticateAdmin(t.db, "decay@example.com", PASSWORD, during)).toEqual({ ok: false, retryAfterSeconds: 60 });
    expect((await lockOf(key))!.lockedUntil).toEqual(longest!.lockedUntil);

    // The lock has ended and so has the quiet period: the attacker's one try there is
    // counted as the first of a new series and locks nothing, so the owner gets in.
    const after = new Date(longest!.lastFailureAt.getTime() + QUIET_PERIOD_SECONDS * 1000);
    expect(await authenticateAdmin(t.db, "decay@example.com", "wrong password", after)).toEqual({ ok: false, retryAfterSeconds: 0 });
    expect((await lockOf(key))!.failures).toBe(1);
    expect(await authenticateAdmin(t.db, "decay@example.com", PASSWORD, new Date(after.getTime() + 1000))).toMatchObject({ ok: true });
  });

  test("a success clears the count", async () => {
    await createAdmin(t.db, SYSTEM, { email: "clears@example.com", password: PASSWORD });
    for (let i = 0; i < FREE_FAILURES; i++) await authenticateAdmin(t.db, "clears@example.com", "wrong password");
    expect(await authenticateAdmin(t.db, "clears@example.com", PASSWORD)).toMatchObject({ ok: true });
    expect(await lockOf(throttleKey("admin", "clears@example.com"))).toBeUndefined();
    for (let i = 0; i < FREE_FAILURES; i++) expect(await authenticateAdmin(t.db, "clears@example.com", "wrong password")).toEqual({ ok: false, retryAfterSeconds: 0 });
  });

  test("quiet, unlocked rows are pruned; locked or recent ones stay", async () => {
    const now = new Date(Date.now() + 120 * MINUTE);
    const old = throttleKey("admin", "old@example.com");
    const recent = throttleKey("admin", "recent@example.com");
    await beginSignInAttempt(t.db, old, new Date(now.getTime() - QUIET_PERIOD_SECONDS * 1000 - MINUTE));
    await beginSignInAttempt(t.db, recent, new Date(now.getTime() - MINUTE));
    await pruneSignInThrottles(t.db, now);
    expect(await lockOf(old)).toBeUndefined();
    expect(await lockOf(recent)).toBeDefined();
  });
});
