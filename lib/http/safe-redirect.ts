// Where a redirect taken from a request may go: only a path of the same site. Shared by the
// sign-in page (?callbackUrl=) and the referral link (/r/<code>?to=). Pure, and table-tested
// against the known tricks: "//evil.com" and "/\evil.com" (browsers read both as another
// host), tabs and newlines (URL parsers drop them, so "/\t/evil.com" becomes "//evil.com"),
// and the same characters percent-encoded, once or more, for whatever decodes them later.

const MAX_LENGTH = 2048;
// Control characters (tab, CR, LF, NUL…) and backslashes have no business in a path we send
// someone to; browsers and servers disagree about what they mean.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
const PROBE_ORIGIN = "http://app.invalid";

function unsafePath(path: string): boolean {
  return UNSAFE.test(path) || !path.startsWith("/") || path.startsWith("//");
}

/**
 * The value as a path of this site (normalised: "/a/../b" is "/b"), or null when it is
 * anything else: another host, a scheme, a relative path, or an encoded trick.
 */
export function localPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_LENGTH || unsafePath(value)) return null;
  // The path part decoded as many times as it changes (up to a few): "/%2F%2Fevil.com",
  // "/%09/evil.com", "/%5Cevil.com" and their double-encoded forms all fail the same test.
  let path = value.split(/[?#]/, 1)[0]!;
  for (let round = 0; round < 4; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (decoded === path) break;
    if (unsafePath(decoded)) return null;
    path = decoded;
    if (round === 3) return null;
  }
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export const AFTER_SIGN_IN = "/overview";

/** Where the admin goes after signing in: the asked-for page of this app, else the Overview. */
export function afterSignInPath(callbackUrl: unknown): string {
  const first = Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl;
  const path = localPath(first);
  // Back to the sign-in page would be a loop; the API is not a page.
  if (!path || /^\/(login|api)(\/|\?|#|$)/.test(path)) return AFTER_SIGN_IN;
  return path;
}
