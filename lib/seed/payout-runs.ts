import type { PayoutMethod } from "@/lib/schemas/enums";
import type { PartnerPlan } from "./partners";
import type { Rng } from "./random";
import { DAY_MS, type OrderPlan } from "./seed-events";

// When the seeded programs pay their partners, and the transaction ids their payments get:
// shared by the demo seed and `db seed --scale large`, so both keep the same calendar.

/** The 5th of every month after `start` and before `end` (epoch ms), at 09:00 UTC. */
export function monthlyPayoutRuns(start: number, end: number): number[] {
  const runs: number[] = [];
  const first = new Date(start);
  for (let m = 1; ; m++) {
    const at = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 5, 9);
    if (at >= end) return runs;
    runs.push(at);
  }
}

/** A transaction id in the shape the payment method's own statements use. */
export function payoutTransactionId(rng: Rng, method: PayoutMethod): string {
  if (method === "paypal") return `PAYID-${rng.token(24, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}`;
  if (method === "stripe") return `tr_${rng.token(24)}`;
  if (method === "bank_transfer") return `SEPA-${rng.token(12, "0123456789")}`;
  return `CREDIT-${rng.token(8, "0123456789")}`;
}

/**
 * The order the demo refunds after a payout run paid its commission, so it shows a clawback
 * (a negative adjustment for the partner's next payout), and when: two days after the latest
 * run with room for it. The order is the largest one of the partner who earned most in what
 * that run paid, so the partner is surely over the minimum payout.
 */
export function clawbackOrder(
  orders: OrderPlan[],
  refunded: Set<OrderPlan>,
  runs: number[],
  window: { holdDays: number; start: number; end: number },
): { order: OrderPlan; at: number } | undefined {
  const hold = (window.holdDays + 1) * DAY_MS;
  for (let i = runs.length - 1; i >= 0; i--) {
    const at = runs[i]! + 2 * DAY_MS;
    if (at > window.end - 60_000) continue;
    const paidFrom = i > 0 ? runs[i - 1]! - hold : window.start;
    const paid = orders.filter((o) => {
      const t = o.at.getTime();
      return o.viaPartner?.payoutMethod && !o.isUpgrade && !refunded.has(o) && t >= paidFrom && t < runs[i]! - hold;
    });
    const revenue = new Map<PartnerPlan, number>();
    for (const o of paid) revenue.set(o.viaPartner!, (revenue.get(o.viaPartner!) ?? 0) + o.amount);
    const top = [...revenue].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (!top) continue;
    return { order: paid.filter((o) => o.viaPartner === top).sort((a, b) => b.amount - a.amount)[0]!, at };
  }
  return undefined;
}
