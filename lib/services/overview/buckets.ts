import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import { bucketThresholds, type Period } from "@/lib/domain/date-range";
import { clawbackRows } from "../clawbacks";

// The Overview's figures per chart bucket and for the previous period, one scan per table:
// SQL sums the rows of [previousStart, end) into width_bucket(created_at, thresholds), where
// bucket 1 is the previous period and 2, 3… are the period's buckets (see bucketThresholds).
// The cards then add up those few hundred sums at most.

type Bounds = Pick<Period, "start" | "end" | "previousStart" | "bucket" | "timeZone">;

/** An array of instants as one parameter (postgres.js does not serialise Date objects in raw SQL). */
export function timestamptzArray(dates: Date[]): SQL {
  return sql`${`{${dates.map((d) => d.toISOString()).join(",")}}`}::timestamptz[]`;
}

export interface BucketRow {
  /** 1 = previous period; n ≥ 2 = the period's bucket keys[n − 2]. */
  b: number;
  [column: string]: unknown;
}

export interface Bucketed {
  keys: string[];
  orders: BucketRow[];
  /** (b, status, amount): commission sums, then clawback sums (negative) to add to them. */
  commissions: BucketRow[];
  clicks: BucketRow[];
}

export async function bucketedFigures(db: Db, p: Bounds): Promise<Bucketed> {
  const { thresholds, keys } = bucketThresholds(p);
  const from = timestamptz(p.previousStart);
  const to = timestamptz(p.end);
  const bucket = (column: SQL) => sql`width_bucket(${column}, ${timestamptzArray(thresholds)})::int`;
  const commissionsIn = sql`c.created_at >= ${from} and c.created_at < ${to}`;
  const [orders, commissions, clawbacks, clicks] = await Promise.all([
    // attributed orders: revenue net of refunds, and how many
    queryRows<BucketRow>(
      db,
      sql`select ${bucket(sql`created_at`)} as b, sum(amount - refunded_amount)::bigint as revenue, count(*)::int as conversions
            from orders
           where partner_id is not null and created_at >= ${from} and created_at < ${to}
           group by 1`,
    ),
    // commissions by status now; void ones left out
    queryRows<BucketRow>(
      db,
      sql`select ${bucket(sql`c.created_at`)} as b, c.status, sum(c.amount)::bigint as amount
            from commissions c
           where c.status in ('pending', 'approved', 'paid') and ${commissionsIn}
           group by 1, 2`,
    ),
    // and the clawbacks against them, by the same bucket and status (negative amounts)
    queryRows<BucketRow>(
      db,
      sql`select ${bucket(sql`n.created_at`)} as b, n.status, sum(n.amount)::bigint as amount
            from ${clawbackRows(["created_at", "status"], commissionsIn)} n
           group by 1, 2`,
    ),
    // counted clicks, from the quarter-hour counters: every threshold is a quarter hour, so
    // each counter lies wholly inside one bucket
    queryRows<BucketRow>(
      db,
      sql`select ${bucket(sql`bucket`)} as b, sum(clicks)::bigint as clicks
            from click_quarter_hours
           where bucket >= ${from} and bucket < ${to}
           group by 1`,
    ),
  ]);
  // the clawback rows after the commission rows: the sums add them up, netting each clawback
  return { keys, orders, commissions: [...commissions, ...clawbacks], clicks };
}
