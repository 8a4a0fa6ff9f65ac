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
