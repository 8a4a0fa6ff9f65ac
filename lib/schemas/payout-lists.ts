import { z } from "zod";
import { optionalDay } from "./commissions";
import { PAYOUT_METHODS, PAYOUT_STATUSES, type PayoutMethod, type PayoutStatus } from "./enums";
import { optionalEnum, optionalUuid, type ListParams } from "./list-params";

// What the Payouts pages read from their URLs: the Due list (partners owed at least the
// minimum payout) and the History list (every payout). Safe to import from client code.

export const PAYOUT_METHOD_LABELS: Record<PayoutMethod, string> = { paypal: "PayPal", bank_transfer: "Bank transfer", stripe: "Stripe", other: "Other" };

/** The Due list's method filter: one method, or partners who have none set. */
export const DUE_METHOD_FILTERS = [...PAYOUT_METHODS, "none"] as const;
export type DueMethodFilter = (typeof DUE_METHOD_FILTERS)[number];

export const dueListSpec = {
  sortable: ["balance", "partner", "commissions", "oldest"] as const,
  defaultSort: "balance" as const,
  defaultDir: "desc" as const,
  filters: { method: optionalEnum(DUE_METHOD_FILTERS) },
};
export type DueListParams = ListParams<(typeof dueListSpec.sortable)[number], { method?: DueMethodFilter }>;

export const payoutHistorySpec = {
  sortable: ["date", "amount"] as const,
  defaultSort: "date" as const,
  defaultDir: "desc" as const,
  filters: {
    partner: optionalUuid,
    method: optionalEnum(PAYOUT_METHODS),
    status: optionalEnum(PAYOUT_STATUSES),
    from: optionalDay,
    to: optionalDay,
  },
};
export type PayoutHistoryParams = ListParams<
  (typeof payoutHistorySpec.sortable)[number],
  { partner?: string; method?: PayoutMethod; status?: PayoutStatus; from?: string; to?: string }
>;

/** The selected partners of a PayPal export or a bulk payout: `?ids=a&ids=b`. */
export const MAX_SELECTED_PARTNERS = 500;
export const selectedPartnersSchema = z
  .array(z.uuid({ error: "No partner with this id." }))
  .min(1, { error: "Select at least one partner." })
  .max(MAX_SELECTED_PARTNERS, { error: `At most ${MAX_SELECTED_PARTNERS} partners at once.` })
  .transform((ids) => [...new Set(ids)]);
