import "server-only";
import { and, asc, eq, ilike, inArray, ne, or, sql } from "drizzle-orm";
import { categories, productCategories, products, rateGroupCategories, rateGroupProducts, rateGroups } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import { likeContains } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import type { Rate } from "@/lib/domain/rates";
import { ConflictError, InvalidError, NotFoundError, type FieldIssue } from "@/lib/errors";
import { rateGroupSchema, type RateGroupInput } from "@/lib/schemas/catalog";
import type { CommissionType } from "@/lib/schemas/enums";
import { isUuid } from "@/lib/schemas/ids";
import { toFieldIssues } from "@/lib/schemas/issues";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { chunks, type CategoryRef } from "./catalog";

// Rate groups (SPEC.md §2, as in FluentAffiliate): products and categories that earn their own
// rate on each order line. Writes for the Products page, the rate lookup the sale uses, and the
// lists and type-ahead the rate group form reads.

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
      .where(q ? or(ilike(products.name, likeContains(q)), ilike(products.id, likeContains(q))) : undefined)
      .orderBy(sql`(lower(${products.name}) like ${prefix} or lower(${products.id}) like ${prefix}) desc`, asc(sql`lower(${products.name})`), asc(products.id))
      .limit(limit);
  }
  return db
    .select({ id: categories.id, name: categories.name, group: rateGroups.name })
    .from(categories)
    .leftJoin(rateGroupCategories, eq(rateGroupCategories.categoryId, categories.id))
    .leftJoin(rateGroups, eq(rateGroups.id, rateGroupCategories.rateGroupId))
    .where(q ? or(ilike(categories.name, likeContains(q)), ilike(categories.id, likeContains(q))) : undefined)
    .orderBy(sql`(lower(${categories.name}) like ${prefix} or lower(${categories.id}) like ${prefix}) desc`, asc(sql`lower(${categories.name})`), asc(categories.id))
    .limit(limit);
}
