import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import nextConfig from "./next.config";
import { config } from "./proxy";

// Which requests get the page security headers (proxy.ts) and which static ones every answer
// carries (next.config.ts); the headers themselves are in lib/http/security-headers.test.ts.

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function proxyWith(nextauthUrl: string) {
  vi.stubEnv("NEXTAUTH_URL", nextauthUrl);
  vi.resetModules();
  return (await import("./proxy")).proxy;
}

describe("proxy.ts", () => {
  test("runs for the console, the portal, sign-in and /apply", () => {
    for (const url of ["/", "/overview", "/partners/1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b/edit", "/settings/api-keys", "/login", "/p/abcdefghijklmnopqrstuvwxyz012345", "/p/abc/settings", "/apply"]) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
    }
  });

  test("leaves alone what other origins call, the APIs and static files", () => {
    for (const url of ["/track.js", "/r/JANE10", "/a/summer-sale", "/api/track/click", "/api/track/sale", "/api/v1/partners", "/api/auth/session", "/api/health", "/_next/static/chunks/main.js", "/favicon.ico"]) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
    }
    expect(unstable_doesMiddlewareMatch({ config, url: "/overview", headers: { "next-router-prefetch": "1" } })).toBe(false);
  });

  test("hands Next.js the nonce in the request's CSP and answers with the page headers", async () => {
    const proxy = await proxyWith("http://localhost:3000");
    const response = proxy(new NextRequest("http://localhost:3000/overview"));
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'/);
    // NextResponse.next({ request: { headers } }) passes request headers on this way
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  test("HSTS when the app's public URL (NEXTAUTH_URL) is https", async () => {
    const proxy = await proxyWith("https://affiliates.example.com");
    const response = proxy(new NextRequest("http://10.0.0.5:3000/overview", { headers: { "x-forwarded-proto": "https" } }));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("next.config.ts headers", () => {
  const headersAt = async (url: string) => (await unstable_getResponseFromNextConfig({ url: `http://localhost:3000${url}`, nextConfig })).headers;

  test("nosniff on every answer, the tracking routes and the snippet included", async () => {
    for (const url of ["/overview", "/track.js", "/r/JANE10", "/api/track/click", "/api/v1/partners", "/p/abc"]) {
      expect((await headersAt(url)).get("x-content-type-options"), url).toBe("nosniff");
    }
  });

  test("Referrer-Policy: strict on the console, none from the portal, untouched on the referral redirects", async () => {
    expect((await headersAt("/overview")).get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect((await headersAt("/login")).get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect((await headersAt("/p/abc/settings")).get("referrer-policy")).toBe("no-referrer");
    expect((await headersAt("/apply")).get("referrer-policy")).toBe("no-referrer");
    expect((await headersAt("/r/JANE10")).get("referrer-policy")).toBeNull();
    expect((await headersAt("/a/summer-sale")).get("referrer-policy")).toBeNull();
  });
});
