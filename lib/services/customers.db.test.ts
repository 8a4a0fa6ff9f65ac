import { eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { commissions, orders } from "@/db/schema";
import { customerListSpec } from "@/lib/schemas/customers";
import { parseListParams, type SearchParams } from "@/lib/schemas/list-params";
import { API_ACTOR, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { changeCommissionStatus } from "./commissions";
import { exportCustomers, getCustomer, listCustomers } from "./customers";
import { createPayout } from "./payouts";
import { recordLead } from "./tracking/leads";
import { recordRefund } from "./tracking/refunds";
import { SYSTEM } from "./actor";

const t = setupTestDatabase();
const params = (raw: SearchParams) => parseListParams(raw, customerListSpec);
const DAY = 86_400_000;

/** A partner with three referred customers and one customer of nobody's. */
async function program() {
  const p = await partner(t.db, { couponCodes: [uid("CU")] });
  const coupon = p.couponCodes[0]!;
  const tag = uid("c");
  const ada = { id: `${tag}-ada`, email: `ada-${tag}@example.com`, name: "Ada Lovelace" };
  const bob = { id: `${tag}-bob`, email: `bob-${tag}@example.com`, name: "Bob Builder" };
  const cyd = { id: `${tag}-cyd`, email: `cyd-${tag}@example.com`, name: "Cyd Charisse" };
  const now = Date.now();

  const first = await sale(t.db, { couponCode: coupon, amount: 10_000, customer: ada, items: [{ productId: "sku-a", quantity: 2, amount: 10_000 }] }, { now: new Date(now - 3 * DAY) });
  // a later order of Ada's without the coupon still counts (lifetime attribution)
  const second = await sale(t.db, { amount: 4_999, customer: { id: ada.id } }, { now: new Date(now - DAY) });
  await recordRefund(t.db, { orderId: first.body.orderId, amount: 2_500, refundId: uid("re_") }, { actor: API_ACTOR });
  await sale(t.db, { couponCode: coupon, amount: 30_000, customer: bob }, { now: new Date(now - 2 * DAY) });
  const bobVoided = await sale(t.db, { couponCode: coupon, amount: 1_000, customer: { id: bob.id } }, { now: new Date(now - 2 * DAY) });
  await changeCommissionStatus(t.db, SYSTEM, { id: bobVoided.body.commission!.id, action: "void", reason: "fraud" });
  // Cyd only signed up (a lead with an action commission), no order yet
  const s = await settings(t.db, { actionCommissions: { signup: 200 } });
  await recordLead(t.db, { eventName: "signup", customer: { id: cyd.id, email: cyd.email, name: cyd.name }, couponCode: coupon }, { actor: API_ACTOR, settings: s });
  // not referred: never listed
  await sale(t.db, { amount: 7_000, customer: { id: `${tag}-nobody`, email: `nobody-${tag}@example.com` } });
  return { p, tag, ada, bob, cyd, first, second };
}

describe("the list of referred customers", () => {
  test("numbers are the sums of each customer's orders; only referred customers", async () => {
    const { p, ada, bob, cyd } = await program();
    const { rows, total } = await listCustomers(t.db, params({ partner: p.id }));
    expect(total).toBe(3);
    const byExt = Object.fromEntries(rows.map((r) => [r.externalId, r]));
    expect(byExt[ada.id]).toMatchObject({ partnerId: p.id, partnerName: p.name, email: ada.email, orders: 2, revenue: 10_000 - 2_500 + 4_999, commission: 750 + 500 });
    expect(byExt[bob.id]).toMatchObject({ orders: 2, revenue: 31_000, commission: 3_000 });
    expect(byExt[cyd.id]).toMatchObject({ orders: 0, revenue: 0, commission: 200, firstOrderAt: null });

    // the same numbers, summed straight from the orders and commissions tables
    for (const row of rows) {
      const own = await t.db.select().from(orders).where(eq(orders.customerId, row.id));
      expect(row.orders).toBe(own.length);
      expect(row.revenue).toBe(own.reduce((n, o) => n + o.amount - o.refundedAmount, 0));
      const ownCommissions = own.length ? await t.db.select().from(commissions).where(inArray(commissions.orderId, own.map((o) => o.id))) : [];
      const leadCommission = row.externalId === cyd.id ? 200 : 0;
      expect(row.commission).toBe(ownCommissions.filter((c) => c.status !== "void").reduce((n, c) => n + c.amount, 0) + leadCommission);
      if (own.length) expect(row.firstOrderAt).toEqual(new Date(Math.min(...own.map((o) => o.createdAt.getTime()))));
    }
  });

  test("sorted by first order, orders, revenue; customers without orders last by first order", async () => {
    const { p, ada, bob, cyd } = await program();
    const ids = async (raw: SearchParams) => (await listCustomers(t.db, params({ partner: p.id, ...raw }))).rows.map((r) => r.externalId);
    // newest first order first: Bob's (2 days ago) before Ada's (3 days ago); Cyd has none
    expect(await ids({})).toEqual([bob.id, ada.id, cyd.id]);
    expect(await ids({ sort: "first_order", dir: "asc" })).toEqual([ada.id, bob.id, cyd.id]);
    expect(await ids({ sort: "revenue", dir: "desc" })).toEqual([bob.id, ada.id, cyd.id]);
    expect(await ids({ sort: "revenue", dir: "asc" })).toEqual([cyd.id, ada.id, bob.id]);
    // a tie (two orders each) falls back to the newest customer first
    expect(await ids({ sort: "orders", dir: "asc" })).toEqual([cyd.id, bob.id, ada.id]);
    expect(await ids({ sort: "orders", dir: "desc" })).toEqual([bob.id, ada.id, cyd.id]);
  });

  test("search by email, name or the store's customer id; the export matches the list", async () => {
    const { p, ada, bob, tag } = await program();
    const find = async (q: string) => (await listCustomers(t.db, params({ q }))).rows.map((r) => r.externalId);
    expect(await find(ada.email.toUpperCase())).toEqual([ada.id]);
    expect(await find(`${tag}-bob`)).toEqual([bob.id]);
    expect((await find("Lovelace")).includes(ada.id)).toBe(true);
    expect(await find(`nobody-${tag}`)).toEqual([]);
    const exported = await exportCustomers(t.db, params({ partner: p.id, sort: "revenue" }));
    expect(exported.map((r) => r.externalId)).toEqual((await listCustomers(t.db, params({ partner: p.id, sort: "revenue" }))).rows.map((r) => r.externalId));
  });
});

test("a customer's page: partner, orders with items, refunds and commission, and leads", async () => {
  const { p, ada, first, second } = await program();
  const [row] = (await listCustomers(t.db, params({ q: ada.email }))).rows;
  const detail = await getCustomer(t.db, row!.id);
  expect(detail.customer).toMatchObject({ externalId: ada.id, email: ada.email, name: "Ada Lovelace", partnerId: p.id, partnerName: p.name });
  expect(detail.customer.referredAt).toBeInstanceOf(Date);
  expect(detail.totals).toEqual({ orders: 2, revenue: 12_499, commission: 1_250 });
  expect(detail.orders.map((o) => o.externalId)).toEqual([second.body.orderId, first.body.orderId]);
  const [, older] = detail.orders;
  expect(older).toMatchObject({ amount: 10_000, refundedAmount: 2_500, attribution: "coupon", commissionAmount: 750, commissionOriginalAmount: 1_000, commissionStatus: "pending" });
  expect(older!.items).toEqual([expect.objectContaining({ productId: "sku-a", quantity: 2, amount: 10_000 })]);
  expect(older!.refunds).toEqual([expect.objectContaining({ amount: 2_500 })]);
  expect(detail.orders[0]).toMatchObject({ attribution: "lifetime", commissionAmount: 500 });
  expect(detail.leads).toEqual([]);

  const cyd = (await listCustomers(t.db, params({ partner: p.id, sort: "orders", dir: "asc" }))).rows[0]!;
  const lead = await getCustomer(t.db, cyd.id);
  expect(lead.leads).toEqual([expect.objectContaining({ eventName: "signup", commissionAmount: 200, commissionStatus: "pending", partnerId: p.id })]);
  expect(lead.totals).toEqual({ orders: 0, revenue: 0, commission: 200 });
  await expect(getCustomer(t.db, "nope")).rejects.toThrow("No customer");
});

test("an order refunded after its commission was paid: the customer's commission is net of the clawback", async () => {
  const p = await partner(t.db, { couponCodes: [uid("CB")], payoutMethod: "paypal", payoutDetails: { email: "cb@example.com" } });
  const customer = { id: uid("cus-"), email: `${uid("cb")}@example.com` };
  const longAgo = new Date(Date.now() - 40 * DAY); // past the hold: approved, payable
  const kept = await sale(t.db, { couponCode: p.couponCodes[0], amount: 20_000, customer }, { now: longAgo });
  const returned = await sale(t.db, { couponCode: p.couponCodes[0], amount: 10_000, customer: { id: customer.id } }, { now: longAgo });
  await createPayout(t.db, SYSTEM, { partnerId: p.id, transactionId: uid("TX-") });
  await recordRefund(t.db, { orderId: returned.body.orderId, refundId: uid("re_") }, { actor: API_ACTOR }); // all of it, after payout: −1,000

  const [row] = (await listCustomers(t.db, params({ q: customer.email }))).rows;
  expect(row).toMatchObject({ orders: 2, revenue: 20_000, commission: 2_000 });
  const detail = await getCustomer(t.db, row!.id);
  expect(detail.totals).toEqual({ orders: 2, revenue: 20_000, commission: 2_000 });
  const byId = Object.fromEntries(detail.orders.map((o) => [o.externalId, o]));
  expect(byId[returned.body.orderId]).toMatchObject({ commissionAmount: 1_000, commissionStatus: "paid", commissionClawedBack: -1_000 });
  expect(byId[kept.body.orderId]).toMatchObject({ commissionAmount: 2_000, commissionStatus: "paid", commissionClawedBack: 0 });
});
