import { describe, expect, test } from "vitest";
import { afterSignInPath, AFTER_SIGN_IN, localPath } from "./safe-redirect";

// Each value, and where it must not lead. Sources: the usual open-redirect payload lists
// (backslashes, control characters the URL parser strips, schemes, encodings).
const FOREIGN: unknown[] = [
  "//evil.com",
  "///evil.com",
  "/\\evil.com",
  "\\\\evil.com",
  "\\/evil.com",
  "/\\/evil.com",
  "https://evil.com",
  "http:evil.com",
  "https:/evil.com",
  "//evil.com/%2F..",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.com",
  " /overview",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  "/\u0000/evil.com",
  "/%09/evil.com",
  "/%0a/evil.com",
  "/%0D%0A/evil.com",
  "/%2F%2Fevil.com",
  "/%2f/evil.com",
  "/%5Cevil.com",
  "/%5c%5cevil.com",
  "/%252F%252Fevil.com",
  "/%25252F%25252Fevil.com",
  "/%E0%A4%A",
  "%2F%2Fevil.com",
  "",
  "x".repeat(3000),
  `/${"a".repeat(3000)}`,
  undefined,
  null,
  42,
  ["//evil.com"],
];

const label = (v: unknown) => (typeof v === "string" && v.length > 40 ? `"${v.slice(0, 12)}…" (${v.length} characters)` : JSON.stringify(v) ?? String(v));
const foreign = FOREIGN.map((v) => [label(v), v] as const);

describe("localPath", () => {
  test.each(foreign)("%s is not a local path", (_label, value) => {
    expect(localPath(value)).toBeNull();
  });

  test.each([
    ["/overview", "/overview"],
    ["/partners?status=approved&q=jane", "/partners?status=approved&q=jane"],
    ["/partners/123#payouts", "/partners/123#payouts"],
    ["/shoes/red?size=42", "/shoes/red?size=42"],
    ["/a/../b", "/b"],
    ["/caf%C3%A9", "/caf%C3%A9"],
    // an encoded slash inside a query is data, not a host
    ["/partners?q=%2F%2Fevil.com", "/partners?q=%2F%2Fevil.com"],
    ["/", "/"],
  ])("%j is the local path %j", (value, expected) => {
    expect(localPath(value)).toBe(expected);
  });
});

describe("afterSignInPath", () => {
  test.each(foreign)("%s lands on the Overview", (_label, value) => {
    expect(afterSignInPath(value)).toBe(AFTER_SIGN_IN);
  });

  test.each([
    ["/login", AFTER_SIGN_IN],
    ["/login?callbackUrl=/partners", AFTER_SIGN_IN],
    ["/api/admin/audit-log", AFTER_SIGN_IN],
    ["/partners", "/partners"],
    ["/loginsights", "/loginsights"],
    [["/payouts", "/x"], "/payouts"],
  ])("%j goes to %j", (value, expected) => {
    expect(afterSignInPath(value)).toBe(expected);
  });
});
