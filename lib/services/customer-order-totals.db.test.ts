import { eq, inArray, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { customerOrderTotals, customers, orders } from "@/db/schema";
import { API_ACTOR, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { recordRefund } from "./tracking/refunds";

const t = setupTestDatabase();

/** What the totals must say: the customers' orders grouped, straight from `orders`. */
async function grouped(ids: string[]) {
  const rows = await t.db
    .select({
      customerId: orders.customerId,
      orders: sql<number>`count(*)::int`,
      revenue: sql<number>`sum(${orders.amount} - ${orders.refundedAmount})::int`,
      firstOrderAt: sql<string>`min(${orders.createdAt})`.mapWith(orders.createdAt),
    })
    .from(orders)
    .where(inArray(orders.customerId, ids))
    .groupBy(orders.customerId);
  return Object.fromEntries(rows.map((r) => [r.customerId!, { orders: r.orders, revenue: r.revenue, firstOrderAt: r.firstOrderAt }]));
}

async function totals(ids: string[]) {
  const rows = await t.db.select().from(customerOrderTotals).where(inArray(customerOrderTotals.customerId, ids));
  // A customer whose orders all went is the same as one without a row: nothing to show.
  return Object.fromEntries(rows.filter((r) => r.orders > 0).map((r) => [r.customerId, { orders: r.orders, revenue: r.revenue, firstOrderAt: r.firstOrderAt }]));
}

test("the customer order totals always equal grouping the customers' orders", async () => {
  const p = await partner(t.db, { couponCodes: [uid("TOT")] });
  const tag = uid("tot");
  const [ada, bob, cyd] = [`${tag}-ada`, `${tag}-bob`, `${tag}-cyd`];
  const DAY = 86_400_000;
  const now = Date.now();
  const first = await sale(t.db, { couponCode: p.couponCodes[0]!, amount: 10_000, customer: { id: ada } }, { now: new Date(now - 5 * DAY) });
  // concurrent sales for one customer: each adds its own order
  await Promise.all([1, 2, 3].map((i) => sale(t.db, { amount: 1_000 * i, customer: { id: ada } }, { now: new Date(now - i * DAY) })));
  const bobFirst = await sale(t.db, { couponCode: p.couponCodes[0]!, amount: 30_000, customer: { id: bob } }, { now: new Date(now - 4 * DAY) });
  await sale(t.db, { amount: 500, customer: { id: bob } }, { now: new Date(now - DAY) });
  // Cyd was not referred: her orders earn no commission, so one can be deleted.
  const cydFirst = await sale(t.db, { amount: 700, customer: { id: cyd } }, { now: new Date(now - 3 * DAY) });
  await sale(t.db, { amount: 800, customer: { id: cyd } }, { now: new Date(now - DAY) });
  await recordRefund(t.db, { orderId: first.body.orderId, amount: 2_500, refundId: uid("re_") }, { actor: API_ACTOR });

  const ids = (await t.db.select({ id: customers.id }).from(customers).where(inArray(customers.externalId, [ada, bob, cyd]))).map((c) => c.id);
  expect(ids).toHaveLength(3);
  expect(await totals(ids)).toEqual(await grouped(ids));
  const adaId = (await t.db.select({ id: customers.id }).from(customers).where(eq(customers.externalId, ada)))[0]!.id;
  expect((await totals([adaId]))[adaId]).toMatchObject({ orders: 4, revenue: 10_000 - 2_500 + 6_000 });

  // Bob's first order moved to Ada, Cyd's first order deleted: their first orders are looked up again.
  await t.db.update(orders).set({ customerId: adaId }).where(eq(orders.externalId, bobFirst.body.orderId));
  expect(await totals(ids)).toEqual(await grouped(ids));
  await t.db.delete(orders).where(eq(orders.externalId, cydFirst.body.orderId));
  expect(await totals(ids)).toEqual(await grouped(ids));

  // A deleted customer takes their totals along (their orders stay, with no customer).
  await t.db.delete(customers).where(eq(customers.id, adaId));
  expect(await t.db.select().from(customerOrderTotals).where(eq(customerOrderTotals.customerId, adaId))).toEqual([]);
  expect(await totals(ids)).toEqual(await grouped(ids));

  // A customer without orders (e.g. a sign-up) has a row of zeros from the start.
  const [lead] = await t.db.insert(customers).values({ externalId: `${tag}-lead` }).returning();
  expect(await t.db.select().from(customerOrderTotals).where(eq(customerOrderTotals.customerId, lead!.id))).toEqual([{ customerId: lead!.id, orders: 0, revenue: 0, firstOrderAt: null }]);
});
