import { NextResponse, type NextRequest } from "next/server";
import { appUrl } from "@/lib/env";
import { newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

// Every page request: a fresh CSP nonce and the page security headers (lib/http/security-headers.ts).
// Next.js reads the nonce from the request's Content-Security-Policy header and puts it on the
// scripts and styles it renders, which is why every page renders per request (app/layout.tsx).
// This only sets headers: access is decided next to the data (withAdmin, the portal session).

export function proxy(request: NextRequest) {
  const headers = pageSecurityHeaders({
    nonce: newNonce(),
    https: appUrl().startsWith("https:"),
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Not route handlers (/api: JSON for integrators and stores; /r and /a: redirects), not
      // /track.js (a script other origins load), not Next.js's own static files.
      source: "/((?!api/|r/|a/|_next/|track\\.js$|favicon\\.ico$).*)",
      // Prefetches fetch data, not a document: nothing there runs under the policy.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
