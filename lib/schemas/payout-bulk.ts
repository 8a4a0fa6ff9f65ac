import { z } from "zod";
import { formatMoney } from "@/lib/domain/money";
import { DUE_METHOD_FILTERS } from "./payout-lists";

// "Pay all due": one payout per partner, each for exactly the amount the merchant saw (the
// selected rows of the Due list, or the list "Pay all due" showed in its dialog). A partner
// whose balance moved since is skipped, never paid a different amount. Each partner is paid
// by their own payout method. One payment run leaves one reference (a bank batch number, a
// PayPal batch id), so a batch reference is required and recorded as the transaction id of
// every payout of the run: PayPal, bank transfer and Stripe payouts cannot be recorded
// without one, and "other" payouts keep it for reconciliation too.

export const MAX_BULK_PAYMENTS = 2000;

/** "Pay all due" shows whom it would pay for the Due list's search and method filter. */
export const payAllPreviewSchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  method: z.enum(DUE_METHOD_FILTERS).optional().catch(undefined),
});

export const bulkPaySchema = z
  .object({
    payments: z
      .array(
        z.object({
          partnerId: z.uuid({ error: "No partner with this id." }),
          amount: z.number().int().positive({ error: "Expected a positive amount." }).max(Number.MAX_SAFE_INTEGER),
        }),
        { error: "Select at least one partner." },
      )
      .min(1, { error: "Select at least one partner." })
      .max(MAX_BULK_PAYMENTS, { error: `At most ${MAX_BULK_PAYMENTS} partners at once.` }),
    reference: z
      .string({ error: "Enter the batch reference of this payment run." })
      .trim()
      .min(1, { error: "Enter the batch reference of this payment run (e.g. the bank batch number)." })
      .max(200, { error: "At most 200 characters." }),
    note: z
      .string()
      .trim()
      .max(1000, { error: "At most 1000 characters." })
      .optional()
      .transform((s) => s || undefined),
  })
  .strict();
export type BulkPayInput = z.input<typeof bulkPaySchema>;

/** How the form carries one payment: `<partnerId>:<amount in minor units>`. */
export function encodePayment(p: { partnerId: string; amount: number }): string {
  return `${p.partnerId}:${p.amount}`;
}

/** The form's `payment` values back as payments; anything malformed is left for the schema to refuse. */
export function decodePayments(values: unknown[]): { partnerId: string; amount: number | string }[] {
  return values
    .filter((v): v is string => typeof v === "string")
    .map((v) => {
      const [partnerId = "", amount = ""] = v.split(":");
      return { partnerId, amount: /^\d+$/.test(amount) ? Number(amount) : amount };
    });
}

export interface BulkPayResult {
  paid: { partnerId: string; partnerName: string; payoutId: string; amount: number }[];
  /** Minor units, the sum of `paid`. */
  total: number;
  currency: string;
  skipped: { partnerId: string; partnerName: string; reason: string }[];
}

/** "Paid 3 partners, $120.00 in all. 2 skipped: Ann (no payout method set), Bob (nothing due)." */
export function bulkPaySummary(result: BulkPayResult): string {
  const n = result.paid.length;
  const paid = n ? `Paid ${n} partner${n === 1 ? "" : "s"}, ${formatMoney(result.total, result.currency)} in all.` : "No one was paid.";
  if (!result.skipped.length) return paid;
  const shown = result.skipped.slice(0, 20).map((s) => `${s.partnerName} (${s.reason})`);
  const more = result.skipped.length > shown.length ? `, and ${result.skipped.length - shown.length} more` : "";
  return `${paid} ${result.skipped.length} skipped: ${shown.join(", ")}${more}.`;
}
