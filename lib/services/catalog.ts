import "server-only";
import { asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { categories, productCategories, products, rateGroupCategories, rateGroupProducts, rateGroups } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import { likeContains } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { productSchema, productsSchema, type ProductInput, type ProductListParams } from "@/lib/schemas/catalog";
import type { CommissionType } from "@/lib/schemas/enums";
import { offsetOf } from "@/lib/schemas/list-params";
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

/** Multi-row inserts in slices: PostgreSQL takes at most 65,535 parameters per statement. */
export function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

// ---- The catalog by hand (admin → Products) --------------------------------------------

export interface CategoryRef {
  id: string;
  name: string;
}

export interface ProductRateGroup {
  id: string;
  name: string;
  commissionType: CommissionType;
  commissionRate: number;
  /** Through the product itself, or through one of its categories (named). */
  via: { kind: "product" } | { kind: "category"; category: CategoryRef };
}

export interface ProductListRow {
  id: string;
  name: string;
  url: string | null;
  price: number | null;
  imageUrl: string | null;
  categories: CategoryRef[];
  rateGroup: ProductRateGroup | null;
  createdAt: Date;
}

const PRODUCT_SORTS = { name: sql`lower(${products.name})`, id: products.id, price: products.price, createdAt: products.createdAt } as const;

/** One page of the catalog, with each product's categories and the rate group it falls in. */
export async function listProducts(db: Db, params: ProductListParams): Promise<{ rows: ProductListRow[]; total: number }> {
  const q = params.q.trim();
  const where = q ? or(ilike(products.name, likeContains(q)), ilike(products.id, likeContains(q))) : undefined;
  const order = params.dir === "asc" ? asc : desc;
  const nulls = params.sort === "price" ? sql` nulls last` : sql``;
  const [page, [count]] = await Promise.all([
    db
      .select()
      .from(products)
      .where(where)
      .orderBy(sql`${order(PRODUCT_SORTS[params.sort])}${nulls}`, asc(products.id))
      .limit(params.size)
      .offset(offsetOf(params)),
    db.select({ n: sql<number>`count(*)::int` }).from(products).where(where),
  ]);
  const details = await productDetails(
    db,
    page.map((p) => p.id),
  );
  return {
    rows: page.map((p) => ({
      id: p.id,
      name: p.name,
      url: p.url,
      price: p.price,
      imageUrl: p.imageUrl,
      createdAt: p.createdAt,
      categories: details.categories.get(p.id) ?? [],
      rateGroup: details.groups.get(p.id) ?? null,
    })),
    total: Number(count?.n ?? 0),
  };
}

/** Categories of some products, and the group each falls in (the same precedence as groupRatesFor). */
async function productDetails(db: Db, ids: string[]) {
  const categoriesOf = new Map<string, CategoryRef[]>();
  const groups = new Map<string, ProductRateGroup>();
  if (!ids.length) return { categories: categoriesOf, groups };
  const [cats, direct, viaCategory] = await Promise.all([
    db
      .select({ productId: productCategories.productId, id: categories.id, name: categories.name })
      .from(productCategories)
      .innerJoin(categories, eq(categories.id, productCategories.categoryId))
      .where(inArray(productCategories.productId, ids))
      .orderBy(asc(categories.name)),
    db
      .select({ productId: rateGroupProducts.productId, id: rateGroups.id, name: rateGroups.name, commissionType: rateGroups.commissionType, commissionRate: rateGroups.commissionRate })
      .from(rateGroupProducts)
      .innerJoin(rateGroups, eq(rateGroups.id, rateGroupProducts.rateGroupId))
      .where(inArray(rateGroupProducts.productId, ids)),
    db
      .select({
        productId: productCategories.productId,
        id: rateGroups.id,
        name: rateGroups.name,
        commissionType: rateGroups.commissionType,
        commissionRate: rateGroups.commissionRate,
        categoryId: categories.id,
        categoryName: categories.name,
      })
      .from(productCategories)
      .innerJoin(rateGroupCategories, eq(rateGroupCategories.categoryId, productCategories.categoryId))
      .innerJoin(rateGroups, eq(rateGroups.id, rateGroupCategories.rateGroupId))
      .innerJoin(categories, eq(categories.id, productCategories.categoryId))
      .where(inArray(productCategories.productId, ids))
      .orderBy(asc(rateGroups.createdAt), asc(rateGroups.id)),
  ]);
  for (const c of cats) categoriesOf.set(c.productId, [...(categoriesOf.get(c.productId) ?? []), { id: c.id, name: c.name }]);
  for (const g of direct) groups.set(g.productId, { id: g.id, name: g.name, commissionType: g.commissionType, commissionRate: g.commissionRate, via: { kind: "product" } });
  for (const g of viaCategory) {
    if (groups.has(g.productId)) continue;
    groups.set(g.productId, {
      id: g.id,
      name: g.name,
      commissionType: g.commissionType,
      commissionRate: g.commissionRate,
      via: { kind: "category", category: { id: g.categoryId, name: g.categoryName } },
    });
  }
  return { categories: categoriesOf, groups };
}

export async function getProduct(db: Db, id: string): Promise<ProductListRow> {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  if (!row) throw new NotFoundError("No product with this id.", "unknown_product");
  const details = await productDetails(db, [id]);
  return { ...row, categories: details.categories.get(id) ?? [], rateGroup: details.groups.get(id) ?? null };
}

function parseProduct(input: unknown): ProductInput {
  const parsed = productSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Check the product.", toFieldIssues(parsed.error));
  return { ...parsed.data, categoryIds: [...new Set(parsed.data.categoryIds)] };
}

/** Categories named by id are created on the fly (named after their id until the store syncs a name). */
async function setCategories(tx: Db, productId: string, categoryIds: string[]): Promise<void> {
  if (categoryIds.length) await tx.insert(categories).values(categoryIds.map((id) => ({ id, name: id }))).onConflictDoNothing();
  await tx.delete(productCategories).where(eq(productCategories.productId, productId));
  if (categoryIds.length) await tx.insert(productCategories).values(categoryIds.map((categoryId) => ({ productId, categoryId })));
}

/** Adds one product by hand; an id the catalog already has is a field error (edit that one instead). */
export async function createProduct(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  const p = parseProduct(input);
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(products).values({ id: p.id, name: p.name, url: p.url ?? null, price: p.price ?? null, imageUrl: p.imageUrl ?? null });
      await setCategories(tx, p.id, p.categoryIds);
      await recordAudit(tx, actor, "product.create", { type: "product", id: p.id }, { name: p.name, price: p.price ?? null, categories: p.categoryIds });
      return { id: p.id };
    });
  } catch (error) {
    if (uniqueViolation(error) === "products_pkey") {
      const message = `The catalog already has a product with the id “${p.id}”.`;
      throw new ConflictError(message, "product_exists", [{ field: "id", message }]);
    }
    throw error;
  }
}

/** Edits a product; its id is the store's and stays. */
export async function updateProduct(db: Db, actor: Actor, id: string, input: unknown): Promise<{ id: string }> {
  const p = parseProduct({ ...(input as object), id });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(products).where(eq(products.id, id)).for("update");
    if (!before) throw new NotFoundError("No product with this id.", "unknown_product");
    const next = { name: p.name, url: p.url ?? null, price: p.price ?? null, imageUrl: p.imageUrl ?? null };
    await tx
      .update(products)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(products.id, id));
    await setCategories(tx, id, p.categoryIds);
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== next[k]).map((k) => [k, { from: before[k], to: next[k] }]),
    );
    await recordAudit(tx, actor, "product.update", { type: "product", id }, { changes, categories: p.categoryIds });
    return { id };
  });
}

/**
 * Removes a product from the catalog and from its rate group. Past orders keep their lines
 * (order items name products by id, not by reference) and their commissions.
 */
export async function deleteProduct(db: Db, actor: Actor, id: string): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(products).where(eq(products.id, id)).returning({ name: products.name });
    if (!row) throw new NotFoundError("No product with this id.", "unknown_product");
    await recordAudit(tx, actor, "product.delete", { type: "product", id }, { name: row.name });
    return { name: row.name };
  });
}
