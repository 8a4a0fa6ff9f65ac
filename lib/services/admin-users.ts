import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { adminUsers } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import { waitInWords } from "@/lib/domain/address-limits";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { changePasswordSchema, newAdminSchema, type NewAdmin } from "@/lib/schemas/admin-users";
import { toFieldIssues } from "@/lib/schemas/issues";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { requireAddressAllowance, type RequestClient } from "./address-limits";
import { hashPassword, verifyPassword } from "./passwords";
import { beginSignInAttempt, clearSignInFailures, secondsLocked, throttleKey } from "./sign-in-throttle";

export interface AdminUser {
  id: string;
  email: string;
  name: string | null;
  /** Sessions carry it; one with an older version has ended (see changeOwnPassword). */
  sessionVersion: number;
}

const publicColumns = { id: adminUsers.id, email: adminUsers.email, name: adminUsers.name, sessionVersion: adminUsers.sessionVersion };

function parseNewAdmin(input: unknown): NewAdmin {
  const parsed = newAdminSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Check the highlighted fields.", toFieldIssues(parsed.error));
  return parsed.data;
}

export async function countAdmins(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(adminUsers);
  return row?.n ?? 0;
}

export async function listAdmins(db: Db) {
  return db
    .select({ ...publicColumns, createdAt: adminUsers.createdAt, lastSignInAt: adminUsers.lastSignInAt })
    .from(adminUsers)
    .orderBy(asc(adminUsers.createdAt));
}

export async function findAdmin(db: Db, id: string): Promise<AdminUser | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select(publicColumns).from(adminUsers).where(eq(adminUsers.id, id));
  return row;
}

/**
 * The admin a session belongs to, while that session is still good: the admin exists and
 * the session was issued since their last password change. Sessions from before session
 * versions existed count as version 1.
 */
export async function adminForSession(db: Db, session: { id: string; sessionVersion?: number }): Promise<AdminUser | undefined> {
  const admin = await findAdmin(db, session.id);
  return admin && admin.sessionVersion === (session.sessionVersion ?? 1) ? admin : undefined;
}

async function insertAdmin(db: Db, admin: NewAdmin): Promise<AdminUser> {
  const passwordHash = await hashPassword(admin.password);
  try {
    const [row] = await db.insert(adminUsers).values({ email: admin.email, name: admin.name, passwordHash }).returning(publicColumns);
    return row!;
  } catch (error) {
    if (uniqueViolation(error) !== undefined) {
      throw new ConflictError("An admin with this email already exists.", "email_taken", [
        { field: "email", message: "An admin with this email already exists." },
      ]);
    }
    throw error;
  }
}

/** Adds an admin user (Settings → Team, or the CLI). */
export async function createAdmin(db: Db, actor: Actor, input: unknown): Promise<AdminUser> {
  const admin = parseNewAdmin(input);
  return db.transaction(async (tx) => {
    const created = await insertAdmin(tx, admin);
    await recordAudit(tx, actor, "admin.create", { type: "admin_user", id: created.id }, { email: created.email });
    return created;
  });
}

/**
 * Creates the first admin, only while there is none. The table lock makes two people
 * racing through the setup page end with one admin, not two.
 * Returns undefined when an admin already exists. `client` is the setup page's caller (its
 * address is limited: the page is public); null at start-up from ADMIN_EMAIL.
 */
export async function createFirstAdmin(db: Db, actor: Actor, input: unknown, client: RequestClient | null): Promise<AdminUser | undefined> {
  if (client) await requireAddressAllowance(db, "first_admin", client);
  // Before hashing anything: once an admin exists this public action must cost nothing.
  if ((await countAdmins(db)) > 0) return undefined;
  const admin = parseNewAdmin(input);
  const passwordHash = await hashPassword(admin.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${adminUsers} in share row exclusive mode`);
    if ((await countAdmins(tx)) > 0) return undefined;
    const [created] = await tx.insert(adminUsers).values({ email: admin.email, name: admin.name, passwordHash }).returning(publicColumns);
    await recordAudit(tx, actor, "admin.create_first", { type: "admin_user", id: created!.id }, { email: created!.email });
    return created;
  });
}

/**
 * An admin changes their own password: the current one is checked first (throttled like a
 * sign-in, so a borrowed session cannot guess it), then the new one is stored and the
 * session version raised, which ends every other session of this admin. Returns the new
 * version, for the caller to re-issue its own session with.
 */
export async function changeOwnPassword(db: Db, adminId: string, input: unknown, now = new Date()): Promise<number> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Nothing was changed.", toFieldIssues(parsed.error));
  const admin = await findAdmin(db, adminId);
  if (!admin) throw new NotFoundError("That admin does not exist.");
  const key = throttleKey("admin", admin.email);
  const gate = await beginSignInAttempt(db, key, now);
  if (!gate.allowed) throw wrongCurrent(`Too many failed attempts. Try again in ${waitInWords(gate.retryAfterSeconds)}.`);
  const [row] = await db.select({ passwordHash: adminUsers.passwordHash }).from(adminUsers).where(eq(adminUsers.id, adminId));
  if (!(await verifyPassword(parsed.data.current, row?.passwordHash))) throw wrongCurrent("That is not your current password.");
  await clearSignInFailures(db, key);
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(adminUsers)
      .set({ passwordHash, sessionVersion: sql`${adminUsers.sessionVersion} + 1` })
      .where(eq(adminUsers.id, adminId))
      .returning({ sessionVersion: adminUsers.sessionVersion });
    if (!changed) throw new NotFoundError("That admin does not exist.");
    await recordAudit(tx, { type: "admin", id: adminId, label: admin.email }, "admin.change_password", { type: "admin_user", id: adminId });
    return changed.sessionVersion;
  });
}

const wrongCurrent = (message: string) => new InvalidError("Nothing was changed.", [{ field: "current", message }]);

export async function deleteAdmin(db: Db, actor: Actor, adminId: string): Promise<void> {
  if (!isUuid(adminId)) throw new NotFoundError("That admin does not exist.");
  if (actor.type === "admin" && actor.id === adminId) throw new ConflictError("You cannot remove yourself.", "cannot_remove_self");
  await db.transaction(async (tx) => {
    // Serialise removals so two admins removing each other cannot leave the program with none.
    await tx.execute(sql`lock table ${adminUsers} in share row exclusive mode`);
    if ((await countAdmins(tx)) <= 1) throw new ConflictError("The last admin cannot be removed.", "last_admin");
    const [removed] = await tx.delete(adminUsers).where(eq(adminUsers.id, adminId)).returning(publicColumns);
    if (removed) await recordAudit(tx, actor, "admin.delete", { type: "admin_user", id: adminId }, { email: removed.email });
  });
}

export type SignInResult = { ok: true; admin: AdminUser } | { ok: false; retryAfterSeconds: number };

/**
 * Checks an email and password. Every failure looks the same to the caller whether or not
 * the email exists; repeated failures lock the account for a while (sign-in-backoff.ts).
 * The attempt is counted before the password is checked, so concurrent guesses cannot
 * slip past the count.
 */
export async function authenticateAdmin(db: Db, email: string, password: string, now = new Date()): Promise<SignInResult> {
  const key = throttleKey("admin", email);
  const gate = await beginSignInAttempt(db, key, now);
  if (!gate.allowed) return { ok: false, retryAfterSeconds: gate.retryAfterSeconds };
  const [user] = await db
    .select({ ...publicColumns, passwordHash: adminUsers.passwordHash })
    .from(adminUsers)
    .where(sql`lower(${adminUsers.email}) = ${email.trim().toLowerCase()}`);
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!ok || !user) return { ok: false, retryAfterSeconds: secondsLocked(gate, now) };
  await clearSignInFailures(db, key);
  await db.update(adminUsers).set({ lastSignInAt: new Date() }).where(eq(adminUsers.id, user.id));
  return { ok: true, admin: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
