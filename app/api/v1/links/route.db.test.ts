import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { links } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { apiKey, link, partner, uid } from "@/lib/testing/fixtures";
import { expectError, expectEveryBadKeyRefused, expectNothingWritten, fromAddress, getWith, postJson, readJson, rowCounts, type Json, uniqueIp } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { POST as postClick } from "../../track/click/route";
import { POST as postRefund } from "../../track/refund/route";
import { POST as postSale } from "../../track/sale/route";
import { GET as getStats } from "./[slug]/stats/route";
import { POST } from "./route";

const t = setupTestDatabase();
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const postLink = (body: unknown, raw?: string) => postJson(POST, body, { key, raw });
const stats = (slug: string, options: { key?: string; headers?: Record<string, string> } = { key }) =>
  getWith(getStats, `/api/v1/links/${encodeURIComponent(slug)}/stats`, { ...options, params: { slug } });

describe("POST /api/v1/links", () => {
  test("creates a custom link for a partner: 201 {id, slug, url}", async () => {
    const p = await partner(t.db);
    const slug = uid("Spring-Sale-");
    const before = await rowCounts(t.db);
    const res = await postLink({ partnerId: p.id, destinationUrl: "https://shop.example.com/spring", slug });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), slug, url: `${appUrl()}/a/${slug}` });
    expect((await rowCounts(t.db)).links).toBe(before.links + 1);
    const [row] = await t.db.select().from(links).where(eq(links.id, body.id));
    expect(row).toMatchObject({ partnerId: p.id, slug, destinationUrl: "https://shop.example.com/spring", createdBy: "api", commissionType: null, commissionRate: null });
  });

  test("without a slug one is made up; a rate is kept", async () => {
    const p = await partner(t.db);
    const body = await readJson(await postLink({ partnerId: p.id, destinationUrl: "https://shop.example.com/x", commissionType: "fixed", commissionRate: 300 }));
    expect(body.slug).toMatch(/^[A-Za-z0-9]{6,}$/);
    expect(body.url).toBe(`${appUrl()}/a/${body.slug}`);
    const [row] = await t.db.select().from(links).where(eq(links.id, body.id));
    expect(row).toMatchObject({ commissionType: "fixed", commissionRate: 300 });
  });
});

describe("POST /api/v1/links refuses bad requests and writes nothing", () => {
  test("a slug that is taken (in any case) is 409 naming slug", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id, { slug: uid("Taken-") });
    await expectNothingWritten(t.db, async () => expectError(await postLink({ partnerId: p.id, destinationUrl: "https://shop.example.com/", slug: l.slug.toLowerCase() }), 409, "slug_taken", ["slug"]));
  });

  test("a slug equal to a partner's referral code is 409 naming slug", async () => {
    const p = await partner(t.db);
    const other = await partner(t.db);
    await expectNothingWritten(t.db, async () => expectError(await postLink({ partnerId: p.id, destinationUrl: "https://shop.example.com/", slug: other.referralCode.toUpperCase() }), 409, "slug_taken", ["slug"]));
  });

  test("a partner that does not exist is 422 naming partnerId", async () => {
    await expectNothingWritten(t.db, async () =>
      expectError(await postLink({ partnerId: "0b9a4a4e-3c52-4a8e-9a51-6f1f0c1f2b3a", destinationUrl: "https://shop.example.com/" }), 422, "unknown_partner", ["partnerId"]),
    );
  });

  test("a missing, malformed, wrong or revoked key is 401", async () => {
    const p = await partner(t.db);
    await expectEveryBadKeyRefused(t.db, (headers) => postJson(POST, { partnerId: p.id, destinationUrl: "https://shop.example.com/" }, { headers }));
  });

  test.each([
    ["not JSON", "partnerId=1"],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
  ])("a body that is %s is 400 malformed_request", async (_name, raw) => {
    await expectNothingWritten(t.db, async () => expectError(await postLink(undefined, raw), 400, "malformed_request"));
  });

  test.each<[string, Json, string[]]>([
    ["no partnerId", { destinationUrl: "https://shop.example.com/" }, ["partnerId"]],
    ["a partnerId that is no id", { partnerId: "partner-1", destinationUrl: "https://shop.example.com/" }, ["partnerId"]],
    ["no destination", { partnerId: "__P__" }, ["destinationUrl"]],
    ["a javascript: destination", { partnerId: "__P__", destinationUrl: "javascript:alert(1)" }, ["destinationUrl"]],
    ["an ftp destination", { partnerId: "__P__", destinationUrl: "ftp://files.example.com/" }, ["destinationUrl"]],
    ["a relative destination", { partnerId: "__P__", destinationUrl: "/shoes" }, ["destinationUrl"]],
    ["a slug with spaces", { partnerId: "__P__", destinationUrl: "https://shop.example.com/", slug: "spring sale" }, ["slug"]],
    ["a percentage above 100 %", { partnerId: "__P__", destinationUrl: "https://shop.example.com/", commissionType: "percentage", commissionRate: 20_000 }, ["commissionRate"]],
    ["a rate without a type", { partnerId: "__P__", destinationUrl: "https://shop.example.com/", commissionRate: 100 }, ["commissionType"]],
    ["a NUL in the destination", { partnerId: "__P__", destinationUrl: "https://shop.example.com/\u0000" }, ["destinationUrl"]],
  ])("%s is 422 naming the field", async (_name, body, fields) => {
    const p = await partner(t.db);
    const withPartner = JSON.parse(JSON.stringify(body).replace("__P__", p.id)) as Json;
    await expectNothingWritten(t.db, async () => expectError(await postLink(withPartner), 422, "invalid_request", fields));
  });
});

describe("GET /api/v1/links/{slug}/stats", () => {
  test("a new link has nothing yet", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    const res = await stats(l.slug);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ clicks: 0, sales: 0, revenue: 0, commission: 0 });
  });

  test("counts clicks that count, sales through the link, revenue net of refunds, and commission owed", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    const clickFrom = async (ip: string, ua = "Mozilla/5.0 (Windows NT 10.0) Edge/126.0") =>
      (await readJson(await postJson(postClick, { ref: l.slug }, { headers: { ...fromAddress(ip), "user-agent": ua } }))).visitorId as string;
    const a = await clickFrom(uniqueIp());
    const b = await clickFrom(uniqueIp());
    const repeatIp = uniqueIp();
    await clickFrom(repeatIp);
    await clickFrom(repeatIp); // a duplicate: does not count
    await clickFrom(uniqueIp(), "Googlebot/2.1 (+http://www.google.com/bot.html)"); // a bot: does not count

    const sale = async (orderId: string, amount: number, visitorId: string) => {
      const res = await postJson(postSale, { orderId, amount, visitorId }, { key });
      expect(res.status).toBe(201);
    };
    const first = uid("order-");
    await sale(first, 10_000, a);
    await sale(uid("order-"), 5_000, b);
    // a sale through the partner's referral code is not the link's
    await sale(uid("order-"), 7_000, (await readJson(await postJson(postClick, { ref: p.referralCode }, { headers: { ...fromAddress(uniqueIp()) } }))).visitorId);
    expect((await postJson(postRefund, { orderId: first, amount: 2_500 }, { key })).status).toBe(200);

    expect(await readJson(await stats(l.slug.toUpperCase()))).toEqual({ clicks: 3, sales: 2, revenue: 12_500, commission: 750 + 500 });
  });

  test("a fully refunded sale leaves no revenue and no commission", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    const { visitorId } = await readJson(await postJson(postClick, { ref: l.slug }, { headers: { ...fromAddress(uniqueIp()) } }));
    const orderId = uid("order-");
    await postJson(postSale, { orderId, amount: 8_000, visitorId }, { key });
    await postJson(postRefund, { orderId }, { key });
    expect(await readJson(await stats(l.slug))).toEqual({ clicks: 1, sales: 1, revenue: 0, commission: 0 });
  });

  test("an unknown slug is 404", async () => {
    await expectError(await stats(uid("nope-")), 404, "unknown_link");
  });

  test("a slug with characters no slug has is 404, not an error", async () => {
    for (const slug of ["../../etc/passwd", "a\u0000b", "😀", "x".repeat(5000)]) {
      await expectError(await stats(slug), 404, "unknown_link");
    }
  });

  test("a missing, malformed, wrong or revoked key is 401", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    await expectEveryBadKeyRefused(t.db, (headers) => stats(l.slug, { headers }));
  });
});
