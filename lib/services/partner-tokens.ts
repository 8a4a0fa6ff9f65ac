import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sealToken } from "@/lib/server/token-seal";

/**
 * A dashboard token: 192 random bits, URL-safe. The portal finds partners by its hash; the
 * token itself is stored only sealed (lib/server/token-seal.ts), to be shown to the merchant.
 */
export function newDashboardToken(): { token: string; hash: string; sealed: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashDashboardToken(token), sealed: sealToken(token) };
}

export function hashDashboardToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A readable referral code from a name, with a random tail so it is hard to guess: "jane-doe-k3x9". */
export function referralCodeFrom(name: string): string {
  const stem = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24)
    .replace(/-+$/, "");
  const tail = randomBytes(3).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "x");
  return stem ? `${stem}-${tail}` : `p-${tail}`;
}
