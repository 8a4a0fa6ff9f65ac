// How many times one client address may try each public, password-handling action in a
// window (SPEC.md §6: limits answer 429 with Retry-After, forms say how long to wait).
// Per-account backoff (sign-in-backoff.ts) stops guessing one password; these stop one
// address from spraying many accounts, or from making the server hash passwords at will.
// Generous for a person, an office behind one address, and the end-to-end suites.

export const ADDRESS_ACTIONS = ["admin_sign_in", "partner_sign_in", "set_password", "apply", "first_admin"] as const;
export type AddressAction = (typeof ADDRESS_ACTIONS)[number];

export interface AddressLimit {
  max: number;
  windowSeconds: number;
}

export const ADDRESS_LIMITS: Record<AddressAction, AddressLimit> = {
  admin_sign_in: { max: 30, windowSeconds: 15 * 60 },
  partner_sign_in: { max: 30, windowSeconds: 15 * 60 },
  set_password: { max: 20, windowSeconds: 15 * 60 },
  apply: { max: 10, windowSeconds: 60 * 60 },
  first_admin: { max: 10, windowSeconds: 15 * 60 },
};

/** The wait, in words, for a form: "40 seconds", "12 minutes". */
export function waitInWords(seconds: number): string {
  return seconds < 90 ? `${Math.max(1, Math.ceil(seconds))} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
