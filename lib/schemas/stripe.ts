import { z } from "zod";

// The parts of Stripe's webhook payloads the connector reads (https://docs.stripe.com/api/events,
// /api/checkout/sessions/object, /api/charges/object). Loose on purpose: Stripe adds fields
// to its objects without notice, and an event type we do not handle is ignored, not refused.

export const stripeEventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  livemode: z.boolean().optional(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
});
export type StripeEvent = z.infer<typeof stripeEventSchema>;

const id = z.string().min(1).max(255);

export const stripeCheckoutSessionSchema = z.object({
  id,
  mode: z.string().nullish(),
  payment_status: z.string(),
  payment_intent: id.nullish(),
  invoice: id.nullish(),
  amount_total: z.int().min(0).nullish(),
  total_details: z.object({ amount_tax: z.int().min(0).nullish() }).nullish(),
  currency: z.string().nullish(),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  customer: id.nullish(),
  customer_details: z.object({ email: z.string().nullish() }).nullish(),
});
export type StripeCheckoutSession = z.infer<typeof stripeCheckoutSessionSchema>;

export const stripeChargeSchema = z.object({
  id,
  payment_intent: id.nullish(),
  /** Present on charges of invoices in API versions before 2025-03-31: a subscription's order id. */
  invoice: id.nullish(),
  amount: z.int().min(0),
  amount_refunded: z.int().min(0),
  currency: z.string().nullish(),
});
export type StripeCharge = z.infer<typeof stripeChargeSchema>;
