import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { categories, productCategories, products, rateGroupCategories, rateGroupProducts, rateGroups } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import type { Rate } from "@/lib/domain/rates";
import { ConflictError, InvalidError } from "@/lib/errors";
import { productsSchema, rateGroupSchema, type ProductInput } from "@/lib/schemas/catalog";
import { toFieldIssues } from "@/lib/schemas/issues";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";

/**
 * Inserts or updates products by the store's id, with their categories, all or nothing:
 * one bad row fails the whole request with the rows named, and nothing is written.
 */
export async function upsertProducts(db: Db, actor: Actor, input: unknown): Promise<{ created: number; updated: number }> {
  const parsed = productsSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some products are invalid; none were saved.", toFieldIssues(parsed.error));
  const items = parsed.data;
  const ids = items.map((p) => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new InvalidError("Some products are invalid; none were saved.", [{ field: `${ids.lastIndexOf(duplicate)}.id`, message: `The id "${duplicate}" appears twice.` }]);
  if (!items.length) return { created: 0, updated: 0 };

  return db.transaction(async (tx) => {
    const existing = new Set((await tx.select({ id: products.id }).from(products).where(inArray(products.id, ids))).map((r) => r.id));
    const now = new Date();
    for (const chunk of chunks(items, 500)) {
      await tx
        .insert(products)
        .values(chunk.map((p: ProductInput) => ({ id: p.id, name: p.name, url: p.url ?? null, price: p.price ?? null, imageUrl: p.imageUrl ?? null, updatedAt: now })))
        .onConflictDoUpdate({
          target: products.id,
          set: { name: sql`excluded.name`, url: sql`excluded.url`, price: sql`excluded.price`, imageUrl: sql`excluded.image_url`, updatedAt: now },
        });
    }
    const categoryIds = [...new Set(items.flatMap((p) => p.categoryIds))];
    if (categoryIds.length) {
      await tx.insert(categories).values(categoryIds.map((id) => ({ id, name: id }))).onConflictDoNothing();
    }
    await tx.delete(productCategories).where(inArray(productCategories.productId, ids));
    const links = items.flatMap((p) => [...new Set(p.categoryIds)].map((categoryId) => ({ productId: p.id, categoryId })));
    for (const chunk of chunks(links, 1000)) await tx.insert(productCategories).values(chunk);
    const created = items.filter((p) => !existing.has(p.id)).length;
    await recordAudit(tx, actor, "products.sync", { type: "product" }, { created, updated: items.length - created });
    return { created, updated: items.length - created };
  });
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Creates a rate group. A product or category already in another group is refused (409). */
export async function createRateGroup(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  const parsed = rateGroupSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Check the rate group.", toFieldIssues(parsed.error));
  const g = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(rateGroups).values({ name: g.name, commissionType: g.commissionType, commissionRate: g.commissionRate }).returning({ id: rateGroups.id });
      if (g.productIds.length) await tx.insert(rateGroupProducts).values(g.productIds.map((productId) => ({ rateGroupId: row!.id, productId })));
      if (g.categoryIds.length) await tx.insert(rateGroupCategories).values(g.categoryIds.map((categoryId) => ({ rateGroupId: row!.id, categoryId })));
      await recordAudit(tx, actor, "rate_group.create", { type: "rate_group", id: row!.id }, { name: g.name, products: g.productIds.length, categories: g.categoryIds.length });
      return { id: row!.id };
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === "rate_group_products_product_key") throw new ConflictError("A product is already in another rate group.", "product_in_other_group", [{ field: "productIds", message: "A product is already in another rate group." }]);
    if (constraint === "rate_group_categories_category_key") throw new ConflictError("A category is already in another rate group.", "category_in_other_group", [{ field: "categoryIds", message: "A category is already in another rate group." }]);
    throw error;
  }
}

/**
 * The rate group rate of each product: its own product rule first, else a rule on one of
 * its categories (when its categories sit in several groups, the oldest group wins).
 */
export async function groupRatesFor(db: Db, productIds: string[]): Promise<Map<string, Rate>> {
  const rates = new Map<string, Rate>();
  const ids = [...new Set(productIds)];
  if (!ids.length) return rates;
  const direct = await db
    .select({ productId: rateGroupProducts.productId, type: rateGroups.commissionType, value: rateGroups.commissionRate })
    .from(rateGroupProducts)
    .innerJoin(rateGroups, eq(rateGroups.id, rateGroupProducts.rateGroupId))
    .where(inArray(rateGroupProducts.productId, ids));
  for (const r of direct) rates.set(r.productId, { type: r.type, value: r.value });
  const rest = ids.filter((id) => !rates.has(id));
  if (rest.length) {
    const viaCategory = await db
      .select({ productId: productCategories.productId, type: rateGroups.commissionType, value: rateGroups.commissionRate })
      .from(productCategories)
      .innerJoin(rateGroupCategories, eq(rateGroupCategories.categoryId, productCategories.categoryId))
      .innerJoin(rateGroups, eq(rateGroups.id, rateGroupCategories.rateGroupId))
      .where(inArray(productCategories.productId, rest))
      .orderBy(asc(rateGroups.createdAt), asc(rateGroups.id));
    for (const r of viaCategory) if (!rates.has(r.productId)) rates.set(r.productId, { type: r.type, value: r.value });
  }
  return rates;
}
