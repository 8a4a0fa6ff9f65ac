import type { NextConfig } from "next";
import { devOrigins } from "./lib/http/dev-origins";

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and postgres.js opens sockets: both must stay plain Node
  // modules, or the bundler copies PGlite's WASM into public static files.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  poweredByHeader: false,
  // The dev server's hot-reload connection for pages opened at 127.0.0.1 or this machine's
  // network address too, not only localhost: without it such a page reloads in a loop.
  allowedDevOrigins: devOrigins(),
  reactStrictMode: true,
  // The partner portal's URL holds its secret token: it must not leave in a Referer header
  // (outbound links, images) nor land in the dev server's request log.
  logging: { incomingRequests: { ignore: [/^\/p\//] } },
  // Headers that never vary, on every answer; the page headers that do (the CSP's nonce, HSTS)
  // are set per request by proxy.ts. A later rule overrides an earlier one for the same header.
  async headers() {
    const noReferrer = [{ key: "Referrer-Policy", value: "no-referrer" }];
    return [
      { source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
      // Not /r and /a: their redirect would impose the policy on the Referer the store
      // receives from the partner's page, which the store may rely on.
      { source: "/:path((?!r/|a/).*)", headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }] },
      { source: "/p/:path*", headers: noReferrer },
      { source: "/apply", headers: noReferrer },
    ];
  },
};

export default nextConfig;
