import { z } from "zod";
import { emailSchema } from "./common";
import { COMMISSION_TYPES, PARTNER_STATUSES, PAYOUT_METHODS } from "./enums";

export const referralCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,64}$/, { error: "Use 2–64 letters, digits, - or _ (it appears in links)." });

export const couponCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,64}$/, { error: "Use 2–64 letters, digits, - or _." });

/** Rate fields as the API and CLI give them: basis points for a percentage, minor units for fixed. */
export const rateFields = {
  commissionType: z.enum(COMMISSION_TYPES).nullish(),
  commissionRate: z.int({ error: "Expected a whole number (basis points, or minor units for fixed)." }).min(0, { error: "Cannot be negative." }).max(1_000_000_000).nullish(),
};

export function refineRate<T extends { commissionType?: string | null; commissionRate?: number | null }>(value: T, ctx: z.RefinementCtx) {
  const hasType = value.commissionType != null;
  const hasRate = value.commissionRate != null;
  if (hasType !== hasRate) {
    ctx.addIssue({ code: "custom", path: [hasType ? "commissionRate" : "commissionType"], message: "Give both commissionType and commissionRate, or neither for the default." });
  } else if (value.commissionType === "percentage" && (value.commissionRate ?? 0) > 10_000) {
    ctx.addIssue({ code: "custom", path: ["commissionRate"], message: "A percentage is at most 10000 basis points (100 %)." });
  }
}

export const newPartnerSchema = z
  .object({
    name: z.string({ error: "Enter the partner's name." }).trim().min(1, { error: "Enter the partner's name." }).max(100),
    email: emailSchema,
    status: z.enum(PARTNER_STATUSES).default("approved"),
    referralCode: referralCodeSchema.optional(),
    ...rateFields,
    couponCodes: z.array(couponCodeSchema).max(20).default([]),
    payoutMethod: z.enum(PAYOUT_METHODS).nullish(),
    payoutDetails: z.record(z.string(), z.string().max(500)).optional(),
  })
  .strict()
  .superRefine(refineRate)
  .superRefine((p, ctx) => {
    if (p.couponCodes.length && p.status !== "approved") {
      ctx.addIssue({ code: "custom", path: ["couponCodes"], message: "Coupons can only be given to approved partners." });
    }
    const seen = new Set<string>();
    p.couponCodes.forEach((code, i) => {
      if (seen.has(code.toLowerCase())) ctx.addIssue({ code: "custom", path: ["couponCodes", i], message: `"${code}" is listed twice.` });
      seen.add(code.toLowerCase());
    });
  });
export type NewPartner = z.infer<typeof newPartnerSchema>;

export const newLinkSchema = z
  .object({
    partnerId: z.uuid({ error: "Expected a partner id." }),
    destinationUrl: z.string().trim().pipe(z.url({ protocol: /^https?$/, error: "Expected a full http(s) URL." }).max(2048)),
    slug: referralCodeSchema.optional(),
    ...rateFields,
  })
  .strict()
  .superRefine(refineRate);
export type NewLink = z.infer<typeof newLinkSchema>;
