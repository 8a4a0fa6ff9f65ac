import { z } from "zod";

// Field schemas reused across forms and APIs.

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }).max(254, { error: "That email address is too long." }));

/** bcrypt reads at most 72 bytes of a password; longer ones are refused, not truncated. */
export const newPasswordSchema = z
  .string({ error: "Enter a password." })
  .min(10, { error: "Use at least 10 characters." })
  .refine((p) => new TextEncoder().encode(p).length <= 72, { error: "Use at most 72 bytes (about 72 characters)." });

export const httpUrlSchema = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a full URL starting with http:// or https://." }).max(2048));

let currencies: Set<string> | undefined;
export function isCurrencyCode(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return currencies.has(code);
}

let timeZones: Set<string> | undefined;
export function isTimeZone(zone: string): boolean {
  timeZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return timeZones.has(zone);
}
