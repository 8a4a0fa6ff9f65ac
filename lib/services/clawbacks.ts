import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { adjustments } from "@/db/schema";

/**
 * The clawbacks against a commission, minor units (zero or negative). A refund after the
 * commission was paid leaves the commission as paid and adds a negative adjustment instead,
 * netted against the partner's next payout; what the commission finally earned is its amount
 * plus these. adjustments_commission_idx makes it one index lookup per commission.
 */
export function clawbacksOf(commissionId: AnyPgColumn | SQL): SQL<number> {
  return sql<number>`coalesce((select sum(${adjustments.amount}) from ${adjustments} where ${adjustments.commissionId} = ${commissionId}), 0)`;
}

/** What a commission row of netCommissionRows can carry besides its amount. */
type CommissionKey = "created_at" | "partner_id" | "status";

/**
 * A derived table `(…keys, amount)` whose amounts add up to the commissions (not void)
 * matching `filter`, net of their clawbacks: one row per commission, then one per clawback
 * against such a commission carrying that commission's keys, so a sum grouped by them nets
 * each clawback where its commission counts. `filter` speaks of the commission as `c`. Ask
 * for the keys a covering index holds (commissions_status_created_idx: status, created_at;
 * commissions_partner_status_idx: partner_id too) and the commission rows are read off it
 * alone, as before; the clawback rows start from adjustments, few next to commissions.
 */
export function netCommissionRows(keys: CommissionKey[], filter: SQL): SQL {
  const columns = sql.raw(keys.map((k) => `c.${k}, `).join(""));
  return sql`(select ${columns}c.amount
                from commissions c where c.status in ('pending', 'approved', 'paid') and ${filter}
              union all
              select ${columns}a.amount
                from adjustments a join commissions c on c.id = a.commission_id
               where c.status in ('pending', 'approved', 'paid') and ${filter})`;
}
