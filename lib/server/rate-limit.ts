// A token bucket per key (a hashed IP), in this process's memory: cheap enough for the
// click path, and a flood from one address gets 429s instead of filling the click log.
// Each app process counts on its own, so N processes allow N times the rate.

export interface RateLimiter {
  /** True when the request may go ahead. */
  take(key: string, now?: number): boolean;
}

export function createRateLimiter({ capacity, refillPerSecond, maxKeys = 100_000 }: { capacity: number; refillPerSecond: number; maxKeys?: number }): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now = Date.now()) {
      let bucket = buckets.get(key);
      if (!bucket) {
        // Forget the oldest keys rather than grow without bound under a wide flood.
        if (buckets.size >= maxKeys) {
          const oldest = buckets.keys().next().value;
          if (oldest !== undefined) buckets.delete(oldest);
        }
        bucket = { tokens: capacity, at: now };
        buckets.set(key, bucket);
      } else {
        bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
        bucket.at = now;
      }
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
