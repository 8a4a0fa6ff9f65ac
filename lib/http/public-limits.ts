import "server-only";
import { openAppDatabase } from "@/db/client";
import { createRateLimiter } from "@/lib/server/rate-limit";

// The rate limits of the public endpoints, per client address (hashed), in one place. Each is
// shared by every app process on one PostgreSQL database (lib/server/rate-limit.ts); on the
// embedded database there is only one process, so they count in memory.

async function sharedDatabase() {
  const { db, kind } = await openAppDatabase();
  return kind === "postgres" ? db : null;
}

/** POST /api/track/click: 60 clicks in a burst, then one a second, per address: far above what a person clicks. */
export const clickLimiter = createRateLimiter({ capacity: 60, refillPerSecond: 1, share: { name: "click", database: sharedDatabase } });

/** GET /r/<code> and /a/<slug>: as the click; over it the shopper is still sent on, untracked. */
export const redirectLimiter = createRateLimiter({ capacity: 60, refillPerSecond: 1, share: { name: "redirect", database: sharedDatabase } });
