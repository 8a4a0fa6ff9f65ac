import { desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { commissions, connectorEvents, orders, refunds, trackingEvents } from "@/db/schema";
import { SYSTEM } from "@/lib/services/actor";
import { setConnectorSecret } from "@/lib/services/connectors/secrets";
import { partner, uid } from "@/lib/testing/fixtures";
import { expectError, expectNothingWritten, postJson, readJson } from "@/lib/testing/http";
import { charge, checkoutSession, stripeEvent, stripeSignature } from "@/lib/testing/stripe-fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { POST } from "./route";

const t = setupTestDatabase();
const SECRET = "whsec_test_3f9a1c0b7e2d4c8aa1b2c3d4e5f60718";
const HOUR = 60 * 60 * 1000;

/** Saves `secret` as if it had been set `ago` ms before now (the previous one kept for rotation). */
async function useSecret(secret: string, ago = 0) {
  await setConnectorSecret(t.db, SYSTEM, "stripeWebhookSecret", secret, new Date(Date.now() - ago));
}

/** Delivers `event` as Stripe does: the JSON text, signed with `secret` at `at`. */
function deliver(event: unknown, { secret = SECRET, at = new Date(), header, raw }: { secret?: string; at?: Date; header?: string; raw?: string } = {}) {
  const payload = raw ?? JSON.stringify(event, null, 2);
  return postJson(POST, undefined, { raw: payload, headers: { "stripe-signature": header ?? stripeSignature(payload, secret, at) } });
}

async function orderOf(orderId: string) {
  const [order] = await t.db.select().from(orders).where(eq(orders.externalId, orderId));
  const [commission] = order ? await t.db.select().from(commissions).where(eq(commissions.orderId, order.id)) : [];
  return { order, commission };
}

async function lastLog() {
  const [row] = await t.db.select().from(trackingEvents).where(eq(trackingEvents.kind, "stripe")).orderBy(desc(trackingEvents.id)).limit(1);
  return row!;
}

/** A paid session through a partner's coupon: the event and its orderId (the PaymentIntent). */
async function couponSale(overrides: Record<string, unknown> = {}) {
  const p = await partner(t.db, { couponCodes: [uid("STRIPE")] });
  const session = checkoutSession({ metadata: { aff_coupon: p.couponCodes[0] }, ...overrides });
  return { event: stripeEvent("checkout.session.completed", session), orderId: session.payment_intent as string, partnerId: p.id };
}

describe("POST /api/integrations/stripe", () => {
  beforeEach(async () => {
    await useSecret(SECRET, 2 * 24 * HOUR);
  });

  test("without a signing secret the connector answers 404 connector_off and writes nothing", async () => {
    await useSecret("");
    const { event } = await couponSale();
    await expectNothingWritten(t.db, async () => expectError(await deliver(event), 404, "connector_off"));
  });

  test("a paid Checkout Session is a sale with its commission: 201, amount without tax, attributed by the coupon", async () => {
    const { event, orderId, partnerId } = await couponSale({ amount_total: 2398, total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 200 }, customer: "cus_NffrFeUfNV2Hib" });
    const res = await deliver(event);
    expect(res.status).toBe(201);
    expect(await readJson(res)).toMatchObject({ received: true, eventId: event.id, orderId });
    const { order, commission } = await orderOf(orderId);
    expect(order).toMatchObject({ amount: 2198, currency: "USD", partnerId, attribution: "coupon" });
    expect(commission).toMatchObject({ partnerId, amount: 220, status: "pending" });
    const log = await lastLog();
    expect(log).toMatchObject({ status: 201, reference: `${orderId} · ${event.id}` });
    expect(log.outcome).toMatch(/^checkout\.session\.completed: sale 2198 USD, attributed via coupon, commission 220/);
  });

  test("a subscription's first payment is recorded under its invoice id", async () => {
    const invoice = uid("in_");
    const { event } = await couponSale({ mode: "subscription", invoice, payment_intent: null, subscription: uid("sub_") });
    expect((await deliver(event)).status).toBe(201);
    expect((await orderOf(invoice)).order).toMatchObject({ amount: 2198 });
    // Its charge names the invoice (API versions before 2025-03-31): a full refund reverses it.
    expect((await deliver(stripeEvent("charge.refunded", charge(uid("pi_"), 2198, { amount: 2198, invoice })))).status).toBe(200);
    expect((await orderOf(invoice)).order).toMatchObject({ refundedAmount: 2198 });
  });

  test("an order in another currency is not recorded: 200, the reason in the log", async () => {
    const { event, orderId } = await couponSale({ currency: "eur" });
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect((await readJson(res)).outcome).toMatch(/EUR/);
    expect((await orderOf(orderId)).order).toBeUndefined();
    expect((await lastLog()).outcome).toMatch(/ignored: the order is in EUR, the program counts in USD/);
  });

  test("a wrong secret, a tampered body, a stale timestamp or no header: 401 invalid_signature, nothing written", async () => {
    const { event, orderId } = await couponSale();
    const payload = JSON.stringify(event);
    const tampered = payload.replace('"amount_total":2198', '"amount_total":999999');
    expect(tampered).not.toBe(payload);
    const cases = [
      { secret: "whsec_someone_elses_secret_0000000000" },
      { raw: tampered, header: stripeSignature(payload, SECRET) },
      { at: new Date(Date.now() - 301_000) },
      { header: "" },
      { header: `t=${Math.floor(Date.now() / 1000)}` },
    ];
    for (const c of cases) {
      await expectNothingWritten(t.db, async () => expectError(await deliver(event, c), 401, "invalid_signature"));
    }
    expect((await orderOf(orderId)).order).toBeUndefined();
    const log = await lastLog();
    expect(log).toMatchObject({ status: 401, outcome: "invalid_signature" });
    expect(`${log.message} ${log.reference}`).not.toMatch(/whsec_|v1=/);
  });

  test("two v1 signatures, the second valid: accepted", async () => {
    const { event, orderId } = await couponSale();
    const payload = JSON.stringify(event);
    const good = stripeSignature(payload, SECRET);
    const bad = stripeSignature(payload, "whsec_not_the_secret_00000000000000");
    const header = `${good.split(",")[0]},v1=${bad.split("v1=")[1]},v1=${good.split("v1=")[1]}`;
    expect((await deliver(event, { header, raw: payload })).status).toBe(201);
    expect((await orderOf(orderId)).order).toBeDefined();
  });

  test("after a new secret is saved the previous one is accepted for 24 hours, not after", async () => {
    const OLD = SECRET;
    const NEW = "whsec_test_rotated_9b8a7c6d5e4f30211";
    await useSecret(NEW, 23 * HOUR);
    const first = await couponSale();
    expect((await deliver(first.event, { secret: OLD })).status).toBe(201);
    const second = await couponSale();
    expect((await deliver(second.event, { secret: NEW })).status).toBe(201);

    await useSecret(OLD, 2 * 24 * HOUR);
    await useSecret(NEW, 25 * HOUR);
    const third = await couponSale();
    await expectNothingWritten(t.db, async () => expectError(await deliver(third.event, { secret: OLD }), 401, "invalid_signature"));
  });

  test("a replayed event answers 200 and changes nothing", async () => {
    const { event, orderId } = await couponSale();
    expect((await deliver(event)).status).toBe(201);
    const before = await orderOf(orderId);
    const again = await expectNothingWritten(t.db, () => deliver(event));
    expect(again.status).toBe(200);
    expect((await readJson(again)).outcome).toBe("repeat: already processed, nothing changed");
    expect(await orderOf(orderId)).toEqual(before);
  });

  test("20 concurrent deliveries of one event: one order, one commission, one claim", async () => {
    const { event, orderId } = await couponSale();
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(event)));
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([...Array<number>(19).fill(200), 201]);
    const rows = await t.db.select().from(orders).where(eq(orders.externalId, orderId));
    expect(rows).toHaveLength(1);
    expect(await t.db.select().from(commissions).where(eq(commissions.orderId, rows[0]!.id))).toHaveLength(1);
    expect(await t.db.select().from(connectorEvents).where(eq(connectorEvents.eventId, event.id as string))).toHaveLength(1);
  });

  test("an event type the connector does not record: 200, ignored, the reason logged", async () => {
    const event = stripeEvent("customer.created", { id: "cus_NffrFeUfNV2Hib", object: "customer" });
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect((await readJson(res)).outcome).toMatch(/^ignored: event type customer\.created/);
    expect(await lastLog()).toMatchObject({ status: 200, outcome: expect.stringMatching(/^customer\.created: ignored/) });
    const unpaid = stripeEvent("checkout.session.completed", checkoutSession({ payment_status: "unpaid" }));
    expect((await readJson(await deliver(unpaid))).outcome).toMatch(/^ignored: .* unpaid, not paid/);
  });

  test("charge.refunded: a partial refund reduces the commission in proportion, the full refund voids it, each total once", async () => {
    const { event, orderId } = await couponSale({ amount_total: 2000 });
    expect((await deliver(event)).status).toBe(201);
    expect((await orderOf(orderId)).commission).toMatchObject({ amount: 200 });

    // The charge includes 200 of tax the order does not: refunding 550 of 2200 is a quarter.
    const partial = stripeEvent("charge.refunded", charge(orderId, 550, { amount: 2200 }));
    expect((await deliver(partial)).status).toBe(200);
    let now = await orderOf(orderId);
    expect(now.order!.refundedAmount).toBe(500);
    expect(now.commission).toMatchObject({ amount: 150, status: "pending" });

    // The same cumulative total again, as a different event: counted once.
    const sameTotal = stripeEvent("charge.refunded", { ...(partial.data as { object: Record<string, unknown> }).object });
    expect((await readJson(await deliver(sameTotal))).outcome).toMatch(/ignored|repeat/);
    expect((await orderOf(orderId)).order!.refundedAmount).toBe(500);

    const full = stripeEvent("charge.refunded", charge(orderId, 2200, { amount: 2200 }));
    expect((await deliver(full)).status).toBe(200);
    now = await orderOf(orderId);
    expect(now.order!.refundedAmount).toBe(2000);
    expect(now.commission).toMatchObject({ amount: 0, status: "void" });
    expect(await t.db.select().from(refunds).where(eq(refunds.orderId, now.order!.id))).toHaveLength(2);
  });

  test("a refund of a charge with no recorded order: 200, ignored", async () => {
    const res = await deliver(stripeEvent("charge.refunded", charge(uid("pi_"), 1099)));
    expect(res.status).toBe(200);
    expect((await readJson(res)).outcome).toMatch(/^ignored: no order/);
  });

  test("a validly signed body that is not JSON, or not an object: 400, nothing written", async () => {
    for (const raw of ["not json {", "[1,2,3]"]) {
      await expectNothingWritten(t.db, async () => expectError(await deliver(undefined, { raw }), 400, "malformed_request"));
    }
  });
});
