import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { adjustments } from "@/db/schema";
import type { Db } from "@/db/types";

/**
 * The clawbacks against a commission, minor units (zero or negative). A refund after the
 * commission was paid leaves the commission as paid and adds a negative adjustment instead,
 * netted against the partner's next payout; what the commission finally earned is its amount
 * plus these. adjustments_commission_idx makes it one index lookup per commission.
 */
export function clawbacksOf(commissionId: AnyPgColumn | SQL): SQL<number> {
  return sql<number>`coalesce((select sum(${adjustments.amount}) from ${adjustments} where ${adjustments.commissionId} = ${commissionId}), 0)`;
}

/** Sum of every adjustment made against one commission (paid or not), minor units. */
export async function adjustmentTotal(tx: Db, commissionId: string): Promise<number> {
  const [row] = await tx.select({ total: sql<string>`coalesce(sum(${adjustments.amount}), 0)` }).from(adjustments).where(eq(adjustments.commissionId, commissionId));
  return Number(row?.total ?? 0);
}

/**
 * Brings the adjustments against a commission to `target` with one new row (money rows are
 * never edited): 0 for a commission the partner was never paid for (its clawbacks are
 * reversed), minus its amount for one voided after it was paid (what the partner kept is
 * clawed back). The caller holds the commission's row lock, so the sum cannot move under it.
 * Returns the new adjustment, or null when the sum is already right.
 */
export async function settleAdjustments(
  tx: Db,
  commission: { id: string; partnerId: string; currency: string },
  target: number,
  reason: string,
  now: Date,
): Promise<{ id: string; amount: number } | null> {
  const amount = target - (await adjustmentTotal(tx, commission.id));
  if (amount === 0) return null;
  const id = randomUUID();
  await tx.insert(adjustments).values({ id, partnerId: commission.partnerId, commissionId: commission.id, amount, currency: commission.currency, reason, createdAt: now });
  return { id, amount };
}

/** What a clawback row of clawbackRows carries of its commission. */
type CommissionKey = "created_at" | "partner_id" | "status";

/**
 * A derived table `(…keys, amount)`: one row per clawback against a commission (not void)
 * matching `filter`, carrying that commission's keys. Added to the sums of the same
 * commissions grouped by the same keys, it nets each clawback where its commission counts
 * (the Overview, the portal's activity). `filter` speaks of the commission as `c`.
 *
 * The rows start from adjustments (few next to commissions) and look up each one's
 * commission by id: `offset 0` keeps the planner from turning that around into a scan of the
 * period's commissions (171 ms against ~1 ms for a year of the large seed's top partners).
 * The commission sums themselves stay as they were, read off the covering indexes alone.
 */
export function clawbackRows(keys: CommissionKey[], filter: SQL): SQL {
  const columns = sql.raw(keys.map((k) => `c.${k}, `).join(""));
  return sql`(select ${columns}a.amount
                from adjustments a
                cross join lateral (select created_at, partner_id, status from commissions where id = a.commission_id offset 0) c
               where a.commission_id is not null and c.status in ('pending', 'approved', 'paid') and ${filter})`;
}
