import { expect, test } from "vitest";
import { createRateLimiter } from "./rate-limit";

test("a burst up to capacity passes, then one request per refill interval", () => {
  const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 1 });
  const t0 = 1_000_000;
  expect([1, 2, 3, 4].map(() => limiter.take("ip", t0))).toEqual([true, true, true, false]);
  expect(limiter.take("ip", t0 + 500)).toBe(false);
  expect(limiter.take("ip", t0 + 1000)).toBe(true);
  expect(limiter.take("other", t0)).toBe(true);
});

test("memory stays bounded under many distinct keys", () => {
  const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1, maxKeys: 2 });
  expect(limiter.take("a", 0)).toBe(true);
  expect(limiter.take("a", 0)).toBe(false);
  limiter.take("b", 0);
  limiter.take("c", 0); // evicts "a"
  expect(limiter.take("a", 0)).toBe(true);
});

test("Retry-After says when the next token comes", () => {
  const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1 / 60 });
  limiter.take("ip", 0);
  limiter.take("ip", 0);
  expect(limiter.take("ip", 0)).toBe(false);
  expect(limiter.retryAfterSeconds("ip", 0)).toBe(60);
  expect(limiter.retryAfterSeconds("ip", 45_000)).toBe(15);
});
