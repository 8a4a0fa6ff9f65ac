import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { adjustments, commissionEvents, commissions, orders, refunds } from "@/db/schema";
import type { Db } from "@/db/types";
import { refundEffect } from "@/lib/domain/refund";
import { requestHash } from "@/lib/domain/request-hash";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CommissionStatus } from "@/lib/schemas/enums";
import type { RefundBody } from "@/lib/schemas/tracking";
import type { Actor } from "../actor";
import { DuplicateRequest, replay } from "./replay";

// POST /api/track/refund. Before payout a refund shrinks the commission in proportion
// (void when the order is fully refunded); after payout it adds a negative adjustment for
// the next payout. The order row is locked, so refunds of one order apply one at a time,
// and `refundId` makes a retried refund count once.

export interface RefundResponse {
  orderId: string;
  refundId: string | null;
  refunded: number;
  refundedTotal: number;
  commission: { id: string; amount: number; status: CommissionStatus } | null;
  adjustment?: { id: string; amount: number };
}

export async function recordRefund(db: Db, body: RefundBody, options: { actor: Actor; now?: Date }): Promise<{ created: boolean; body: RefundResponse }> {
  const now = options.now ?? new Date();
  const hash = requestHash(body);
  if (body.refundId) {
    const [seen] = await db.select({ requestHash: refunds.requestHash, response: refunds.response }).from(refunds).where(eq(refunds.externalId, body.refundId));
    if (seen) return replay<RefundResponse>(seen, hash, `Refund ${body.refundId}`);
  }

  try {
    return await db.transaction(async (tx) => {
      const [order] = await tx.select().from(orders).where(eq(orders.externalId, body.orderId)).for("update");
      if (!order) throw new NotFoundError(`No order with orderId ${body.orderId}.`, "unknown_order");
      // A retry that raced the first attempt waited for this lock and now sees the order
      // already refunded: it is a repeat, not a refund of what is left (which would be a 422).
      if (body.refundId) {
        const [taken] = await tx.select({ id: refunds.id }).from(refunds).where(eq(refunds.externalId, body.refundId));
        if (taken) throw new DuplicateRequest();
      }
      const left = order.amount - order.refundedAmount;
      const amount = body.amount ?? left;
      if (amount <= 0 || amount > left) {
        const message = left === 0 ? "This order is already fully refunded." : `At most ${left} (minor units) is left to refund on this order.`;
        throw new InvalidError(message, [{ field: "amount", message }], "refund_exceeds_order");
      }
      const [commission] = await tx.select().from(commissions).where(eq(commissions.orderId, order.id)).for("update");
      // Clawbacks already made for this commission (refunds of one order are serialised by
      // the order lock above, so the sum cannot change under us).
      const [adjusted] = commission
        ? await tx.select({ total: sql<string>`coalesce(sum(${adjustments.amount}), 0)` }).from(adjustments).where(eq(adjustments.commissionId, commission.id))
        : [];
      const effect = refundEffect({
        orderAmount: order.amount,
        refundedBefore: order.refundedAmount,
        refundAmount: amount,
        commission: commission ? { ...commission, adjustments: Number(adjusted?.total ?? 0) } : null,
      });

      const refundRowId = randomUUID();
      const response: RefundResponse = {
        orderId: order.externalId,
        refundId: body.refundId ?? null,
        refunded: amount,
        refundedTotal: order.refundedAmount + amount,
        commission: commission ? { id: commission.id, amount: commission.amount, status: commission.status } : null,
      };
      let reduction = 0;
      let adjustmentId: string | null = null;
      if (commission && effect.kind === "reduce") {
        reduction = effect.reduction;
        response.commission = { id: commission.id, amount: effect.newAmount, status: effect.voided ? "void" : commission.status };
      } else if (commission && effect.kind === "clawback") {
        reduction = -effect.adjustment;
        adjustmentId = randomUUID();
        response.adjustment = { id: adjustmentId, amount: effect.adjustment };
      }

      const inserted = await tx
        .insert(refunds)
        .values({ id: refundRowId, orderId: order.id, externalId: body.refundId ?? null, amount, commissionReduction: reduction, requestHash: hash, response: response as unknown as Record<string, unknown>, createdAt: now })
        .onConflictDoNothing({ target: refunds.externalId })
        .returning({ id: refunds.id });
      if (!inserted.length) throw new DuplicateRequest();
      await tx.update(orders).set({ refundedAmount: order.refundedAmount + amount }).where(eq(orders.id, order.id));

      if (commission && effect.kind === "reduce" && (effect.reduction > 0 || effect.voided)) {
        const status = response.commission!.status;
        await tx
          .update(commissions)
          .set({ amount: effect.newAmount, status, voidReason: effect.voided ? "refunded" : commission.voidReason, updatedAt: now })
          .where(eq(commissions.id, commission.id));
        await tx.insert(commissionEvents).values({
          commissionId: commission.id,
          fromStatus: commission.status,
          toStatus: status,
          fromAmount: commission.amount,
          toAmount: effect.newAmount,
          reason: effect.voided ? `order fully refunded (refund of ${amount})` : `refund of ${amount}`,
          actorType: options.actor.type,
          actorId: options.actor.id ?? null,
          createdAt: now,
        });
      } else if (commission && effect.kind === "clawback") {
        await tx.insert(adjustments).values({
          id: adjustmentId!,
          partnerId: commission.partnerId,
          commissionId: commission.id,
          refundId: refundRowId,
          amount: effect.adjustment,
          currency: commission.currency,
          reason: `refund of ${amount} on order ${order.externalId} after payout`,
          createdAt: now,
        });
        await tx.insert(commissionEvents).values({
          commissionId: commission.id,
          fromStatus: commission.status,
          toStatus: commission.status,
          fromAmount: commission.amount,
          toAmount: commission.amount,
          reason: `refund of ${amount} after payout: ${-effect.adjustment} clawed back from the next payout`,
          actorType: options.actor.type,
          actorId: options.actor.id ?? null,
          createdAt: now,
        });
      }
      return { created: true, body: response };
    });
  } catch (error) {
    if (!(error instanceof DuplicateRequest)) throw error;
    const [winner] = await db.select({ requestHash: refunds.requestHash, response: refunds.response }).from(refunds).where(eq(refunds.externalId, body.refundId!));
    return replay<RefundResponse>(winner!, hash, `Refund ${body.refundId}`);
  }
}
