import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { adjustments, commissions, orders, partnerClickTotals, payouts } from "@/db/schema";
import { hashIp } from "@/lib/server/ip-hash";
import { API_ACTOR, click, partner, sale, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { partnerBalances } from "./balances";
import { approveDueCommissions } from "./commissions-hold";
import { listPartners, type PartnerListQuery } from "./partner-list";
import { recordRefund } from "./tracking/refunds";

const t = setupTestDatabase();
const DAY = 86_400_000;

const list = (query: Partial<PartnerListQuery>) => listPartners(t.db, { sort: "joined", dir: "desc", limit: 25, offset: 0, ...query });

/** What the list should say, added up from the partner's own rows. */
async function totalsByHand(partnerId: string) {
  const [o] = await t.db
    .select({ n: sql<number>`count(*)::int`, revenue: sql<string>`coalesce(sum(${orders.amount} - ${orders.refundedAmount}), 0)` })
    .from(orders)
    .where(eq(orders.partnerId, partnerId));
  const all = await t.db.select().from(commissions).where(eq(commissions.partnerId, partnerId));
  const adj = await t.db.select().from(adjustments).where(eq(adjustments.partnerId, partnerId));
  const [k] = await t.db.select({ n: sql<number>`count(*)::int` }).from(sql`clicks`).where(sql`partner_id = ${partnerId} and declined_reason is null`);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    clicks: Number(k!.n),
    conversions: Number(o!.n),
    revenue: Number(o!.revenue),
    commissions: sum(all.filter((c) => c.status !== "void").map((c) => c.amount)) + sum(adj.filter((a) => a.commissionId).map((a) => a.amount)),
    balance: sum(all.filter((c) => c.status === "approved" && !c.payoutId).map((c) => c.amount)) + sum(adj.filter((a) => !a.payoutId).map((a) => a.amount)),
    pending: sum(all.filter((c) => c.status === "pending").map((c) => c.amount)),
  };
}

describe("one partner's totals", () => {
  let partnerId = "";
  beforeAll(async () => {
    const coupon = uid("TOT");
    const p = await partner(t.db, { name: uid("Totals "), couponCodes: [coupon] });
    partnerId = p.id;
    const old = new Date(Date.now() - 40 * DAY);
    // clicks: three that count, one repeat that is declined
    await click(t.db, p.referralCode, { ipHash: hashIp("198.51.100.7") });
    await click(t.db, p.referralCode, { ipHash: hashIp("198.51.100.7") });
    await click(t.db, p.referralCode);
    await click(t.db, p.referralCode);
    // 10000 long ago: commission 1000, approved once its hold period is over
    await sale(t.db, { amount: 10_000, couponCode: coupon }, { now: old });
    // 5000 today, half refunded: commission 500 → 250, still pending
    const half = await sale(t.db, { amount: 5000, couponCode: coupon.toLowerCase() });
    await recordRefund(t.db, { orderId: half.body.orderId, amount: 2500 }, { actor: API_ACTOR });
    // 2000 today, fully refunded: commission void
    const voided = await sale(t.db, { amount: 2000, couponCode: coupon });
    await recordRefund(t.db, { orderId: voided.body.orderId }, { actor: API_ACTOR });
    // 8000 long ago, paid out, then half refunded: a clawback of 400 against the balance
    const paid = await sale(t.db, { amount: 8000, couponCode: coupon }, { now: old });
    const payoutId = randomUUID();
    await t.db.insert(payouts).values({ id: payoutId, partnerId, amount: 800, currency: "USD", method: "paypal" });
    await t.db.update(commissions).set({ status: "paid", payoutId }).where(eq(commissions.id, paid.body.commission!.id));
    await recordRefund(t.db, { orderId: paid.body.orderId, amount: 4000 }, { actor: API_ACTOR });
    await approveDueCommissions(t.db);
  });

  test("the list's totals are what adding up the partner's clicks, orders and commissions gives", async () => {
    const { rows, total } = await list({ q: (await t.db.query.partners.findFirst({ where: (p, { eq }) => eq(p.id, partnerId) }))!.email });
    expect(total).toBe(1);
    const row = rows[0]!;
    const byHand = await totalsByHand(partnerId);
    expect(row).toMatchObject(byHand);
    // and those are the numbers the story above tells
    // (commissions net of the 400 clawback: 10 % of the revenue net of refunds)
    expect(byHand).toEqual({ clicks: 3, conversions: 4, revenue: 16_500, commissions: 1650, balance: 600, pending: 250 });
    const [counter] = await t.db.select().from(partnerClickTotals).where(eq(partnerClickTotals.partnerId, partnerId));
    expect(counter!.clicks).toBe(3);
  });

  test("the list's balance is partnerBalances' balance", async () => {
    const { rows } = await list({ sort: "balance", dir: "desc", limit: 100 });
    const balances = await partnerBalances(t.db, rows.map((r) => r.id));
    for (const r of rows) expect({ id: r.id, balance: r.balance, pending: r.pending }).toEqual({ id: r.id, ...balances.get(r.id) });
    expect(rows.find((r) => r.id === partnerId)).toMatchObject({ balance: 600, pending: 250 });
  });
});

describe("sort, search and filter", () => {
  const tag = uid("srt");
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    // three approved partners with different totals, one pending, all named with the tag
    const plan = [
      { key: "b", clicks: 2, sales: [3000] },
      { key: "a", clicks: 1, sales: [1000, 1000, 1000, 1000] },
      { key: "c", clicks: 5, sales: [] },
    ];
    for (const p of plan) {
      const coupon = `${tag}-${p.key}-cpn`;
      const created = await partner(t.db, { name: `${tag} ${p.key}`, email: `${tag}-${p.key}@example.com`, couponCodes: [coupon] });
      ids[p.key] = created.id;
      for (let i = 0; i < p.clicks; i++) await click(t.db, created.referralCode);
      for (const amount of p.sales) await sale(t.db, { amount, couponCode: coupon });
    }
    ids.d = (await partner(t.db, { name: `${tag} d`, email: `${tag}-d@example.com`, status: "pending" })).id;
  });
  const keys = (rows: { id: string }[]) => rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0]);

  // Groups of keys in order; inside a group (a tie) the order is the id's, so any order.
  test.each([
    ["name", "asc", [["a"], ["b"], ["c"], ["d"]]],
    ["name", "desc", [["d"], ["c"], ["b"], ["a"]]],
    ["clicks", "desc", [["c"], ["b"], ["a"], ["d"]]],
    ["clicks", "asc", [["d"], ["a"], ["b"], ["c"]]],
    ["conversions", "desc", [["a"], ["b"], ["c", "d"]]],
    ["revenue", "desc", [["a"], ["b"], ["c", "d"]]],
    ["revenue", "asc", [["c", "d"], ["b"], ["a"]]],
    ["commissions", "desc", [["a"], ["b"], ["c", "d"]]],
    ["balance", "desc", [["a", "b", "c", "d"]]],
    ["joined", "asc", [["b"], ["a"], ["c"], ["d"]]],
    ["joined", "desc", [["d"], ["c"], ["a"], ["b"]]],
    ["status", "asc", [["a", "b", "c"], ["d"]]],
    ["status", "desc", [["d"], ["a", "b", "c"]]],
  ] as const)("sort by %s %s", async (sort, dir, groups) => {
    const { rows, total } = await list({ q: tag, sort, dir });
    expect(total).toBe(4);
    const got = keys(rows);
    let at = 0;
    for (const group of groups) {
      expect(new Set(got.slice(at, at + group.length))).toEqual(new Set(group));
      at += group.length;
    }
  });

  test("pages are slices of the same order, and the count is of every match", async () => {
    const all = await list({ q: tag, sort: "name", dir: "asc" });
    const second = await list({ q: tag, sort: "name", dir: "asc", limit: 2, offset: 2 });
    expect(second.total).toBe(4);
    expect(second.rows.map((r) => r.id)).toEqual(all.rows.slice(2).map((r) => r.id));
    const byRevenue = await list({ q: tag, sort: "revenue", dir: "desc", limit: 1, offset: 1 });
    expect(byRevenue.rows.map((r) => r.id)).toEqual([ids.b]);
  });

  test("search finds by name, email, referral code and coupon code, case-insensitively", async () => {
    expect(keys((await list({ q: `${tag} B` })).rows)).toEqual(["b"]);
    expect(keys((await list({ q: `${tag}-c@EXAMPLE` })).rows)).toEqual(["c"]);
    expect(keys((await list({ q: `${tag}-A-CPN` })).rows)).toEqual(["a"]);
    const d = await t.db.query.partners.findFirst({ where: (p, { eq }) => eq(p.id, ids.d!) });
    expect(keys((await list({ q: d!.referralCode.toUpperCase() })).rows)).toEqual(["d"]);
    // LIKE's wildcards are taken literally
    expect((await list({ q: `${tag}%` })).total).toBe(0);
    expect((await list({ q: `${tag.slice(0, 3)}_${tag.slice(4)}` })).total).toBe(0);
  });

  test("the status filter keeps only that status, with or without a search", async () => {
    expect(keys((await list({ q: tag, status: "pending" })).rows)).toEqual(["d"]);
    expect((await list({ q: tag, status: "approved" })).total).toBe(3);
    const pending = await list({ status: "pending", limit: 100 });
    expect(pending.rows.every((r) => r.status === "pending")).toBe(true);
    expect(pending.rows.map((r) => r.id)).toContain(ids.d);
  });

  test("rows carry the partner's coupons and rate", async () => {
    const { rows } = await list({ q: `${tag}-a-cpn` });
    expect(rows[0]).toMatchObject({ name: `${tag} a`, couponCodes: [`${tag}-a-cpn`], commissionType: null, commissionRate: null, status: "approved" });
  });
});
