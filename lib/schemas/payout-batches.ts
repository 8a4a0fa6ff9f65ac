import { z } from "zod";
import { selectedPartnersSchema } from "./payout-lists";

// A PayPal batch: made from the selected rows of the Due list (the file PayPal's Payouts
// upload takes), later marked paid with PayPal's payout batch id, or cancelled.

export const newPaypalBatchSchema = z
  .object({
    partnerIds: selectedPartnersSchema,
    note: z
      .string()
      .trim()
      .max(1000, { error: "At most 1000 characters." })
      .optional()
      .transform((s) => s || undefined),
  })
  .strict();

export const markBatchPaidSchema = z.object({
  reference: z
    .string({ error: "Enter PayPal's payout batch id." })
    .trim()
    .min(1, { error: "Enter PayPal's payout batch id (PayPal shows it once the upload is sent)." })
    .max(200, { error: "At most 200 characters." }),
});

export const cancelBatchSchema = z.object({
  reason: z.string({ error: "Say why the batch is cancelled." }).trim().min(3, { error: "Say why the batch is cancelled." }).max(500, { error: "At most 500 characters." }),
});
