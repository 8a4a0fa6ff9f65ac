import "server-only";
import type { Db } from "@/db/types";
import { createTtlCache, type TtlCache } from "@/lib/server/ttl-cache";
import { resolveRef, resolveReferralCode, resolveSlug, type ResolvedRef } from "./resolve-ref";

// The click and redirect paths look a ref up on every request; partners and links change
// rarely. Lookups are kept for a few seconds per database (a partner suspended elsewhere
// declines clicks within that time; sales are always attributed against current statuses).

const TTL_MS = 5000;
const caches = new WeakMap<object, TtlCache<ResolvedRef | undefined>>();

function cacheFor(db: Db) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = createTtlCache({ ttlMs: TTL_MS })));
  return cache;
}

export function cachedRef(db: Db, ref: string) {
  return cacheFor(db).get(`ref:${ref.toLowerCase()}`, () => resolveRef(db, ref));
}
export function cachedReferralCode(db: Db, code: string) {
  return cacheFor(db).get(`code:${code.toLowerCase()}`, () => resolveReferralCode(db, code));
}
export function cachedSlug(db: Db, slug: string) {
  return cacheFor(db).get(`slug:${slug.toLowerCase()}`, () => resolveSlug(db, slug));
}

/** After a partner or link changes here, forget what this process knew. */
export function forgetRefs(db: Db): void {
  caches.get(db)?.clear();
}
