import { z } from "zod";
import { PAYOUT_METHODS } from "./enums";

/** Methods whose payment leaves a reference the merchant must record (SPEC.md §2, issue 5). */
export const METHODS_NEEDING_TRANSACTION_ID = ["paypal", "bank_transfer", "stripe"] as const;

export const newPayoutSchema = z
  .object({
    partnerId: z.uuid({ error: "Expected a partner id." }),
    method: z.enum(PAYOUT_METHODS, { error: "Choose paypal, bank_transfer, stripe or other." }).optional(),
    transactionId: z
      .string()
      .trim()
      .max(200)
      .optional()
      .transform((s) => s || undefined),
    note: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .transform((s) => s || undefined),
    /**
     * What the caller saw due and sent, minor units. When the balance differs now the answer is
     * 409 balance_changed with the current figure, and nothing is written.
     */
    amount: z.number({ error: "Expected the amount in minor units." }).int({ error: "Expected a whole number of minor units." }).positive({ error: "Expected a positive amount." }).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();
export type NewPayout = z.infer<typeof newPayoutSchema>;

export const voidPayoutSchema = z.object({
  reason: z.string({ error: "Say why the payout is voided." }).trim().min(3, { error: "Say why the payout is voided." }).max(500),
});
