// The only things a failed sign-in ever says. Neither tells whether the email exists.

export const WRONG_CREDENTIALS = "Wrong email or password.";

export function signInFailureMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds <= 0) return WRONG_CREDENTIALS;
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed attempts. Try again in ${wait}.`;
}
