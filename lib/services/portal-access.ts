import "server-only";
import { timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { waitInWords } from "@/lib/domain/address-limits";
import { ConflictError, InvalidError } from "@/lib/errors";
import type { PartnerStatus } from "@/lib/schemas/enums";
import { toFieldIssues } from "@/lib/schemas/issues";
import { changePortalPasswordSchema, setPasswordSchema } from "@/lib/schemas/portal";
import { requireAddressAllowance, type RequestClient } from "./address-limits";
import { recordAudit } from "./audit";
import { hashDashboardToken } from "./partner-tokens";
import { hashPassword, verifyPassword } from "./passwords";
import { createPortalSession, endOtherPortalSessions } from "./portal-sessions";
import { beginSignInAttempt, clearSignInFailures, secondsLocked, throttleKey } from "./sign-in-throttle";

// Getting into the partner portal at /p/<token>: the token says which partner, a password
// (set once on the first visit) says it is them.

export interface TokenPartner {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  hasPassword: boolean;
}

// Dashboard tokens are 32 base64url characters; anything far from that shape is refused
// before touching the database.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The partner whose dashboard token this is. The lookup goes by the token's SHA-256, so the
 * index probe reveals nothing about how close a guess was; the stored hash is compared again
 * in constant time so no code path compares the secret byte by byte.
 */
export async function findPartnerByToken(db: Db, token: string): Promise<TokenPartner | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const hash = hashDashboardToken(token);
  const [row] = await db
    .select({
      id: partners.id,
      name: partners.name,
      email: partners.email,
      status: partners.status,
      tokenHash: partners.dashboardTokenHash,
      passwordHash: partners.passwordHash,
    })
    .from(partners)
    .where(eq(partners.dashboardTokenHash, hash));
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash), Buffer.from(hash))) return undefined;
  return { id: row.id, name: row.name, email: row.email, status: row.status, hasPassword: row.passwordHash !== null };
}

const passwordAlreadySet = () => new ConflictError("A password is already set for this dashboard. Sign in with it.", "password_already_set");

/**
 * First visit: stores the partner's password and opens a session. The update only matches
 * while no password exists, so the step cannot be replayed or raced once one is set.
 */
export async function setPartnerPassword(db: Db, partnerId: string, input: unknown, client: RequestClient): Promise<{ sessionId: string; expiresAt: Date }> {
  await requireAddressAllowance(db, "set_password", client);
  const parsed = setPasswordSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Check the password fields.", toFieldIssues(parsed.error));
  // Spares the slow hash when a password exists already; the update below still decides.
  const [current] = await db.select({ passwordHash: partners.passwordHash }).from(partners).where(eq(partners.id, partnerId));
  if (current?.passwordHash) throw passwordAlreadySet();
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(partners)
      .set({ passwordHash, passwordSetAt: new Date(), updatedAt: new Date() })
      .where(and(eq(partners.id, partnerId), isNull(partners.passwordHash)))
      .returning({ id: partners.id });
    if (!row) throw passwordAlreadySet();
    await recordAudit(tx, { type: "partner", id: partnerId }, "partner.set_password", { type: "partner", id: partnerId });
    const session = await createPortalSession(tx, partnerId);
    return { sessionId: session.id, expiresAt: session.expiresAt };
  });
}

export type PortalSignInResult = { ok: true; sessionId: string; expiresAt: Date } | { ok: false; retryAfterSeconds: number };

/**
 * Later visits: checks the password with per-address limits and per-partner backoff
 * (sign-in-backoff.ts), the attempt counted before the password is checked.
 */
export async function signInPartner(db: Db, partnerId: string, password: string, client: RequestClient, now = new Date()): Promise<PortalSignInResult> {
  await requireAddressAllowance(db, "partner_sign_in", client, now);
  const key = throttleKey("partner", partnerId);
  const gate = await beginSignInAttempt(db, key, now);
  if (!gate.allowed) return { ok: false, retryAfterSeconds: gate.retryAfterSeconds };
  const [row] = await db.select({ passwordHash: partners.passwordHash }).from(partners).where(eq(partners.id, partnerId));
  if (!(await verifyPassword(password, row?.passwordHash))) return { ok: false, retryAfterSeconds: secondsLocked(gate, now) };
  await clearSignInFailures(db, key);
  const session = await createPortalSession(db, partnerId);
  return { ok: true, sessionId: session.id, expiresAt: session.expiresAt };
}

const wrongCurrent = (message: string) => new InvalidError("Nothing was changed.", [{ field: "current", message }]);

/**
 * A signed-in partner changes their password (portal settings): the current one is checked
 * first, throttled like a sign-in; then the new one is stored and every other portal
 * session of the partner ends, keeping the one that made the change.
 */
export async function changePartnerPassword(db: Db, partnerId: string, currentSessionId: string, input: unknown, now = new Date()): Promise<void> {
  const parsed = changePortalPasswordSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Nothing was changed.", toFieldIssues(parsed.error));
  const key = throttleKey("partner", partnerId);
  const gate = await beginSignInAttempt(db, key, now);
  if (!gate.allowed) throw wrongCurrent(`Too many failed attempts. Try again in ${waitInWords(gate.retryAfterSeconds)}.`);
  const [row] = await db.select({ passwordHash: partners.passwordHash }).from(partners).where(eq(partners.id, partnerId));
  if (!row?.passwordHash || !(await verifyPassword(parsed.data.current, row.passwordHash))) throw wrongCurrent("That is not your current password.");
  await clearSignInFailures(db, key);
  const passwordHash = await hashPassword(parsed.data.password);
  await db.transaction(async (tx) => {
    await tx.update(partners).set({ passwordHash, passwordSetAt: now, updatedAt: now }).where(eq(partners.id, partnerId));
    const ended = await endOtherPortalSessions(tx, partnerId, currentSessionId);
    await recordAudit(tx, { type: "partner", id: partnerId }, "partner.change_password", { type: "partner", id: partnerId }, { endedSessions: ended });
  });
}
