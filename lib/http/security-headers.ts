// The security headers of every page the app renders (console, sign-in, partner portal,
// /apply), set per request by proxy.ts. Route handlers (the REST and tracking APIs, /r, /a)
// and /track.js are not pages: they answer other origins and set their own headers.

export interface PageSecurityOptions {
  /** This response's nonce: Next.js reads it from the request's CSP and puts it on its scripts and styles. */
  nonce: string;
  /** The app's public URL is https (NEXTAUTH_URL). */
  https: boolean;
  /** `next dev`: React's development build needs eval, and the dev overlay injects styles. */
  development: boolean;
}

export function contentSecurityPolicy({ nonce, https, development }: PageSecurityOptions): string {
  const directives: string[][] = [
    ["default-src", "'self'"],
    // No 'unsafe-inline' for scripts: a script runs only with this response's nonce, or when
    // a script that has it loaded it ('strict-dynamic': Next.js loads its chunks that way).
    // 'self' is only for browsers without 'strict-dynamic', which ignore it otherwise.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // <style> elements need the nonce too. Style attributes are allowed: React style props
    // (charts, progress bars) set them, and an attribute can neither run code nor select
    // and read other elements the way an injected stylesheet can.
    ["style-src", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    // Product pictures come from the store's own CDN, any host.
    ["img-src", "'self'", "data:", "blob:", "https:", ...(https ? [] : ["http:"])],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // frame-ancestors for browsers that predate it.
    "X-Frame-Options": "DENY",
    // Browsers ignore HSTS received over plain http, so what matters is only whether this
    // host is meant to be reached over https: the operator says so in NEXTAUTH_URL. Not
    // includeSubDomains: the app often lives on a subdomain of a store that has others.
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** 128 random bits, base64: what a CSP nonce source accepts. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
