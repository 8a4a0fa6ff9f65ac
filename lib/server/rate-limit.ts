import type { Db } from "@/db/types";
import { pruneBuckets, reportUsage, type BucketRule } from "./rate-limit-sync";

// A token bucket per key (a hashed address), in this process's memory, so the click path
// never waits for the database: a flood from one address gets 429s instead of filling the
// click log. With `share`, the buckets of every app process on one PostgreSQL database add up
// to one: a key that used `shareAfter` tokens here is reported in the background (batched, at
// most one statement per `minSyncMs`) to rate_limit_buckets, and this process's bucket is set
// to what all processes left. So N processes together allow about the configured rate: each
// can spend up to `shareAfter − 1` of a key's tokens unreported, plus whatever it allows
// between two reports, and overspending is paid back as debt. A key used once or twice (an
// ordinary shopper) never costs a write.

export interface RateLimiter {
  /** True when the request may go ahead. */
  take(key: string, now?: number): boolean;
  /** Whole seconds until `key` has a token again (at least 1). */
  retryAfterSeconds(key: string, now?: number): number;
  /** Reports pending usage now (tests; the background sync does it otherwise). */
  flush(now?: number): Promise<void>;
}

export interface ShareOptions {
  /** Prefix of this limiter's rows, e.g. "click". */
  name: string;
  /** The database to share through, or null to count in this process only (PGlite: one process). */
  database: () => Promise<Db | null>;
  /** A key is reported once it used this many tokens here. Default: a tenth of the capacity. */
  shareAfter?: number;
  /** At most one report per this many ms. Default 100. */
  minSyncMs?: number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Tokens taken here and not yet reported. */
  unsynced: number;
}

const PRUNE_EVERY_MS = 60_000;

export function createRateLimiter({ capacity, refillPerSecond, maxKeys = 100_000, share }: BucketRule & { maxKeys?: number; share?: ShareOptions }): RateLimiter {
  const rule = { capacity, refillPerSecond };
  const buckets = new Map<string, Bucket>();
  const dirty = new Set<string>();
  const shareAfter = Math.max(1, share?.shareAfter ?? Math.floor(capacity / 10));
  const minSyncMs = share?.minSyncMs ?? 100;
  let chain: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSyncAt = 0;
  let lastPruneAt = 0;
  let lastWarningAt = 0;

  const refill = (bucket: Bucket, now: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = Math.max(bucket.at, now);
  };

  const bucketOf = (key: string, now: number): Bucket => {
    let bucket = buckets.get(key);
    if (!bucket) {
      // Forget the oldest keys rather than grow without bound under a wide flood.
      if (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) {
          buckets.delete(oldest);
          dirty.delete(oldest);
        }
      }
      bucket = { tokens: capacity, at: now, unsynced: 0 };
      buckets.set(key, bucket);
    } else refill(bucket, now);
    return bucket;
  };

  async function sync(now: number): Promise<void> {
    if (!share || !dirty.size) return;
    const keys = [...dirty];
    dirty.clear();
    const usage = keys.flatMap((key) => {
      const bucket = buckets.get(key);
      if (!bucket?.unsynced) return [];
      const used = bucket.unsynced;
      bucket.unsynced = 0;
      return [{ key, used, at: new Date(bucket.at) }];
    });
    try {
      const db = await share.database();
      if (!db) return;
      const shared = await reportUsage(
        db,
        rule,
        usage.map((u) => ({ ...u, key: `${share.name}:${u.key}` })),
      );
      for (const row of shared) {
        const bucket = buckets.get(row.key.slice(share.name.length + 1));
        if (!bucket) continue;
        // What every process left, refilled up to this process's latest take, less the takes
        // made here while the report was on its way.
        bucket.tokens = Math.min(capacity, row.tokens + (Math.max(0, bucket.at - row.at.getTime()) / 1000) * refillPerSecond) - bucket.unsynced;
      }
      if (now - lastPruneAt >= PRUNE_EVERY_MS) {
        lastPruneAt = now;
        await pruneBuckets(db, `${share.name}:`, rule, new Date(now));
      }
    } catch (error) {
      // Limits keep working in this process; the usage is reported with the next batch.
      for (const u of usage) {
        const bucket = buckets.get(u.key);
        if (!bucket) continue;
        bucket.unsynced += u.used;
        dirty.add(u.key);
      }
      if (Date.now() - lastWarningAt > 60_000) {
        lastWarningAt = Date.now();
        console.warn(`Rate limit "${share.name}" could not be shared through the database (counting in this process meanwhile):`, error instanceof Error ? error.message : error);
      }
    }
  }

  const flush = (now = Date.now()): Promise<void> => {
    chain = chain.then(() => sync(now));
    return chain;
  };

  const schedule = () => {
    if (timer) return;
    const delay = Math.max(0, lastSyncAt + minSyncMs - Date.now());
    timer = setTimeout(() => {
      lastSyncAt = Date.now();
      void flush().finally(() => {
        timer = undefined;
        if (dirty.size) schedule();
      });
    }, delay);
    timer.unref?.();
  };

  return {
    take(key, now = Date.now()) {
      const bucket = bucketOf(key, now);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      if (share) {
        bucket.unsynced += 1;
        if (bucket.unsynced >= shareAfter && !dirty.has(key)) {
          dirty.add(key);
          schedule();
        }
      }
      return true;
    },
    retryAfterSeconds(key, now = Date.now()) {
      const bucket = buckets.get(key);
      if (!bucket) return 1;
      refill(bucket, now);
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
    },
    flush,
  };
}
