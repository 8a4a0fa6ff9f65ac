import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, categories, productCategories, products, rateGroupProducts, rateGroups } from "@/db/schema";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { parseProductListParams } from "@/lib/schemas/catalog";
import { click, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { createProduct, deleteProduct, getProduct, listProducts, updateProduct, upsertProducts } from "./catalog";
import { createRateGroup, deleteRateGroup, listRateGroups, searchCatalogOptions, updateRateGroup } from "./rate-groups";

const t = setupTestDatabase();

/** Everything the catalog holds for these product ids, to compare before and after. */
async function snapshot(ids: string[]) {
  const rows = await t.db.select({ id: products.id, name: products.name, url: products.url, price: products.price, imageUrl: products.imageUrl }).from(products).where(inArray(products.id, ids)).orderBy(products.id);
  const cats = await t.db.select().from(productCategories).where(inArray(productCategories.productId, ids)).orderBy(productCategories.productId, productCategories.categoryId);
  return { rows, cats };
}

const count = async (table: typeof products | typeof categories | typeof rateGroups) => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

describe("product sync (upsertProducts)", () => {
  test("is idempotent: the same body twice leaves the same catalog, nothing duplicated", async () => {
    const a = uid("sku-");
    const b = uid("sku-");
    const cat = uid("cat-");
    const body = [
      { id: a, name: "Trail Runner", url: "https://shop.example.com/trail-runner", price: 12_900, categoryIds: [cat, cat], imageUrl: "https://cdn.example.com/a.jpg" },
      { id: b, name: "Camp Mug", price: 1_500 },
    ];
    expect(await upsertProducts(t.db, SYSTEM, body)).toEqual({ created: 2, updated: 0 });
    const first = await snapshot([a, b]);
    const counts = { products: await count(products), categories: await count(categories) };
    expect(await upsertProducts(t.db, SYSTEM, body)).toEqual({ created: 0, updated: 2 });
    expect(await snapshot([a, b])).toEqual(first);
    expect({ products: await count(products), categories: await count(categories) }).toEqual(counts);
    expect(first.rows).toEqual([
      { id: a, name: "Trail Runner", url: "https://shop.example.com/trail-runner", price: 12_900, imageUrl: "https://cdn.example.com/a.jpg" },
      { id: b, name: "Camp Mug", url: null, price: 1_500, imageUrl: null },
    ].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect(first.cats).toEqual([{ productId: a, categoryId: cat }]);
  });

  test("a later sync replaces a product's fields and categories", async () => {
    const id = uid("sku-");
    await upsertProducts(t.db, SYSTEM, [{ id, name: "Old", price: 100, categoryIds: ["c-old"] }]);
    await upsertProducts(t.db, SYSTEM, [{ id, name: "New", price: 200, categoryIds: ["c-new"] }]);
    expect(await snapshot([id])).toEqual({ rows: [{ id, name: "New", url: null, price: 200, imageUrl: null }], cats: [{ productId: id, categoryId: "c-new" }] });
  });

  test("one bad row fails the whole request, names every bad row, and writes nothing", async () => {
    const ids = [uid("sku-"), uid("sku-"), uid("sku-"), uid("sku-"), uid("sku-")];
    const before = { products: await count(products), categories: await count(categories) };
    const attempt = upsertProducts(t.db, SYSTEM, [
      { id: ids[0], name: "Fine", price: 100, categoryIds: [uid("new-cat-")] },
      { id: ids[1], name: "Fine too" },
      { id: ids[2], name: "", price: 100 },
      { id: ids[3], name: "Bad price", price: 19.99 },
      { id: ids[4], name: "Bad url", url: "not a url", colour: "red" },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(InvalidError);
    const error = (await attempt.catch((e: InvalidError) => e)) as InvalidError;
    expect(error.details!.map((d) => d.field).sort()).toEqual(["2.name", "3.price", "4.colour", "4.url"]);
    expect({ products: await count(products), categories: await count(categories) }).toEqual(before);
    expect((await snapshot(ids)).rows).toEqual([]);
  });

  test("an id twice in one request is refused, naming the second", async () => {
    const id = uid("sku-");
    await expect(upsertProducts(t.db, SYSTEM, [{ id, name: "A" }, { id, name: "B" }])).rejects.toMatchObject({ details: [{ field: "1.id" }] });
  });
});

describe("products by hand", () => {
  test("add with categories made on the fly, edit, and delete; each audited", async () => {
    const id = uid("sku-");
    const cat = uid("Summer ");
    await createProduct(t.db, SYSTEM, { id, name: "Sun Hat", price: 3_400, url: "https://shop.example.com/hat", categoryIds: [cat], imageUrl: null });
    const created = await getProduct(t.db, id);
    expect(created).toMatchObject({ id, name: "Sun Hat", price: 3_400, categories: [{ id: cat, name: cat }], rateGroup: null });

    await updateProduct(t.db, SYSTEM, id, { name: "Wide Sun Hat", price: 3_900, categoryIds: [], imageUrl: "https://cdn.example.com/hat.jpg" });
    expect(await getProduct(t.db, id)).toMatchObject({ name: "Wide Sun Hat", price: 3_900, url: null, imageUrl: "https://cdn.example.com/hat.jpg", categories: [] });

    await deleteProduct(t.db, SYSTEM, id);
    await expect(getProduct(t.db, id)).rejects.toBeInstanceOf(NotFoundError);
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((r) => r.action);
    expect(actions.sort()).toEqual(["product.create", "product.delete", "product.update"]);
  });

  test("an id the catalog has is a field error on the id", async () => {
    const id = uid("sku-");
    await createProduct(t.db, SYSTEM, { id, name: "One" });
    const attempt = createProduct(t.db, SYSTEM, { id, name: "Two" });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ details: [{ field: "id" }] });
  });

  test("a bad price or URL is a field error", async () => {
    await expect(createProduct(t.db, SYSTEM, { id: uid(), name: "X", price: -1 })).rejects.toMatchObject({ details: [{ field: "price" }] });
    await expect(createProduct(t.db, SYSTEM, { id: uid(), name: "X", url: "ftp://x" })).rejects.toMatchObject({ details: [{ field: "url" }] });
    await expect(updateProduct(t.db, SYSTEM, uid("missing-"), { name: "X" })).rejects.toBeInstanceOf(NotFoundError);
  });

  test("the list searches by name or id and shows the rate group each product falls in", async () => {
    const tag = uid("list");
    const direct = `${tag}-direct`;
    const viaCat = `${tag}-viacat`;
    const none = `${tag}-none`;
    const cat = `${tag}-cat`;
    await upsertProducts(t.db, SYSTEM, [
      { id: direct, name: `Boot ${tag}`, categoryIds: [cat] },
      { id: viaCat, name: `Sock ${tag}`, categoryIds: [cat] },
      { id: none, name: `Tarp ${tag}` },
    ]);
    const byProduct = await createRateGroup(t.db, SYSTEM, { name: `Boots ${tag}`, commissionType: "fixed", commissionRate: 500, productIds: [direct] });
    const byCategory = await createRateGroup(t.db, SYSTEM, { name: `Cat ${tag}`, commissionType: "percentage", commissionRate: 1500, categoryIds: [cat] });

    const { rows, total } = await listProducts(t.db, parseProductListParams({ q: tag }));
    expect(total).toBe(3);
    expect(rows.map((r) => r.id)).toEqual([direct, viaCat, none]);
    expect(rows[0]!.rateGroup).toMatchObject({ id: byProduct.id, commissionType: "fixed", commissionRate: 500, via: { kind: "product" } });
    expect(rows[1]!.rateGroup).toMatchObject({ id: byCategory.id, via: { kind: "category", category: { id: cat } } });
    expect(rows[2]!.rateGroup).toBeNull();
    expect((await listProducts(t.db, parseProductListParams({ q: none.toUpperCase() }))).rows.map((r) => r.id)).toEqual([none]);
    expect((await listProducts(t.db, parseProductListParams({ q: tag, sort: "name", dir: "desc" }))).rows.map((r) => r.id)).toEqual([none, viaCat, direct]);
  });
});

describe("rate groups", () => {
  async function catalog() {
    const tag = uid("g");
    const ids = { shoe: `${tag}-shoe`, sock: `${tag}-sock`, tent: `${tag}-tent`, cat: `${tag}-apparel` };
    await upsertProducts(t.db, SYSTEM, [
      { id: ids.shoe, name: `Trail Shoe ${tag}`, price: 10_000 },
      { id: ids.sock, name: `Wool Sock ${tag}`, price: 1_000, categoryIds: [ids.cat] },
      { id: ids.tent, name: `Tent ${tag}`, price: 40_000 },
    ]);
    return { tag, ...ids };
  }

  test("create, list, edit and remove a group; each audited", async () => {
    const c = await catalog();
    const { id } = await createRateGroup(t.db, SYSTEM, { name: `Shoes ${c.tag}`, commissionType: "percentage", commissionRate: 1500, productIds: [c.shoe], categoryIds: [c.cat] });
    let group = (await listRateGroups(t.db)).find((g) => g.id === id)!;
    expect(group).toMatchObject({ name: `Shoes ${c.tag}`, commissionType: "percentage", commissionRate: 1500, products: [{ id: c.shoe }], categories: [{ id: c.cat }] });

    await updateRateGroup(t.db, SYSTEM, id, { name: `Gear ${c.tag}`, commissionType: "fixed", commissionRate: 250, productIds: [c.tent, c.shoe], categoryIds: [] });
    group = (await listRateGroups(t.db)).find((g) => g.id === id)!;
    expect(group).toMatchObject({ name: `Gear ${c.tag}`, commissionType: "fixed", commissionRate: 250, categories: [] });
    expect(group.products.map((p) => p.id).sort()).toEqual([c.shoe, c.tent].sort());

    await deleteRateGroup(t.db, SYSTEM, id);
    expect((await listRateGroups(t.db)).find((g) => g.id === id)).toBeUndefined();
    expect(await t.db.select().from(rateGroupProducts).where(eq(rateGroupProducts.rateGroupId, id))).toEqual([]);
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((r) => r.action);
    expect(actions.sort()).toEqual(["rate_group.create", "rate_group.delete", "rate_group.update"]);
  });

  test("a product already in another group is a field error naming the product and the group; nothing changes", async () => {
    const c = await catalog();
    await createRateGroup(t.db, SYSTEM, { name: `First ${c.tag}`, commissionType: "fixed", commissionRate: 100, productIds: [c.shoe] });
    const groupsBefore = await count(rateGroups);
    const attempt = createRateGroup(t.db, SYSTEM, { name: `Second ${c.tag}`, commissionType: "fixed", commissionRate: 200, productIds: [c.tent, c.shoe] });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    const error = (await attempt.catch((e: ConflictError) => e)) as ConflictError;
    expect(error.details).toEqual([{ field: "productIds", message: expect.stringContaining(`“Trail Shoe ${c.tag}” is already in “First ${c.tag}”`) }]);
    expect(await count(rateGroups)).toBe(groupsBefore);
    expect(await t.db.select().from(rateGroupProducts).where(eq(rateGroupProducts.productId, c.tent))).toEqual([]);
  });

  test("so is a category, and so is moving a member into a group by editing it", async () => {
    const c = await catalog();
    await createRateGroup(t.db, SYSTEM, { name: `Apparel ${c.tag}`, commissionType: "percentage", commissionRate: 1000, categoryIds: [c.cat] });
    await expect(createRateGroup(t.db, SYSTEM, { name: `Again ${c.tag}`, commissionType: "percentage", commissionRate: 900, categoryIds: [c.cat] })).rejects.toMatchObject({
      details: [{ field: "categoryIds", message: expect.stringContaining(`is already in “Apparel ${c.tag}”`) }],
    });
    const other = await createRateGroup(t.db, SYSTEM, { name: `Tents ${c.tag}`, commissionType: "fixed", commissionRate: 900, productIds: [c.tent] });
    await expect(updateRateGroup(t.db, SYSTEM, other.id, { name: `Tents ${c.tag}`, commissionType: "fixed", commissionRate: 900, productIds: [c.tent], categoryIds: [c.cat] })).rejects.toMatchObject({
      details: [{ field: "categoryIds" }],
    });
    // the failed edit changed nothing; editing a group with its own members is fine
    expect((await listRateGroups(t.db)).find((g) => g.id === other.id)).toMatchObject({ categories: [], products: [{ id: c.tent }] });
    await expect(updateRateGroup(t.db, SYSTEM, other.id, { name: `Big tents ${c.tag}`, commissionType: "fixed", commissionRate: 950, productIds: [c.tent] })).resolves.toEqual({ id: other.id });
  });

  test("unknown products, no members, and a percentage above 100 % are field errors", async () => {
    await expect(createRateGroup(t.db, SYSTEM, { name: "X", commissionType: "fixed", commissionRate: 1, productIds: [uid("ghost-")] })).rejects.toMatchObject({
      details: [{ field: "productIds", message: expect.stringContaining("No product with the id") }],
    });
    await expect(createRateGroup(t.db, SYSTEM, { name: "X", commissionType: "fixed", commissionRate: 1 })).rejects.toMatchObject({ details: [{ field: "productIds" }] });
    await expect(createRateGroup(t.db, SYSTEM, { name: "X", commissionType: "percentage", commissionRate: 10_001, categoryIds: ["x"] })).rejects.toMatchObject({
      details: expect.arrayContaining([expect.objectContaining({ field: "commissionRate" })]),
    });
    await expect(deleteRateGroup(t.db, SYSTEM, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a sale after saving a group earns the group's rate; after an edit the new one; after removal the partner's", async () => {
    const c = await catalog();
    const p = await partner(t.db, { commissionType: "percentage", commissionRate: 500 });
    const buy = async () => {
      const visit = await click(t.db, p.referralCode, { visitorId: uid("visitor-") });
      return (await sale(t.db, { visitorId: visit.visitorId, amount: 20_000, items: [{ productId: c.shoe, quantity: 2, amount: 20_000 }] })).body.commission!;
    };
    expect(await buy()).toMatchObject({ amount: 1_000 }); // 5 % partner rate

    const { id } = await createRateGroup(t.db, SYSTEM, { name: `Shoes ${c.tag}`, commissionType: "fixed", commissionRate: 300, productIds: [c.shoe] });
    expect(await buy()).toMatchObject({ amount: 600 }); // 3.00 per unit × 2

    await updateRateGroup(t.db, SYSTEM, id, { name: `Shoes ${c.tag}`, commissionType: "percentage", commissionRate: 2000, productIds: [c.shoe] });
    expect(await buy()).toMatchObject({ amount: 4_000 }); // 20 %

    await deleteRateGroup(t.db, SYSTEM, id);
    expect(await buy()).toMatchObject({ amount: 1_000 });
  });

  test("deleting a product takes it out of its group", async () => {
    const c = await catalog();
    const { id } = await createRateGroup(t.db, SYSTEM, { name: `Solo ${c.tag}`, commissionType: "fixed", commissionRate: 100, productIds: [c.tent, c.shoe] });
    await deleteProduct(t.db, SYSTEM, c.tent);
    expect((await listRateGroups(t.db)).find((g) => g.id === id)!.products.map((p) => p.id)).toEqual([c.shoe]);
  });
});

describe("type-ahead search", () => {
  test("finds products by name or id, prefix matches first, and says which group holds them", async () => {
    const tag = uid("ta");
    await upsertProducts(t.db, SYSTEM, [
      { id: `${tag}-1`, name: `Zebra ${tag}` },
      { id: `${tag}-2`, name: `${tag} Alpha` },
    ]);
    await createRateGroup(t.db, SYSTEM, { name: `Group ${tag}`, commissionType: "fixed", commissionRate: 1, productIds: [`${tag}-1`] });
    expect(await searchCatalogOptions(t.db, "products", tag)).toEqual([
      { id: `${tag}-2`, name: `${tag} Alpha`, group: null },
      { id: `${tag}-1`, name: `Zebra ${tag}`, group: `Group ${tag}` },
    ]);
    expect((await searchCatalogOptions(t.db, "products", `${tag}-1`)).map((o) => o.id)).toEqual([`${tag}-1`]);
    await upsertProducts(t.db, SYSTEM, [{ id: `${tag}-3`, name: "Cap", categoryIds: [`${tag}-hats`] }]);
    expect(await searchCatalogOptions(t.db, "categories", `${tag}-HATS`)).toEqual([{ id: `${tag}-hats`, name: `${tag}-hats`, group: null }]);
  });
});
