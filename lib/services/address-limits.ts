import "server-only";
import { eq, lt, or, sql } from "drizzle-orm";
import { addressRateLimits } from "@/db/schema";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { ADDRESS_LIMITS, waitInWords, type AddressAction } from "@/lib/domain/address-limits";
import { RateLimitedError } from "@/lib/errors";
import { hashIp } from "@/lib/server/ip-hash";

// The per-address limit of the public password forms (lib/domain/address-limits.ts), kept in
// the database so every app process counts against the same window. One statement counts
// the attempt and decides: a refused attempt is not counted, so hammering a closed window
// does not push it further out.

/** Who is on the other end of a public form. `address` is null when the request has none. */
export interface RequestClient {
  address: string | null;
}

export type AddressGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function limitKey(action: AddressAction, address: string | null): string {
  // Requests without an address share one bucket rather than escaping the limit.
  return `${action}:${hashIp(address) ?? "unknown"}`;
}

export async function takeAddressAttempt(db: Db, action: AddressAction, client: RequestClient, now = new Date()): Promise<AddressGate> {
  const { max, windowSeconds } = ADDRESS_LIMITS[action];
  const key = limitKey(action, client.address);
  const windowEnded = sql`${addressRateLimits.windowStartedAt} <= ${timestamptz(new Date(now.getTime() - windowSeconds * 1000))}`;
  const [counted] = await db
    .insert(addressRateLimits)
    .values({ key, windowStartedAt: now, hits: 1 })
    .onConflictDoUpdate({
      target: addressRateLimits.key,
      set: {
        hits: sql`case when ${windowEnded} then 1 else ${addressRateLimits.hits} + 1 end`,
        windowStartedAt: sql`case when ${windowEnded} then ${timestamptz(now)} else ${addressRateLimits.windowStartedAt} end`,
      },
      setWhere: or(windowEnded, sql`${addressRateLimits.hits} < ${max}`),
    })
    .returning({ hits: addressRateLimits.hits });
  if (counted) return { allowed: true };
  const [row] = await db.select({ windowStartedAt: addressRateLimits.windowStartedAt }).from(addressRateLimits).where(eq(addressRateLimits.key, key));
  const endsAt = (row?.windowStartedAt.getTime() ?? now.getTime()) + windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

const REFUSALS: Record<AddressAction, string> = {
  admin_sign_in: "Too many sign-in attempts from your network.",
  partner_sign_in: "Too many sign-in attempts from your network.",
  set_password: "Too many password attempts from your network.",
  apply: "Too many applications from your network.",
  first_admin: "Too many attempts from your network.",
};

/** The same, for services: throws 429 rate_limited (a form shows its message) when over the limit. */
export async function requireAddressAllowance(db: Db, action: AddressAction, client: RequestClient, now = new Date()): Promise<void> {
  const gate = await takeAddressAttempt(db, action, client, now);
  if (!gate.allowed) throw new RateLimitedError(`${REFUSALS[action]} Try again in ${waitInWords(gate.retryAfterSeconds)}.`, gate.retryAfterSeconds);
}

/** Forgets windows that ended a day ago or more (background job); no limit is that long. */
export async function pruneAddressLimits(db: Db, now = new Date()): Promise<number> {
  const removed = await db
    .delete(addressRateLimits)
    .where(lt(addressRateLimits.windowStartedAt, new Date(now.getTime() - 86_400_000)))
    .returning({ key: addressRateLimits.key });
  return removed.length;
}
