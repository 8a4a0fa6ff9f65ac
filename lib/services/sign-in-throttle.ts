import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { signInThrottles } from "@/db/schema";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { lockSchedule, QUIET_PERIOD_SECONDS } from "@/lib/domain/sign-in-backoff";

// Per-account backoff for sign-ins (rules in lib/domain/sign-in-backoff.ts). The key is a
// hash of the account identifier and is throttled whether or not the account exists, so
// locking reveals nothing.
//
// An attempt is counted in the same statement that decides whether it may go ahead, before
// any password is checked: concurrent guesses queue on the row, and only the ones counted
// while the account was unlocked get to the (slow) password check. The count assumes the
// attempt fails and sets the lock that follows; a success clears the row.

export function throttleKey(scope: "admin" | "partner", account: string): string {
  return `${scope}:${createHash("sha256").update(account.trim().toLowerCase()).digest("hex")}`;
}

export type AttemptGate = { allowed: true; lockedUntil: Date | null } | { allowed: false; retryAfterSeconds: number };

const SCHEDULE = lockSchedule();
// The schedule is our own integers, so it is written into the statement (whose text then
// never changes and is prepared once).
const SCHEDULE_SQL = sql.raw(`array[${SCHEDULE.join(", ")}]::int[]`);

function secondsUntil(until: Date | null, now: Date): number {
  return until ? Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000)) : 0;
}

/**
 * Counts a sign-in attempt for this account, atomically, unless the account is locked.
 * `allowed: false` means the attempt was refused without being counted (the password
 * must not be checked); `allowed: true` means it was counted and may be checked.
 */
export async function beginSignInAttempt(db: Db, key: string, now = new Date()): Promise<AttemptGate> {
  const quietSince = new Date(now.getTime() - QUIET_PERIOD_SECONDS * 1000);
  // After a quiet period the count starts over; otherwise this attempt adds one.
  const attempts = sql`(case when ${signInThrottles.lastFailureAt} <= ${timestamptz(quietSince)} then 1 else ${signInThrottles.failures} + 1 end)`;
  const lockSeconds = sql`(${SCHEDULE_SQL})[least(${attempts}, ${sql.raw(String(SCHEDULE.length))})]`;
  const firstLock = SCHEDULE[0]! > 0 ? new Date(now.getTime() + SCHEDULE[0]! * 1000) : null;
  const [counted] = await db
    .insert(signInThrottles)
    .values({ key, failures: 1, lockedUntil: firstLock, lastFailureAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: attempts,
        lockedUntil: sql`case when ${lockSeconds} = 0 then null else ${timestamptz(now)} + make_interval(secs => ${lockSeconds}) end`,
        lastFailureAt: now,
      },
      // A locked account's attempt changes nothing and returns no row.
      setWhere: or(isNull(signInThrottles.lockedUntil), lte(signInThrottles.lockedUntil, now)),
    })
    .returning({ lockedUntil: signInThrottles.lockedUntil });
  if (counted) return { allowed: true, lockedUntil: counted.lockedUntil };
  const [row] = await db.select({ lockedUntil: signInThrottles.lockedUntil }).from(signInThrottles).where(eq(signInThrottles.key, key));
  // The lock may have ended between the two statements: say "now", the next try goes through.
  return { allowed: false, retryAfterSeconds: Math.max(1, secondsUntil(row?.lockedUntil ?? null, now)) };
}

/** After a wrong password: how long the account is now locked (0 = may try again now). */
export function secondsLocked(gate: Extract<AttemptGate, { allowed: true }>, now = new Date()): number {
  return secondsUntil(gate.lockedUntil, now);
}

export async function clearSignInFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}

/** Forgets accounts that are neither locked nor inside their quiet period (background job). */
export async function pruneSignInThrottles(db: Db, now = new Date()): Promise<number> {
  const quietSince = new Date(now.getTime() - QUIET_PERIOD_SECONDS * 1000);
  const removed = await db
    .delete(signInThrottles)
    .where(and(lt(signInThrottles.lastFailureAt, quietSince), or(isNull(signInThrottles.lockedUntil), lt(signInThrottles.lockedUntil, now))))
    .returning({ key: signInThrottles.key });
  return removed.length;
}
