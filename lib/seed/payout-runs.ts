import type { PayoutMethod } from "@/lib/schemas/enums";
import type { Rng } from "./random";

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
