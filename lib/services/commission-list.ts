import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import { adminUsers, apiKeys, commissionEvents, commissions, customers, leads, orders, partners, payouts, refunds } from "@/db/schema";
import { likeContains } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { NotFoundError } from "@/lib/errors";
import type { commissionListSpec } from "@/lib/schemas/commissions";
import { COMMISSION_STATUSES, type ActorType, type CommissionStatus, type PartnerStatus } from "@/lib/schemas/enums";
import { isUuid } from "@/lib/schemas/ids";
import { offsetOf, type ListParams } from "@/lib/schemas/list-params";
import { approveDueCommissions } from "./commissions-hold";

// The Commissions list: filtered, sorted and paged in SQL. A page is read in two steps: the
// ids of the page (from the commissions table alone unless the search needs the order),
// then the details of those 25 rows, so sorting 100k commissions never drags the joins along.

export type CommissionListParams = ListParams<(typeof commissionListSpec.sortable)[number], { status?: CommissionStatus; partner?: string; from?: string; to?: string }>;

function filters(params: Pick<CommissionListParams, "q" | "filters">, timezone: string, { ignoreStatus = false } = {}): { where: SQL | undefined; needsOrder: boolean } {
  const { status, partner, from, to } = params.filters;
  const where: SQL[] = [];
  if (status && !ignoreStatus) where.push(eq(commissions.status, status));
  if (partner) where.push(eq(commissions.partnerId, partner));
  // Days are the merchant's days: local midnight in the program's time zone.
  if (from) where.push(sql`${commissions.createdAt} >= (${from}::date)::timestamp at time zone ${timezone}`);
  if (to) where.push(sql`${commissions.createdAt} < (${to}::date + 1)::timestamp at time zone ${timezone}`);
  if (params.q) where.push(ilike(orders.externalId, likeContains(params.q)));
  return { where: where.length ? and(...where) : undefined, needsOrder: !!params.q };
}

const statusRank = sql`case ${commissions.status} when 'pending' then 0 when 'approved' then 1 when 'paid' then 2 else 3 end`;

function orderBy(params: Pick<CommissionListParams, "sort" | "dir">): SQL[] {
  const dir = params.dir === "asc" ? asc : desc;
  const first = params.sort === "amount" ? dir(commissions.amount) : params.sort === "status" ? (params.dir === "asc" ? sql`${statusRank} asc` : sql`${statusRank} desc`) : null;
  return first ? [first, desc(commissions.createdAt), desc(commissions.id)] : [dir(commissions.createdAt), dir(commissions.id)];
}

const detailColumns = {
  id: commissions.id,
  createdAt: commissions.createdAt,
  partnerId: commissions.partnerId,
  partnerName: partners.name,
  partnerEmail: partners.email,
  kind: commissions.kind,
  orderId: commissions.orderId,
  orderExternalId: orders.externalId,
  orderAmount: orders.amount,
  refundedAmount: orders.refundedAmount,
  attribution: orders.attribution,
  leadEvent: leads.eventName,
  customerId: customers.id,
  customerEmail: customers.email,
  customerExternalId: customers.externalId,
  amount: commissions.amount,
  originalAmount: commissions.originalAmount,
  currency: commissions.currency,
  status: commissions.status,
  voidReason: commissions.voidReason,
  rateSource: commissions.rateSource,
  rateType: commissions.rateType,
  rate: commissions.rate,
  holdUntil: commissions.holdUntil,
  payoutId: commissions.payoutId,
};

function selectDetails(db: Db) {
  return db
    .select(detailColumns)
    .from(commissions)
    .innerJoin(partners, eq(partners.id, commissions.partnerId))
    .leftJoin(orders, eq(orders.id, commissions.orderId))
    .leftJoin(leads, eq(leads.id, commissions.leadId))
    .leftJoin(customers, eq(customers.id, sql`coalesce(${orders.customerId}, ${leads.customerId})`));
}

export type CommissionListRow = Awaited<ReturnType<ReturnType<typeof selectDetails>["execute"]>>[number];

export interface StatusTotal {
  status: CommissionStatus;
  count: number;
  amount: number;
}

export interface CommissionPage {
  rows: CommissionListRow[];
  /** Commissions matching the filters (every page). */
  total: number;
  /**
   * Count and amount per status over every page, in lifecycle order, with every filter but
   * the status one: the breakdown stays visible while one status is shown.
   */
  byStatus: StatusTotal[];
}

export async function listCommissions(db: Db, params: CommissionListParams, options: { timezone: string; now?: Date }): Promise<CommissionPage> {
  await approveDueCommissions(db, options.now);
  const { where, needsOrder } = filters(params, options.timezone);

  const idQuery = db.select({ id: commissions.id }).from(commissions).$dynamic();
  const totalsQuery = db
    .select({ status: commissions.status, count: count(), amount: sql<number>`coalesce(sum(${commissions.amount}), 0)`.mapWith(Number) })
    .from(commissions)
    .$dynamic();
  if (needsOrder) {
    idQuery.leftJoin(orders, eq(orders.id, commissions.orderId));
    totalsQuery.leftJoin(orders, eq(orders.id, commissions.orderId));
  }
  const ids = (await idQuery.where(where).orderBy(...orderBy(params)).limit(params.size).offset(offsetOf(params))).map((r) => r.id);
  const totals = await totalsQuery.where(filters(params, options.timezone, { ignoreStatus: true }).where).groupBy(commissions.status);

  const details = ids.length ? await selectDetails(db).where(inArray(commissions.id, ids)) : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const byStatus = COMMISSION_STATUSES.map((status) => {
    const t = totals.find((x) => x.status === status);
    return { status, count: Number(t?.count ?? 0), amount: t?.amount ?? 0 };
  });
  const status = params.filters.status;
  const total = status ? byStatus.find((s) => s.status === status)!.count : byStatus.reduce((n, s) => n + s.count, 0);
  return { rows: ids.map((id) => byId.get(id)!).filter(Boolean), total, byStatus };
}

export const MAX_EXPORT_ROWS = 100_000;

/** Every commission the filters match, in the list's order, for the CSV export. */
export async function exportCommissions(db: Db, params: CommissionListParams, options: { timezone: string }): Promise<CommissionListRow[]> {
  await approveDueCommissions(db);
  const { where } = filters(params, options.timezone);
  return selectDetails(db)
    .where(where)
    .orderBy(...orderBy(params))
    .limit(MAX_EXPORT_ROWS);
}

export interface CommissionHistoryEntry {
  id: number;
  createdAt: Date;
  fromStatus: CommissionStatus | null;
  toStatus: CommissionStatus;
  fromAmount: number | null;
  toAmount: number;
  reason: string | null;
  actorType: ActorType;
  actor: string;
}

/** "owner@example.com", "API (Production store)", "System", "Command line". */
export function actorName(type: ActorType, adminEmail: string | null, keyName: string | null): string {
  switch (type) {
    case "admin":
      return adminEmail ?? "A removed admin";
    case "api":
      return keyName ? `API (${keyName})` : "API";
    case "system":
      return "System";
    case "cli":
      return "Command line";
    case "partner":
      return "Partner";
  }
}

export async function commissionHistory(db: Db, commissionId: string): Promise<CommissionHistoryEntry[]> {
  const rows = await db
    .select({
      id: commissionEvents.id,
      createdAt: commissionEvents.createdAt,
      fromStatus: commissionEvents.fromStatus,
      toStatus: commissionEvents.toStatus,
      fromAmount: commissionEvents.fromAmount,
      toAmount: commissionEvents.toAmount,
      reason: commissionEvents.reason,
      actorType: commissionEvents.actorType,
      adminEmail: adminUsers.email,
      keyName: apiKeys.name,
    })
    .from(commissionEvents)
    .leftJoin(adminUsers, and(eq(commissionEvents.actorType, "admin"), eq(sql`${adminUsers.id}::text`, commissionEvents.actorId)))
    .leftJoin(apiKeys, and(eq(commissionEvents.actorType, "api"), eq(sql`${apiKeys.id}::text`, commissionEvents.actorId)))
    .where(eq(commissionEvents.commissionId, commissionId))
    .orderBy(asc(commissionEvents.createdAt), asc(commissionEvents.id));
  return rows.map(({ adminEmail, keyName, ...r }) => ({ ...r, actor: actorName(r.actorType, adminEmail, keyName) }));
}

export interface CommissionDetail extends CommissionListRow {
  partnerStatus: PartnerStatus;
  orderCreatedAt: Date | null;
  couponCode: string | null;
  customerName: string | null;
  payoutCreatedAt: Date | null;
  refunds: { id: string; externalId: string | null; amount: number; commissionReduction: number; createdAt: Date }[];
  history: CommissionHistoryEntry[];
}

/** One commission with its order, refunds and full history. */
export async function getCommission(db: Db, id: string): Promise<CommissionDetail> {
  if (!isUuid(id)) throw new NotFoundError("No commission with this id.");
  await approveDueCommissions(db);
  const [row] = await db
    .select({
      ...detailColumns,
      partnerStatus: partners.status,
      orderCreatedAt: orders.createdAt,
      couponCode: orders.couponCode,
      customerName: customers.name,
      payoutCreatedAt: payouts.createdAt,
    })
    .from(commissions)
    .innerJoin(partners, eq(partners.id, commissions.partnerId))
    .leftJoin(orders, eq(orders.id, commissions.orderId))
    .leftJoin(leads, eq(leads.id, commissions.leadId))
    .leftJoin(customers, eq(customers.id, sql`coalesce(${orders.customerId}, ${leads.customerId})`))
    .leftJoin(payouts, eq(payouts.id, commissions.payoutId))
    .where(eq(commissions.id, id));
  if (!row) throw new NotFoundError("No commission with this id.");
  const refundRows = row.orderId
    ? await db
        .select({ id: refunds.id, externalId: refunds.externalId, amount: refunds.amount, commissionReduction: refunds.commissionReduction, createdAt: refunds.createdAt })
        .from(refunds)
        .where(eq(refunds.orderId, row.orderId))
        .orderBy(asc(refunds.createdAt))
    : [];
  return { ...row, refunds: refundRows, history: await commissionHistory(db, id) };
}
