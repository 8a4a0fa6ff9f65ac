import "server-only";
import { inArray } from "drizzle-orm";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { AppError, InvalidError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/schemas/issues";
import { bulkPaySchema, type BulkPayResult } from "@/lib/schemas/payout-bulk";
import type { Actor } from "./actor";
import { allDuePartners } from "./payout-due";
import { createPayout } from "./payouts";
import { getSettings } from "./settings";

// "Pay all due" (SPEC.md §2 "Payouts": every partner due at once). Each partner goes through
// createPayout on its own, so each payout is its own transaction with the partner's row
// locked: one partner's problem never undoes another's payout, and a partner paid meanwhile
// (another tab, the API) is skipped as "nothing due" instead of paid twice.

/** Why createPayout refused a partner, in a few words for the result line. */
function skipReason(error: unknown): string {
  if (!(error instanceof AppError)) throw error;
  if (error.code === "nothing_due") return /below the minimum/.test(error.message) ? "below the minimum payout" : "nothing due";
  if (error.code === "unknown_partner") return "no such partner";
  const field = error.details?.[0]?.field;
  if (field === "method") return "no payout method set";
  if (field === "transactionId") return "transaction id required";
  return error.message;
}

export async function payAllDue(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<BulkPayResult> {
  const parsed = bulkPaySchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some fields are missing or invalid.", toFieldIssues(parsed.error));
  const { scope, reference, note, q, method } = parsed.data;
  const settings = await getSettings(db);

  let targets: { id: string; name: string }[];
  if (scope === "all") {
    const due = await allDuePartners(db, { q: q ?? "", method, sort: "partner", dir: "asc" }, { minPayout: settings.minPayout, now });
    targets = due.map((d) => ({ id: d.partnerId, name: d.name }));
  } else {
    const ids = [...new Set(parsed.data.partnerIds)];
    const rows = await db.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, ids));
    const names = new Map(rows.map((r) => [r.id, r.name]));
    targets = ids.map((id) => ({ id, name: names.get(id) ?? id }));
  }

  const result: BulkPayResult = { paid: [], total: 0, currency: settings.currency, skipped: [] };
  for (const target of targets) {
    try {
      // No method given: each partner is paid by their own payout method.
      const payout = await createPayout(db, actor, { partnerId: target.id, transactionId: reference, note }, now);
      result.paid.push({ partnerId: target.id, partnerName: target.name, payoutId: payout.id, amount: payout.amount });
      result.total += payout.amount;
    } catch (error) {
      result.skipped.push({ partnerId: target.id, partnerName: target.name, reason: skipReason(error) });
    }
  }
  return result;
}
