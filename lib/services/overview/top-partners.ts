import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { timestamptz } from "@/db/sql-helpers";
import type { Db } from "@/db/types";
import type { Period } from "@/lib/domain/date-range";
import { clawbackRows } from "../clawbacks";

export interface TopPartner {
  id: string;
  name: string;
  conversions: number;
  /** Net of refunds, attributed orders created in the period. */
  revenue: number;
  /** Commissions (not void) created in the period, sales and leads alike, net of their clawbacks. */
  commission: number;
}

export const TOP_PARTNERS = 10;

/** The partners who brought the most revenue in the period; ties by conversions, then id. */
export async function topPartners(db: Db, p: Pick<Period, "start" | "end">, limit = TOP_PARTNERS): Promise<TopPartner[]> {
  const from = timestamptz(p.start);
  const to = timestamptz(p.end);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with top as (
          select partner_id, count(*)::int as conversions, sum(amount - refunded_amount)::bigint as revenue
            from orders
           where partner_id is not null and created_at >= ${from} and created_at < ${to}
           group by partner_id
           order by revenue desc, conversions desc, partner_id
           limit ${limit}
        ),
        -- the clawbacks against those partners' commissions of the period (negative)
        clawed as (
          select n.partner_id, sum(n.amount)::bigint as amount
            from ${clawbackRows(["partner_id"], sql`c.partner_id in (select partner_id from top) and c.created_at >= ${from} and c.created_at < ${to}`)} n
           group by n.partner_id
        )
        select top.partner_id as id, partners.name, top.conversions, top.revenue,
               (select coalesce(sum(c.amount), 0)::bigint from commissions c
                 where c.partner_id = top.partner_id and c.status in ('pending', 'approved', 'paid')
                   and c.created_at >= ${from} and c.created_at < ${to}) + coalesce(clawed.amount, 0) as commission
          from top join partners on partners.id = top.partner_id left join clawed on clawed.partner_id = top.partner_id
         order by top.revenue desc, top.conversions desc, top.partner_id`,
  );
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), conversions: Number(r.conversions), revenue: Number(r.revenue), commission: Number(r.commission) }));
}
