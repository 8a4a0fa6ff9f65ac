import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { bucketThresholds, fillBuckets, resolvePeriod, type Period } from "@/lib/domain/date-range";
import type { RangeParams } from "@/lib/schemas/date-range";
import { clawbackRows } from "../clawbacks";
import { approveDueCommissions } from "../commissions-hold";
import { timestamptzArray } from "../overview/buckets";
import { getSettings } from "../settings";

// One partner's activity over a date range in the program's time zone, with the Overview's
// definitions (lib/services/overview/get-overview.ts) narrowed to this partner:
//   clicks       counted clicks (declined_reason is null) on the partner's links
//   conversions  the partner's attributed orders; revenue = their amount net of refunds
//   commissions  commissions (sales and leads) created in the period, not void, by status now,
//                net of their clawbacks (refunds after payout), as every other view counts them
// Rows are read off the per-partner indexes (clicks_partner_idx, orders_partner_idx,
// commissions_partner_status_idx) and summed per chart bucket in SQL, so the buckets add up
// to the cards.

export interface PortalSeriesPoint {
  key: string;
  revenue: number;
  commissions: number;
  clicks: number;
  conversions: number;
}

export interface PortalActivity {
  period: Period;
  currency: string;
  clicks: number;
  conversions: number;
  /** conversions ÷ clicks; null without clicks. */
  conversionRate: number | null;
  revenue: number;
  commissions: { pending: number; approved: number; paid: number; total: number };
  series: PortalSeriesPoint[];
}

interface Row {
  b: number;
  [column: string]: unknown;
}

export async function portalActivity(db: Db, partnerId: string, params: RangeParams, options: { now?: Date } = {}): Promise<PortalActivity> {
  const now = options.now ?? new Date();
  const [settings] = await Promise.all([getSettings(db), approveDueCommissions(db, now)]);
  const period = resolvePeriod(params, settings.timezone, now);
  const { thresholds, keys } = bucketThresholds(period);
  const from = timestamptz(period.start);
  const to = timestamptz(period.end);
  // Rows start at period.start, so bucket 1 (the previous period) never appears: b − 2 is the key.
  const bucket = (column: SQL) => sql`width_bucket(${column}, ${timestamptzArray(thresholds)})::int`;
  const partnersCommissions = sql`c.partner_id = ${partnerId} and c.created_at >= ${from} and c.created_at < ${to}`;
  const [orders, commissions, clawbacks, clicks] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select ${bucket(sql`created_at`)} as b, sum(amount - refunded_amount)::bigint as revenue, count(*)::int as conversions
            from orders
           where partner_id = ${partnerId} and created_at >= ${from} and created_at < ${to}
           group by 1`,
    ),
    queryRows<Row>(
      db,
      sql`select ${bucket(sql`c.created_at`)} as b, c.status, sum(c.amount)::bigint as amount
            from commissions c
           where c.status in ('pending', 'approved', 'paid') and ${partnersCommissions}
           group by 1, 2`,
    ),
    // the clawbacks against them, by the same bucket and status (negative amounts)
    queryRows<Row>(
      db,
      sql`select ${bucket(sql`n.created_at`)} as b, n.status, sum(n.amount)::bigint as amount
            from ${clawbackRows(["created_at", "status"], partnersCommissions)} n
           group by 1, 2`,
    ),
    queryRows<Row>(
      db,
      sql`select ${bucket(sql`created_at`)} as b, count(*)::bigint as clicks
            from clicks
           where partner_id = ${partnerId} and declined_reason is null and created_at >= ${from} and created_at < ${to}
           group by 1`,
    ),
  ]);

  const points = new Map<string, PortalSeriesPoint>();
  const point = (b: number) => {
    const key = keys[b - 2];
    if (!key) throw new Error(`bucket ${b} is not one of the period's ${keys.length}`);
    let existing = points.get(key);
    if (!existing) points.set(key, (existing = { key, revenue: 0, commissions: 0, clicks: 0, conversions: 0 }));
    return existing;
  };
  for (const r of orders) Object.assign(point(r.b), { revenue: Number(r.revenue), conversions: Number(r.conversions) });
  for (const r of clicks) point(r.b).clicks = Number(r.clicks);
  const byStatus = { pending: 0, approved: 0, paid: 0 };
  // clawbacks add up with the commissions they reverse, netting them
  for (const r of [...commissions, ...clawbacks]) {
    const amount = Number(r.amount);
    point(r.b).commissions += amount;
    byStatus[String(r.status) as keyof typeof byStatus] += amount;
  }
  const series = fillBuckets(keys, [...points.values()], { revenue: 0, commissions: 0, clicks: 0, conversions: 0 });
  const sum = (field: "revenue" | "conversions" | "clicks") => series.reduce((total, p) => total + p[field], 0);
  const totals = { clicks: sum("clicks"), conversions: sum("conversions"), revenue: sum("revenue") };
  return {
    period,
    currency: settings.currency,
    ...totals,
    conversionRate: totals.clicks > 0 ? totals.conversions / totals.clicks : null,
    commissions: { ...byStatus, total: byStatus.pending + byStatus.approved + byStatus.paid },
    series,
  };
}
