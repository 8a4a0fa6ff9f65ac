import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { adjustments, commissionEvents, commissions, payouts } from "@/db/schema";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import type { PayoutMethod } from "@/lib/schemas/enums";
import type { Actor } from "./actor";

// The two halves of every payout, shared by "Pay", "Pay all due" and a PayPal batch marked
// paid: what a partner is due now (locked, so nothing moves until the transaction ends), and
// writing a payout for a fixed set of commissions and adjustments. The partner's row must be
// locked by the caller first, so two payouts for one partner queue up.

export interface DueSet {
  commissions: { id: string; amount: number }[];
  adjustments: { id: string; amount: number }[];
  /** Sum of both, minor units. */
  amount: number;
  /** Approved commissions and adjustments held by an open PayPal batch: due, but paid by that batch. */
  inBatches: number;
}

/**
 * What the next payout of this partner takes: approved commissions and adjustments in no
 * payout and no open PayPal batch, locked as they are read (a refund or status change that
 * commits first is seen with its new values, one that comes later waits).
 */
export async function lockDueSet(tx: Db, partnerId: string): Promise<DueSet> {
  const due = await tx
    .select({ id: commissions.id, amount: commissions.amount })
    .from(commissions)
    .where(and(eq(commissions.partnerId, partnerId), eq(commissions.status, "approved"), isNull(commissions.payoutId), isNull(commissions.batchId)))
    .for("update");
  const owed = await tx
    .select({ id: adjustments.id, amount: adjustments.amount })
    .from(adjustments)
    .where(and(eq(adjustments.partnerId, partnerId), isNull(adjustments.payoutId), isNull(adjustments.batchId)))
    .for("update");
  const [held] = await queryRows<{ total: string | number }>(
    tx,
    sql`select coalesce((select sum(amount) from commissions where partner_id = ${partnerId} and status = 'approved' and batch_id is not null), 0)
             + coalesce((select sum(amount) from adjustments where partner_id = ${partnerId} and batch_id is not null), 0) as total`,
  );
  const amount = due.reduce((s, c) => s + c.amount, 0) + owed.reduce((s, a) => s + a.amount, 0);
  return { commissions: due, adjustments: owed, amount, inBatches: Number(held?.total ?? 0) };
}

export interface PayoutRecord {
  partnerId: string;
  /** What was sent, minor units; equals the sum of the commissions and adjustments settled. */
  amount: number;
  currency: string;
  method: PayoutMethod;
  transactionId: string | null;
  note: string | null;
  commissions: { id: string; amount: number }[];
  adjustmentIds: string[];
}

/**
 * Writes the payout and marks exactly the given commissions paid (each with a history line)
 * and the given adjustments settled by it. The commissions must be approved and locked.
 */
export async function writePayout(tx: Db, actor: Actor, record: PayoutRecord, now: Date): Promise<string> {
  const payoutId = randomUUID();
  await tx.insert(payouts).values({
    id: payoutId,
    partnerId: record.partnerId,
    amount: record.amount,
    currency: record.currency,
    method: record.method,
    transactionId: record.transactionId,
    note: record.note,
    createdBy: actor.type === "admin" ? (actor.id ?? null) : null,
    createdAt: now,
  });
  const commissionIds = record.commissions.map((c) => c.id);
  if (commissionIds.length) {
    await tx.update(commissions).set({ status: "paid", payoutId, batchId: null, updatedAt: now }).where(inArray(commissions.id, commissionIds));
    await tx.insert(commissionEvents).values(
      record.commissions.map((c) => ({
        commissionId: c.id,
        fromStatus: "approved" as const,
        toStatus: "paid" as const,
        fromAmount: c.amount,
        toAmount: c.amount,
        reason: `paid in payout ${payoutId}`,
        actorType: actor.type,
        actorId: actor.id ?? null,
        createdAt: now,
      })),
    );
  }
  if (record.adjustmentIds.length) await tx.update(adjustments).set({ payoutId, batchId: null }).where(inArray(adjustments.id, record.adjustmentIds));
  return payoutId;
}
