import { eq } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { adminUsers, signInThrottles } from "@/db/schema";
import { ConflictError, InvalidError } from "@/lib/errors";
import { client } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { adminForSession, authenticateAdmin, changeOwnPassword, countAdmins, createAdmin, createFirstAdmin, deleteAdmin } from "./admin-users";
import { SYSTEM } from "./actor";
import { throttleKey } from "./sign-in-throttle";

// The real bcrypt, counted: whether anything was hashed.
const counted = vi.hoisted(() => ({ hashes: 0 }));
vi.mock("./passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("./passwords")>();
  return {
    ...real,
    hashPassword: (password: string) => {
      counted.hashes++;
      return real.hashPassword(password);
    },
  };
});

const t = setupTestDatabase();

describe("the first admin", () => {
  test("concurrent setups create exactly one admin", async () => {
    const attempts = await Promise.all(
      ["a", "b", "c", "d"].map((n) => createFirstAdmin(t.db, SYSTEM, { email: `${n}@example.com`, password: "first admin password" }, client())),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
    expect(await countAdmins(t.db)).toBe(1);
  });

  test("once an admin exists, setup does nothing, and hashes nothing", async () => {
    counted.hashes = 0;
    expect(await createFirstAdmin(t.db, SYSTEM, { email: "late@example.com", password: "first admin password" }, client())).toBeUndefined();
    expect(await countAdmins(t.db)).toBe(1);
    // A public form that made the server run bcrypt on demand would be a cheap way to load it.
    expect(counted.hashes).toBe(0);
  });
});

describe("admin accounts", () => {
  test("passwords are stored as bcrypt hashes, never as given", async () => {
    const admin = await createAdmin(t.db, SYSTEM, { email: "Hash@Example.com", password: "plain text password" });
    const [row] = await t.db.select().from(adminUsers).where(eq(adminUsers.id, admin.id));
    expect(row!.email).toBe("hash@example.com");
    expect(row!.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(row!.passwordHash).not.toContain("plain text password");
  });

  test.each([
    [{ email: "x", password: "long enough password" }, "email"],
    [{ email: "short@example.com", password: "short" }, "password"],
    [{ email: "long@example.com", password: "x".repeat(73) }, "password"],
  ])("refuses %j on %s and writes nothing", async (input, field) => {
    const before = await countAdmins(t.db);
    const error = await createAdmin(t.db, SYSTEM, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidError);
    expect((error as InvalidError).details?.[0]?.field).toBe(field);
    expect(await countAdmins(t.db)).toBe(before);
  });

  test("emails are unique regardless of case", async () => {
    await expect(createAdmin(t.db, SYSTEM, { email: "HASH@example.com", password: "another password" })).rejects.toBeInstanceOf(ConflictError);
  });

  test("the last admin cannot be removed, and nobody removes themselves", async () => {
    const admins = await t.db.select().from(adminUsers);
    for (const a of admins.slice(1)) await deleteAdmin(t.db, SYSTEM, a.id);
    await expect(deleteAdmin(t.db, SYSTEM, admins[0]!.id)).rejects.toThrow("last admin");
    const second = await createAdmin(t.db, SYSTEM, { email: "second@example.com", password: "second password" });
    await expect(deleteAdmin(t.db, { type: "admin", id: second.id }, second.id)).rejects.toThrow("yourself");
  });
});

describe("signing in", () => {
  test("the right password signs in; case of the email does not matter", async () => {
    await createAdmin(t.db, SYSTEM, { email: "signin@example.com", password: "the right password" });
    const result = await authenticateAdmin(t.db, "SignIn@Example.com", "the right password");
    expect(result).toMatchObject({ ok: true, admin: { email: "signin@example.com" } });
  });

  test("repeated failures lock the account with growing waits, even for the right password", async () => {
    await createAdmin(t.db, SYSTEM, { email: "victim@example.com", password: "the right password" });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await authenticateAdmin(t.db, "victim@example.com", "wrong password");
      waits.push(r.ok ? -1 : r.retryAfterSeconds);
    }
    expect(waits).toEqual([0, 0, 0, 0, 15]);
    const locked = await authenticateAdmin(t.db, "victim@example.com", "the right password");
    expect(locked).toMatchObject({ ok: false });
    expect(locked.ok || locked.retryAfterSeconds).toBeGreaterThan(0);
  });

  test("the lock lifts when its time has passed, and a success clears the count", async () => {
    await t.db
      .update(signInThrottles)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(signInThrottles.key, throttleKey("admin", "victim@example.com")));
    expect(await authenticateAdmin(t.db, "victim@example.com", "the right password")).toMatchObject({ ok: true });
    const rows = await t.db.select().from(signInThrottles).where(eq(signInThrottles.key, throttleKey("admin", "victim@example.com")));
    expect(rows).toHaveLength(0);
  });

  test("unknown emails are throttled exactly like known ones, so locking reveals nothing", async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    await createAdmin(t.db, SYSTEM, { email: "known@example.com", password: "the right password" });
    // The same clock for both, so the waits compare exactly however long bcrypt takes here.
    const start = Date.now();
    for (let i = 0; i < 6; i++) {
      const now = new Date(start + i * 1000);
      const a = await authenticateAdmin(t.db, "known@example.com", "nope", now);
      const b = await authenticateAdmin(t.db, "nobody@example.com", "nope", now);
      known.push(a.ok ? -1 : a.retryAfterSeconds);
      unknown.push(b.ok ? -1 : b.retryAfterSeconds);
    }
    expect(unknown).toEqual(known);
    expect(known).toEqual([0, 0, 0, 0, 15, 14]);
  });
});

describe("changing one's own password", () => {
  const OLD = "the old password";
  const NEW = "a brand new password";

  async function signedIn(email: string, password: string) {
    const result = await authenticateAdmin(t.db, email, password);
    if (!result.ok) throw new Error("sign-in failed");
    return { id: result.admin.id, sessionVersion: result.admin.sessionVersion };
  }

  test("asks for the current password: a wrong or missing one changes nothing", async () => {
    const admin = await createAdmin(t.db, SYSTEM, { email: "changer@example.com", password: OLD });
    for (const current of ["not my password", ""]) {
      const error = await changeOwnPassword(t.db, admin.id, { current, password: NEW, confirm: NEW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).details?.map((d) => d.field)).toEqual(["current"]);
    }
    const mismatch = await changeOwnPassword(t.db, admin.id, { current: OLD, password: NEW, confirm: `${NEW}!` }).catch((e: unknown) => e);
    expect((mismatch as InvalidError).details?.map((d) => d.field)).toEqual(["confirm"]);
    expect(await authenticateAdmin(t.db, "changer@example.com", OLD)).toMatchObject({ ok: true });
  });

  test("ends the admin's other sessions; the one that changed it is re-issued with the new version", async () => {
    await createAdmin(t.db, SYSTEM, { email: "sessions@example.com", password: OLD });
    const here = await signedIn("sessions@example.com", OLD);
    const elsewhere = await signedIn("sessions@example.com", OLD);
    const other = await createAdmin(t.db, SYSTEM, { email: "bystander@example.com", password: OLD });
    expect(await adminForSession(t.db, elsewhere)).toMatchObject({ email: "sessions@example.com" });

    const version = await changeOwnPassword(t.db, here.id, { current: OLD, password: NEW, confirm: NEW });
    expect(version).toBe(here.sessionVersion + 1);
    expect(await adminForSession(t.db, elsewhere)).toBeUndefined();
    expect(await adminForSession(t.db, here)).toBeUndefined();
    expect(await adminForSession(t.db, { id: here.id, sessionVersion: version })).toMatchObject({ email: "sessions@example.com" });
    // Other admins' sessions are not touched.
    expect(await adminForSession(t.db, { id: other.id, sessionVersion: other.sessionVersion })).toMatchObject({ email: "bystander@example.com" });
    // The new password signs in (with the new version); the old one no longer does.
    expect(await authenticateAdmin(t.db, "sessions@example.com", OLD)).toMatchObject({ ok: false });
    expect(await authenticateAdmin(t.db, "sessions@example.com", NEW)).toMatchObject({ ok: true, admin: { sessionVersion: version } });
  });

  test("sessions from before session versions count as version 1", async () => {
    const admin = await createAdmin(t.db, SYSTEM, { email: "legacy@example.com", password: OLD });
    expect(await adminForSession(t.db, { id: admin.id })).toMatchObject({ id: admin.id });
    await changeOwnPassword(t.db, admin.id, { current: OLD, password: NEW, confirm: NEW });
    expect(await adminForSession(t.db, { id: admin.id })).toBeUndefined();
  });

  test("guessing the current password is throttled like a sign-in", async () => {
    const admin = await createAdmin(t.db, SYSTEM, { email: "guessed@example.com", password: OLD });
    for (let i = 0; i < 5; i++) await changeOwnPassword(t.db, admin.id, { current: `guess ${i}`, password: NEW, confirm: NEW }).catch(() => undefined);
    const error = await changeOwnPassword(t.db, admin.id, { current: OLD, password: NEW, confirm: NEW }).catch((e: unknown) => e);
    expect((error as InvalidError).details?.[0]?.message).toMatch(/^Too many failed attempts/);
  });
});
