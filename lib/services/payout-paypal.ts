import "server-only";
import { inArray } from "drizzle-orm";
import { partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { toDecimalString } from "@/lib/domain/money";
import { PAYOUT_METHOD_LABELS } from "@/lib/schemas/payout-lists";
import { partnerBalances } from "./balances";
import { approveDueCommissions } from "./commissions-hold";

// The PayPal Payouts mass-payment file for the selected partners (PayPal's "Payouts" CSV
// upload): no header row, one line per recipient with
//   recipient email, amount ("12.50", major units), currency, unique id (≤ 30 chars), note, PAYPAL
// Only partners paid by PayPal, with a PayPal email, and due (balance positive and at least
// the minimum) get a line; each of the others is named with why it was left out. The file
// records nothing: the payouts are recorded after PayPal has sent the money (Pay all due,
// with PayPal's batch id as the reference).

export type PaypalLine = [email: string, amount: string, currency: string, uniqueId: string, note: string, wallet: "PAYPAL"];

export interface PaypalExport {
  lines: PaypalLine[];
  skipped: { partnerId: string; partnerName: string; reason: string }[];
}

/**
 * The recipient's id in PayPal's file: the referral code when it fits PayPal's 30
 * characters (what the merchant knows the partner by), else the partner id's first 30 hex
 * digits (120 bits, unique in practice).
 */
export function paypalUniqueId(partner: { id: string; referralCode: string }): string {
  return partner.referralCode.length <= 30 ? partner.referralCode : partner.id.replaceAll("-", "").slice(0, 30);
}

export async function paypalMassPay(
  db: Db,
  partnerIds: string[],
  options: { currency: string; minPayout: number; note: string; now?: Date },
): Promise<PaypalExport> {
  await approveDueCommissions(db, options.now);
  const ids = [...new Set(partnerIds)];
  const [rows, balances] = await Promise.all([
    ids.length
      ? db
          .select({ id: partners.id, name: partners.name, referralCode: partners.referralCode, method: partners.payoutMethod, details: partners.payoutDetails })
          .from(partners)
          .where(inArray(partners.id, ids))
      : [],
    partnerBalances(db, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result: PaypalExport = { lines: [], skipped: [] };
  for (const id of ids) {
    const p = byId.get(id);
    if (!p) {
      result.skipped.push({ partnerId: id, partnerName: id, reason: "no such partner" });
      continue;
    }
    const balance = balances.get(id)?.balance ?? 0;
    const email = p.method === "paypal" ? p.details.email?.trim() : undefined;
    const reason =
      p.method !== "paypal"
        ? p.method
          ? `paid by ${PAYOUT_METHOD_LABELS[p.method].toLowerCase()}`
          : "no payout method set"
        : !email
          ? "no PayPal email"
          : balance <= 0
            ? "nothing due"
            : balance < options.minPayout
              ? "below the minimum payout"
              : null;
    if (reason) result.skipped.push({ partnerId: id, partnerName: p.name, reason });
    else result.lines.push([email!, toDecimalString(balance, options.currency), options.currency, paypalUniqueId(p), options.note, "PAYPAL"]);
  }
  return result;
}
