import { createHmac, timingSafeEqual } from "node:crypto";

// Stripe's webhook signature (https://docs.stripe.com/webhooks#verify-manually): the header
// `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`, each v1 an HMAC-SHA256 of
// `<t>.<raw body bytes>` keyed with the endpoint secret (the whole `whsec_…` string). Any v1
// may match (Stripe sends two while a secret is being rolled), compared in constant time,
// and t must be within TOLERANCE_SECONDS of now so a captured delivery cannot be replayed
// later. The body must be the bytes as received: re-serialised JSON would not match.

export const TOLERANCE_SECONDS = 300;

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export interface ParsedSignature {
  timestamp: number;
  signatures: string[];
}

/** The header's timestamp and v1 signatures; null when it has no usable t or no v1. */
export function parseStripeSignature(header: string | null): ParsedSignature | null {
  if (!header) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1") signatures.push(value);
  }
  return timestamp === null || !signatures.length ? null : { timestamp, signatures };
}

export function stripeSignatureOf(secret: string, timestamp: number, body: Uint8Array): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest();
}

/** Whether `header` signs `body` with one of `secrets` at a time within the tolerance of `now`. */
export function verifyStripeSignature(header: string | null, body: Uint8Array, secrets: string[], now: Date = new Date()): boolean {
  const parsed = parseStripeSignature(header);
  if (!parsed) return false;
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > TOLERANCE_SECONDS) return false;
  const candidates = parsed.signatures.filter((s) => HEX_SHA256.test(s)).map((s) => Buffer.from(s, "hex"));
  let ok = false;
  // Every secret against every candidate (no early exit), so timing says nothing about which matched.
  for (const secret of secrets) {
    const expected = stripeSignatureOf(secret, parsed.timestamp, body);
    for (const candidate of candidates) if (timingSafeEqual(expected, candidate)) ok = true;
  }
  return ok;
}
