import { z } from "zod";

// Request bodies of the tracking API (SPEC.md §3). Unknown fields are refused, so a typo
// such as "orderID" is a 422 naming it rather than a silently ignored value.

export const MAX_AMOUNT = 1_000_000_000_000; // ten billion in major units: plenty, and exact

export const visitorIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "Expected the visitor id from the aff_vid cookie (8–64 letters, digits, - or _)." });

const amountSchema = z.int({ error: "Expected a whole number of minor units (cents), e.g. 1999 for 19.99." }).min(0, { error: "Cannot be negative." }).max(MAX_AMOUNT);

const idString = (what: string) => z.string({ error: `Expected ${what} as a string.` }).trim().min(1, { error: `${what} cannot be empty.` }).max(200);

export const customerSchema = z
  .object({
    id: idString("The customer id").optional(),
    email: z.email({ error: "Expected an email address." }).max(254).optional(),
    name: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((c) => c.id || c.email, { error: "Give the customer's id or email." });

export const ipSchema = z.union([z.ipv4(), z.ipv6()], { error: "Expected an IPv4 or IPv6 address." });

export const clickSchema = z
  .object({
    ref: z.string({ error: "Expected the referral code or link slug." }).trim().min(1).max(64),
    url: z.string().max(2048).optional(),
    referrer: z.string().max(2048).optional(),
    visitorId: visitorIdSchema.optional(),
  })
  .strict();
export type ClickBody = z.infer<typeof clickSchema>;

export const saleItemSchema = z
  .object({
    productId: idString("The product id"),
    quantity: z.int({ error: "Expected a whole number." }).min(1, { error: "At least 1." }).max(1_000_000),
    amount: amountSchema,
  })
  .strict();

export const saleSchema = z
  .object({
    orderId: idString("The order id"),
    amount: amountSchema,
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, { error: "Expected an ISO 4217 code such as USD." })
      .transform((c) => c.toUpperCase())
      .optional(),
    visitorId: visitorIdSchema.optional(),
    couponCode: z.string().trim().min(1).max(64).optional(),
    customer: customerSchema.optional(),
    items: z.array(saleItemSchema).max(500).optional(),
    isUpgrade: z.boolean().optional(),
    ip: ipSchema.optional(),
    userAgent: z.string().max(1000).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type SaleBody = z.infer<typeof saleSchema>;

export const leadSchema = z
  .object({
    eventName: z.string({ error: "Expected the event name, e.g. signup." }).trim().regex(/^[a-z0-9][a-z0-9_.:-]{0,63}$/i, { error: "Use letters, digits, _ . : - (up to 64)." }),
    customer: customerSchema.refine((c) => !!c.id, { error: "Give the customer's id.", path: ["id"] }),
    visitorId: visitorIdSchema.optional(),
    couponCode: z.string().trim().min(1).max(64).optional(),
    ip: ipSchema.optional(),
    userAgent: z.string().max(1000).optional(),
  })
  .strict();
export type LeadBody = z.infer<typeof leadSchema>;

export const refundSchema = z
  .object({
    orderId: idString("The order id"),
    amount: amountSchema.refine((a) => a > 0, { error: "A refund must be more than 0." }).optional(),
    refundId: idString("The refund id").optional(),
  })
  .strict();
export type RefundBody = z.infer<typeof refundSchema>;
