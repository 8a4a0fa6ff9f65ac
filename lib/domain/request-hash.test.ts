import { expect, test } from "vitest";
import { canonicalJson, requestHash } from "./request-hash";

test("key order does not matter, at any depth", () => {
  expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"x":2,"y":1}]},"b":1}');
  expect(requestHash({ orderId: "A", amount: 1 })).toBe(requestHash({ amount: 1, orderId: "A" }));
});

test("any different value changes the hash; array order matters", () => {
  expect(requestHash({ amount: 1 })).not.toBe(requestHash({ amount: 2 }));
  expect(requestHash({ items: [1, 2] })).not.toBe(requestHash({ items: [2, 1] }));
});
