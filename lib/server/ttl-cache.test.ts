import { afterEach, expect, test, vi } from "vitest";
import { createTtlCache } from "./ttl-cache";

afterEach(() => vi.useRealTimers());

test("a value is loaded once within the TTL, again after it, and at once after delete", async () => {
  vi.useFakeTimers();
  const cache = createTtlCache<number>({ ttlMs: 1000 });
  let loads = 0;
  const load = async () => ++loads;
  expect(await cache.get("k", load)).toBe(1);
  expect(await cache.get("k", load)).toBe(1);
  vi.advanceTimersByTime(1001);
  expect(await cache.get("k", load)).toBe(2);
  cache.delete("k");
  expect(await cache.get("k", load)).toBe(3);
});

test("a failed load is not kept", async () => {
  const cache = createTtlCache<number>({ ttlMs: 60_000 });
  await expect(cache.get("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
  expect(await cache.get("k", async () => 7)).toBe(7);
});
