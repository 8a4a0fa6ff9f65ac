import "server-only";
import { and, asc, desc, eq, ilike, inArray, ne, or, sql } from "drizzle-orm";
import { categories, productCategories, products, rateGroupCategories, rateGroupProducts, rateGroups } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import type { Rate } from "@/lib/domain/rates";
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from "@/lib/errors";
import { productSchema, productsSchema, rateGroupSchema, type ProductInput, type ProductListParams, type RateGroupInput } from "@/lib/schemas/catalog";
import type { CommissionType } from "@/lib/schemas/enums";
import { isUuid } from "@/lib/schemas/ids";
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

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Creates a rate group. A product or category already in another group is refused (409),
 * naming it: the unique indexes decide, and the message is looked up after the fact.
 */
export async function createRateGroup(db: Db, actor: Actor, input: unknown): Promise<{ id: string }> {
  const g = parseRateGroup(input);
  try {
    return await db.transaction(async (tx) => {
      await requireMembersExist(tx, g);
      const [row] = await tx.insert(rateGroups).values({ name: g.name, commissionType: g.commissionType, commissionRate: g.commissionRate }).returning({ id: rateGroups.id });
      await insertMembers(tx, row!.id, g);
      await recordAudit(tx, actor, "rate_group.create", { type: "rate_group", id: row!.id }, { name: g.name, rate: rateText(g), products: g.productIds, categories: g.categoryIds });
      return { id: row!.id };
    });
  } catch (error) {
    return await memberConflict(db, error, g, null);
  }
}

/** Replaces a group's name, rate and members in one transaction. */
export async function updateRateGroup(db: Db, actor: Actor, id: string, input: unknown): Promise<{ id: string }> {
  const g = parseRateGroup(input);
  try {
    return await db.transaction(async (tx) => {
      const before = await findRateGroup(tx, id);
      await requireMembersExist(tx, g);
      await tx.update(rateGroups).set({ name: g.name, commissionType: g.commissionType, commissionRate: g.commissionRate, updatedAt: new Date() }).where(eq(rateGroups.id, id));
      await tx.delete(rateGroupProducts).where(eq(rateGroupProducts.rateGroupId, id));
      await tx.delete(rateGroupCategories).where(eq(rateGroupCategories.rateGroupId, id));
      await insertMembers(tx, id, g);
      await recordAudit(tx, actor, "rate_group.update", { type: "rate_group", id }, {
        name: g.name,
        rate: rateText(g),
        previousRate: rateText(before),
        products: g.productIds,
        categories: g.categoryIds,
      });
      return { id };
    });
  } catch (error) {
    return await memberConflict(db, error, g, id);
  }
}

export async function deleteRateGroup(db: Db, actor: Actor, id: string): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const group = await findRateGroup(tx, id);
    await tx.delete(rateGroups).where(eq(rateGroups.id, id));
    await recordAudit(tx, actor, "rate_group.delete", { type: "rate_group", id }, { name: group.name, rate: rateText(group) });
    return { name: group.name };
  });
}

function parseRateGroup(input: unknown): RateGroupInput {
  const parsed = rateGroupSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Check the rate group.", toFieldIssues(parsed.error));
  return { ...parsed.data, productIds: [...new Set(parsed.data.productIds)], categoryIds: [...new Set(parsed.data.categoryIds)] };
}

function rateText(g: { commissionType: CommissionType; commissionRate: number }): string {
  return g.commissionType === "percentage" ? `${g.commissionRate} bps` : `${g.commissionRate} per unit`;
}

async function findRateGroup(db: Db, id: string) {
  if (!isUuid(id)) throw new NotFoundError("No rate group with this id.", "unknown_rate_group");
  const [row] = await db.select().from(rateGroups).where(eq(rateGroups.id, id));
  if (!row) throw new NotFoundError("No rate group with this id.", "unknown_rate_group");
  return row;
}

const quoteList = (items: string[]) => items.slice(0, 3).map((i) => `“${i}”`).join(", ") + (items.length > 3 ? ` and ${items.length - 3} more` : "");

/** Every product and category named must exist (else the foreign keys would fail as a 500). */
async function requireMembersExist(tx: Db, g: RateGroupInput): Promise<void> {
  const issues: FieldIssue[] = [];
  if (g.productIds.length) {
    const found = new Set((await tx.select({ id: products.id }).from(products).where(inArray(products.id, g.productIds))).map((r) => r.id));
    const missing = g.productIds.filter((id) => !found.has(id));
    if (missing.length) issues.push({ field: "productIds", message: `No product with the id ${quoteList(missing)}.` });
  }
  if (g.categoryIds.length) {
    const found = new Set((await tx.select({ id: categories.id }).from(categories).where(inArray(categories.id, g.categoryIds))).map((r) => r.id));
    const missing = g.categoryIds.filter((id) => !found.has(id));
    if (missing.length) issues.push({ field: "categoryIds", message: `No category with the id ${quoteList(missing)}.` });
  }
  if (issues.length) throw new InvalidError("Check the rate group.", issues);
}

async function insertMembers(tx: Db, groupId: string, g: RateGroupInput): Promise<void> {
  for (const chunk of chunks(g.productIds, 1000)) await tx.insert(rateGroupProducts).values(chunk.map((productId) => ({ rateGroupId: groupId, productId })));
  for (const chunk of chunks(g.categoryIds, 1000)) await tx.insert(rateGroupCategories).values(chunk.map((categoryId) => ({ rateGroupId: groupId, categoryId })));
}

/** "“Trail Runner” is already in “Footwear”." for up to three members, then "and more". */
function alreadyIn(taken: { name: string; group: string }[], what: "product" | "category"): string {
  if (!taken.length) return `A ${what} is already in another rate group.`;
  const named = taken.slice(0, 3).map((t) => `“${t.name}” is already in “${t.group}”`);
  return `${named.join("; ")}${taken.length > 3 ? " (and more)" : ""}. A ${what} can be in one rate group only.`;
}

/** After a unique violation on the members: say which product or category sits in which other group. */
async function memberConflict(db: Db, error: unknown, g: RateGroupInput, selfId: string | null): Promise<never> {
  const constraint = uniqueViolation(error);
  const notSelf = (column: typeof rateGroupProducts.rateGroupId | typeof rateGroupCategories.rateGroupId) => (selfId ? ne(column, selfId) : undefined);
  if (constraint === "rate_group_products_product_key") {
    const taken = await db
      .select({ name: products.name, id: products.id, group: rateGroups.name })
      .from(rateGroupProducts)
      .innerJoin(products, eq(products.id, rateGroupProducts.productId))
      .innerJoin(rateGroups, eq(rateGroups.id, rateGroupProducts.rateGroupId))
      .where(and(inArray(rateGroupProducts.productId, g.productIds), notSelf(rateGroupProducts.rateGroupId)))
      .orderBy(asc(products.name))
      .limit(4);
    const message = alreadyIn(taken, "product");
    throw new ConflictError(message, "product_in_other_group", [{ field: "productIds", message }]);
  }
  if (constraint === "rate_group_categories_category_key") {
    const taken = await db
      .select({ name: categories.name, group: rateGroups.name })
      .from(rateGroupCategories)
      .innerJoin(categories, eq(categories.id, rateGroupCategories.categoryId))
      .innerJoin(rateGroups, eq(rateGroups.id, rateGroupCategories.rateGroupId))
      .where(and(inArray(rateGroupCategories.categoryId, g.categoryIds), notSelf(rateGroupCategories.rateGroupId)))
      .orderBy(asc(categories.name))
      .limit(4);
    const message = alreadyIn(taken, "category");
    throw new ConflictError(message, "category_in_other_group", [{ field: "categoryIds", message }]);
  }
  throw error;
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

function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const PRODUCT_SORTS = { name: sql`lower(${products.name})`, id: products.id, price: products.price, createdAt: products.createdAt } as const;

/** One page of the catalog, with each product's categories and the rate group it falls in. */
export async function listProducts(db: Db, params: ProductListParams): Promise<{ rows: ProductListRow[]; total: number }> {
  const q = params.q.trim();
  const where = q ? or(ilike(products.name, containing(q)), ilike(products.id, containing(q))) : undefined;
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

// ---- Rate groups for the Products page ---------------------------------------------------

export interface RateGroupView {
  id: string;
  name: string;
  commissionType: CommissionType;
  commissionRate: number;
  products: CategoryRef[];
  categories: CategoryRef[];
  createdAt: Date;
}

/** Every rate group with its members, oldest first (the order in which category rules win). */
export async function listRateGroups(db: Db): Promise<RateGroupView[]> {
  const [groups, productRows, categoryRows] = await Promise.all([
    db.select().from(rateGroups).orderBy(asc(rateGroups.createdAt), asc(rateGroups.id)),
    db
      .select({ groupId: rateGroupProducts.rateGroupId, id: products.id, name: products.name })
      .from(rateGroupProducts)
      .innerJoin(products, eq(products.id, rateGroupProducts.productId))
      .orderBy(asc(products.name)),
    db
      .select({ groupId: rateGroupCategories.rateGroupId, id: categories.id, name: categories.name })
      .from(rateGroupCategories)
      .innerJoin(categories, eq(categories.id, rateGroupCategories.categoryId))
      .orderBy(asc(categories.name)),
  ]);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    commissionType: g.commissionType,
    commissionRate: g.commissionRate,
    createdAt: g.createdAt,
    products: productRows.filter((r) => r.groupId === g.id).map(({ id, name }) => ({ id, name })),
    categories: categoryRows.filter((r) => r.groupId === g.id).map(({ id, name }) => ({ id, name })),
  }));
}

export interface CatalogOption {
  id: string;
  name: string;
  /** The rate group it is in already, if any: shown beside the option. */
  group: string | null;
}

/** Products or categories whose name or id contains the text: the type-ahead of the rate group form. */
export async function searchCatalogOptions(db: Db, kind: "products" | "categories", text: string, limit = 10): Promise<CatalogOption[]> {
  const q = text.trim().slice(0, 100);
  const prefix = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (kind === "products") {
    return db
      .select({ id: products.id, name: products.name, group: rateGroups.name })
      .from(products)
      .leftJoin(rateGroupProducts, eq(rateGroupProducts.productId, products.id))
      .leftJoin(rateGroups, eq(rateGroups.id, rateGroupProducts.rateGroupId))
      .where(q ? or(ilike(products.name, containing(q)), ilike(products.id, containing(q))) : undefined)
      .orderBy(sql`(lower(${products.name}) like ${prefix} or lower(${products.id}) like ${prefix}) desc`, asc(sql`lower(${products.name})`), asc(products.id))
      .limit(limit);
  }
  return db
    .select({ id: categories.id, name: categories.name, group: rateGroups.name })
    .from(categories)
    .leftJoin(rateGroupCategories, eq(rateGroupCategories.categoryId, categories.id))
    .leftJoin(rateGroups, eq(rateGroups.id, rateGroupCategories.rateGroupId))
    .where(q ? or(ilike(categories.name, containing(q)), ilike(categories.id, containing(q))) : undefined)
    .orderBy(sql`(lower(${categories.name}) like ${prefix} or lower(${categories.id}) like ${prefix}) desc`, asc(sql`lower(${categories.name})`), asc(categories.id))
    .limit(limit);
}
