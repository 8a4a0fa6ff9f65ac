import "server-only";
import { inArray } from "drizzle-orm";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { formatMoney } from "@/lib/domain/money";
import { AppError, InvalidError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/schemas/issues";
import { bulkPaySchema, type BulkPayResult } from "@/lib/schemas/payout-bulk";
import type { Actor } from "./actor";
import { createPayout } from "./payouts";
import { getSettings } from "./settings";

// "Pay all due" (SPEC.md §2 "Payouts": every partner due at once). The run pays the partners
// and amounts the merchant was shown; each goes through createPayout with that amount, so
// each payout is its own transaction with the partner's row locked: one partner's problem
// never undoes another's payout, a partner paid meanwhile (another tab, the API) is skipped
// as "nothing due" instead of paid twice, and one whose balance moved since is skipped as
// "balance changed since you looked" instead of being paid a sum nobody sent.

/** Why createPayout refused a partner, in a few words for the result line. */
function skipReason(error: unknown, currency: string): string {
  if (!(error instanceof AppError)) throw error;
  if (error.code === "balance_changed") {
    const now = Number(error.details?.[0]?.message.replace(/^Due now: /, ""));
    return `balance changed since you looked${Number.isFinite(now) ? ` (now ${formatMoney(now, currency)})` : ""}`;
  }
  if (error.code === "nothing_due") return /below the minimum/.test(error.message) ? "below the minimum payout" : /PayPal batch/.test(error.message) ? "in an open PayPal batch" : "nothing due";
  if (error.code === "unknown_partner") return "no such partner";
  const field = error.details?.[0]?.field;
  if (field === "method") return "no payout method set";
  if (field === "transactionId") return "transaction id required";
  return error.message;
}

export async function payAllDue(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<BulkPayResult> {
  const parsed = bulkPaySchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some fields are missing or invalid.", toFieldIssues(parsed.error));
  const { reference, note } = parsed.data;
  const settings = await getSettings(db);

  // One payment per partner: a partner listed twice is paid once, for the first amount.
  const seen = new Set<string>();
  const payments = parsed.data.payments.filter((p) => !seen.has(p.partnerId) && !!seen.add(p.partnerId));
  const rows = await db.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, payments.map((p) => p.partnerId)));
  const names = new Map(rows.map((r) => [r.id, r.name]));

  const result: BulkPayResult = { paid: [], total: 0, currency: settings.currency, skipped: [] };
  for (const payment of payments) {
    const partnerName = names.get(payment.partnerId) ?? payment.partnerId;
    try {
      // No method given: each partner is paid by their own payout method.
      const payout = await createPayout(db, actor, { partnerId: payment.partnerId, amount: payment.amount, transactionId: reference, note }, now);
      result.paid.push({ partnerId: payment.partnerId, partnerName, payoutId: payout.id, amount: payout.amount });
      result.total += payout.amount;
    } catch (error) {
      result.skipped.push({ partnerId: payment.partnerId, partnerName, reason: skipReason(error, settings.currency) });
    }
  }
  return result;
}
