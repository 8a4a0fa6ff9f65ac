import Stripe from "stripe";
import { uid } from "./fixtures";

// Stripe webhook payloads for tests, shaped like the API reference's example objects
// (https://docs.stripe.com/api/checkout/sessions/object, /api/charges/object,
// /api/events/object), signed the way Stripe signs them, with Stripe's own library.

const stripe = new Stripe("sk_test_fixtures_only");

/** The `Stripe-Signature` header Stripe would send for `payload` (as sent, byte for byte). */
export function stripeSignature(payload: string, secret: string, at: Date = new Date()): string {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(at.getTime() / 1000) });
}

export function stripeEvent(type: string, object: Record<string, unknown>, id = uid("evt_")): Record<string, unknown> {
  return {
    id,
    object: "event",
    api_version: "2025-06-30.basil",
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** A completed, paid one-time Checkout Session (the reference example after payment). */
export function checkoutSession(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = uid("cs_test_");
  return {
    id,
    object: "checkout.session",
    after_expiration: null,
    allow_promotion_codes: null,
    amount_subtotal: 2198,
    amount_total: 2198,
    automatic_tax: { enabled: false, liability: null, status: null },
    billing_address_collection: null,
    cancel_url: null,
    client_reference_id: null,
    consent: null,
    consent_collection: null,
    created: 1679600215,
    currency: "usd",
    custom_fields: [],
    custom_text: { shipping_address: null, submit: null },
    customer: null,
    customer_creation: "if_required",
    customer_details: { address: null, email: "jenny.rosen@example.com", name: "Jenny Rosen", phone: null, tax_exempt: "none", tax_ids: [] },
    customer_email: null,
    expires_at: 1679686615,
    invoice: null,
    livemode: false,
    locale: null,
    metadata: {},
    mode: "payment",
    payment_intent: uid("pi_"),
    payment_link: null,
    payment_method_collection: "always",
    payment_method_options: {},
    payment_method_types: ["card"],
    payment_status: "paid",
    phone_number_collection: { enabled: false },
    recovered_from: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_details: null,
    shipping_options: [],
    status: "complete",
    submit_type: null,
    subscription: null,
    success_url: "https://example.com/success",
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    url: null,
    ...overrides,
  };
}

/** A captured card Charge (the reference example), refunded by `amountRefunded`. */
export function charge(paymentIntent: string, amountRefunded: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const amount = (overrides.amount as number | undefined) ?? 1099;
  return {
    id: uid("ch_"),
    object: "charge",
    amount,
    amount_captured: amount,
    amount_refunded: amountRefunded,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: uid("txn_"),
    billing_details: { address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null }, email: null, name: null, phone: null },
    calculated_statement_descriptor: "Stripe",
    captured: true,
    created: 1679090539,
    currency: "usd",
    customer: null,
    description: null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: { network_status: "approved_by_network", reason: null, risk_level: "normal", risk_score: 32, seller_message: "Payment complete.", type: "authorized" },
    paid: true,
    payment_intent: paymentIntent,
    payment_method: uid("card_"),
    payment_method_details: { card: { brand: "visa", country: "US", exp_month: 3, exp_year: 2030, funding: "credit", last4: "4242" }, type: "card" },
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: amountRefunded >= amount,
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: "succeeded",
    transfer_data: null,
    transfer_group: null,
    ...overrides,
  };
}
