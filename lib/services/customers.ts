import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { commissions, customerOrderTotals, customers, leads, orderItems, orders, partners, refunds } from "@/db/schema";
import type { Db } from "@/db/types";
import { NotFoundError } from "@/lib/errors";
import type { customerListSpec } from "@/lib/schemas/customers";
import { isUuid } from "@/lib/schemas/ids";
import { offsetOf, type ListParams } from "@/lib/schemas/list-params";
import { likeContains } from "@/db/sql-helpers";
import { approveDueCommissions } from "./commissions-hold";
import { clawbacksOf } from "./clawbacks";

// Customers acquired through referrals (customers.partner_id set: their lifetime partner)
// with what they brought: orders, revenue net of refunds, and the commission earned on them
// (orders and lead events, void commissions left out).

export type CustomerListParams = ListParams<(typeof customerListSpec.sortable)[number], { partner?: string }>;

function customerFilters(params: Pick<CustomerListParams, "q" | "filters">): { where: SQL } {
  const where: SQL[] = [isNotNull(customers.partnerId)];
  if (params.filters.partner) where.push(eq(customers.partnerId, params.filters.partner));
  if (params.q) {
    const like = likeContains(params.q);
    where.push(or(sql`${customers.email} ilike ${like}`, sql`${customers.name} ilike ${like}`, sql`${customers.externalId} ilike ${like}`)!);
  }
  return { where: and(...where)! };
}

/**
 * Per customer: orders, first order, revenue net of refunds, from the totals the orders
 * triggers keep (migrations 0009, 0013) instead of grouping every order on each request.
 */
const stats = { firstOrderAt: customerOrderTotals.firstOrderAt, orders: customerOrderTotals.orders, revenue: customerOrderTotals.revenue };

function listQuery(db: Db, { where }: ReturnType<typeof customerFilters>) {
  return db
    .select({
      id: customers.id,
      externalId: customers.externalId,
      email: customers.email,
      name: customers.name,
      partnerId: partners.id,
      partnerName: partners.name,
      referredAt: customers.referredAt,
      createdAt: customers.createdAt,
      firstOrderAt: stats.firstOrderAt,
      orders: stats.orders,
      revenue: stats.revenue,
    })
    .from(customers)
    .innerJoin(partners, eq(partners.id, customers.partnerId))
    // Every customer has a totals row (migration 0013).
    .innerJoin(customerOrderTotals, eq(customerOrderTotals.customerId, customers.id))
    .where(where);
}

function sortKeys(params: Pick<CustomerListParams, "sort" | "dir">): SQL[] {
  const dir = params.dir === "asc" ? "asc" : "desc";
  // Customers with no order yet (a sign-up only) come last by first order either way (null);
  // their orders and revenue are 0. Each key matches an index of customer_order_totals, so a
  // page is read off the index in order instead of sorting every customer.
  const key = params.sort === "orders" ? sql`${stats.orders} ${sql.raw(dir)}` : params.sort === "revenue" ? sql`${stats.revenue} ${sql.raw(dir)}` : sql`${stats.firstOrderAt} ${sql.raw(dir)} nulls last`;
  return [key, sql`${customers.createdAt} desc`, sql`${customers.id} desc`];
}

/** Commission earned on these customers' orders and lead events, void ones left out. */
async function commissionTotals(db: Db, customerIds: string[]): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  if (!customerIds.length) return totals;
  const notVoid = sql`${commissions.status} <> 'void'`;
  // Net of clawbacks (refunds after payment), like the links' figures.
  const amount = sql<number>`coalesce(sum(${commissions.amount} + ${clawbacksOf(commissions.id)}), 0)`.mapWith(Number);
  const [onOrders, onLeads] = [
    await db
      .select({ customerId: orders.customerId, amount })
      .from(orders)
      .innerJoin(commissions, and(eq(commissions.orderId, orders.id), notVoid))
      .where(inArray(orders.customerId, customerIds))
      .groupBy(orders.customerId),
    await db
      .select({ customerId: leads.customerId, amount })
      .from(leads)
      .innerJoin(commissions, and(eq(commissions.leadId, leads.id), notVoid))
      .where(inArray(leads.customerId, customerIds))
      .groupBy(leads.customerId),
  ];
  for (const r of [...onOrders, ...onLeads]) totals.set(r.customerId!, (totals.get(r.customerId!) ?? 0) + r.amount);
  return totals;
}

type ListedCustomer = Awaited<ReturnType<ReturnType<typeof listQuery>["execute"]>>[number];
export type CustomerListRow = ListedCustomer & { commission: number };

async function withCommission(db: Db, rows: ListedCustomer[]): Promise<CustomerListRow[]> {
  const totals = await commissionTotals(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, commission: totals.get(r.id) ?? 0 }));
}

export async function listCustomers(db: Db, params: CustomerListParams): Promise<{ rows: CustomerListRow[]; total: number }> {
  await approveDueCommissions(db);
  const filters = customerFilters(params);
  const rows = await listQuery(db, filters)
    .orderBy(...sortKeys(params))
    .limit(params.size)
    .offset(offsetOf(params));
  const [total] = await db.select({ n: count() }).from(customers).where(filters.where);
  return { rows: await withCommission(db, rows), total: Number(total?.n ?? 0) };
}

export const MAX_CUSTOMER_EXPORT_ROWS = 100_000;

export async function exportCustomers(db: Db, params: CustomerListParams): Promise<CustomerListRow[]> {
  await approveDueCommissions(db);
  const rows = await listQuery(db, customerFilters(params)).orderBy(...sortKeys(params)).limit(MAX_CUSTOMER_EXPORT_ROWS);
  // In slices, so the list of ids in one statement stays small.
  const out: CustomerListRow[] = [];
  for (let i = 0; i < rows.length; i += 5000) out.push(...(await withCommission(db, rows.slice(i, i + 5000))));
  return out;
}

export const CUSTOMER_ORDERS_SHOWN = 200;

/** A customer, their partner, and their orders (items, refunds, commission) and lead events. */
export async function getCustomer(db: Db, id: string) {
  if (!isUuid(id)) throw new NotFoundError("No customer with this id.");
  await approveDueCommissions(db);
  const [customer] = await db
    .select({
      id: customers.id,
      externalId: customers.externalId,
      email: customers.email,
      name: customers.name,
      createdAt: customers.createdAt,
      referredAt: customers.referredAt,
      partnerId: customers.partnerId,
      partnerName: partners.name,
      partnerEmail: partners.email,
      partnerStatus: partners.status,
    })
    .from(customers)
    .leftJoin(partners, eq(partners.id, customers.partnerId))
    .where(eq(customers.id, id));
  if (!customer) throw new NotFoundError("No customer with this id.");

  const [totals] = await db
    .select({
      orders: count(),
      revenue: sql<number>`coalesce(sum(${orders.amount} - ${orders.refundedAmount}), 0)`.mapWith(Number),
      commission: sql<number>`coalesce(sum(${commissions.amount} + ${clawbacksOf(commissions.id)}) filter (where ${commissions.status} <> 'void'), 0)`.mapWith(Number),
    })
    .from(orders)
    .leftJoin(commissions, eq(commissions.orderId, orders.id))
    .where(eq(orders.customerId, id));

  const orderRows = await db
    .select({
      id: orders.id,
      externalId: orders.externalId,
      createdAt: orders.createdAt,
      amount: orders.amount,
      refundedAmount: orders.refundedAmount,
      currency: orders.currency,
      attribution: orders.attribution,
      couponCode: orders.couponCode,
      partnerId: orders.partnerId,
      partnerName: partners.name,
      commissionId: commissions.id,
      commissionAmount: commissions.amount,
      commissionOriginalAmount: commissions.originalAmount,
      commissionStatus: commissions.status,
      commissionVoidReason: commissions.voidReason,
      commissionClawedBack: clawbacksOf(commissions.id).mapWith(Number),
    })
    .from(orders)
    .leftJoin(partners, eq(partners.id, orders.partnerId))
    .leftJoin(commissions, eq(commissions.orderId, orders.id))
    .where(eq(orders.customerId, id))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(CUSTOMER_ORDERS_SHOWN);
  const orderIds = orderRows.map((o) => o.id);
  const [items, refundRows] = orderIds.length
    ? await Promise.all([
        db
          .select({ orderId: orderItems.orderId, productId: orderItems.productId, quantity: orderItems.quantity, amount: orderItems.amount })
          .from(orderItems)
          .where(inArray(orderItems.orderId, orderIds))
          .orderBy(asc(orderItems.id)),
        db
          .select({ orderId: refunds.orderId, id: refunds.id, externalId: refunds.externalId, amount: refunds.amount, createdAt: refunds.createdAt })
          .from(refunds)
          .where(inArray(refunds.orderId, orderIds))
          .orderBy(asc(refunds.createdAt), asc(refunds.id)),
      ])
    : [[], []];

  const leadRows = await db
    .select({
      id: leads.id,
      eventName: leads.eventName,
      createdAt: leads.createdAt,
      attribution: leads.attribution,
      partnerId: leads.partnerId,
      partnerName: partners.name,
      commissionId: commissions.id,
      commissionAmount: commissions.amount,
      commissionStatus: commissions.status,
      commissionVoidReason: commissions.voidReason,
    })
    .from(leads)
    .leftJoin(partners, eq(partners.id, leads.partnerId))
    .leftJoin(commissions, eq(commissions.leadId, leads.id))
    .where(eq(leads.customerId, id))
    .orderBy(desc(leads.createdAt));

  const leadCommission = leadRows.reduce((n, l) => n + (l.commissionStatus && l.commissionStatus !== "void" ? (l.commissionAmount ?? 0) : 0), 0);
  return {
    customer,
    totals: { orders: Number(totals?.orders ?? 0), revenue: totals?.revenue ?? 0, commission: (totals?.commission ?? 0) + leadCommission },
    orders: orderRows.map((o) => ({ ...o, items: items.filter((i) => i.orderId === o.id), refunds: refundRows.filter((r) => r.orderId === o.id) })),
    leads: leadRows,
  };
}

export type CustomerDetail = Awaited<ReturnType<typeof getCustomer>>;
