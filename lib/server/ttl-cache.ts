// A small in-process cache whose entries live for `ttlMs`, bounded in size. For values that
// change rarely and are read on every tracking request (a ref's partner, a key's identity):
// a change made in this process clears the entry at once, a change made by another process
// is seen within the TTL.

export interface TtlCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
  clear(): void;
}

export function createTtlCache<V>({ ttlMs, maxEntries = 10_000 }: { ttlMs: number; maxEntries?: number }): TtlCache<V> {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key, load) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      if (entries.size >= maxEntries) entries.clear();
      const value = load();
      entries.set(key, { at: now, value });
      value.catch(() => entries.delete(key));
      return value;
    },
    delete: (key) => void entries.delete(key),
    clear: () => entries.clear(),
  };
}
