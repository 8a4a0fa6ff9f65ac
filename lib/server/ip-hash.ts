import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "./auth-secret";

// Raw IP addresses are never stored: only an HMAC keyed with a secret derived from the
// app's secret, so the (small) IPv4 space cannot be hashed through to recover them.

let key: Buffer | undefined;

export function hashIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  key ??= createHmac("sha256", authSecret()).update("ip-hash/v1").digest();
  return createHmac("sha256", key).update(ip.trim().toLowerCase()).digest("base64url").slice(0, 32);
}
