// The only things a failed portal sign-in says: the password was wrong, or wait.

import { waitInWords } from "@/lib/domain/address-limits";

export const WRONG_PASSWORD = "Wrong password.";

export function portalSignInMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds <= 0) return WRONG_PASSWORD;
  return `Too many failed attempts. Try again in ${waitInWords(retryAfterSeconds)}.`;
}
