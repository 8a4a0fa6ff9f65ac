import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { clicks } from "@/db/schema";
import { link, partner, settings, uid } from "@/lib/testing/fixtures";
import { expectNothingWritten, fromAddress, uniqueIp } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

const t = setupTestDatabase();
const STORE = "https://shop.example.com/";

beforeAll(async () => {
  await settings(t.db, { storeUrl: STORE });
});

afterEach(() => {
  vi.useRealTimers();
});

function visit(code: string, { query = "", cookie, ip = uniqueIp(), base = "http://localhost:3000" }: { query?: string; cookie?: string; ip?: string; base?: string } = {}) {
  const headers: Record<string, string> = { ...fromAddress(ip), "user-agent": "Mozilla/5.0 (iPhone) Safari/604.1", referer: "https://blog.example/review" };
  if (cookie) headers.cookie = cookie;
  const req = new NextRequest(`${base}/r/${encodeURIComponent(code)}${query}`, { headers });
  return GET(req, { params: Promise.resolve({ code }) });
}

/** The aff_vid cookie's value and attributes, or undefined when none is set. */
function visitorCookie(res: Response) {
  const header = res.headers.getSetCookie().find((c) => c.startsWith("aff_vid="));
  if (!header) return undefined;
  const [pair, ...attrs] = header.split(";").map((s) => s.trim());
  const attributes = Object.fromEntries(attrs.map((a) => {
    const [k, v] = a.split("=");
    return [k!.toLowerCase(), v ?? true];
  }));
  return { value: pair!.slice("aff_vid=".length), attributes };
}

function location(res: Response): URL {
  expect(res.status).toBe(307);
  return new URL(res.headers.get("location")!);
}

describe("GET /r/<code>", () => {
  test("307 to the store with aff_vid, sets the aff_vid cookie for the cookie duration, records the click", async () => {
    const p = await partner(t.db);
    const res = await visit(p.referralCode);
    const to = location(res);
    expect(`${to.origin}${to.pathname}`).toBe(STORE);
    const visitorId = to.searchParams.get("aff_vid");
    expect(visitorId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    const cookie = visitorCookie(res);
    expect(cookie?.value).toBe(visitorId);
    expect(cookie!.attributes).toMatchObject({ "max-age": String(30 * 86_400), path: "/", httponly: true });
    expect(String(cookie!.attributes.samesite).toLowerCase()).toBe("lax");
    expect(cookie!.attributes).not.toHaveProperty("secure");

    const rows = await t.db.select().from(clicks).where(eq(clicks.visitorId, visitorId!));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ partnerId: p.id, linkId: null, declinedReason: null, referrer: "https://blog.example/review", landingUrl: STORE });
  });

  test("the cookie lasts as many days as the settings say, and is Secure over https", async () => {
    const p = await partner(t.db);
    await settings(t.db, { cookieDays: 60 });
    try {
      const cookie = visitorCookie(await visit(p.referralCode, { base: "https://aff.example.com" }));
      expect(cookie!.attributes).toMatchObject({ "max-age": String(60 * 86_400), secure: true });
    } finally {
      await settings(t.db, { cookieDays: 30 });
    }
  });

  test("the code is case-insensitive", async () => {
    const p = await partner(t.db, { referralCode: uid("MixedCase") });
    const res = await visit(p.referralCode.toLowerCase());
    expect(location(res).searchParams.get("aff_vid")).toBeTruthy();
  });

  test("?to=/path lands on that path of the store, keeping its query", async () => {
    const p = await partner(t.db);
    const to = location(await visit(p.referralCode, { query: `?to=${encodeURIComponent("/shoes/red?size=42")}` }));
    expect(to.origin).toBe("https://shop.example.com");
    expect(to.pathname).toBe("/shoes/red");
    expect(to.searchParams.get("size")).toBe("42");
    expect(to.searchParams.get("aff_vid")).toBeTruthy();
  });

  test.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example/path",
    "javascript:alert(1)",
    "http:evil.example",
    "evil.example",
  ])("?to=%j never leaves the store", async (target) => {
    const p = await partner(t.db);
    const to = location(await visit(p.referralCode, { query: `?to=${encodeURIComponent(target)}` }));
    expect(to.origin).toBe("https://shop.example.com");
  });

  test.each(["/%2F%2Fevil.example", "/%5Cevil.example", "/%09/evil.example", "/%252F%252Fevil.example"])(
    "?to=%j (an encoded trick) lands on the store's home, not on a path built from it",
    async (target) => {
      const p = await partner(t.db);
      const to = location(await visit(p.referralCode, { query: `?to=${encodeURIComponent(target)}` }));
      expect(`${to.origin}${to.pathname}`).toBe("https://shop.example.com/");
    },
  );

  test("a returning visitor's aff_vid cookie is reused; a forged one is replaced", async () => {
    const p = await partner(t.db);
    const other = await partner(t.db);
    const first = visitorCookie(await visit(p.referralCode))!.value;
    const again = await visit(other.referralCode, { cookie: `theme=dark; aff_vid=${first}` });
    expect(location(again).searchParams.get("aff_vid")).toBe(first);
    expect(visitorCookie(again)!.value).toBe(first);
    expect(await t.db.select().from(clicks).where(eq(clicks.visitorId, first))).toHaveLength(2);

    const forged = await visit(p.referralCode, { cookie: "aff_vid=<script>" });
    expect(visitorCookie(forged)!.value).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  test("an unknown code is a 404 page that offers the store, with no click and no cookie", async () => {
    await expectNothingWritten(t.db, async () => {
      const res = await visit(uid("nobody-"));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.getSetCookie()).toEqual([]);
      const html = await res.text();
      expect(html).toContain("This link does not exist");
      expect(html).toContain(`href="${STORE}"`);
    });
  });

  test("a custom link's slug is not a referral code: 404", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    expect((await visit(l.slug)).status).toBe(404);
  });

  test("with tracking off it still sends the shopper to the store, but records no click and sets no cookie", async () => {
    const p = await partner(t.db);
    await settings(t.db, { trackingEnabled: false });
    try {
      await expectNothingWritten(t.db, async () => {
        const res = await visit(p.referralCode, { query: "?to=/shoes" });
        const to = location(res);
        expect(to.toString()).toBe("https://shop.example.com/shoes");
        expect(res.headers.getSetCookie()).toEqual([]);
      });
    } finally {
      await settings(t.db, { trackingEnabled: true });
    }
  });

  test("over the rate limit a shopper is still sent on, untracked", async () => {
    const p = await partner(t.db);
    const ip = uniqueIp();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    for (let i = 0; i < 60; i++) expect(visitorCookie(await visit(p.referralCode, { ip }))).toBeDefined();
    await expectNothingWritten(t.db, async () => {
      const res = await visit(p.referralCode, { ip });
      expect(location(res).toString()).toBe(STORE);
      expect(res.headers.getSetCookie()).toEqual([]);
    });
  });
});
