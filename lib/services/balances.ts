import "server-only";
import { and, inArray, isNull, sql } from "drizzle-orm";
import { adjustments, commissions } from "@/db/schema";
import type { Db } from "@/db/types";

// A partner's balance is what the next payout would take (SPEC.md §2 "Payouts"): approved
// commissions not in a payout, plus adjustments (clawbacks) not in a payout. A commission
// marked paid by hand is `paid`, so it is not in the balance even without a payout. Pending
// commissions are shown beside it and never in it. Call approveDueCommissions first so
// commissions past their hold period count as approved.

export interface PartnerBalance {
  /** Minor units; negative when clawbacks exceed what is approved (carried forward). */
  balance: number;
  /** Pending commissions (inside the hold period), minor units. */
  pending: number;
}

/** Balance and pending amount of each partner asked for (zero for a partner with nothing). */
export async function partnerBalances(db: Db, partnerIds: string[]): Promise<Map<string, PartnerBalance>> {
  const ids = [...new Set(partnerIds)];
  const result = new Map<string, PartnerBalance>(ids.map((id) => [id, { balance: 0, pending: 0 }]));
  if (!ids.length) return result;

  const [commissionRows, adjustmentRows] = await Promise.all([
    db
      .select({
        partnerId: commissions.partnerId,
        approved: sql<string>`coalesce(sum(${commissions.amount}) filter (where ${commissions.status} = 'approved' and ${commissions.payoutId} is null), 0)`,
        pending: sql<string>`coalesce(sum(${commissions.amount}) filter (where ${commissions.status} = 'pending'), 0)`,
      })
      .from(commissions)
      .where(and(inArray(commissions.partnerId, ids), inArray(commissions.status, ["approved", "pending"])))
      .groupBy(commissions.partnerId),
    db
      .select({ partnerId: adjustments.partnerId, total: sql<string>`coalesce(sum(${adjustments.amount}), 0)` })
      .from(adjustments)
      .where(and(inArray(adjustments.partnerId, ids), isNull(adjustments.payoutId)))
      .groupBy(adjustments.partnerId),
  ]);
  for (const r of commissionRows) {
    const entry = result.get(r.partnerId)!;
    entry.balance += Number(r.approved);
    entry.pending += Number(r.pending);
  }
  for (const r of adjustmentRows) result.get(r.partnerId)!.balance += Number(r.total);
  return result;
}

/** One partner's balance. */
export async function partnerBalance(db: Db, partnerId: string): Promise<PartnerBalance> {
  return (await partnerBalances(db, [partnerId])).get(partnerId)!;
}
