import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));

describe("the page CSP", () => {
  test("scripts only with this response's nonce: no 'unsafe-inline', no eval in production", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123==", https: false, development: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  test("next dev gets eval for React's debugging and inline styles for its overlay, still no inline scripts", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", https: false, development: true }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("over https: HSTS, insecure requests upgraded, no plain-http images", () => {
    const headers = pageSecurityHeaders({ nonce: "n", https: true, development: false });
    expect(headers["Strict-Transport-Security"]).toBe("max-age=31536000");
    const policy = directives(headers["Content-Security-Policy"]!);
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
    expect(policy.get("img-src")).not.toContain("http:");
  });

  test("over http: no HSTS (a browser would ignore it, and the host may not speak https)", () => {
    const headers = pageSecurityHeaders({ nonce: "n", https: false, development: false });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });
});

test("nonces: 128 random bits in the base64 a CSP nonce source accepts, never the same twice", () => {
  const nonces = Array.from({ length: 200 }, newNonce);
  for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(new Set(nonces).size).toBe(200);
});
