// The only things a failed sign-in ever says. Neither tells whether the email exists.

import { waitInWords } from "@/lib/domain/address-limits";

export const WRONG_CREDENTIALS = "Wrong email or password.";

export function signInFailureMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds <= 0) return WRONG_CREDENTIALS;
  return `Too many failed attempts. Try again in ${waitInWords(retryAfterSeconds)}.`;
}
