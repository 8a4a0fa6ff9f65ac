import Stripe from "stripe";
import { describe, expect, test } from "vitest";
import { parseStripeSignature, verifyStripeSignature } from "./stripe-signature";

const stripe = new Stripe("sk_test_unit_only");
const secret = "whsec_unit_0123456789abcdefghijkl";
const bytes = (s: string) => new TextEncoder().encode(s);
const sign = (payload: string, at: Date, key = secret) => stripe.webhooks.generateTestHeaderString({ payload, secret: key, timestamp: Math.floor(at.getTime() / 1000) });

describe("verifyStripeSignature", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  // Non-ASCII text: the signature is over the UTF-8 bytes, as Stripe computes it.
  const payload = '{\n  "id": "evt_1", "name": "Zoë 🧾"\n}';

  test("accepts what Stripe signs, with the current or a still-accepted secret", () => {
    expect(verifyStripeSignature(sign(payload, now), bytes(payload), [secret], now)).toBe(true);
    expect(verifyStripeSignature(sign(payload, now), bytes(payload), ["whsec_newer_secret_000000000000", secret], now)).toBe(true);
    // Stripe's own verifier agrees on the same header.
    expect(() => stripe.webhooks.constructEvent(payload, sign(payload, new Date()), secret)).not.toThrow();
  });

  test("refuses another secret, one changed byte, and a time more than 300 s away either way", () => {
    expect(verifyStripeSignature(sign(payload, now), bytes(payload), ["whsec_other_0000000000000000"], now)).toBe(false);
    expect(verifyStripeSignature(sign(payload, now), bytes(payload.replace("Zoë", "Zoe")), [secret], now)).toBe(false);
    expect(verifyStripeSignature(sign(payload, new Date(now.getTime() - 300_000)), bytes(payload), [secret], now)).toBe(true);
    expect(verifyStripeSignature(sign(payload, new Date(now.getTime() - 301_000)), bytes(payload), [secret], now)).toBe(false);
    expect(verifyStripeSignature(sign(payload, new Date(now.getTime() + 301_000)), bytes(payload), [secret], now)).toBe(false);
    expect(verifyStripeSignature(sign(payload, now), bytes(payload), [], now)).toBe(false);
  });

  test("any v1 may match; v0 and malformed entries do not count", () => {
    const good = sign(payload, now);
    const t = good.split(",")[0];
    const v1 = good.split("v1=")[1]!;
    expect(verifyStripeSignature(`${t},v1=${"0".repeat(64)},v1=${v1}`, bytes(payload), [secret], now)).toBe(true);
    expect(verifyStripeSignature(`${t},v0=${v1}`, bytes(payload), [secret], now)).toBe(false);
    expect(verifyStripeSignature(`${t},v1=${v1.slice(2)}`, bytes(payload), [secret], now)).toBe(false);
    expect(verifyStripeSignature(`v1=${v1}`, bytes(payload), [secret], now)).toBe(false);
    expect(parseStripeSignature(`t=12,v1=ab, v1=cd`)).toEqual({ timestamp: 12, signatures: ["ab", "cd"] });
  });
});
