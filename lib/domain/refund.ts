import type { CommissionStatus } from "@/lib/schemas/enums";
import { mulDivRoundHalfUp } from "./money";

// How a refund changes a commission (SPEC.md §2 "Refunds"). The share of the commission
// reversed is computed on the cumulative refunded total, not per refund, so partial refunds
// that add up to the order total reverse exactly 100 % of it: no cent lost or invented.

/** How much of `commission` is reversed once `refunded` of `orderAmount` has been refunded. */
export function reversedShare(commission: number, refunded: number, orderAmount: number): number {
  if (orderAmount === 0) return 0;
  return mulDivRoundHalfUp(commission, refunded, orderAmount);
}

export interface RefundInput {
  orderAmount: number;
  refundedBefore: number;
  refundAmount: number;
  commission: { originalAmount: number; amount: number; status: CommissionStatus } | null;
}

export type RefundEffect =
  /** Not paid yet: the commission shrinks, and is void once the order is fully refunded. */
  | { kind: "reduce"; reduction: number; newAmount: number; voided: boolean }
  /** Already paid: a negative adjustment for the next payout. */
  | { kind: "clawback"; adjustment: number }
  /** No commission, or a void one: nothing to change. */
  | { kind: "none" };

export function refundEffect(input: RefundInput): RefundEffect {
  const { orderAmount, refundedBefore, refundAmount, commission } = input;
  if (refundAmount <= 0 || refundedBefore + refundAmount > orderAmount) {
    throw new RangeError("refund must be positive and at most what is left of the order");
  }
  if (!commission || commission.status === "void") return { kind: "none" };
  const refundedAfter = refundedBefore + refundAmount;
  const reversed = reversedShare(commission.originalAmount, refundedAfter, orderAmount) - reversedShare(commission.originalAmount, refundedBefore, orderAmount);
  if (commission.status === "paid") {
    return reversed > 0 ? { kind: "clawback", adjustment: -reversed } : { kind: "none" };
  }
  const newAmount = Math.max(0, commission.originalAmount - reversedShare(commission.originalAmount, refundedAfter, orderAmount));
  return { kind: "reduce", reduction: commission.amount - newAmount, newAmount, voided: refundedAfter === orderAmount };
}
