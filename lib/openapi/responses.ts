import { z } from "zod";
import { ATTRIBUTION_RULES, COMMISSION_STATUSES, COMMISSION_TYPES, PARTNER_STATUSES, PAYOUT_METHODS, PAYOUT_STATUSES } from "@/lib/schemas/enums";

// What the API answers, as zod schemas, so the OpenAPI document describes answers from the
// same kind of source as requests. Money is integer minor units; rates basis points for
// percentages, minor units for fixed.

const id = z.uuid();
const money = z.int().describe("minor units (cents)");
const currency = z.string().regex(/^[A-Z]{3}$/);
const timestamp = z.iso.datetime({ offset: true });

export const errorAnswer = z.object({
  error: z.object({
    code: z.string().describe("machine-readable, e.g. invalid_request, unknown_ref, nothing_due"),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional().describe("the failing fields (422)"),
  }),
});

export const clickAnswer = z.object({ visitorId: z.string(), partnerId: id, linkId: id.nullable(), cookieDays: z.int() });

const commissionBrief = z.object({ id, amount: money, currency, status: z.enum(COMMISSION_STATUSES) });

export const saleAnswer = z.object({
  orderId: z.string(),
  attributed: z.boolean(),
  attribution: z.enum(ATTRIBUTION_RULES).describe("which rule matched"),
  partnerId: id.nullable(),
  commission: commissionBrief.nullable(),
});

export const refundAnswer = z.object({
  orderId: z.string(),
  refunded: money,
  commission: z.object({ id, amount: money, status: z.enum(COMMISSION_STATUSES) }).nullable(),
  adjustment: z.object({ id, amount: money }).optional().describe("a clawback when the commission was already paid"),
});

export const pingAnswer = z.object({ ok: z.literal(true), program: z.object({ name: z.string(), currency, cookieDays: z.int() }) });

export const partnerAnswer = z.object({
  id,
  name: z.string(),
  email: z.email(),
  status: z.enum(PARTNER_STATUSES),
  referralCode: z.string(),
  couponCodes: z.array(z.string()),
  commissionType: z.enum(COMMISSION_TYPES).nullable(),
  commissionRate: z.int().nullable(),
  referralLink: z.url(),
  dashboardUrl: z
    .url()
    .nullable()
    .describe("the partner's private dashboard; send it to the partner only. null when it was stored under an earlier NEXTAUTH_SECRET and cannot be shown (it still works; resetting the partner's password issues a new one)"),
});

export const linkAnswer = z.object({ id, slug: z.string(), url: z.url(), partnerId: id, destinationUrl: z.url() });
export const linkStatsAnswer = z.object({
  clicks: z.int(),
  sales: z.int(),
  revenue: money.describe("minor units (cents): order amounts minus refunds"),
  commission: money.describe("minor units (cents): commissions that are not void, minus what was clawed back after payout"),
});

export const commissionItem = z.object({
  id,
  partnerId: id,
  orderId: z.string().nullable(),
  amount: money,
  currency,
  status: z.enum(COMMISSION_STATUSES),
  payoutId: id.nullable(),
  createdAt: timestamp,
});

export const payoutItem = z.object({
  id,
  partnerId: id,
  amount: money,
  currency,
  method: z.enum(PAYOUT_METHODS),
  transactionId: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(PAYOUT_STATUSES),
  createdAt: timestamp,
});

export const payoutCreated = z.object({ id, partnerId: id, amount: money, currency, method: z.enum(PAYOUT_METHODS), transactionId: z.string().nullable(), commissionIds: z.array(id) });
export const productsSynced = z.object({ created: z.int(), updated: z.int() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable().describe("pass as `cursor` for the next page; null on the last") });
}
