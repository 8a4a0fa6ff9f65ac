import { eq } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { adminUsers, signInThrottles } from "@/db/schema";
import { ConflictError, InvalidError } from "@/lib/errors";
import { client } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { authenticateAdmin, countAdmins, createAdmin, createFirstAdmin, deleteAdmin } from "./admin-users";
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
