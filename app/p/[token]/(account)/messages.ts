// The only things a failed portal sign-in says: the password was wrong, or wait.

export const WRONG_PASSWORD = "Wrong password.";

export function portalSignInMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds <= 0) return WRONG_PASSWORD;
  const wait = retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many failed attempts. Try again in ${wait}.`;
}
