import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { devOrigins } from "./dev-origins";

// Asks next dev's own gate (the function that answers /_next/hmr with 403) whether a page
// opened at each of this machine's addresses gets its hot-reload connection, with the
// allowedDevOrigins of next.config.ts. Without them only localhost does, and a page opened at
// 127.0.0.1 or the printed "Network:" address reloads in a loop.
type Gate = (req: object, res: object, allowed: string[] | undefined, hostname?: string) => boolean;
const { blockCrossSiteDEV } = createRequire(import.meta.url)("next/dist/server/lib/router-utils/block-cross-site-dev.js") as { blockCrossSiteDEV: Gate };

function hmrBlockedFor(origin: string): boolean {
  const req = { url: "/_next/hmr?id=test", headers: { origin, "sec-fetch-mode": "websocket", "sec-fetch-site": "same-origin" } };
  const res = { statusCode: 200, end: () => undefined };
  return blockCrossSiteDEV(req, res, nextConfig.allowedDevOrigins, undefined);
}

describe("the dev server's hot-reload connection", () => {
  it("is open to pages at localhost, 127.0.0.1, [::1] and every address of this machine", () => {
    const machine = devOrigins(process.env).filter((host) => !host.includes("%"));
    for (const host of ["localhost", "127.0.0.1", "[::1]", ...machine]) {
      expect(hmrBlockedFor(`http://${host}:3000`), host).toBe(false);
    }
  });

  it("stays closed to other sites", () => {
    expect(hmrBlockedFor("https://evil.example.com")).toBe(true);
  });

  it("is open at the host of NEXTAUTH_URL", () => {
    expect(devOrigins({ NEXTAUTH_URL: "https://Affiliates.Example.com/" }, {})).toContain("affiliates.example.com");
    expect(devOrigins({ NEXTAUTH_URL: "not a url" }, {})).toEqual(["127.0.0.1", "[::1]"]);
  });

  it("names IPv6 interface addresses as a browser's Origin does, in brackets", () => {
    const interfaces = { eth0: [{ address: "fd00::5", family: "IPv6" as const, netmask: "", mac: "", internal: false, cidr: null, scopeid: 0 }] };
    expect(devOrigins({}, interfaces)).toContain("[fd00::5]");
  });
});
