import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships a WASM build and postgres.js opens sockets: both must stay plain Node
  // modules, or the bundler copies PGlite's WASM into public static files.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs"],
  poweredByHeader: false,
  reactStrictMode: true,
  // The partner portal's URL holds its secret token: it must not leave in a Referer header
  // (outbound links, images) nor land in the dev server's request log.
  logging: { incomingRequests: { ignore: [/^\/p\//] } },
  async headers() {
    const noReferrer = [{ key: "Referrer-Policy", value: "no-referrer" }];
    return [
      { source: "/p/:path*", headers: noReferrer },
      { source: "/apply", headers: noReferrer },
    ];
  },
};

export default nextConfig;
