import { inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { categories, productCategories, products } from "@/db/schema";
import { apiKey, uid } from "@/lib/testing/fixtures";
import { call, expectError, expectEveryBadKeyRefused, readJson, request, type Json } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { PUT } from "./route";

const t = setupTestDatabase();
let key: string;

beforeAll(async () => {
  key = await apiKey(t.db);
});

const put = (body: unknown, options: { raw?: string; key?: string; headers?: Record<string, string> } = { key }) =>
  call(PUT, request("/api/v1/products", body, { method: "PUT", ...options }));

async function catalogCounts() {
  const n = async (table: typeof products | typeof categories | typeof productCategories) => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);
  return { products: await n(products), categories: await n(categories), productCategories: await n(productCategories) };
}

/** Runs a refused request and checks that the catalog did not change. */
async function expectCatalogUnchanged<T>(fn: () => Promise<T>): Promise<T> {
  const before = await catalogCounts();
  const result = await fn();
  expect(await catalogCounts()).toEqual(before);
  return result;
}

describe("PUT /api/v1/products", () => {
  test("creates products with their categories: 201 {created, updated}", async () => {
    const [a, b] = [uid("sku-"), uid("sku-")];
    const cat = uid("cat-");
    const res = await put([
      { id: a, name: "Trail Runner", url: "https://shop.example.com/p/trail-runner", price: 12_900, categoryIds: [cat], imageUrl: "https://cdn.example.com/tr.jpg" },
      { id: b, name: "Camp Mug" },
    ]);
    expect(res.status).toBe(201);
    expect(await readJson(res)).toEqual({ created: 2, updated: 0 });
    const rows = await t.db.select().from(products).where(inArray(products.id, [a, b]));
    expect(rows.find((r) => r.id === a)).toMatchObject({ name: "Trail Runner", url: "https://shop.example.com/p/trail-runner", price: 12_900, imageUrl: "https://cdn.example.com/tr.jpg" });
    expect(rows.find((r) => r.id === b)).toMatchObject({ name: "Camp Mug", url: null, price: null, imageUrl: null });
    expect(await t.db.select().from(productCategories).where(inArray(productCategories.productId, [a, b]))).toEqual([{ productId: a, categoryId: cat }]);
  });

  test("is idempotent: the same body again is 200 {created: 0, updated: N} and duplicates nothing", async () => {
    const body = [
      { id: uid("sku-"), name: "Tent", price: 40_000, categoryIds: ["tents"] },
      { id: uid("sku-"), name: "Tarp", price: 8_900, categoryIds: ["tents"] },
    ];
    expect((await put(body)).status).toBe(201);
    const after = await catalogCounts();
    const again = await put(body);
    expect(again.status).toBe(200);
    expect(await readJson(again)).toEqual({ created: 0, updated: 2 });
    expect(await catalogCounts()).toEqual(after);
  });

  test("updates what changed and adds what is new in one request", async () => {
    const id = uid("sku-");
    await put([{ id, name: "Old name", price: 100 }]);
    const fresh = uid("sku-");
    const res = await put([
      { id, name: "New name", price: 150 },
      { id: fresh, name: "Fresh" },
    ]);
    expect(await readJson(res)).toEqual({ created: 1, updated: 1 });
    const [row] = await t.db.select().from(products).where(inArray(products.id, [id]));
    expect(row).toMatchObject({ name: "New name", price: 150 });
  });
});

describe("PUT /api/v1/products refuses bad requests and writes nothing", () => {
  test("422 names every bad row and field, and none of the good rows is saved", async () => {
    const good = uid("sku-");
    const error = await expectCatalogUnchanged(async () =>
      expectError(
        await put([
          { id: good, name: "Fine", categoryIds: [uid("new-cat-")] },
          { id: uid("sku-"), name: "Fine too", price: 100 },
          { id: uid("sku-"), name: "No price in cents", price: 19.99 },
          { id: uid("sku-"), name: "Negative", price: -5 },
          { name: "No id" },
          { id: uid("sku-"), name: "Odd key", colour: "red", url: "javascript:alert(1)" },
        ]),
        422,
        "invalid_request",
        ["2.price", "3.price", "4.id", "5.colour", "5.url"],
      ),
    );
    expect(error.details!.every((d) => /^\d+\./.test(d.field))).toBe(true);
    expect(await t.db.select().from(products).where(inArray(products.id, [good]))).toEqual([]);
  });

  test.each<[string, Json, string]>([
    ["an id twice", [{ id: "dup-1", name: "A" }, { id: "dup-1", name: "B" }], "1.id"],
    ["a NUL in a name", [{ id: "nul-1", name: "Bad\u0000name" }], "0.name"],
    ["categoryIds that is not a list", [{ id: "c-1", name: "A", categoryIds: "shoes" }], "0.categoryIds"],
    ["a row that is not an object", [42], "0"],
  ])("%s is 422 naming the field", async (_name, body, field) => {
    await expectCatalogUnchanged(async () => expectError(await put(body), 422, "invalid_request", [field]));
  });

  test("more than 5000 products is 422", async () => {
    const body = Array.from({ length: 5001 }, (_, i) => ({ id: `bulk-${i}`, name: "x" }));
    await expectCatalogUnchanged(async () => expectError(await put(body), 422, "invalid_request", ["(body)"]));
  });

  test.each([
    ["not JSON", "[{id: 1}"],
    ["an object instead of the array", '{"products": []}'],
    ["JSON null", "null"],
    ["empty", ""],
  ])("a body that is %s is 400 malformed_request", async (_name, raw) => {
    await expectCatalogUnchanged(async () => expectError(await put(undefined, { key, raw }), 400, "malformed_request"));
  });

  test("a missing, malformed, wrong or revoked key is 401", async () => {
    const before = await catalogCounts();
    await expectEveryBadKeyRefused(t.db, (headers) => put([{ id: uid("sku-"), name: "Nope" }], { headers }));
    expect(await catalogCounts()).toEqual(before);
  });
});
