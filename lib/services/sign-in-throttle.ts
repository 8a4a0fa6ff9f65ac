import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { signInThrottles } from "@/db/schema";
import type { Db } from "@/db/types";
import { lockSecondsAfter } from "@/lib/domain/sign-in-backoff";

// Per-account backoff for failed sign-ins. The key is a hash of the account identifier and
// is throttled whether or not the account exists, so locking reveals nothing.

export function throttleKey(scope: "admin" | "partner", account: string): string {
  return `${scope}:${createHash("sha256").update(account.trim().toLowerCase()).digest("hex")}`;
}

/** Seconds until this account may try again (0 = now). */
export async function secondsUntilRetry(db: Db, key: string, now = new Date()): Promise<number> {
  const [row] = await db.select({ lockedUntil: signInThrottles.lockedUntil }).from(signInThrottles).where(eq(signInThrottles.key, key));
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** Counts a failure atomically and returns how long the account is now locked. */
export async function recordSignInFailure(db: Db, key: string, now = new Date()): Promise<number> {
  const [row] = await db
    .insert(signInThrottles)
    .values({ key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: { failures: sql`${signInThrottles.failures} + 1`, lastFailureAt: now },
    })
    .returning({ failures: signInThrottles.failures });
  const seconds = lockSecondsAfter(row?.failures ?? 1);
  if (seconds > 0) {
    await db
      .update(signInThrottles)
      .set({ lockedUntil: new Date(now.getTime() + seconds * 1000) })
      .where(eq(signInThrottles.key, key));
  }
  return seconds;
}

export async function clearSignInFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
