import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, test, vi } from "vitest";
import { clicks } from "@/db/schema";
import { hashIp } from "@/lib/server/ip-hash";
import { apiKey, link, partner, settings, uid } from "@/lib/testing/fixtures";
import { expectError, expectNothingWritten, fromAddress, postJson, readJson, type Json, uniqueIp } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { POST as postSale } from "../sale/route";
import { OPTIONS, POST } from "./route";

const t = setupTestDatabase();

const BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

/** A click from the storefront's browser: its own address unless one is given. */
function postClick(body: unknown, { ip = uniqueIp(), ua = BROWSER, raw }: { ip?: string; ua?: string; raw?: string } = {}) {
  return postJson(POST, body, { raw, headers: { ...fromAddress(ip), "user-agent": ua, origin: "https://shop.example.com" } });
}

function expectCors(res: Response) {
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
}

async function clickRows(visitorId: string) {
  return t.db.select().from(clicks).where(eq(clicks.visitorId, visitorId)).orderBy(clicks.id);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("POST /api/track/click", () => {
  test("a click on a referral code answers 200 {visitorId, partnerId, linkId, cookieDays} and records it", async () => {
    const p = await partner(t.db);
    const ip = uniqueIp();
    const res = await postClick({ ref: p.referralCode, url: "https://shop.example.com/?ref=x", referrer: "https://blog.example/post" }, { ip });
    expect(res.status).toBe(200);
    expectCors(res);
    const body = await readJson(res);
    expect(body).toEqual({ visitorId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), partnerId: p.id, linkId: null, cookieDays: 30 });
    const [row, ...more] = await clickRows(body.visitorId);
    expect(more).toHaveLength(0);
    expect(row).toMatchObject({
      partnerId: p.id,
      linkId: null,
      landingUrl: "https://shop.example.com/?ref=x",
      referrer: "https://blog.example/post",
      userAgent: BROWSER,
      declinedReason: null,
      // the address is kept only as a keyed hash, never raw
      ipHash: hashIp(ip),
    });
    expect(row!.ipHash).not.toContain(ip);
  });

  test("a custom link's slug, in any case, is a ref too and carries the link", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id, { slug: uid("Spring-") });
    const body = await readJson(await postClick({ ref: l.slug.toUpperCase() }));
    expect(body).toEqual({ visitorId: expect.any(String), partnerId: p.id, linkId: l.id, cookieDays: 30 });
    expect((await clickRows(body.visitorId))[0]).toMatchObject({ linkId: l.id, declinedReason: null });
  });

  test("the visitor id the store already keeps is reused; cookieDays follows the settings", async () => {
    const p = await partner(t.db);
    const visitorId = uid("returning_visitor_");
    await settings(t.db, { cookieDays: 7 });
    try {
      const body = await readJson(await postClick({ ref: p.referralCode, visitorId }));
      expect(body).toEqual({ visitorId, partnerId: p.id, linkId: null, cookieDays: 7 });
    } finally {
      await settings(t.db, { cookieDays: 30 });
    }
    expect(await clickRows(visitorId)).toHaveLength(1);
  });

  test("the same visitor again within the hour counts once: the repeat is kept as a declined duplicate", async () => {
    const p = await partner(t.db);
    const visitorId = uid("visitor_");
    const first = await postClick({ ref: p.referralCode, visitorId });
    const second = await postClick({ ref: p.referralCode, visitorId });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect((await readJson(second)).visitorId).toBe(visitorId);
    expect((await clickRows(visitorId)).map((c) => c.declinedReason)).toEqual([null, "duplicate"]);
  });

  test("the same address again within the hour counts once, even with a new visitor id", async () => {
    const p = await partner(t.db);
    const ip = uniqueIp();
    const a = await readJson(await postClick({ ref: p.referralCode }, { ip }));
    const b = await readJson(await postClick({ ref: p.referralCode }, { ip }));
    expect(a.visitorId).not.toBe(b.visitorId);
    expect((await clickRows(a.visitorId))[0]!.declinedReason).toBeNull();
    expect((await clickRows(b.visitorId))[0]!.declinedReason).toBe("duplicate");
  });

  test("two shoppers behind one address (NAT) within the hour: the second counts as a repeat, and both sales are attributed", async () => {
    const p = await partner(t.db);
    const ip = uniqueIp();
    const key = await apiKey(t.db);
    const shoppers = [await readJson(await postClick({ ref: p.referralCode }, { ip })), await readJson(await postClick({ ref: p.referralCode }, { ip }))];
    expect((await clickRows(shoppers[1].visitorId))[0]!.declinedReason).toBe("duplicate");
    for (const shopper of shoppers) {
      const sale = await readJson(await postJson(postSale, { orderId: uid("nat-order-"), amount: 10_000, visitorId: shopper.visitorId }, { key }));
      expect(sale).toMatchObject({ attributed: true, attribution: "click", partnerId: p.id });
    }
  });

  test("a client's own X-Forwarded-For does not change the address its clicks are de-duplicated and limited under", async () => {
    const p = await partner(t.db);
    const ip = uniqueIp();
    const spoofing = (i: number) => postJson(POST, { ref: p.referralCode }, { headers: { ...fromAddress(ip), "x-forwarded-for": `203.0.113.${i % 250}`, "user-agent": BROWSER } });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() }); // no refill while the 61 are sent
    const answers = [];
    for (let i = 0; i < 61; i++) answers.push(await spoofing(i));
    expect(answers.slice(0, 60).map((r) => r.status)).toEqual(Array(60).fill(200));
    expect(answers[60]!.status).toBe(429);
    const second = await readJson(answers[1]!);
    expect((await clickRows(second.visitorId))[0]).toMatchObject({ ipHash: hashIp(ip), declinedReason: "duplicate" });
  });

  test("a repeat counts per link: the same visitor on another link of the partner counts again", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    const visitorId = uid("visitor_");
    await postClick({ ref: p.referralCode, visitorId });
    await postClick({ ref: l.slug, visitorId });
    expect((await clickRows(visitorId)).map((c) => c.declinedReason)).toEqual([null, null]);
  });

  test("a bot is answered like anyone but recorded as declined, and its visitor id never attributes a sale", async () => {
    const p = await partner(t.db);
    const ip = uniqueIp();
    const res = await postClick({ ref: p.referralCode }, { ua: GOOGLEBOT, ip });
    expect(res.status).toBe(200);
    const { visitorId } = await readJson(res);
    expect((await clickRows(visitorId)).map((c) => c.declinedReason)).toEqual(["bot"]);

    const key = await apiKey(t.db);
    const sale = await postJson(postSale, { orderId: uid("bot-order-"), amount: 10_000, visitorId, ip, userAgent: GOOGLEBOT }, { key });
    expect(sale.status).toBe(201);
    expect(await readJson(sale)).toMatchObject({ attributed: false, attribution: "none", partnerId: null, commission: null });
  });

  test("a click for a partner who is not approved is answered but kept as declined", async () => {
    const p = await partner(t.db, { status: "pending" });
    const { visitorId } = await readJson(await postClick({ ref: p.referralCode }));
    expect((await clickRows(visitorId)).map((c) => c.declinedReason)).toEqual(["partner_not_approved"]);
  });
});

describe("POST /api/track/click refuses bad requests, with CORS headers, and records nothing", () => {
  test("an unknown ref is 404 unknown_ref", async () => {
    await expectNothingWritten(t.db, async () => {
      const res = await postClick({ ref: uid("nobody-") });
      expectCors(res);
      await expectError(res, 404, "unknown_ref");
    });
  });

  test.each([
    ["not JSON", "{ref:"],
    ["empty", ""],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
    ["a JSON string", '"ref"'],
    ["a number", "42"],
  ])("a body that is %s is 400 malformed_request", async (_name, raw) => {
    await expectNothingWritten(t.db, async () => {
      const res = await postClick(undefined, { raw });
      expectCors(res);
      await expectError(res, 400, "malformed_request");
    });
  });

  test.each([
    ["declared in Content-Length", true],
    ["streamed without a length", false],
  ])("a body over 32 KB (%s) is 413 payload_too_large", async (_name, declared) => {
    const p = await partner(t.db);
    const json = JSON.stringify({ ref: p.referralCode, url: "https://shop.example.com/?" + "x".repeat(40 * 1024) });
    const bytes = new TextEncoder().encode(json);
    const body = declared ? json : new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) });
    const headers = { ...fromAddress(uniqueIp()), "content-type": "application/json", ...(declared ? { "content-length": String(bytes.length) } : {}) };
    await expectNothingWritten(t.db, async () => {
      const res = await POST(new NextRequest("http://localhost:3000/api/track/click", { method: "POST", headers, body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]));
      expectCors(res);
      const error = await expectError(res, 413, "payload_too_large");
      expect(error.message).toBe("The request body is too large (at most 32 KB).");
    });
  });

  test.each([
    ["no ref", {}, ["ref"]],
    ["a number for ref", { ref: 12 }, ["ref"]],
    ["an empty ref", { ref: "  " }, ["ref"]],
    ["a visitor id that is not one", { ref: "__REF__", visitorId: "not a visitor id!" }, ["visitorId"]],
    ["a too short visitor id", { ref: "__REF__", visitorId: "abc" }, ["visitorId"]],
    ["an object for url", { ref: "__REF__", url: { href: "x" } }, ["url"]],
    ["a url over 2048 characters", { ref: "__REF__", url: "https://shop.example.com/" + "a".repeat(3000) }, ["url"]],
    ["a NUL character in the referrer", { ref: "__REF__", referrer: "https://a.example/\u0000" }, ["referrer"]],
  ])("%s is 422 naming the field", async (_name, body, fields) => {
    const p = await partner(t.db);
    const withRef = JSON.parse(JSON.stringify(body).replace("__REF__", p.referralCode)) as Json;
    await expectNothingWritten(t.db, async () => {
      const res = await postClick(withRef);
      expectCors(res);
      await expectError(res, 422, "invalid_request", fields);
    });
  });

  test("an unknown field is 422 naming it", async () => {
    const p = await partner(t.db);
    await expectNothingWritten(t.db, async () => {
      const error = await expectError(await postClick({ ref: p.referralCode, visitorID: "abcdefgh12" }), 422, "invalid_request");
      expect(error.details!.some((d) => d.field === "visitorID" || d.message.includes('"visitorID"'))).toBe(true);
    });
  });

  test("with tracking off it is 503 tracking_disabled", async () => {
    const p = await partner(t.db);
    await settings(t.db, { trackingEnabled: false });
    try {
      await expectNothingWritten(t.db, async () => {
        const res = await postClick({ ref: p.referralCode });
        expectCors(res);
        await expectError(res, 503, "tracking_disabled");
      });
    } finally {
      await settings(t.db, { trackingEnabled: true });
    }
    expect((await postClick({ ref: p.referralCode })).status).toBe(200);
  });
});

describe("CORS and rate limit", () => {
  test("OPTIONS answers the preflight: 204, any origin, POST with a JSON body", async () => {
    const res = await OPTIONS();
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toMatch(/\bPOST\b/);
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
  });

  test("one address gets 60 clicks at once, then 429 with Retry-After, then one a second; others are not affected", async () => {
    const p = await partner(t.db);
    const ip = uniqueIp();
    const now = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now });
    const burst: number[] = [];
    for (let i = 0; i < 60; i++) burst.push((await postClick({ ref: p.referralCode }, { ip })).status);
    expect(burst).toEqual(Array(60).fill(200));

    await expectNothingWritten(t.db, async () => {
      const limited = await postClick({ ref: p.referralCode }, { ip });
      expectCors(limited);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
      await expectError(limited, 429, "rate_limited");
    });
    // another visitor is not held back by this one
    expect((await postClick({ ref: p.referralCode })).status).toBe(200);

    vi.setSystemTime(now + 1000);
    expect((await postClick({ ref: p.referralCode }, { ip })).status).toBe(200);
    expect((await postClick({ ref: p.referralCode }, { ip })).status).toBe(429);
  });
});
