import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { commissions, customers, leads, linkClickTotals, links, orders, partnerClickTotals, partners, payouts } from "@/db/schema";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import type { CommissionStatus, CommissionType, PartnerStatus, PayoutMethod, PayoutStatus } from "@/lib/schemas/enums";
import { isUuid } from "@/lib/schemas/ids";
import { partnerBalance } from "./balances";
import { customLinkUrl } from "./links";
import { couponsOf, partnerBasics, referralLink, storedDashboardUrl } from "./partner-view";

// Everything the partner page shows, read with the per-partner indexes: clicks_partner_idx
// and orders_partner_idx for the daily chart, the counter tables for click totals.

export interface PartnerKpis {
  clicks: number;
  conversions: number;
  revenue: number;
  /** Commissions paid (in a payout or marked paid by hand). */
  paid: number;
  /** Approved and not paid out, plus adjustments: what the next payout takes. */
  balance: number;
  pending: number;
}

export interface DailyPoint {
  /** YYYY-MM-DD in the program time zone. */
  day: string;
  clicks: number;
  conversions: number;
}

export interface PartnerDetail {
  id: string;
  name: string;
  email: string;
  status: PartnerStatus;
  referralCode: string;
  referralLink: string;
  /** null when the stored token cannot be opened (see storedDashboardUrl). */
  dashboardUrl: string | null;
  hasPassword: boolean;
  commissionType: CommissionType | null;
  commissionRate: number | null;
  couponCodes: string[];
  payoutMethod: PayoutMethod | null;
  payoutDetails: Record<string, string>;
  notes: string | null;
  approvedAt: Date | null;
  createdAt: Date;
  kpis: PartnerKpis;
  daily: DailyPoint[];
  links: { id: string; slug: string; url: string; destinationUrl: string; commissionType: CommissionType | null; commissionRate: number | null; clicks: number; createdAt: Date }[];
  customers: { id: string; externalId: string; name: string | null; email: string | null; referredAt: Date | null; orders: number; revenue: number }[];
  commissions: { id: string; kind: "sale" | "lead"; reference: string | null; amount: number; status: CommissionStatus; createdAt: Date }[];
  payouts: { id: string; amount: number; currency: string; method: PayoutMethod; transactionId: string | null; status: PayoutStatus; createdAt: Date }[];
}

const RECENT = 10;

/** The partner page's data, or undefined for an unknown (or malformed) id. */
export async function findPartnerDetail(db: Db, id: string, options: { timezone: string; now?: Date }): Promise<PartnerDetail | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(partners).where(eq(partners.id, id));
  if (!row) return undefined;
  const now = options.now ?? new Date();

  const [coupons, kpis, daily, partnerLinks, recentCustomers, recentCommissions, recentPayouts] = await Promise.all([
    couponsOf(db, [id]),
    partnerKpis(db, id),
    dailyActivity(db, id, options.timezone, now),
    db
      .select({
        id: links.id,
        slug: links.slug,
        destinationUrl: links.destinationUrl,
        commissionType: links.commissionType,
        commissionRate: links.commissionRate,
        createdAt: links.createdAt,
        clicks: sql<number>`coalesce(${linkClickTotals.clicks}, 0)`,
      })
      .from(links)
      .leftJoin(linkClickTotals, eq(linkClickTotals.linkId, links.id))
      .where(eq(links.partnerId, id))
      .orderBy(desc(links.createdAt)),
    recentCustomersOf(db, id),
    db
      .select({
        id: commissions.id,
        kind: commissions.kind,
        orderRef: orders.externalId,
        eventName: leads.eventName,
        amount: commissions.amount,
        status: commissions.status,
        createdAt: commissions.createdAt,
      })
      .from(commissions)
      .leftJoin(orders, eq(orders.id, commissions.orderId))
      .leftJoin(leads, eq(leads.id, commissions.leadId))
      .where(eq(commissions.partnerId, id))
      .orderBy(desc(commissions.createdAt), desc(commissions.id))
      .limit(RECENT),
    db
      .select({
        id: payouts.id,
        amount: payouts.amount,
        currency: payouts.currency,
        method: payouts.method,
        transactionId: payouts.transactionId,
        status: payouts.status,
        createdAt: payouts.createdAt,
      })
      .from(payouts)
      .where(eq(payouts.partnerId, id))
      .orderBy(desc(payouts.createdAt))
      .limit(RECENT),
  ]);

  return {
    ...partnerBasics(row),
    referralLink: referralLink(row.referralCode),
    dashboardUrl: storedDashboardUrl(row.dashboardTokenSealed),
    hasPassword: row.passwordHash !== null,
    couponCodes: coupons.get(id) ?? [],
    payoutMethod: row.payoutMethod,
    payoutDetails: row.payoutDetails,
    notes: row.notes,
    approvedAt: row.approvedAt,
    createdAt: row.createdAt,
    kpis,
    daily,
    links: partnerLinks.map((l) => ({ ...l, clicks: Number(l.clicks), url: customLinkUrl(l.slug) })),
    customers: recentCustomers,
    commissions: recentCommissions.map((c) => ({
      id: c.id,
      kind: c.kind,
      reference: c.kind === "sale" ? c.orderRef : c.eventName,
      amount: c.amount,
      status: c.status,
      createdAt: c.createdAt,
    })),
    payouts: recentPayouts,
  };
}

/** All-time totals of one partner. */
export async function partnerKpis(db: Db, id: string): Promise<PartnerKpis> {
  const [[clickRow], [orderRow], [commissionRow], balance] = await Promise.all([
    db.select({ clicks: partnerClickTotals.clicks }).from(partnerClickTotals).where(eq(partnerClickTotals.partnerId, id)),
    db
      .select({ n: sql<number>`count(*)::int`, revenue: sql<string>`coalesce(sum(${orders.amount} - ${orders.refundedAmount}), 0)` })
      .from(orders)
      .where(eq(orders.partnerId, id)),
    db
      .select({ paid: sql<string>`coalesce(sum(${commissions.amount}) filter (where ${commissions.status} = 'paid'), 0)` })
      .from(commissions)
      .where(eq(commissions.partnerId, id)),
    partnerBalance(db, id),
  ]);
  return {
    clicks: Number(clickRow?.clicks ?? 0),
    conversions: Number(orderRow?.n ?? 0),
    revenue: Number(orderRow?.revenue ?? 0),
    paid: Number(commissionRow?.paid ?? 0),
    balance: balance.balance,
    pending: balance.pending,
  };
}

/** Counted clicks and attributed orders per day for the last 30 days (today included) in `timezone`. */
export async function dailyActivity(db: Db, id: string, timezone: string, now: Date): Promise<DailyPoint[]> {
  const rows = await queryRows<{ day: string; clicks: number | string; conversions: number | string }>(
    db,
    sql`with bounds as (
          select date_trunc('day', ${timestamptz(now)} at time zone ${timezone}) - interval '29 days' as first_day
        ), days as (
          select generate_series(first_day, first_day + interval '29 days', interval '1 day') as day from bounds
        ), k as (
          select date_trunc('day', created_at at time zone ${timezone}) as day, count(*) as n
            from clicks
           where partner_id = ${id} and declined_reason is null
             and created_at >= (select first_day at time zone ${timezone} from bounds)
           group by 1
        ), s as (
          select date_trunc('day', created_at at time zone ${timezone}) as day, count(*) as n
            from orders
           where partner_id = ${id}
             and created_at >= (select first_day at time zone ${timezone} from bounds)
           group by 1
        )
        select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(k.n, 0) as clicks, coalesce(s.n, 0) as conversions
          from days left join k on k.day = days.day left join s on s.day = days.day
         order by days.day`,
  );
  return rows.map((r) => ({ day: r.day, clicks: Number(r.clicks), conversions: Number(r.conversions) }));
}

async function recentCustomersOf(db: Db, id: string): Promise<PartnerDetail["customers"]> {
  const rows = await db
    .select({ id: customers.id, externalId: customers.externalId, name: customers.name, email: customers.email, referredAt: customers.referredAt, createdAt: customers.createdAt })
    .from(customers)
    .where(eq(customers.partnerId, id))
    .orderBy(desc(customers.createdAt))
    .limit(RECENT);
  if (!rows.length) return [];
  const totals = await db
    .select({ customerId: orders.customerId, n: sql<number>`count(*)::int`, revenue: sql<string>`coalesce(sum(${orders.amount} - ${orders.refundedAmount}), 0)` })
    .from(orders)
    .where(and(eq(orders.partnerId, id), inArray(orders.customerId, rows.map((r) => r.id))))
    .groupBy(orders.customerId);
  const byCustomer = new Map(totals.map((t) => [t.customerId, t]));
  return rows.map((r) => ({
    id: r.id,
    externalId: r.externalId,
    name: r.name,
    email: r.email,
    referredAt: r.referredAt ?? r.createdAt,
    orders: Number(byCustomer.get(r.id)?.n ?? 0),
    revenue: Number(byCustomer.get(r.id)?.revenue ?? 0),
  }));
}
