import "server-only";
import { eq, inArray } from "drizzle-orm";
import { adminUsers, apiKeys, categories, commissions, customers, leads, links, orders, partners, payoutBatches, payouts, products, rateGroups } from "@/db/schema";
import type { Db } from "@/db/types";
import { formatMoney } from "@/lib/domain/money";
import { REF_KINDS, type NameBook, type RefKind, type RefName } from "@/lib/format/activity";
import { isUuid } from "@/lib/schemas/ids";

// The names of what a page of the activity log mentions (lib/format/activity.ts activityRefs):
// one query per kind of row, never one per entry. A row deleted since is simply not found; the
// formatter says "a deleted partner" then.

type Lookup = (db: Db, ids: string[]) => Promise<[string, RefName][]>;

const LOOKUPS: Record<RefKind, Lookup> = {
  partner: async (db, ids) =>
    (await db.select({ id: partners.id, name: partners.name, commissionType: partners.commissionType }).from(partners).where(inArray(partners.id, ids))).map((r) => [
      r.id,
      { name: r.name, commissionType: r.commissionType },
    ]),
  link: async (db, ids) =>
    (await db.select({ id: links.id, slug: links.slug, commissionType: links.commissionType }).from(links).where(inArray(links.id, ids))).map((r) => [
      r.id,
      { name: `/a/${r.slug}`, commissionType: r.commissionType },
    ]),
  commission: async (db, ids) =>
    (
      await db
        .select({ id: commissions.id, order: orders.externalId, event: leads.eventName, amount: commissions.amount, currency: commissions.currency })
        .from(commissions)
        .leftJoin(orders, eq(orders.id, commissions.orderId))
        .leftJoin(leads, eq(leads.id, commissions.leadId))
        .where(inArray(commissions.id, ids))
    ).map((r) => [r.id, { name: `${formatMoney(r.amount, r.currency)} on ${r.order ? `order ${r.order}` : `lead ${r.event ?? ""}`.trim()}` }]),
  payout: async (db, ids) =>
    (
      await db
        .select({ id: payouts.id, partner: partners.name, amount: payouts.amount, currency: payouts.currency })
        .from(payouts)
        .innerJoin(partners, eq(partners.id, payouts.partnerId))
        .where(inArray(payouts.id, ids))
    ).map((r) => [r.id, { name: `${formatMoney(r.amount, r.currency)} to ${r.partner}` }]),
  payout_batch: async (db, ids) =>
    (
      await db
        .select({ id: payoutBatches.id, amount: payoutBatches.amount, currency: payoutBatches.currency, lines: payoutBatches.itemCount })
        .from(payoutBatches)
        .where(inArray(payoutBatches.id, ids))
    ).map((r) => [r.id, { name: `PayPal batch of ${formatMoney(r.amount, r.currency)} (${r.lines} line${r.lines === 1 ? "" : "s"})` }]),
  product: async (db, ids) => (await db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, ids))).map((r) => [r.id, { name: r.name }]),
  category: async (db, ids) => (await db.select({ id: categories.id, name: categories.name }).from(categories).where(inArray(categories.id, ids))).map((r) => [r.id, { name: r.name }]),
  rate_group: async (db, ids) => (await db.select({ id: rateGroups.id, name: rateGroups.name }).from(rateGroups).where(inArray(rateGroups.id, ids))).map((r) => [r.id, { name: r.name }]),
  admin_user: async (db, ids) =>
    (await db.select({ id: adminUsers.id, email: adminUsers.email, name: adminUsers.name }).from(adminUsers).where(inArray(adminUsers.id, ids))).map((r) => [
      r.id,
      { name: r.name ? `${r.name} (${r.email})` : r.email },
    ]),
  api_key: async (db, ids) => (await db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(inArray(apiKeys.id, ids))).map((r) => [r.id, { name: r.name }]),
  customer: async (db, ids) =>
    (await db.select({ id: customers.id, name: customers.name, email: customers.email, externalId: customers.externalId }).from(customers).where(inArray(customers.id, ids))).map((r) => [
      r.id,
      { name: r.name ?? r.email ?? r.externalId },
    ]),
};

// Products and categories carry the store's ids (text); every other kind is a uuid column.
const TEXT_IDS: RefKind[] = ["product", "category"];

export async function resolveAuditNames(db: Db, refs: Record<RefKind, string[]>): Promise<NameBook> {
  const book: NameBook = {};
  await Promise.all(
    REF_KINDS.map(async (kind) => {
      const ids = TEXT_IDS.includes(kind) ? refs[kind] : refs[kind].filter(isUuid);
      if (!ids.length) return;
      book[kind] = new Map(await LOOKUPS[kind](db, ids));
    }),
  );
  return book;
}

