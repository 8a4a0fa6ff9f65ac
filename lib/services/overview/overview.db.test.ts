import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { queryRows } from "@/db/open";
import { payouts } from "@/db/schema";
import { timestamptz } from "@/db/sql-helpers";
import type { RangeParams } from "@/lib/schemas/date-range";
import { API_ACTOR, click, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { recordRefund } from "../tracking/refunds";
import { getOverview, type Overview } from "./get-overview";

const t = setupTestDatabase();

// A program in Berlin with a 7-day hold, seen on 2026-05-20 at 12:00 local time. The last 30
// days start at local midnight on Apr 21 = 2026-04-20T22:00Z; the previous period is as long.
const NOW = new Date("2026-05-20T10:00:00Z");
const START = new Date("2026-04-20T22:00:00Z");
const at = (iso: string) => new Date(iso);
const last30: RangeParams = { range: "30d" };

async function plainSum(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(t.db, query);
  return Number(row?.n ?? 0);
}

/** What the lists add up to, by plain queries over the rows themselves. */
async function listTotals(o: Overview) {
  const from = timestamptz(o.period.start);
  const to = timestamptz(o.period.end);
  const commissionsBy = (status: string) =>
    plainSum(
      sql`select coalesce(sum(amount + (select coalesce(sum(a.amount), 0) from adjustments a where a.commission_id = commissions.id)), 0) as n
            from commissions where status = ${status} and created_at >= ${from} and created_at < ${to}`,
    );
  return {
    revenue: await plainSum(sql`select coalesce(sum(amount - refunded_amount), 0) as n from orders where partner_id is not null and created_at >= ${from} and created_at < ${to}`),
    conversions: await plainSum(sql`select count(*) as n from orders where partner_id is not null and created_at >= ${from} and created_at < ${to}`),
    clicks: await plainSum(sql`select count(*) as n from clicks where declined_reason is null and created_at >= ${from} and created_at < ${to}`),
    paid: await commissionsBy("paid"),
    outstanding: await commissionsBy("approved"),
    pending: await commissionsBy("pending"),
    payouts: await plainSum(sql`select coalesce(sum(amount), 0) as n from payouts where status = 'completed' and created_at >= ${from} and created_at < ${to}`),
  };
}

function sumOf<K extends "revenue" | "commissions" | "clicks" | "conversions">(o: Overview, key: K): number {
  return o.series.reduce((total, point) => total + point[key], 0);
}

test("a brand-new program: nothing to show, every figure zero, every bucket there", async () => {
  await settings(t.db, { timezone: "Europe/Berlin", holdDays: 7 });
  const o = await getOverview(t.db, last30, { now: NOW });
  expect(o.hasActivity).toBe(false);
  expect(o.cards.revenue).toEqual({ current: 0, previous: 0 });
  expect(o.cards.conversionRate).toEqual({ current: null, previous: null });
  expect(o.series).toHaveLength(30);
  expect(o.series.every((p) => p.revenue === 0 && p.clicks === 0)).toBe(true);
  expect(o.topPartners).toEqual([]);
});

describe("a month of sales, refunds, clicks and payouts", () => {
  let a: Awaited<ReturnType<typeof partner>>;
  let b: Awaited<ReturnType<typeof partner>>;
  let c: Awaited<ReturnType<typeof partner>>;

  beforeAll(async () => {
    a = await partner(t.db, { name: "Ada Affiliate", couponCodes: [uid("ADA")] });
    b = await partner(t.db, { name: "Ben Blogger", couponCodes: [uid("BEN")] });
    c = await partner(t.db, { name: "Cai Creator", couponCodes: [uid("CAI")] });
    const coupon = (p: typeof a) => ({ couponCode: p.couponCodes[0] });

    // Clicks: counted ones across the period and its boundary, one bot, one repeat.
    const visit = await click(t.db, b.referralCode, { now: at("2026-05-01T23:00:00Z") });
    await click(t.db, b.referralCode, { now: at("2026-05-03T10:00:00Z") });
    await click(t.db, a.referralCode, { now: at("2026-05-19T21:59:00Z") });
    await click(t.db, a.referralCode, { now: START }); // first instant of the period
    await click(t.db, a.referralCode, { now: at("2026-04-20T21:45:00Z") }); // previous period
    await click(t.db, a.referralCode, { now: at("2026-04-02T08:00:00Z") }); // previous period
    await click(t.db, b.referralCode, { now: at("2026-05-04T09:00:00Z"), userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" });
    const again = await click(t.db, b.referralCode, { visitorId: visit.visitorId, now: at("2026-05-01T23:10:00Z") });
    expect(again.declinedReason).not.toBeNull();

    // Sales in the period: by coupon, through a click, refunded in part and in full.
    await sale(t.db, { amount: 10_000, ...coupon(a) }, { now: at("2026-05-10T12:00:00Z") });
    const refundedInPart = await sale(t.db, { amount: 20_000, ...coupon(a) }, { now: at("2026-05-18T12:00:00Z") });
    await recordRefund(t.db, { orderId: refundedInPart.body.orderId, amount: 5_000 }, { actor: API_ACTOR, now: at("2026-05-19T08:00:00Z") });
    // 23:30 UTC on May 1 is 01:30 on May 2 in Berlin
    const viaClick = await sale(t.db, { amount: 30_000, visitorId: visit.visitorId }, { now: at("2026-05-01T23:30:00Z") });
    expect(viaClick.body.attribution).toBe("click");
    const refundedInFull = await sale(t.db, { amount: 15_000, ...coupon(b) }, { now: at("2026-05-05T08:00:00Z") });
    await recordRefund(t.db, { orderId: refundedInFull.body.orderId }, { actor: API_ACTOR, now: at("2026-05-06T08:00:00Z") });
    await sale(t.db, { amount: 7_000, ...coupon(c) }, { now: START });
    // not referred: counts nowhere
    const unattributed = await sale(t.db, { amount: 50_000 }, { now: at("2026-05-06T10:00:00Z") });
    expect(unattributed.body.attributed).toBe(false);

    // The previous period, and before it.
    await sale(t.db, { amount: 8_000, ...coupon(c) }, { now: new Date(START.getTime() - 1) });
    await sale(t.db, { amount: 12_000, ...coupon(a) }, { now: at("2026-04-01T10:00:00Z") });
    await sale(t.db, { amount: 9_000, ...coupon(a) }, { now: at("2026-03-01T10:00:00Z") });

    // B was paid the click sale's commission on May 15; a voided payout does not count.
    const [payout] = await t.db
      .insert(payouts)
      .values({ partnerId: b.id, amount: 3_000, currency: "USD", method: "paypal", createdAt: at("2026-05-15T10:00:00Z") })
      .returning();
    await t.db.execute(sql`update commissions set status = 'paid', payout_id = ${payout!.id} where id = ${viaClick.body.commission!.id}`);
    await t.db.insert(payouts).values({ partnerId: a.id, amount: 999, currency: "USD", method: "paypal", status: "void", createdAt: at("2026-05-16T10:00:00Z") });
    await t.db.insert(payouts).values({ partnerId: a.id, amount: 500, currency: "USD", method: "other", createdAt: at("2026-04-05T10:00:00Z") });
  });

  test("the cards equal what the rows add up to", async () => {
    const o = await getOverview(t.db, last30, { now: NOW });
    expect(o.period.start).toEqual(START);
    const lists = await listTotals(o);
    expect(o.cards.revenue.current).toBe(lists.revenue);
    expect(o.cards.conversions.current).toBe(lists.conversions);
    expect(o.cards.clicks.current).toBe(lists.clicks);
    expect(o.cards.commissionsPaid.current).toBe(lists.paid);
    expect(o.cards.commissionsOutstanding.current).toBe(lists.outstanding);
    expect(o.cards.commissionsPending.current).toBe(lists.pending);
    expect(o.cards.payouts.current).toBe(lists.payouts);

    // and what they are by hand: 10,000 + (20,000 − 5,000) + 30,000 + (15,000 − 15,000) + 7,000
    expect(o.cards.revenue).toEqual({ current: 62_000, previous: 20_000 });
    expect(o.cards.conversions).toEqual({ current: 5, previous: 2 });
    expect(o.cards.clicks).toEqual({ current: 4, previous: 2 });
    expect(o.cards.conversionRate).toEqual({ current: 5 / 4, previous: 2 / 2 });
    // 10 %: 3,000 paid; 1,000 + 700 past the 7-day hold; 2,000 less a quarter still held; the refunded one void
    expect(o.cards.commissionsPaid).toEqual({ current: 3_000, previous: 0 });
    expect(o.cards.commissionsOutstanding).toEqual({ current: 1_700, previous: 2_000 });
    expect(o.cards.commissionsPending).toEqual({ current: 1_500, previous: 0 });
    expect(o.cards.payouts).toEqual({ current: 3_000, previous: 500 });
    expect(o.hasActivity).toBe(true);
  });

  test("the previous period's cards equal its rows too", async () => {
    const o = await getOverview(t.db, last30, { now: NOW });
    const previous = await listTotals({ ...o, period: { ...o.period, start: o.period.previousStart, end: o.period.previousEnd } });
    expect([o.cards.revenue.previous, o.cards.conversions.previous, o.cards.clicks.previous, o.cards.commissionsOutstanding.previous, o.cards.payouts.previous]).toEqual([
      previous.revenue,
      previous.conversions,
      previous.clicks,
      previous.outstanding,
      previous.payouts,
    ]);
  });

  test.each<[string, RangeParams, string]>([
    ["30 days by day", last30, "day"],
    ["90 days by week", { range: "90d" }, "week"],
    ["12 months by month", { range: "12m" }, "month"],
    ["30 days by week", { range: "30d", bucket: "week" }, "week"],
    ["7 days", { range: "7d" }, "day"],
  ])("chart buckets add up to the cards: %s", async (_, params, bucket) => {
    const o = await getOverview(t.db, params, { now: NOW });
    expect(o.period.bucket).toBe(bucket);
    expect(sumOf(o, "revenue")).toBe(o.cards.revenue.current);
    expect(sumOf(o, "conversions")).toBe(o.cards.conversions.current);
    expect(sumOf(o, "clicks")).toBe(o.cards.clicks.current);
    expect(sumOf(o, "commissions")).toBe(o.cards.commissionsPaid.current + o.cards.commissionsOutstanding.current + o.cards.commissionsPending.current);
    expect(new Set(o.series.map((p) => p.key)).size).toBe(o.series.length);
  });

  test("an order at 23:30 UTC counts on the next local day in Berlin, and on the same day in UTC", async () => {
    const berlin = await getOverview(t.db, last30, { now: NOW });
    const day = (o: Overview, key: string) => o.series.find((p) => p.key === key);
    expect(day(berlin, "2026-05-01")).toMatchObject({ revenue: 0, conversions: 0 });
    expect(day(berlin, "2026-05-02")).toMatchObject({ revenue: 30_000, conversions: 1, commissions: 3_000, clicks: 1 });
    // the sale at the first instant of the period is in the first bucket
    expect(berlin.series[0]).toMatchObject({ key: "2026-04-21", revenue: 7_000, clicks: 1 });

    await settings(t.db, { timezone: "UTC" });
    try {
      const utc = await getOverview(t.db, { range: "custom", from: "2026-05-01", to: "2026-05-02" }, { now: NOW });
      expect(utc.series.map((p) => [p.key, p.revenue, p.clicks])).toEqual([
        ["2026-05-01", 30_000, 1],
        ["2026-05-02", 0, 0],
      ]);
      expect(utc.cards.revenue.current).toBe(30_000);
    } finally {
      await settings(t.db, { timezone: "Europe/Berlin" });
    }
  });

  // +05:30 (Node's ICU lists India as Asia/Calcutta, so Settings accepts that name)
  test.each(["Europe/Berlin", "America/Los_Angeles", "Asia/Calcutta"])("buckets are the local days date_trunc gives in %s", async (zone) => {
    await settings(t.db, { timezone: zone });
    try {
      const o = await getOverview(t.db, last30, { now: NOW });
      const from = timestamptz(o.period.start);
      const to = timestamptz(o.period.end);
      const local = (column: ReturnType<typeof sql>) => sql`to_char(date_trunc('day', ${column} at time zone ${zone}::text), 'YYYY-MM-DD')`;
      const orders = await queryRows<{ key: string; revenue: unknown }>(
        t.db,
        sql`select ${local(sql`created_at`)} as key, sum(amount - refunded_amount) as revenue from orders where partner_id is not null and created_at >= ${from} and created_at < ${to} group by 1 order by 1`,
      );
      const clicks = await queryRows<{ key: string; n: unknown }>(
        t.db,
        sql`select ${local(sql`created_at`)} as key, count(*) as n from clicks where declined_reason is null and created_at >= ${from} and created_at < ${to} group by 1 order by 1`,
      );
      expect(o.series.filter((p) => p.revenue > 0).map((p) => [p.key, p.revenue])).toEqual(orders.map((r) => [r.key, Number(r.revenue)]).filter(([, v]) => v !== 0));
      expect(o.series.filter((p) => p.clicks > 0).map((p) => [p.key, p.clicks])).toEqual(clicks.map((r) => [r.key, Number(r.n)]));
    } finally {
      await settings(t.db, { timezone: "Europe/Berlin" });
    }
  });

  test("top partners: by revenue, each row matching that partner's own orders", async () => {
    const o = await getOverview(t.db, last30, { now: NOW });
    expect(o.topPartners.map((p) => [p.name, p.conversions, p.revenue, p.commission])).toEqual([
      ["Ben Blogger", 2, 30_000, 3_000],
      ["Ada Affiliate", 2, 25_000, 2_500],
      ["Cai Creator", 1, 7_000, 700],
    ]);
    const from = timestamptz(o.period.start);
    const to = timestamptz(o.period.end);
    for (const row of o.topPartners) {
      expect(row.revenue).toBe(await plainSum(sql`select coalesce(sum(amount - refunded_amount), 0) as n from orders where partner_id = ${row.id} and created_at >= ${from} and created_at < ${to}`));
      expect(row.commission).toBe(await plainSum(sql`select coalesce(sum(amount), 0) as n from commissions where partner_id = ${row.id} and status <> 'void' and created_at >= ${from} and created_at < ${to}`));
    }
    expect(o.topPartners.reduce((s, p) => s + p.revenue, 0)).toBeLessThanOrEqual(o.cards.revenue.current);
    expect(o.topPartners.map((p) => p.id)).toEqual([b.id, a.id, c.id]);
  });

  test("top partners: ten at most, the smallest left out, and never more than the revenue card", async () => {
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => partner(t.db, { name: `Many ${String(i + 1).padStart(2, "0")}`, couponCodes: [uid("MANY")] })));
    for (const [i, p] of many.entries()) await sale(t.db, { amount: 1_000 * (i + 1), couponCode: p.couponCodes[0] }, { now: at(`2026-02-0${1 + (i % 9)}T12:00:00Z`) });
    const o = await getOverview(t.db, { range: "custom", from: "2026-02-01", to: "2026-02-10" }, { now: NOW });
    expect(o.topPartners).toHaveLength(10);
    expect(o.topPartners.map((p) => p.name)).toEqual(["Many 12", "Many 11", "Many 10", "Many 09", "Many 08", "Many 07", "Many 06", "Many 05", "Many 04", "Many 03"]);
    const shown = o.topPartners.reduce((s, p) => s + p.revenue, 0);
    expect(shown).toBe(o.cards.revenue.current - 1_000 - 2_000);
  });

  test("a commission whose hold ends is outstanding the moment it does", async () => {
    // the partly refunded sale of May 18, 12:00 UTC is held until May 25, 12:00 UTC
    const before = await getOverview(t.db, { range: "custom", from: "2026-05-18", to: "2026-05-18" }, { now: at("2026-05-25T11:59:00Z") });
    expect([before.cards.commissionsPending.current, before.cards.commissionsOutstanding.current]).toEqual([1_500, 0]);
    const after = await getOverview(t.db, { range: "custom", from: "2026-05-18", to: "2026-05-18" }, { now: at("2026-05-25T12:00:00Z") });
    expect([after.cards.commissionsPending.current, after.cards.commissionsOutstanding.current]).toEqual([0, 1_500]);
  });
});
