import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./auth-secret";

// Partner dashboard tokens at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the
// app's secret, which lives in the environment, not in the database. A database dump alone
// therefore opens no dashboard, while the app can still show the merchant a partner's URL
// (the API answers it on every read, so issuing a new token on "copy" is not an option).
// Format: "v1." + base64url(iv ‖ ciphertext ‖ tag); "v1" names the key derivation, so a
// later scheme can sit beside it.

const VERSION = "v1.";
const IV_BYTES = 12;
const TAG_BYTES = 16;

let cachedKey: { secret: string; key: Buffer } | undefined;
function key(secret: string): Buffer {
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "affiliates", "dashboard-token/v1", 32)) };
  }
  return cachedKey.key;
}

export function isSealed(value: string): boolean {
  return value.startsWith(VERSION);
}

export function sealToken(token: string, secret = authSecret()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/**
 * The token, or null when it cannot be opened: sealed under another secret (the app's
 * secret was changed since), or not a sealed value at all. The token itself keeps working
 * (the portal finds partners by its hash); only showing it again is impossible.
 */
export function unsealToken(sealed: string, secret = authSecret()): string | null {
  if (!isSealed(sealed)) return null;
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
