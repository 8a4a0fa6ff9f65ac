import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { adjustments, commissions } from "@/db/schema";
import type { Db } from "@/db/types";
import { approveDueCommissions } from "../commissions-hold";

// What a partner has earned, as their portal shows it. Every figure is the one the merchant
// sees for the same partner (lib/services/partner-detail.ts partnerKpis, balances.ts):
//   paid        commissions paid (in a payout or marked paid by hand), all time
//   approved    approved commissions not in a payout yet
//   adjustments clawbacks (refunds after payout) not netted against a payout yet; negative
//   balance     approved + adjustments: what the next payout takes; below zero it carries
//               forward and is never charged to the partner (SPEC.md §2 "Refunds")
//   pending     commissions still inside the hold period

export interface PortalEarnings {
  paid: number;
  approved: number;
  adjustments: number;
  balance: number;
  pending: number;
}

export async function portalEarnings(db: Db, partnerId: string, options: { now?: Date } = {}): Promise<PortalEarnings> {
  // A commission whose hold ended a minute ago is payable, not pending.
  await approveDueCommissions(db, options.now);
  const [[byStatus], [owed]] = await Promise.all([
    db
      .select({
        paid: sql<string>`coalesce(sum(${commissions.amount}) filter (where ${commissions.status} = 'paid'), 0)`,
        approved: sql<string>`coalesce(sum(${commissions.amount}) filter (where ${commissions.status} = 'approved' and ${commissions.payoutId} is null), 0)`,
        pending: sql<string>`coalesce(sum(${commissions.amount}) filter (where ${commissions.status} = 'pending'), 0)`,
      })
      .from(commissions)
      .where(eq(commissions.partnerId, partnerId)),
    db
      .select({ total: sql<string>`coalesce(sum(${adjustments.amount}), 0)` })
      .from(adjustments)
      .where(and(eq(adjustments.partnerId, partnerId), isNull(adjustments.payoutId))),
  ]);
  const approved = Number(byStatus?.approved ?? 0);
  const adjustmentTotal = Number(owed?.total ?? 0);
  return {
    paid: Number(byStatus?.paid ?? 0),
    approved,
    adjustments: adjustmentTotal,
    balance: approved + adjustmentTotal,
    pending: Number(byStatus?.pending ?? 0),
  };
}
