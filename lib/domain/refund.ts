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
  commission: {
    originalAmount: number;
    amount: number;
    status: CommissionStatus;
    /** Sum of the adjustments already made for this commission (clawbacks, ≤ 0). */
    adjustments: number;
  } | null;
}

export type RefundEffect =
  /** Not paid yet: the commission takes the change; void once nothing is owed for a fully refunded order. */
  | { kind: "reduce"; reduction: number; newAmount: number; voided: boolean }
  /** Already paid: a negative adjustment for the next payout. */
  | { kind: "clawback"; adjustment: number }
  /** No commission, or a void one: nothing to change. */
  | { kind: "none" };

/**
 * After any sequence of refunds, payouts and voided payouts, what is accounted for a
 * commission (its amount, plus its adjustments) must equal its original amount less the
 * share reversed by everything refunded so far. A refund moves that account by the
 * difference: an unpaid commission absorbs it in its amount; a paid one, whose amount is
 * what the partner received, gets a negative adjustment instead. Deriving the change from
 * the target rather than from the last step keeps it right even after a payout was voided
 * once clawbacks had been made against it.
 */
export function refundEffect(input: RefundInput): RefundEffect {
  const { orderAmount, refundedBefore, refundAmount, commission } = input;
  if (refundAmount <= 0 || refundedBefore + refundAmount > orderAmount) {
    throw new RangeError("refund must be positive and at most what is left of the order");
  }
  if (!commission || commission.status === "void") return { kind: "none" };
  const refundedAfter = refundedBefore + refundAmount;
  const target = commission.originalAmount - reversedShare(commission.originalAmount, refundedAfter, orderAmount);
  const accounted = commission.amount + commission.adjustments;
  const change = target - accounted;
  if (commission.status === "paid") {
    return change < 0 ? { kind: "clawback", adjustment: change } : { kind: "none" };
  }
  const newAmount = Math.max(0, commission.amount + change);
  return { kind: "reduce", reduction: commission.amount - newAmount, newAmount, voided: refundedAfter === orderAmount && newAmount === 0 };
}
