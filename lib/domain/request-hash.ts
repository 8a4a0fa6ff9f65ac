import { createHash } from "node:crypto";

/** JSON with object keys sorted at every depth, so equal bodies serialise equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** A fingerprint of a request body: a retry with the same values has the same hash. */
export function requestHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("base64url");
}
