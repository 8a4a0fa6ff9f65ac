import { z } from "zod";
import { formatMoney } from "@/lib/domain/money";
import { DUE_METHOD_FILTERS, MAX_SELECTED_PARTNERS } from "./payout-lists";

// "Pay all due": for the selected partners, or for every partner due (with the Due list's
// search and method filter, when set). Each partner is paid by
// their own payout method. One payment run leaves one reference (a PayPal mass-payout batch
// id, a bank batch number), so a batch reference is required and recorded as the
// transaction id of every payout of the run: PayPal, bank transfer and Stripe payouts cannot
// be recorded without one, and "other" payouts keep it for reconciliation too.

export const bulkPaySchema = z
  .object({
    scope: z.enum(["selected", "all"], { error: "Pay the selected partners or all due." }),
    partnerIds: z.array(z.uuid({ error: "No partner with this id." })).max(MAX_SELECTED_PARTNERS, { error: `At most ${MAX_SELECTED_PARTNERS} partners at once.` }).default([]),
    reference: z
      .string({ error: "Enter the batch reference of this payment run." })
      .trim()
      .min(1, { error: "Enter the batch reference of this payment run (e.g. the PayPal batch id)." })
      .max(200, { error: "At most 200 characters." }),
    note: z
      .string()
      .trim()
      .max(1000, { error: "At most 1000 characters." })
      .optional()
      .transform((s) => s || undefined),
    /** With scope "all": the Due list's search and method filter, so "all" means all listed. */
    q: z.string().trim().max(200).optional(),
    method: z.enum(DUE_METHOD_FILTERS).optional().catch(undefined),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.scope === "selected" && v.partnerIds.length === 0) ctx.addIssue({ code: "custom", path: ["partnerIds"], message: "Select at least one partner." });
  });
export type BulkPayInput = z.input<typeof bulkPaySchema>;

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
