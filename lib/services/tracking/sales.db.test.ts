import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { queryRows } from "@/db/open";
import { commissionEvents, commissions, customers, orderItems, orders } from "@/db/schema";
import { ConflictError, InvalidError } from "@/lib/errors";
import { click, link, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "../actor";
import { upsertProducts } from "../catalog";
import { createRateGroup } from "../rate-groups";
import { hashIp } from "@/lib/server/ip-hash";

const t = setupTestDatabase();
const DAY = 86_400_000;

describe("attribution of a sale", () => {
  test("a coupon of an approved partner wins, and the answer says so", async () => {
    const p = await partner(t.db, { couponCodes: [uid("SAVE")] });
    const other = await partner(t.db);
    const visitor = await click(t.db, other.referralCode);
    const { created, body } = await sale(t.db, { couponCode: p.couponCodes[0]!.toLowerCase(), visitorId: visitor.visitorId });
    expect(created).toBe(true);
    expect(body).toMatchObject({ attributed: true, attribution: "coupon", partnerId: p.id, commission: { amount: 1000, currency: "USD", status: "pending" } });
  });

  test("the visitor's click inside the cookie window, through a custom link, carries the link", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    const visitor = await click(t.db, l.slug);
    const { body } = await sale(t.db, { visitorId: visitor.visitorId });
    expect(body).toMatchObject({ attribution: "click", partnerId: p.id });
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, body.orderId));
    expect(order).toMatchObject({ linkId: l.id, clickId: visitor.clickId, partnerId: p.id });
  });

  test("an expired click does not attribute", async () => {
    const p = await partner(t.db);
    const now = new Date();
    const old = await click(t.db, p.referralCode, { now: new Date(now.getTime() - 31 * DAY) });
    const { body } = await sale(t.db, { visitorId: old.visitorId }, { now });
    expect(body).toMatchObject({ attributed: false, attribution: "none", partnerId: null, commission: null });
  });

  test("clicks of a partner who is not approved never attribute", async () => {
    const p = await partner(t.db, { status: "suspended" });
    const visitor = await click(t.db, p.referralCode);
    expect(visitor.declinedReason).toBe("partner_not_approved");
    expect((await sale(t.db, { visitorId: visitor.visitorId })).body.attribution).toBe("none");
  });

  test("two shoppers behind one address (office or carrier NAT) who click the same partner within the hour each get their sale", async () => {
    const p = await partner(t.db);
    const l = await link(t.db, p.id);
    const nat = { ipHash: hashIp("203.0.113.77"), userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1" };
    const t0 = Date.now() - 40 * 60_000;
    const first = await click(t.db, l.slug, { ...nat, now: new Date(t0) });
    const second = await click(t.db, l.slug, { ...nat, now: new Date(t0 + 20 * 60_000) });
    // the second counts as a repeat of the address in reports, with a visitor id of its own
    expect([first.declinedReason, second.declinedReason]).toEqual([null, "duplicate"]);
    expect(second.visitorId).not.toBe(first.visitorId);
    for (const shopper of [second, first]) {
      const { body } = await sale(t.db, { visitorId: shopper.visitorId });
      expect(body).toMatchObject({ attributed: true, attribution: "click", partnerId: p.id, commission: { amount: 1000 } });
      const [order] = await t.db.select().from(orders).where(eq(orders.externalId, body.orderId));
      expect(order).toMatchObject({ clickId: shopper.clickId, linkId: l.id });
    }
  });

  test("a visitor's repeat click within the hour keeps attributing, to the partner they came back through", async () => {
    const a = await partner(t.db);
    const b = await partner(t.db);
    const t0 = Date.now() - 30 * 60_000;
    const first = await click(t.db, a.referralCode, { now: new Date(t0) });
    await click(t.db, b.referralCode, { visitorId: first.visitorId, now: new Date(t0 + 5 * 60_000) });
    const repeat = await click(t.db, a.referralCode, { visitorId: first.visitorId, now: new Date(t0 + 10 * 60_000) });
    expect(repeat.declinedReason).toBe("duplicate");
    const { body } = await sale(t.db, { visitorId: first.visitorId });
    expect(body).toMatchObject({ attribution: "click", partnerId: a.id });
  });

  test("a referred customer stays with their partner for later orders", async () => {
    const p = await partner(t.db);
    const visitor = await click(t.db, p.referralCode);
    const customer = { id: uid("cust-"), email: `${uid()}@buyer.example` };
    await sale(t.db, { visitorId: visitor.visitorId, customer });
    const later = await sale(t.db, { customer: { id: customer.id } });
    expect(later.body).toMatchObject({ attribution: "lifetime", partnerId: p.id });
    const [row] = await t.db.select().from(customers).where(eq(customers.externalId, customer.id));
    expect(row!.partnerId).toBe(p.id);
  });

  test("without lifetime attribution, a later order without a click is unattributed", async () => {
    await settings(t.db, { lifetimeAttribution: false });
    try {
      const p = await partner(t.db);
      const visitor = await click(t.db, p.referralCode);
      const customer = { id: uid("cust-") };
      await sale(t.db, { visitorId: visitor.visitorId, customer });
      expect((await sale(t.db, { customer })).body.attribution).toBe("none");
    } finally {
      await settings(t.db, { lifetimeAttribution: true });
    }
  });

  test("the same hashed IP and user agent inside the window is the last resort", async () => {
    const p = await partner(t.db);
    const ip = "203.0.113.77";
    const userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile Safari";
    await click(t.db, p.referralCode, { ipHash: hashIp(ip), userAgent });
    expect((await sale(t.db, { ip, userAgent })).body).toMatchObject({ attribution: "ip_user_agent", partnerId: p.id });
    expect((await sale(t.db, { ip, userAgent: "Other browser" })).body.attribution).toBe("none");
  });

  test("first-click credits the earliest partner, last-click the latest", async () => {
    const first = await partner(t.db);
    const last = await partner(t.db);
    const now = new Date();
    const v = await click(t.db, first.referralCode, { now: new Date(now.getTime() - 5 * DAY) });
    await click(t.db, last.referralCode, { visitorId: v.visitorId, now: new Date(now.getTime() - DAY) });
    expect((await sale(t.db, { visitorId: v.visitorId }, { now })).body.partnerId).toBe(last.id);
    await settings(t.db, { attributionModel: "first_click" });
    try {
      expect((await sale(t.db, { visitorId: v.visitorId }, { now })).body.partnerId).toBe(first.id);
    } finally {
      await settings(t.db, { attributionModel: "last_click" });
    }
  });
});

describe("commission of a sale", () => {
  test("precedence: link rate, rate groups per line, partner rate, program default", async () => {
    await upsertProducts(t.db, SYSTEM, [
      { id: "shoe-1", name: "Runner", categoryIds: ["shoes"] },
      { id: "mug-1", name: "Mug", categoryIds: ["kitchen"] },
      { id: "vip-1", name: "VIP shoe", categoryIds: ["shoes"] },
    ]);
    await createRateGroup(t.db, SYSTEM, { name: "Shoes", commissionType: "percentage", commissionRate: 2000, categoryIds: ["shoes"] });
    await createRateGroup(t.db, SYSTEM, { name: "VIP", commissionType: "fixed", commissionRate: 300, productIds: ["vip-1"] });

    const p = await partner(t.db, { commissionType: "percentage", commissionRate: 1500 });
    const visit = await click(t.db, p.referralCode);
    const items = [
      { productId: "shoe-1", quantity: 1, amount: 5000 }, // category group 20 % = 1000
      { productId: "vip-1", quantity: 2, amount: 4000 }, // product group beats category: 2 × 300 = 600
      { productId: "mug-1", quantity: 1, amount: 1000 }, // no group: partner 15 % = 150
    ];
    const mixed = await sale(t.db, { visitorId: visit.visitorId, amount: 10_000, items });
    expect(mixed.body.commission).toMatchObject({ amount: 1750 });

    const plain = await sale(t.db, { visitorId: visit.visitorId, amount: 10_000 });
    expect(plain.body.commission!.amount).toBe(1500);

    const l = await link(t.db, p.id, { commissionType: "fixed", commissionRate: 777 });
    const viaLink = await click(t.db, l.slug);
    expect((await sale(t.db, { visitorId: viaLink.visitorId, items })).body.commission!.amount).toBe(777);

    const q = await partner(t.db);
    const qVisit = await click(t.db, q.referralCode);
    expect((await sale(t.db, { visitorId: qVisit.visitorId, amount: 12_345 })).body.commission!.amount).toBe(1235); // 10 %, 1234.5 rounds up
  });

  test("the order is stored as sent: items in order, metadata, the answer, and the commission's first history line", async () => {
    const p = await partner(t.db, { couponCodes: [uid("STORE")] });
    const items = [
      { productId: "b-item", quantity: 2, amount: 3000 },
      { productId: "a-item", quantity: 1, amount: 1000 },
    ];
    const { body } = await sale(t.db, { couponCode: p.couponCodes[0], amount: 4000, items, metadata: { cart: [1, 2], note: "gift" } });
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, body.orderId));
    expect(order).toMatchObject({ amount: 4000, partnerId: p.id, attribution: "coupon", couponCode: p.couponCodes[0], metadata: { cart: [1, 2], note: "gift" } });
    expect(JSON.stringify(order!.response)).toBe(JSON.stringify(body));
    const stored = await t.db.select().from(orderItems).where(eq(orderItems.orderId, order!.id)).orderBy(orderItems.id);
    expect(stored.map((i) => ({ productId: i.productId, quantity: i.quantity, amount: i.amount }))).toEqual(items);
    const [commission] = await t.db.select().from(commissions).where(eq(commissions.orderId, order!.id));
    expect(commission).toMatchObject({ id: body.commission!.id, amount: 400, originalAmount: 400, status: "pending", kind: "sale", partnerId: p.id });
    const history = await t.db.select().from(commissionEvents).where(eq(commissionEvents.commissionId, commission!.id));
    expect(history).toMatchObject([{ fromStatus: null, toStatus: "pending", toAmount: 400, reason: "recorded", actorType: "api" }]);
  });

  test("an upgrade earns nothing when that setting is on, and the order is still recorded", async () => {
    await settings(t.db, { disableUpgradeReferrals: true });
    try {
      const p = await partner(t.db, { couponCodes: [uid("UP")] });
      const { body } = await sale(t.db, { couponCode: p.couponCodes[0], isUpgrade: true });
      expect(body.commission).toMatchObject({ amount: 0, status: "void", voidReason: "upgrade" });
      expect(await t.db.select().from(orders).where(eq(orders.externalId, body.orderId))).toHaveLength(1);
    } finally {
      await settings(t.db, { disableUpgradeReferrals: false });
    }
  });

  test("a self-referral earns nothing, is flagged, and does not make the partner their own customer", async () => {
    const p = await partner(t.db, { couponCodes: [uid("ME")] });
    const { body } = await sale(t.db, { couponCode: p.couponCodes[0], customer: { id: uid("c-"), email: p.email.toUpperCase() } });
    expect(body.commission).toMatchObject({ amount: 0, status: "void", voidReason: "self_referral" });
    const [order] = await t.db.select().from(orders).where(eq(orders.externalId, body.orderId));
    expect(order!.selfReferral).toBe(true);
  });

  test("a commission starts pending with its history, or approved at once without a hold period", async () => {
    const p = await partner(t.db, { couponCodes: [uid("H")] });
    const pending = await sale(t.db, { couponCode: p.couponCodes[0] });
    const [history] = await t.db.select().from(commissionEvents).where(eq(commissionEvents.commissionId, pending.body.commission!.id));
    expect(history).toMatchObject({ fromStatus: null, toStatus: "pending", toAmount: 1000, actorType: "api" });
    await settings(t.db, { holdDays: 0 });
    try {
      expect((await sale(t.db, { couponCode: p.couponCodes[0] })).body.commission!.status).toBe("approved");
    } finally {
      await settings(t.db, { holdDays: 30 });
    }
  });

  test("an amount in another currency is refused and nothing is written", async () => {
    const orderId = uid("eur-");
    await expect(sale(t.db, { orderId, currency: "EUR" })).rejects.toBeInstanceOf(InvalidError);
    expect(await t.db.select().from(orders).where(eq(orders.externalId, orderId))).toHaveLength(0);
  });
});

describe("exactly once", () => {
  test("the same orderId and body answers 200 with the first answer; other values 409 and nothing changes", async () => {
    const p = await partner(t.db, { couponCodes: [uid("ONCE")] });
    const body = { orderId: uid("once-"), amount: 5000, couponCode: p.couponCodes[0], customer: { id: uid("c-") } };
    const first = await sale(t.db, body);
    expect(first.created).toBe(true);
    const again = await sale(t.db, { customer: body.customer, couponCode: body.couponCode, amount: 5000, orderId: body.orderId });
    expect(again.created).toBe(false);
    // byte for byte the first answer
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    await expect(sale(t.db, { ...body, amount: 5001 })).rejects.toBeInstanceOf(ConflictError);
    const rows = await t.db.select().from(commissions).innerJoin(orders, eq(orders.id, commissions.orderId)).where(eq(orders.externalId, body.orderId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.orders.amount).toBe(5000);
  });

  test("50 concurrent identical posts make one order and one commission", async () => {
    const p = await partner(t.db, { couponCodes: [uid("RACE")] });
    const body = { orderId: uid("race-"), amount: 2000, couponCode: p.couponCodes[0], customer: { id: uid("c-"), email: "race@buyer.example" } };
    const results = await Promise.all(Array.from({ length: 50 }, () => sale(t.db, body)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const [counts] = await t.db
      .select({ orders: sql<number>`count(distinct ${orders.id})::int`, commissions: sql<number>`count(${commissions.id})::int` })
      .from(orders)
      .leftJoin(commissions, eq(commissions.orderId, orders.id))
      .where(eq(orders.externalId, body.orderId));
    expect(counts).toEqual({ orders: 1, commissions: 1 });
  });

  test("without a customer too (one statement, no transaction): 50 concurrent posts, one order, one commission, one history line", async () => {
    const p = await partner(t.db);
    const visitor = await click(t.db, p.referralCode);
    const body = { orderId: uid("race3-"), amount: 3000, visitorId: visitor.visitorId, items: [{ productId: "race-item", quantity: 1, amount: 3000 }] };
    const results = await Promise.all(Array.from({ length: 50 }, () => sale(t.db, body)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const [counts] = await queryRows<{ orders: number; items: number; commissions: number; events: number }>(
      t.db,
      sql`
      select (select count(*)::int from orders where external_id = ${body.orderId}) as orders,
             (select count(*)::int from order_items i join orders o on o.id = i.order_id where o.external_id = ${body.orderId}) as items,
             (select count(*)::int from commissions c join orders o on o.id = c.order_id where o.external_id = ${body.orderId}) as commissions,
             (select count(*)::int from commission_events e join commissions c on c.id = e.commission_id join orders o on o.id = c.order_id
               where o.external_id = ${body.orderId}) as events`,
    );
    expect(counts).toEqual({ orders: 1, items: 1, commissions: 1, events: 1 });
  });

  test("concurrent posts of one orderId with different amounts: one wins, the rest 409", async () => {
    const orderId = uid("race2-");
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => sale(t.db, { orderId, amount: 1000 + i })));
    const won = outcomes.filter((o) => o.status === "fulfilled");
    expect(won).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ConflictError)).toHaveLength(9);
  });
});
