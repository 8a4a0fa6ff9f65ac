import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, ne, or } from "drizzle-orm";
import { partnerSessions } from "@/db/schema";
import type { Db } from "@/db/types";

// Partner-portal sessions. The cookie carries a random id (256 bits); only its SHA-256 is
// stored, so a copy of the database cannot be replayed as a cookie. A session dies when it
// has been idle too long or reaches its absolute age, whichever comes first.

export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is rewritten at most this often, so browsing does not write on every page. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000;

function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** Opens a session for the partner; returns the cookie value and when it must expire. */
export async function createPortalSession(db: Db, partnerId: string, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insert(partnerSessions).values({ tokenHash: hashSessionId(id), partnerId, createdAt: now, lastSeenAt: now, expiresAt });
  // Sign-ins are rare, so they are a fine moment to sweep this partner's dead sessions.
  await db
    .delete(partnerSessions)
    .where(
      and(
        eq(partnerSessions.partnerId, partnerId),
        or(lt(partnerSessions.expiresAt, now), lt(partnerSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))),
      ),
    );
  return { id, expiresAt };
}

/**
 * Whether the cookie value is a live session of this partner. A session of another partner
 * counts as none: the portal at B's URL never accepts A's cookie.
 */
export async function isPortalSessionValid(db: Db, sessionId: string, partnerId: string, now = new Date()): Promise<boolean> {
  if (!sessionId) return false;
  const hash = hashSessionId(sessionId);
  const [row] = await db
    .select({ lastSeenAt: partnerSessions.lastSeenAt, expiresAt: partnerSessions.expiresAt })
    .from(partnerSessions)
    .where(and(eq(partnerSessions.tokenHash, hash), eq(partnerSessions.partnerId, partnerId)));
  if (!row) return false;
  const t = now.getTime();
  if (row.expiresAt.getTime() <= t || row.lastSeenAt.getTime() + SESSION_IDLE_MS <= t) {
    await db.delete(partnerSessions).where(eq(partnerSessions.tokenHash, hash));
    return false;
  }
  if (t - row.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await db.update(partnerSessions).set({ lastSeenAt: now }).where(eq(partnerSessions.tokenHash, hash));
  }
  return true;
}

/** Sign out: the session stops working at once, whatever the browser keeps. */
export async function endPortalSession(db: Db, sessionId: string): Promise<void> {
  if (!sessionId) return;
  await db.delete(partnerSessions).where(eq(partnerSessions.tokenHash, hashSessionId(sessionId)));
}

/** Every session of this partner but the one given ends at once (after a password change). */
export async function endOtherPortalSessions(db: Db, partnerId: string, keepSessionId: string): Promise<number> {
  const ended = await db
    .delete(partnerSessions)
    .where(and(eq(partnerSessions.partnerId, partnerId), ne(partnerSessions.tokenHash, hashSessionId(keepSessionId))))
    .returning({ partnerId: partnerSessions.partnerId });
  return ended.length;
}
