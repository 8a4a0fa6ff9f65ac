import { and, eq, ne, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { adjustments, auditLog, clicks, commissions, links, orders } from "@/db/schema";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { parseLinkListParams } from "@/lib/schemas/links";
import { API_ACTOR, click, link, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { createLink, deleteLink, linkStatsBySlug, listLinks, updateLink } from "./links";
import { createPayout } from "./payouts";
import { cachedSlug } from "./tracking/ref-cache";
import { recordRefund } from "./tracking/refunds";

const t = setupTestDatabase();

const params = (raw: Record<string, string> = {}) => parseLinkListParams(raw);

async function clickAndBuy(slug: string, amount: number, now?: Date) {
  const visitor = await click(t.db, slug, { now });
  return (await sale(t.db, { amount, visitorId: visitor.visitorId }, { now })).body;
}

/** What the numbers of a link must be, summed straight from the rows. */
async function summed(linkId: string) {
  const [c] = await t.db.select({ n: sql<number>`count(*)::int` }).from(clicks).where(and(eq(clicks.linkId, linkId), sql`${clicks.declinedReason} is null`));
  const [o] = await t.db
    .select({ n: sql<number>`count(*)::int`, revenue: sql<string>`coalesce(sum(${orders.amount} - ${orders.refundedAmount}), 0)` })
    .from(orders)
    .where(eq(orders.linkId, linkId));
  const [m] = await t.db
    .select({ total: sql<string>`coalesce(sum(${commissions.amount}), 0)` })
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderId))
    .where(and(eq(orders.linkId, linkId), ne(commissions.status, "void")));
  const [a] = await t.db
    .select({ total: sql<string>`coalesce(sum(${adjustments.amount}), 0)` })
    .from(adjustments)
    .innerJoin(commissions, eq(commissions.id, adjustments.commissionId))
    .innerJoin(orders, eq(orders.id, commissions.orderId))
    .where(eq(orders.linkId, linkId));
  return { clicks: Number(c!.n), sales: Number(o!.n), revenue: Number(o!.revenue), commission: Number(m!.total) + Number(a!.total) };
}

describe("the links list", () => {
  test("each link's clicks, sales, revenue and commission equal summing its rows", async () => {
    const p = await partner(t.db, { name: uid("Numbers ") });
    const busy = await link(t.db, p.id, { slug: uid("busy-") });
    const quiet = await link(t.db, p.id, { slug: uid("quiet-"), commissionType: "fixed", commissionRate: 700 });
    const a = await clickAndBuy(busy.slug, 10_000);
    await clickAndBuy(busy.slug, 4_000);
    const refunded = await clickAndBuy(busy.slug, 3_000);
    await click(t.db, busy.slug, { userAgent: "Googlebot/2.1" }); // a bot: does not count
    await recordRefund(t.db, { orderId: a.orderId, amount: 2_500 }, { actor: API_ACTOR });
    await recordRefund(t.db, { orderId: refunded.orderId }, { actor: API_ACTOR }); // full: commission void
    await clickAndBuy(quiet.slug, 9_999);

    const { rows, total } = await listLinks(t.db, params({ partner: p.id }));
    expect(total).toBe(2);
    for (const l of [busy, quiet]) {
      const row = rows.find((r) => r.id === l.id)!;
      const expected = await summed(l.id);
      expect({ clicks: row.clicks, sales: row.sales, revenue: row.revenue, commission: row.commission }).toEqual(expected);
      expect(await linkStatsBySlug(t.db, l.slug)).toEqual(expected);
    }
    // the figures themselves: 10 % of 7,500 and 4,000; the refunded order earns nothing
    expect(rows.find((r) => r.id === busy.id)).toMatchObject({ clicks: 3, sales: 3, revenue: 11_500, commission: 750 + 400 });
    expect(rows.find((r) => r.id === quiet.id)).toMatchObject({ clicks: 1, sales: 1, revenue: 9_999, commission: 700, commissionType: "fixed", commissionRate: 700 });
    expect(rows[0]).toMatchObject({ partnerId: p.id, partnerName: p.name, partnerEmail: p.email, createdBy: "admin", url: expect.stringMatching(/\/a\//) });
  });

  test("an order refunded after its commission was paid counts net of the clawback", async () => {
    const p = await partner(t.db, { name: uid("Clawback "), payoutMethod: "paypal", payoutDetails: { email: "claw@example.com" } });
    const l = await link(t.db, p.id, { slug: uid("claw-") });
    const longAgo = new Date(Date.now() - 40 * 86_400_000); // past the hold: approved, payable
    await clickAndBuy(l.slug, 20_000, longAgo);
    const returned = await clickAndBuy(l.slug, 10_000, longAgo);
    await createPayout(t.db, SYSTEM, { partnerId: p.id, transactionId: uid("TX-") });
    expect(await linkStatsBySlug(t.db, l.slug)).toMatchObject({ revenue: 30_000, commission: 3_000 });

    await recordRefund(t.db, { orderId: returned.orderId, amount: 4_000 }, { actor: API_ACTOR }); // after payout: −400 adjustment
    expect(await linkStatsBySlug(t.db, l.slug)).toMatchObject({ sales: 2, revenue: 26_000, commission: 2_600 });
    await recordRefund(t.db, { orderId: returned.orderId }, { actor: API_ACTOR }); // the rest: −600
    const stats = await linkStatsBySlug(t.db, l.slug);
    expect(stats).toMatchObject({ sales: 2, revenue: 20_000, commission: 2_000 });
    expect(stats).toEqual(await summed(l.id));
    const { rows } = await listLinks(t.db, params({ partner: p.id }));
    expect(rows[0]).toMatchObject({ revenue: 20_000, commission: 2_000 });
  });

  test("sorts by clicks, sales and revenue, either way", async () => {
    const p = await partner(t.db);
    const one = await link(t.db, p.id);
    const two = await link(t.db, p.id);
    await clickAndBuy(one.slug, 100);
    await clickAndBuy(two.slug, 5_000);
    await clickAndBuy(two.slug, 5_000);
    await click(t.db, one.slug, { visitorId: uid("visitor-") });
    await click(t.db, one.slug, { visitorId: uid("visitor-") });
    const ids = async (sort: string, dir: string) => (await listLinks(t.db, params({ partner: p.id, sort, dir }))).rows.map((r) => r.id);
    expect(await ids("clicks", "desc")).toEqual([one.id, two.id]);
    expect(await ids("sales", "desc")).toEqual([two.id, one.id]);
    expect(await ids("revenue", "asc")).toEqual([one.id, two.id]);
    expect(await ids("createdAt", "desc")).toEqual([two.id, one.id]);
  });

  test("search finds a link by slug, destination or partner; the partner filter keeps one partner's", async () => {
    const p = await partner(t.db, { name: uid("Searchable ") });
    const other = await partner(t.db);
    const bySlug = await link(t.db, p.id, { slug: uid("Autumn-") });
    const byUrl = await link(t.db, other.id, { destinationUrl: `https://shop.example.com/${uid("sku-")}` });
    const ids = async (q: string) => (await listLinks(t.db, params({ q }))).rows.map((r) => r.id);
    expect(await ids(bySlug.slug.toLowerCase())).toEqual([bySlug.id]);
    expect(await ids(byUrl.destinationUrl.split("/").pop()!)).toEqual([byUrl.id]);
    expect(await ids(p.name.toUpperCase())).toEqual([bySlug.id]);
    expect(await ids("100%_")).toEqual([]);
    expect((await listLinks(t.db, params({ partner: other.id }))).rows.map((r) => r.id)).toEqual([byUrl.id]);
  });

  test("pages in SQL with the total of everything that matches", async () => {
    const p = await partner(t.db);
    for (let i = 0; i < 3; i++) await link(t.db, p.id);
    const first = await listLinks(t.db, params({ partner: p.id, size: "10" }));
    expect(first.total).toBe(3);
    const page2 = await listLinks(t.db, { ...params({ partner: p.id }), size: 2, page: 2 });
    expect(page2).toMatchObject({ total: 3 });
    expect(page2.rows).toHaveLength(1);
  });
});

describe("creating a link", () => {
  test("for a partner who is not approved yet, with a rate of its own", async () => {
    const p = await partner(t.db, { status: "pending" });
    const l = await createLink(t.db, SYSTEM, { partnerId: p.id, destinationUrl: "https://shop.example.com/boots", commissionType: "percentage", commissionRate: 1250 });
    expect(l).toMatchObject({ partnerId: p.id, commissionType: "percentage", commissionRate: 1250, slug: expect.stringMatching(/^[A-Za-z0-9]{6,}$/) });
  });

  test("a slug equal to a referral code, in any case, is a field error", async () => {
    const p = await partner(t.db);
    const other = await partner(t.db);
    const attempt = createLink(t.db, SYSTEM, { partnerId: p.id, destinationUrl: "https://shop.example.com/", slug: other.referralCode.toUpperCase() });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ details: [{ field: "slug", message: "This slug is taken." }] });
  });

  test("a slug another link has, in any case, is a field error", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id, { slug: uid("Taken-") });
    await expect(createLink(t.db, SYSTEM, { partnerId: p.id, destinationUrl: "https://shop.example.com/", slug: l.slug.toLowerCase() })).rejects.toMatchObject({
      details: [{ field: "slug" }],
    });
  });

  test.each([
    ["an invalid destination", { destinationUrl: "shop.example.com/boots" }, "destinationUrl"],
    ["a javascript: destination", { destinationUrl: "javascript:alert(1)" }, "destinationUrl"],
    ["a rate above 100 %", { commissionType: "percentage", commissionRate: 10_001 }, "commissionRate"],
    ["a slug with spaces", { slug: "spring sale" }, "slug"],
  ])("%s is a field error and nothing is written", async (_name, patch, field) => {
    const p = await partner(t.db);
    const [before] = await t.db.select({ n: sql<number>`count(*)::int` }).from(links);
    const attempt = createLink(t.db, SYSTEM, { partnerId: p.id, destinationUrl: "https://shop.example.com/", ...patch });
    await expect(attempt).rejects.toBeInstanceOf(InvalidError);
    await expect(attempt).rejects.toMatchObject({ details: expect.arrayContaining([expect.objectContaining({ field })]) });
    const [after] = await t.db.select({ n: sql<number>`count(*)::int` }).from(links);
    expect(after!.n).toBe(before!.n);
  });
});

describe("editing a link", () => {
  test("changes destination and rate, is audited, and the redirect follows at once", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    expect((await cachedSlug(t.db, l.slug))?.destinationUrl).toBe("https://shop.example.com/product");
    await updateLink(t.db, SYSTEM, l.id, { destinationUrl: "https://shop.example.com/new", commissionType: "fixed", commissionRate: 250 });
    const [row] = await t.db.select().from(links).where(eq(links.id, l.id));
    expect(row).toMatchObject({ slug: l.slug, destinationUrl: "https://shop.example.com/new", commissionType: "fixed", commissionRate: 250 });
    expect((await cachedSlug(t.db, l.slug))?.destinationUrl).toBe("https://shop.example.com/new");
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "link.update"), eq(auditLog.entityId, l.id)));
    expect(entry!.details).toMatchObject({ changes: { destinationUrl: { from: "https://shop.example.com/product", to: "https://shop.example.com/new" }, commissionRate: { from: null, to: 250 } } });
  });

  test("back to the partner's rate; a sale afterwards earns the new rate", async () => {
    const p = await partner(t.db, { commissionType: "percentage", commissionRate: 2000 });
    const l = await link(t.db, p.id, { commissionType: "fixed", commissionRate: 100 });
    await updateLink(t.db, SYSTEM, l.id, { destinationUrl: l.destinationUrl, commissionType: null, commissionRate: null });
    const body = await clickAndBuy(l.slug, 10_000);
    expect(body.commission).toMatchObject({ amount: 2000 });
  });

  test("refuses a rate above 100 % and an unknown link", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    await expect(updateLink(t.db, SYSTEM, l.id, { destinationUrl: l.destinationUrl, commissionType: "percentage", commissionRate: 12_000 })).rejects.toMatchObject({
      details: [{ field: "commissionRate" }],
    });
    await expect(updateLink(t.db, SYSTEM, "00000000-0000-4000-8000-000000000000", { destinationUrl: "https://shop.example.com/" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateLink(t.db, SYSTEM, "not-an-id", { destinationUrl: "https://shop.example.com/" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("deleting a link", () => {
  test("keeps its clicks, orders and commissions; the slug stops resolving and is free again", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    const body = await clickAndBuy(l.slug, 10_000);
    const [clicksBefore] = await t.db.select({ n: sql<number>`count(*)::int` }).from(clicks).where(eq(clicks.partnerId, p.id));
    expect(await cachedSlug(t.db, l.slug)).toBeDefined();

    await deleteLink(t.db, SYSTEM, l.id);

    const [clicksAfter] = await t.db.select({ n: sql<number>`count(*)::int` }).from(clicks).where(eq(clicks.partnerId, p.id));
    expect(clicksAfter!.n).toBe(clicksBefore!.n);
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, body.orderId));
    expect(order).toMatchObject({ partnerId: p.id, linkId: null });
    const [commission] = await t.db.select().from(commissions).where(eq(commissions.orderId, order!.id));
    expect(commission).toMatchObject({ partnerId: p.id, amount: 1000, status: "pending" });
    expect(await cachedSlug(t.db, l.slug)).toBeUndefined();
    expect((await listLinks(t.db, parseLinkListParams({ partner: p.id }))).total).toBe(0);
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "link.delete"), eq(auditLog.entityId, l.id)));
    expect(entry!.details).toMatchObject({ slug: l.slug });
    // the slug can be used again
    await expect(link(t.db, p.id, { slug: l.slug })).resolves.toMatchObject({ slug: l.slug });
  });

  test("an unknown link is not found", async () => {
    await expect(deleteLink(t.db, SYSTEM, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});
