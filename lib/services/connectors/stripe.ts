import "server-only";
import { and, eq } from "drizzle-orm";
import { connectorEvents, orders } from "@/db/schema";
import type { Db } from "@/db/types";
import { mulDivRoundHalfUp } from "@/lib/domain/money";
import { AppError } from "@/lib/errors";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { stripeChargeSchema, stripeCheckoutSessionSchema, type StripeCharge, type StripeCheckoutSession, type StripeEvent } from "@/lib/schemas/stripe";
import { customerSchema, saleSchema, visitorIdSchema, type SaleBody } from "@/lib/schemas/tracking";
import type { Actor } from "../actor";
import { recordRefund } from "../tracking/refunds";
import { recordSale } from "../tracking/sales";

// What a verified Stripe event records (SPEC.md §7). A paid Checkout Session is a sale
// through the tracking API's own service (same attribution, rules and exactly-once per
// orderId); a refunded charge refunds its order in proportion. The event id is claimed in
// connector_events in the same transaction as the sale or refund: a redelivery, or a
// concurrent copy of the same delivery, waits on that row and then finds it taken, so each
// event changes the program at most once. Everything valid but not recordable answers 2xx
// with the reason (Stripe would otherwise retry it for three days).

export const STRIPE_ACTOR: Actor = { type: "api", label: "Stripe connector" };

export interface StripeOutcome {
  status: 200 | 201;
  body: { received: true; eventId: string; outcome: string; orderId?: string };
  /** For the Integration log. */
  outcome: string;
  reference: string | null;
}

/** Thrown inside the transaction when the event id was already claimed. */
class AlreadyProcessed extends Error {}
/** Thrown inside the transaction for an event that is valid but records nothing: rolls back, then answers 200. */
class Ignored extends Error {}

type Plan =
  | { kind: "ignore"; reason: string; reference?: string }
  | { kind: "sale"; body: SaleBody }
  | { kind: "refund"; charge: StripeCharge & { payment_intent: string } };

export async function handleStripeEvent(db: Db, event: StripeEvent, options: { settings: ProgramSettings; now?: Date }): Promise<StripeOutcome> {
  const plan = planFor(event, options.settings);
  const reference = plan.kind === "sale" ? plan.body.orderId : plan.kind === "refund" ? plan.charge.payment_intent : (plan.reference ?? null);
  const answer = (status: 200 | 201, outcome: string): StripeOutcome => ({
    status,
    body: { received: true, eventId: event.id, outcome, ...(reference ? { orderId: reference } : {}) },
    outcome: `${event.type}: ${outcome}`,
    reference: reference ? `${reference} · ${event.id}` : event.id,
  });

  let reason: string;
  if (plan.kind === "ignore") {
    reason = plan.reason;
  } else {
    try {
      const done = await db.transaction(async (tx) => {
        const claimed = await tx.insert(connectorEvents).values({ connector: "stripe", eventId: event.id, outcome: "processing" }).onConflictDoNothing().returning({ id: connectorEvents.eventId });
        if (!claimed.length) throw new AlreadyProcessed();
        const result = plan.kind === "sale" ? await recordStripeSale(tx, plan.body, options) : await recordStripeRefund(tx, plan.charge, options);
        await tx.update(connectorEvents).set({ outcome: result.outcome.slice(0, 500) }).where(and(eq(connectorEvents.connector, "stripe"), eq(connectorEvents.eventId, event.id)));
        return result;
      });
      return answer(done.created ? 201 : 200, done.outcome);
    } catch (error) {
      if (error instanceof AlreadyProcessed) return answer(200, "repeat: already processed, nothing changed");
      // Refused by the sale or refund service (the order was recorded with other values, an
      // unknown order, a refund over what is left): nothing was written; say why, and 2xx.
      if (error instanceof Ignored || error instanceof AppError) reason = error.message;
      else throw error;
    }
  }
  // Remember the ignored event too, so a redelivery is answered as a repeat.
  const claimed = await db.insert(connectorEvents).values({ connector: "stripe", eventId: event.id, outcome: `ignored: ${reason}`.slice(0, 500) }).onConflictDoNothing().returning({ id: connectorEvents.eventId });
  if (!claimed.length) return answer(200, "repeat: already processed, nothing changed");
  return answer(200, `ignored: ${reason}`);
}

function planFor(event: StripeEvent, settings: ProgramSettings): Plan {
  const object = event.data.object;
  if (event.type === "checkout.session.completed") {
    const parsed = stripeCheckoutSessionSchema.safeParse(object);
    if (!parsed.success) return { kind: "ignore", reason: `not a Checkout Session as expected (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})` };
    return salePlan(parsed.data, settings);
  }
  if (event.type === "charge.refunded") {
    const parsed = stripeChargeSchema.safeParse(object);
    if (!parsed.success) return { kind: "ignore", reason: `not a Charge as expected (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})` };
    const charge = parsed.data;
    if (!charge.payment_intent) return { kind: "ignore", reason: `charge ${charge.id} has no payment_intent, so no order to refund`, reference: charge.id };
    return { kind: "refund", charge: { ...charge, payment_intent: charge.payment_intent } };
  }
  if (event.type === "invoice.paid") return { kind: "ignore", reason: "renewals (invoice.paid) are not recorded yet: recurring commissions are not built" };
  return { kind: "ignore", reason: `event type ${event.type} is not one the connector records` };
}

function salePlan(session: StripeCheckoutSession, settings: ProgramSettings): Plan {
  if (session.payment_status !== "paid") {
    return { kind: "ignore", reason: `session ${session.id} is ${session.payment_status}, not paid (delayed payments are not recorded yet)`, reference: session.id };
  }
  // A subscription's first payment is its first invoice; a one-time payment is its PaymentIntent.
  const orderId = session.mode === "subscription" ? session.invoice : (session.payment_intent ?? session.invoice);
  if (!orderId) return { kind: "ignore", reason: `session ${session.id} has neither a payment_intent nor an invoice to use as the order id`, reference: session.id };
  if (session.amount_total == null) return { kind: "ignore", reason: `session ${session.id} has no amount_total`, reference: orderId };
  const tax = session.total_details?.amount_tax ?? 0;
  const currency = (session.currency ?? "").toUpperCase();
  if (currency !== settings.currency) {
    // The sale service counts in the program currency only; converting is not ours to guess.
    return { kind: "ignore", reason: `the order is in ${currency || "no currency"}, the program counts in ${settings.currency}`, reference: orderId };
  }
  const metadata = session.metadata ?? {};
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
  // Optional attribution hints that do not fit are dropped, not fatal: the sale still counts.
  const visitorId = [text(session.client_reference_id), text(metadata.aff_vid)].find((v) => v && visitorIdSchema.safeParse(v).success);
  const couponCode = text(metadata.aff_coupon);
  const customer = customerSchema.safeParse({
    ...(session.customer ? { id: session.customer } : {}),
    ...(text(session.customer_details?.email) ? { email: text(session.customer_details?.email) } : {}),
  });
  const body = saleSchema.safeParse({
    orderId,
    amount: Math.max(0, session.amount_total - tax),
    currency,
    ...(visitorId ? { visitorId } : {}),
    ...(couponCode && couponCode.length <= 64 ? { couponCode } : {}),
    ...(customer.success ? { customer: customer.data } : {}),
  });
  if (!body.success) return { kind: "ignore", reason: `session ${session.id} does not fit a sale (${body.error.issues[0]?.path.join(".")}: ${body.error.issues[0]?.message})`, reference: orderId };
  return { kind: "sale", body: body.data };
}

async function recordStripeSale(tx: Db, body: SaleBody, options: { settings: ProgramSettings; now?: Date }) {
  const result = await recordSale(tx, body, { actor: STRIPE_ACTOR, settings: options.settings, now: options.now });
  const r = result.body;
  const c = r.commission;
  const outcome = `${result.created ? "sale" : "repeat: sale already recorded"} ${body.amount} ${body.currency}, ${r.attributed ? `attributed via ${r.attribution.replaceAll("_", " ")}` : "not attributed"}${c ? `, commission ${c.amount} ${c.status}` : ""}`;
  return { created: result.created, outcome };
}

/**
 * A charge's cumulative `amount_refunded` as a refund of its order: the order is refunded in
 * the same proportion (all of it once the charge is fully refunded; the order excludes tax,
 * the charge does not). Each cumulative total is its own refund id, so it counts once; a
 * total that arrives after a larger one (Stripe does not promise order) changes nothing.
 */
async function recordStripeRefund(tx: Db, charge: StripeCharge & { payment_intent: string }, options: { now?: Date }) {
  // A one-time order is keyed by the PaymentIntent; a subscription's first order by its
  // invoice, which the charge names in API versions that still have `charge.invoice`.
  let orderId = charge.payment_intent;
  let order: { amount: number; refunded: number } | undefined;
  for (const candidate of [charge.payment_intent, charge.invoice]) {
    if (!candidate) continue;
    // Locked for the rest of the transaction: concurrent totals of one order apply one at a time.
    [order] = await tx.select({ amount: orders.amount, refunded: orders.refundedAmount }).from(orders).where(eq(orders.externalId, candidate)).for("update");
    if (order) {
      orderId = candidate;
      break;
    }
  }
  if (!order) throw new Ignored(`no order ${charge.payment_intent} was recorded for charge ${charge.id}`);
  const target = charge.amount === 0 || charge.amount_refunded >= charge.amount ? order.amount : mulDivRoundHalfUp(order.amount, charge.amount_refunded, charge.amount);
  const amount = target - order.refunded;
  if (amount <= 0) throw new Ignored(`order ${orderId} is already refunded ${order.refunded} of ${order.amount} (this total asks for ${target})`);
  const result = await recordRefund(tx, { orderId, amount, refundId: `${charge.id}:${charge.amount_refunded}` }, { actor: STRIPE_ACTOR, now: options.now });
  const { commission, adjustment } = result.body;
  const outcome = `${result.created ? "" : "repeat: "}refund of ${amount} (charge refunded ${charge.amount_refunded} of ${charge.amount})${commission ? `, commission now ${commission.amount} ${commission.status}` : ""}${adjustment ? `, clawback ${adjustment.amount}` : ""}`;
  return { created: false, outcome };
}
