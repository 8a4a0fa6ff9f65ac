import "server-only";
import { toDecimalString } from "@/lib/domain/money";
import type { PayoutMethod } from "@/lib/schemas/enums";
import { PAYOUT_METHOD_LABELS } from "@/lib/schemas/payout-lists";

// The PayPal Payouts mass-payment file (PayPal's "Payouts" CSV upload): no header row, one
// line per recipient with
//   recipient email, amount ("12.50", major units), currency, unique id (≤ 30 chars), note, PAYPAL
// A file is always a recorded batch (payout-batches.ts): its lines are stored when it is
// made, so downloading it again gives the same file, and marking it paid records exactly it.

export type PaypalLine = [email: string, amount: string, currency: string, uniqueId: string, note: string, wallet: "PAYPAL"];

/**
 * The recipient's id in PayPal's file: the referral code when it fits PayPal's 30
 * characters (what the merchant knows the partner by), else the partner id's first 30 hex
 * digits (120 bits, unique in practice).
 */
export function paypalUniqueId(partner: { id: string; referralCode: string }): string {
  return partner.referralCode.length <= 30 ? partner.referralCode : partner.id.replaceAll("-", "").slice(0, 30);
}

/** Why a partner cannot be in a PayPal file, or null when they can (given what they are due). */
export function paypalSkipReason(partner: { method: PayoutMethod | null; email: string | undefined }, due: { amount: number; inBatches: number }, minPayout: number): string | null {
  if (partner.method !== "paypal") return partner.method ? `paid by ${PAYOUT_METHOD_LABELS[partner.method].toLowerCase()}` : "no payout method set";
  if (!partner.email) return "no PayPal email";
  if (due.amount <= 0) return due.inBatches > 0 ? "already in an open PayPal batch" : "nothing due";
  if (due.amount < minPayout) return "below the minimum payout";
  return null;
}

/** The file's lines, from a batch's stored rows. */
export function paypalLines(batch: { currency: string; note: string }, items: { email: string; amount: number; uniqueId: string }[]): PaypalLine[] {
  return items.map((i) => [i.email, toDecimalString(i.amount, batch.currency), batch.currency, i.uniqueId, batch.note, "PAYPAL"]);
}
