import "server-only";
import type { Db } from "@/db/types";
import { fillBuckets, resolvePeriod, type Period } from "@/lib/domain/date-range";
import type { RangeParams } from "@/lib/schemas/date-range";
import { approveDueCommissions } from "../commissions-hold";
import { dueTotal, type DueSummary } from "../payout-due";
import { getSettings } from "../settings";
import { bucketedFigures, type Bucketed } from "./buckets";
import { topPartners, type TopPartner } from "./top-partners";
import { hasActivity, payoutTotals, type Compared } from "./totals";

// The Overview page's figures. What each one means (other pages count the same way):
//   Period       [start, end) in the program's time zone, see lib/domain/date-range.ts;
//                previous period = the same length immediately before.
//   Revenue      sum(amount − refunded_amount) of attributed orders (partner_id not null)
//                created in the period: what referred customers paid and kept.
//   Conversions  count of those orders.
//   Clicks       counted clicks (declined_reason is null) in the period, from the
//                quarter-hour counters.
//   Conversion rate  conversions ÷ clicks; none when there were no clicks.
//   Commissions  commissions (sales and leads) created in the period, by status now:
//                paid; outstanding = approved, not paid yet; pending = inside the hold
//                period. Void ones are left out. Each counts what it finally earned: its
//                amount now (partial refunds before payout lower it) plus its clawbacks
//                (a refund after payout leaves the commission paid and adds a negative
//                adjustment against it). Like revenue, a refund counts against the period
//                of the order or commission it reverses, whenever it came; so a past period
//                can shrink. The Partners list, the portal, the customer page and link
//                stats count commissions the same way.
//   Payouts      sum of completed payouts made in the period.
//   Owed now     not a period figure: what the partners due are owed today, all time (the
//                Payouts page's "Due now", from the same query: lib/services/payout-due.ts).
//                The commission cards above count what was earned in the period, whatever
//                has happened since; they are not balances.
// Charts: revenue, commissions, clicks and conversions per bucket of the period, with the
// same definitions, so the buckets add up to the cards. Top partners: the 10 with the most
// revenue in the period, with their conversions and commissions (same definitions).
// Rows are summed in SQL, one scan per table for the period and the previous one (see
// ./buckets.ts), each on an index; independent queries run at once.

export interface OverviewCards {
  revenue: Compared;
  conversions: Compared;
  clicks: Compared;
  conversionRate: { current: number | null; previous: number | null };
  commissionsPaid: Compared;
  commissionsOutstanding: Compared;
  commissionsPending: Compared;
  payouts: Compared;
}

export interface SeriesPoint {
  key: string;
  revenue: number;
  commissions: number;
  clicks: number;
  conversions: number;
}

export interface Overview {
  period: Period;
  currency: string;
  /** False for a brand-new program: nothing referred or clicked yet, ever. */
  hasActivity: boolean;
  cards: OverviewCards;
  /** All time, not the period: balances due now (= Payouts → Due now without a search). */
  owedNow: DueSummary;
  series: SeriesPoint[];
  topPartners: TopPartner[];
}

const rate = (conversions: number, clicks: number) => (clicks > 0 ? conversions / clicks : null);

export async function getOverview(db: Db, params: RangeParams, options: { now?: Date } = {}): Promise<Overview> {
  const now = options.now ?? new Date();
  // Statuses first: a commission whose hold ended a minute ago is outstanding, not pending.
  const [settings] = await Promise.all([getSettings(db), approveDueCommissions(db, now)]);
  const period = resolvePeriod(params, settings.timezone, now);
  const [bucketed, payouts, top, active, owedNow] = await Promise.all([
    bucketedFigures(db, period),
    payoutTotals(db, period),
    topPartners(db, period),
    hasActivity(db),
    dueTotal(db, { minPayout: settings.minPayout, now }),
  ]);
  const { series, cards } = assemble(bucketed);
  return {
    period,
    currency: settings.currency,
    hasActivity: active,
    cards: { ...cards, payouts },
    owedNow,
    series,
    topPartners: top,
  };
}

/** The chart points and the cards from the per-bucket sums: row b = 1 is the previous period. */
function assemble({ keys, orders, commissions, clicks }: Bucketed): { series: SeriesPoint[]; cards: Omit<OverviewCards, "payouts"> } {
  const keyOf = (b: number) => {
    const key = keys[b - 2];
    if (!key) throw new Error(`bucket ${b} is not one of the period's ${keys.length}`);
    return key;
  };
  const points = new Map<string, SeriesPoint>();
  const point = (b: number) => {
    const key = keyOf(b);
    let existing = points.get(key);
    if (!existing) points.set(key, (existing = { key, revenue: 0, commissions: 0, clicks: 0, conversions: 0 }));
    return existing;
  };
  const previous = { revenue: 0, conversions: 0, clicks: 0 };
  const byStatus = { current: new Map<string, number>(), previous: new Map<string, number>() };

  for (const row of orders) {
    const revenue = Number(row.revenue);
    const conversions = Number(row.conversions);
    if (row.b === 1) Object.assign(previous, { revenue, conversions });
    else Object.assign(point(row.b), { revenue, conversions });
  }
  for (const row of clicks) {
    if (row.b === 1) previous.clicks = Number(row.clicks);
    else point(row.b).clicks = Number(row.clicks);
  }
  for (const row of commissions) {
    const amount = Number(row.amount);
    const totals = row.b === 1 ? byStatus.previous : byStatus.current;
    totals.set(String(row.status), (totals.get(String(row.status)) ?? 0) + amount);
    if (row.b !== 1) point(row.b).commissions += amount;
  }

  const series = fillBuckets(keys, [...points.values()], { revenue: 0, commissions: 0, clicks: 0, conversions: 0 });
  const total = (field: "revenue" | "conversions" | "clicks") => series.reduce((sum, p) => sum + p[field], 0);
  const status = (name: string): Compared => ({ current: byStatus.current.get(name) ?? 0, previous: byStatus.previous.get(name) ?? 0 });
  const current = { revenue: total("revenue"), conversions: total("conversions"), clicks: total("clicks") };
  return {
    series,
    cards: {
      revenue: { current: current.revenue, previous: previous.revenue },
      conversions: { current: current.conversions, previous: previous.conversions },
      clicks: { current: current.clicks, previous: previous.clicks },
      conversionRate: { current: rate(current.conversions, current.clicks), previous: rate(previous.conversions, previous.clicks) },
      commissionsPaid: status("paid"),
      commissionsOutstanding: status("approved"),
      commissionsPending: status("pending"),
    },
  };
}
