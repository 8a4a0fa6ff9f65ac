import { formatMoney } from "@/lib/domain/money";
import { formatDate } from "./dates";

// What the portal's "Next payout" and "Pending" cards tell a partner about when they are paid.
// The program has no payout schedule (SPEC.md §2: the merchant pays one partner or every
// partner due, when they choose), so a balance at or above the minimum is "due" and goes in
// the merchant's next payout run; pending commissions become payable when their hold ends.

export interface BalanceFacts {
  balance: number;
  minPayout: number;
  currency: string;
}

export function balanceHint({ balance, minPayout, currency }: BalanceFacts): string {
  const money = (n: number) => formatMoney(n, currency);
  if (balance < 0) return "refunds after a payout exceed what is due; carried forward, never charged to you";
  if (balance === 0) return minPayout > 0 ? `nothing due yet; paid once your approved balance reaches ${money(minPayout)}` : "nothing due yet";
  if (balance < minPayout) return `approved; paid once it reaches ${money(minPayout)} (${money(minPayout - balance)} to go)`;
  return "due now: paid in the program's next payout run";
}

export interface PendingFacts {
  pending: number;
  nextPayableAt: Date | null;
  nextPayableAmount: number;
  currency: string;
  timezone: string;
  now?: Date;
}

export function pendingHint({ pending, nextPayableAt, nextPayableAmount, currency, timezone, now = new Date() }: PendingFacts): string {
  if (pending <= 0 || !nextPayableAt) return "inside the hold period, approved when it ends";
  const when = nextPayableAt.getTime() <= now.getTime() ? "now" : `on ${formatDate(nextPayableAt, timezone)}`;
  const amount = formatMoney(nextPayableAmount, currency);
  return nextPayableAmount === pending
    ? `inside the hold period; payable ${when}`
    : `inside the hold period; the first ${amount} becomes payable ${when}`;
}
