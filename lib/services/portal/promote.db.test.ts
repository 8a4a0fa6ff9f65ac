import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { links } from "@/db/schema";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import { click, link, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "../actor";
import { upsertProducts } from "../catalog";
import { createRateGroup } from "../rate-groups";
import { portalCatalog } from "./catalog";
import { createPortalLink, portalLinks, promoteKit } from "./promote";

// The Promote page's services: partners make their own links to the store (no rate), see
// their links' numbers and the catalog with the rate they earn on each product.

const t = setupTestDatabase();
const STORE = "https://shop.example.com";
const firstPage = { page: 1, size: 25 };
type P = Awaited<ReturnType<typeof partner>>;
let ada: P;
let ben: P;

beforeAll(async () => {
  await settings(t.db, { storeUrl: STORE, defaultCommissionType: "percentage", defaultCommissionRate: 1000 });
  ada = await partner(t.db, { name: "Ada Promo", couponCodes: [uid("ADA")], commissionType: "percentage", commissionRate: 1500 });
  ben = await partner(t.db, { name: "Ben Promo" });
});

async function fieldError(promise: Promise<unknown>): Promise<Record<string, string>> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidError);
  return Object.fromEntries(((error as InvalidError).details ?? []).map((d) => [d.field, d.message]));
}

describe("the link generator", () => {
  test("a pasted store page becomes the partner's own link, without a rate, and its clicks and sales count on it", async () => {
    const made = await createPortalLink(t.db, ada.id, { destination: `${STORE}/products/trail-runner?color=red`, slug: uid("ada-") });
    expect(made).toMatchObject({ partnerId: ada.id, destinationUrl: `${STORE}/products/trail-runner?color=red`, commissionType: null, commissionRate: null });
    const [row] = await t.db.select().from(links).where(eq(links.id, made.id));
    expect(row!.createdBy).toBe("partner");

    const visit = await click(t.db, made.slug);
    await sale(t.db, { amount: 20_000, visitorId: visit.visitorId });
    const listed = (await portalLinks(t.db, ada.id, firstPage)).rows.find((l) => l.id === made.id)!;
    expect(listed).toMatchObject({ clicks: 1, sales: 1, revenue: 20_000, commission: 3_000 }); // Ada's 15 %
  });

  test.each([
    ["a path on the store", "/collections/sale", `${STORE}/collections/sale`],
    ["the bare domain with www", "www.shop.example.com/about", "https://www.shop.example.com/about"],
    ["a subdomain of the store", "https://blog.shop.example.com/post", "https://blog.shop.example.com/post"],
  ])("accepts %s", async (_, destination, expected) => {
    expect((await createPortalLink(t.db, ada.id, { destination })).destinationUrl).toBe(expected);
  });

  test.each([
    ["another site", "https://evil.example.net/phish"],
    ["a look-alike host", "https://shop.example.com.evil.net/"],
    ["a host merely ending the same way", "https://notshop.example.com/"],
    ["another scheme", "javascript:alert(1)"],
    ["credentials in the address", "https://user:pw@shop.example.com/"],
  ])("refuses %s, naming the field", async (_, destination) => {
    const errors = await fieldError(createPortalLink(t.db, ada.id, { destination }));
    expect(errors.destination).toBeTruthy();
  });

  test("a catalog product links to its page; an unknown product or one without a page is a field error", async () => {
    await upsertProducts(t.db, SYSTEM, [
      { id: "p-boot", name: "Hiking Boot", url: `${STORE}/p/boot`, price: 12_000 },
      { id: "p-nourl", name: "Gift card", price: 5_000 },
    ]);
    expect((await createPortalLink(t.db, ada.id, { productId: "p-boot" })).destinationUrl).toBe(`${STORE}/p/boot`);
    expect((await fieldError(createPortalLink(t.db, ada.id, { productId: "nope" }))).productId).toMatch(/No product/);
    expect((await fieldError(createPortalLink(t.db, ada.id, { productId: "p-nourl" }))).productId).toMatch(/no page/);
  });

  test("partners cannot set a rate, and need a page or a product", async () => {
    await expect(createPortalLink(t.db, ada.id, { destination: `${STORE}/x`, commissionType: "percentage", commissionRate: 9000 })).rejects.toBeInstanceOf(InvalidError);
    expect((await fieldError(createPortalLink(t.db, ada.id, {}))).destination).toBeTruthy();
    expect((await fieldError(createPortalLink(t.db, ada.id, { destination: `${STORE}/x`, slug: "no spaces" }))).slug).toBeTruthy();
  });

  test("a slug that is taken, even by another partner's code, is a field error", async () => {
    const slug = uid("taken-");
    await createPortalLink(t.db, ada.id, { destination: "/a", slug });
    const error = await createPortalLink(t.db, ben.id, { destination: "/b", slug: slug.toUpperCase() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details?.[0]?.field).toBe("slug");
    await expect(createPortalLink(t.db, ben.id, { destination: "/b", slug: ada.referralCode })).rejects.toBeInstanceOf(ConflictError);
  });

  test.each(["pending", "rejected", "suspended"] as const)("a %s partner cannot make links", async (status) => {
    const p = await partner(t.db, { status });
    await expect(createPortalLink(t.db, p.id, { destination: "/x" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await t.db.select().from(links).where(eq(links.partnerId, p.id))).toEqual([]);
  });

  test("each partner lists only their own links, including those the merchant made for them", async () => {
    const byMerchant = await link(t.db, ben.id, { destinationUrl: `${STORE}/ben` });
    const bens = (await portalLinks(t.db, ben.id, firstPage)).rows;
    expect(bens.every((l) => l.partnerId === ben.id)).toBe(true);
    expect(bens.map((l) => l.id)).toContain(byMerchant.id);
    const adas = (await portalLinks(t.db, ada.id, firstPage)).rows;
    expect(adas.length).toBeGreaterThan(0);
    expect(adas.every((l) => l.partnerId === ada.id)).toBe(true);
  });
});

test("the kit: referral link on the app's URL and the partner's coupons", async () => {
  const kit = await promoteKit(t.db, ada.id);
  expect(kit.referralLink).toMatch(new RegExp(`/r/${ada.referralCode}$`));
  expect(kit.couponCodes).toEqual(ada.couponCodes);
  expect(kit.storeUrl).toBe(STORE);
  expect((await promoteKit(t.db, ben.id)).couponCodes).toEqual([]);
});

describe("the catalog with the partner's rates", () => {
  beforeAll(async () => {
    await upsertProducts(t.db, SYSTEM, [
      { id: "c-tent", name: "Cat Tent", price: 40_000, categoryIds: ["camping"] },
      { id: "c-stove", name: "Cat Stove", price: 8_000, categoryIds: ["camping"] },
      { id: "c-sock", name: "Cat Sock", price: 1_500 },
      { id: "c-mystery", name: "Cat Mystery" },
    ]);
    await createRateGroup(t.db, SYSTEM, { name: "Camping", commissionType: "percentage", commissionRate: 500, categoryIds: ["camping"] });
    await createRateGroup(t.db, SYSTEM, { name: "Stoves", commissionType: "fixed", commissionRate: 700, productIds: ["c-stove"] });
  });

  test("product rule, then category rule, then the partner's rate, then the program default", async () => {
    const rows = async (p: P) => (await portalCatalog(t.db, p.id, { q: "Cat ", ...firstPage })).rows.map((r) => [r.name, r.source, r.rate, r.perSale]);
    expect(await rows(ada)).toEqual([
      ["Cat Mystery", "partner", { type: "percentage", value: 1500 }, null],
      ["Cat Sock", "partner", { type: "percentage", value: 1500 }, 225],
      ["Cat Stove", "rate_group", { type: "fixed", value: 700 }, 700],
      ["Cat Tent", "rate_group", { type: "percentage", value: 500 }, 2_000],
    ]);
    expect((await rows(ben)).slice(0, 2)).toEqual([
      ["Cat Mystery", "program", { type: "percentage", value: 1000 }, null],
      ["Cat Sock", "program", { type: "percentage", value: 1000 }, 150],
    ]);
  });

  test("searched and paged", async () => {
    const page = await portalCatalog(t.db, ada.id, { q: "cat", page: 2, size: 3 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.name)).toEqual(["Cat Tent"]);
  });
});
