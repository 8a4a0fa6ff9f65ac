import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, type Env } from "@/lib/env";
import { ConfigError } from "@/lib/errors";

/** Below this, a secret can be guessed or brute-forced; `openssl rand -base64 32` gives 44. */
export const MIN_SECRET_LENGTH = 32;

/**
 * The secret that signs admin sessions (and keys the IP hashes and the dashboard tokens'
 * encryption). Production must set one of at least MIN_SECRET_LENGTH characters;
 * development generates one once and keeps it under the data folder so sessions survive
 * restarts.
 */
export function resolveAuthSecret(e: Env = env()): string {
  const fromEnv = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (fromEnv) {
    const name = e.AUTH_SECRET ? "AUTH_SECRET" : "NEXTAUTH_SECRET";
    if (e.NODE_ENV === "production" && fromEnv.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(
        `${name} is too short (${fromEnv.length} characters): production needs at least ${MIN_SECRET_LENGTH}, ` +
          "or sessions can be forged by guessing it. Set it to a long random value, e.g. the output of `openssl rand -base64 32`.",
      );
    }
    return fromEnv;
  }
  if (e.NODE_ENV === "production") {
    throw new ConfigError(
      "NEXTAUTH_SECRET is not set. Production needs a fixed secret to sign sessions: " +
        "set NEXTAUTH_SECRET (or AUTH_SECRET) to a long random value, e.g. the output of `openssl rand -base64 32`.",
    );
  }
  const file = path.join(e.DATA_DIR, "auth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing) return existing;
  } catch {
    // not generated yet
  }
  mkdirSync(e.DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // `wx` so two processes starting at once never overwrite each other's secret.
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}

let cached: string | undefined;
/** The resolved secret, also exported to NEXTAUTH_SECRET so next-auth's own helpers see it. */
export function authSecret(): string {
  if (!cached) {
    cached = resolveAuthSecret();
    process.env.NEXTAUTH_SECRET ??= cached;
  }
  return cached;
}
