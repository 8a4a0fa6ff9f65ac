import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, test } from "vitest";
import { clicks } from "@/db/schema";
import { link, partner, settings, uid } from "@/lib/testing/fixtures";
import { expectNothingWritten, fromAddress, uniqueIp } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { GET } from "./route";

const t = setupTestDatabase();

beforeAll(async () => {
  await settings(t.db, { storeUrl: "https://shop.example.com/" });
});

function visit(slug: string, { query = "", cookie }: { query?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { ...fromAddress(uniqueIp()), "user-agent": "Mozilla/5.0 (Android 14) Chrome/126.0" };
  if (cookie) headers.cookie = cookie;
  return GET(new NextRequest(`http://localhost:3000/a/${encodeURIComponent(slug)}${query}`, { headers }), { params: Promise.resolve({ slug }) });
}

function visitorCookie(res: Response): string | undefined {
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("aff_vid="))
    ?.split(";")[0]!
    .slice("aff_vid=".length);
}

describe("GET /a/<slug>", () => {
  test("307 to the link's destination with aff_vid, sets the cookie, records the click on the link", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id, { destinationUrl: "https://shop.example.com/products/kettle?variant=2" });
    const res = await visit(l.slug);
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!);
    expect(`${to.origin}${to.pathname}`).toBe("https://shop.example.com/products/kettle");
    expect(to.searchParams.get("variant")).toBe("2");
    const visitorId = to.searchParams.get("aff_vid");
    expect(visitorId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(visitorCookie(res)).toBe(visitorId);
    const cookieHeader = res.headers.getSetCookie().find((c) => c.startsWith("aff_vid="))!;
    expect(cookieHeader).toMatch(new RegExp(`Max-Age=${30 * 86_400}(;|$)`));
    expect(cookieHeader).toMatch(/HttpOnly/i);
    expect(cookieHeader).toMatch(/SameSite=lax/i);

    const rows = await t.db.select().from(clicks).where(eq(clicks.visitorId, visitorId!));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ partnerId: p.id, linkId: l.id, declinedReason: null });
  });

  test("the slug is case-insensitive; a returning visitor keeps their id", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id, { slug: uid("Summer-") });
    const first = await visit(l.slug.toUpperCase());
    expect(first.status).toBe(307);
    const visitorId = visitorCookie(first)!;
    const again = await visit(l.slug.toLowerCase(), { cookie: `aff_vid=${visitorId}` });
    expect(new URL(again.headers.get("location")!).searchParams.get("aff_vid")).toBe(visitorId);
  });

  test("?to= is ignored: a custom link always goes to its destination", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id, { destinationUrl: "https://shop.example.com/product" });
    const to = new URL((await visit(l.slug, { query: "?to=/elsewhere" })).headers.get("location")!);
    expect(to.pathname).toBe("/product");
  });

  test("an unknown slug, or a partner's referral code, is a 404 page with no click and no cookie", async () => {
    const p = await partner(t.db);
    for (const slug of [uid("missing-"), p.referralCode]) {
      await expectNothingWritten(t.db, async () => {
        const res = await visit(slug);
        expect(res.status).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/^text\/html/);
        expect(res.headers.getSetCookie()).toEqual([]);
        expect(await res.text()).toContain("This link does not exist");
      });
    }
  });

  test("with tracking off it still goes to the destination, untracked and without a cookie", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id, { destinationUrl: "https://shop.example.com/product" });
    await settings(t.db, { trackingEnabled: false });
    try {
      await expectNothingWritten(t.db, async () => {
        const res = await visit(l.slug);
        expect(res.status).toBe(307);
        expect(res.headers.get("location")).toBe("https://shop.example.com/product");
        expect(res.headers.getSetCookie()).toEqual([]);
      });
    } finally {
      await settings(t.db, { trackingEnabled: true });
    }
  });
});
