import { z } from "zod";
import { emailSchema } from "./common";
import { COMMISSION_TYPES, PARTNER_STATUSES, PAYOUT_METHODS } from "./enums";
import { optionalEnum } from "./list-params";

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

// ---------------------------------------------------------------------------------------
// The admin console's partner form, in stored units (lib/schemas/partner-form.ts turns the
// typed text into this). Create and edit share it; on edit the referral code is required.

/** The details each payout method needs, under the keys the payouts code reads. */
export const PAYOUT_DETAIL_FIELDS = {
  paypal: ["email"],
  bank_transfer: ["accountHolder", "iban", "bic"],
  stripe: ["accountId"],
  other: ["instructions"],
} as const satisfies Record<(typeof PAYOUT_METHODS)[number], readonly string[]>;

/** ISO 13616: two letters, two check digits, up to 30 letters/digits; mod 97 of the rearranged number is 1. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** "de89370400440532013000" → "DE89 3704 0044 0532 0130 00", the way banks print it. */
export function formatIban(value: string): string {
  return value
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})/g, "$1 ")
    .trim();
}

const requiredText = (message: string, max = 200) => z.string({ error: message }).trim().min(1, { error: message }).max(max, { error: `At most ${max} characters.` });

export const payoutDetailSchemas = {
  paypal: z.object({
    email: z
      .string({ error: "Enter the PayPal email address." })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter the PayPal account's email address." }).max(254)),
  }),
  bank_transfer: z.object({
    accountHolder: requiredText("Enter the account holder's name."),
    iban: z
      .string({ error: "Enter the IBAN." })
      .trim()
      .min(1, { error: "Enter the IBAN." })
      .refine(isValidIban, { error: "This is not a valid IBAN (check for typos)." })
      .transform(formatIban),
    bic: z
      .string()
      .trim()
      .toUpperCase()
      .refine((v) => v === "" || /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v), { error: "A BIC/SWIFT code has 8 or 11 letters and digits, like DEUTDEFF." })
      .optional()
      .transform((v) => v ?? ""),
  }),
  stripe: z.object({
    accountId: z
      .string({ error: "Enter the Stripe account id." })
      .trim()
      .regex(/^acct_[A-Za-z0-9]{6,64}$/, { error: "A Stripe account id looks like acct_1A2b3C4d5E6f7G8h." }),
  }),
  other: z.object({ instructions: requiredText("Say how this partner is paid.", 500) }),
};

export const partnerNotesSchema = z.string().trim().max(5000, { error: "Notes can be at most 5000 characters." });

const partnerFormBase = z
  .object({
    name: z.string({ error: "Enter the partner's name." }).trim().min(1, { error: "Enter the partner's name." }).max(100, { error: "At most 100 characters." }),
    email: emailSchema,
    status: z.enum(PARTNER_STATUSES, { error: "Pick a status." }),
    referralCode: referralCodeSchema.nullish(),
    ...rateFields,
    couponCodes: z.array(couponCodeSchema).max(20, { error: "At most 20 coupon codes per partner." }).default([]),
    payoutMethod: z.enum(PAYOUT_METHODS, { error: "Pick a payout method." }).nullish(),
    payoutDetails: z.record(z.string(), z.string().max(500)).default({}),
    notes: partnerNotesSchema.nullish(),
  })
  .strict()
  .superRefine(refineRate)
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.couponCodes.forEach((code, i) => {
      if (seen.has(code.toLowerCase())) ctx.addIssue({ code: "custom", path: ["couponCodes", i], message: `"${code}" is listed twice.` });
      seen.add(code.toLowerCase());
    });
  });

/** The partner form's values, payout details checked against the chosen method and normalized. */
export const partnerFormSchema = partnerFormBase.transform((p, ctx) => {
  let payoutDetails: Record<string, string> = {};
  if (p.payoutMethod) {
    const parsed = payoutDetailSchemas[p.payoutMethod].safeParse(p.payoutDetails);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["payoutDetails", ...issue.path.map(String)], message: issue.message });
      return z.NEVER;
    }
    payoutDetails = Object.fromEntries(Object.entries(parsed.data as Record<string, string>).filter(([, v]) => v !== ""));
  }
  return { ...p, referralCode: p.referralCode || null, notes: p.notes || null, payoutMethod: p.payoutMethod ?? null, payoutDetails };
});
export type PartnerForm = z.output<typeof partnerFormSchema>;

/** What the status buttons do; each names the status it leads to. */
export const PARTNER_STATUS_ACTIONS = { approve: "approved", reject: "rejected", suspend: "suspended", reinstate: "approved" } as const;
export type PartnerStatusAction = keyof typeof PARTNER_STATUS_ACTIONS;

/** Which actions a partner in a status can take (reinstate is approve for a suspended partner). */
export function statusActionsFor(status: (typeof PARTNER_STATUSES)[number]): PartnerStatusAction[] {
  switch (status) {
    case "pending":
      return ["approve", "reject"];
    case "approved":
      return ["suspend"];
    case "suspended":
      return ["reinstate"];
    case "rejected":
      return ["approve"];
  }
}

// The partner list's URL state (sort keys are columns of the table).
export const PARTNER_SORTS = ["name", "status", "clicks", "conversions", "revenue", "commissions", "balance", "joined"] as const;
export type PartnerSort = (typeof PARTNER_SORTS)[number];
export const partnerListSpec = {
  sortable: PARTNER_SORTS,
  defaultSort: "joined",
  defaultDir: "desc",
  filters: { status: optionalEnum(PARTNER_STATUSES) },
} as const satisfies { sortable: readonly [PartnerSort, ...PartnerSort[]]; defaultSort: PartnerSort; defaultDir: "asc" | "desc"; filters: z.ZodRawShape };
