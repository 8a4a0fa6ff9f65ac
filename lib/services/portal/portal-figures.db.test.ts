import { beforeAll, describe, expect, test } from "vitest";
import { API_ACTOR, click, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "../actor";
import { partnerBalance } from "../balances";
import { listCommissions } from "../commission-list";
import { getOverview } from "../overview/get-overview";
import { dailyActivity, findPartnerDetail, partnerKpis } from "../partner-detail";
import { balanceOf, createPayout, voidPayout } from "../payouts";
import { recordRefund } from "../tracking/refunds";
import { portalActivity } from "./activity";
import { portalEarnings } from "./earnings";
import { portalCommissions, portalPayouts } from "./history";

// The portal shows a partner the same figures the merchant sees for that partner, and only
// that partner's: each portal figure is checked against the admin service that shows it.

const t = setupTestDatabase();
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const everything = { page: 1, size: 100 };

type P = Awaited<ReturnType<typeof partner>>;
let a: P;
let b: P;
let empty: P;
const aOrders: string[] = [];

beforeAll(async () => {
  await settings(t.db, { timezone: "America/Los_Angeles", holdDays: 7 });
  a = await partner(t.db, { name: "Ada Portal", couponCodes: [uid("ADA")], payoutMethod: "paypal", payoutDetails: { email: "ada@example.com" } });
  b = await partner(t.db, { name: "Ben Portal", couponCodes: [uid("BEN")], payoutMethod: "paypal", payoutDetails: { email: "ben@example.com" } });
  empty = await partner(t.db, { name: "Eve Nothing" });
  const coupon = (p: P) => ({ couponCode: p.couponCodes[0] });

  // Ada: three old sales get paid, then one is refunded in part after payout (a clawback);
  // a newer approved sale, one in hold, one refunded in full, clicks across the month.
  for (const amount of [10_000, 20_000, 5_000]) aOrders.push((await sale(t.db, { amount, ...coupon(a) }, { now: daysAgo(20) })).body.orderId);
  const paid = await createPayout(t.db, SYSTEM, { partnerId: a.id, transactionId: uid("TX-") });
  expect(paid.amount).toBe(3_500);
  await recordRefund(t.db, { orderId: aOrders[1]!, amount: 15_000 }, { actor: API_ACTOR }); // −1500 clawback
  await sale(t.db, { amount: 4_000, ...coupon(a) }, { now: daysAgo(10) }); // approved, 400
  await sale(t.db, { amount: 30_000, ...coupon(a) }, { now: daysAgo(1) }); // pending, 3000
  const refunded = await sale(t.db, { amount: 8_000, ...coupon(a) }, { now: daysAgo(3) });
  await recordRefund(t.db, { orderId: refunded.body.orderId }, { actor: API_ACTOR }); // void
  for (const n of [0, 2, 2, 9, 25]) await click(t.db, a.referralCode, { now: daysAgo(n) });

  // Ben: his own sales, clicks and a payout that was voided.
  await sale(t.db, { amount: 50_000, ...coupon(b) }, { now: daysAgo(15) });
  await sale(t.db, { amount: 60_000, ...coupon(b) }, { now: daysAgo(2) });
  const benPaid = await createPayout(t.db, SYSTEM, { partnerId: b.id, transactionId: uid("TX-") });
  await voidPayout(t.db, SYSTEM, benPaid.id, { reason: "sent twice" });
  for (const n of [1, 1, 4]) await click(t.db, b.referralCode, { now: daysAgo(n) });
});

describe("earnings", () => {
  test("paid, payable, pending and a carried negative balance equal the partner page and the payout balance", async () => {
    const earnings = await portalEarnings(t.db, a.id);
    const kpis = await partnerKpis(t.db, a.id);
    expect(earnings).toEqual({ paid: 3_500, approved: 400, adjustments: -1_500, balance: -1_100, pending: 3_000 });
    expect({ paid: earnings.paid, balance: earnings.balance, pending: earnings.pending }).toEqual({ paid: kpis.paid, balance: kpis.balance, pending: kpis.pending });
    expect({ balance: earnings.balance, pending: earnings.pending }).toEqual(await balanceOf(t.db, a.id));
    expect({ balance: earnings.balance, pending: earnings.pending }).toEqual(await partnerBalance(t.db, a.id));
  });

  test("each partner sees their own: Ben's voided payout left his commissions payable", async () => {
    const ben = await portalEarnings(t.db, b.id);
    expect(ben).toEqual({ paid: 0, approved: 5_000, adjustments: 0, balance: 5_000, pending: 6_000 });
    expect(ben.balance).toBe((await partnerKpis(t.db, b.id)).balance);
    expect(await portalEarnings(t.db, empty.id)).toEqual({ paid: 0, approved: 0, adjustments: 0, balance: 0, pending: 0 });
  });
});

describe("activity over a range", () => {
  test("clicks and conversions per day equal the partner page's last 30 days", async () => {
    const now = new Date();
    for (const p of [a, b, empty]) {
      const activity = await portalActivity(t.db, p.id, { range: "30d" }, { now });
      const admin = await dailyActivity(t.db, p.id, "America/Los_Angeles", now);
      expect(activity.series.map((s) => [s.key, s.clicks, s.conversions])).toEqual(admin.map((d) => [d.day, d.clicks, d.conversions]));
    }
  });

  test("revenue, conversions and commission equal the Overview's row for the partner", async () => {
    const now = new Date();
    const overview = await getOverview(t.db, { range: "30d" }, { now });
    for (const p of [a, b]) {
      const activity = await portalActivity(t.db, p.id, { range: "30d" }, { now });
      const row = overview.topPartners.find((r) => r.id === p.id)!;
      expect([activity.revenue, activity.conversions, activity.commissions.total]).toEqual([row.revenue, row.conversions, row.commission]);
    }
    const ada = await portalActivity(t.db, a.id, { range: "30d" }, { now });
    expect(ada).toMatchObject({ clicks: 5, conversions: 6, revenue: 10_000 + 5_000 + 5_000 + 4_000 + 30_000 });
    expect(ada.conversionRate).toBeCloseTo(6 / 5);
    // the clawback after payout (−1 500) counts against the paid commission it reverses
    expect(ada.commissions).toEqual({ paid: 3_500 - 1_500, approved: 400, pending: 3_000, total: 5_400 });
  });

  test.each([["7d"], ["90d"], ["12m"]] as const)("the buckets add up to the figures: %s", async (range) => {
    const activity = await portalActivity(t.db, a.id, { range });
    const sum = (k: "clicks" | "conversions" | "revenue" | "commissions") => activity.series.reduce((s, p) => s + p[k], 0);
    expect([sum("clicks"), sum("conversions"), sum("revenue"), sum("commissions")]).toEqual([activity.clicks, activity.conversions, activity.revenue, activity.commissions.total]);
  });

  test("a range holding only Ben's activity shows Ada nothing", async () => {
    const day = new Date(daysAgo(15));
    const key = day.toLocaleDateString("en-CA", { timeZone: "America/Los_Angeles" });
    const ada = await portalActivity(t.db, a.id, { range: "custom", from: key, to: key });
    expect([ada.clicks, ada.conversions, ada.revenue, ada.commissions.total]).toEqual([0, 0, 0, 0]);
    const ben = await portalActivity(t.db, b.id, { range: "custom", from: key, to: key });
    expect([ben.conversions, ben.revenue]).toEqual([1, 50_000]);
  });
});

describe("lists", () => {
  test("commissions: the same rows, amounts, statuses and void reasons as the admin list filtered to the partner", async () => {
    for (const p of [a, b]) {
      const mine = await portalCommissions(t.db, p.id, everything);
      const admin = await listCommissions(
        t.db,
        { q: "", sort: "date", dir: "desc", page: 1, size: 100, filters: { partner: p.id } },
        { timezone: "UTC" },
      );
      expect(mine.total).toBe(admin.total);
      expect(mine.rows.map((r) => [r.id, r.reference, r.amount, r.status, r.voidReason])).toEqual(
        admin.rows.map((r) => [r.id, r.orderExternalId, r.amount, r.status, r.voidReason]),
      );
    }
    const ada = await portalCommissions(t.db, a.id, everything);
    expect(ada.rows.filter((r) => r.status === "void").map((r) => r.voidReason)).toEqual([expect.stringMatching(/refund/i)]);
    // the order refunded in part after payout: still paid, with what was taken back
    expect(ada.rows.filter((r) => r.clawedBack !== 0).map((r) => [r.status, r.amount, r.clawedBack])).toEqual([["paid", 2_000, -1_500]]);
  });

  test("commissions page: ten at a time, none twice, none missing", async () => {
    const first = await portalCommissions(t.db, a.id, { page: 1, size: 4 });
    const second = await portalCommissions(t.db, a.id, { page: 2, size: 4 });
    expect(first.total).toBe(6);
    expect([first.rows.length, second.rows.length]).toEqual([4, 2]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(6);
  });

  test("payouts: the partner page's payouts, voided ones marked", async () => {
    for (const p of [a, b]) {
      const mine = await portalPayouts(t.db, p.id, everything);
      const detail = await findPartnerDetail(t.db, p.id, { timezone: "UTC" });
      expect(mine.rows.map((r) => [r.id, r.amount, r.method, r.transactionId, r.status])).toEqual(
        detail!.payouts.map((r) => [r.id, r.amount, r.method, r.transactionId, r.status]),
      );
    }
    expect((await portalPayouts(t.db, b.id, everything)).rows.map((r) => r.status)).toEqual(["void"]);
    expect((await portalPayouts(t.db, a.id, everything)).rows.map((r) => [r.amount, r.status])).toEqual([[3_500, "completed"]]);
  });

  test("partner B's rows never appear in A's lists", async () => {
    const ids = async (p: P) => [...(await portalCommissions(t.db, p.id, everything)).rows.map((r) => r.id), ...(await portalPayouts(t.db, p.id, everything)).rows.map((r) => r.id)];
    const [ada, ben] = [await ids(a), await ids(b)];
    expect(ada.length).toBeGreaterThan(0);
    expect(ben.length).toBeGreaterThan(0);
    expect(ada.filter((id) => ben.includes(id))).toEqual([]);
    expect(await ids(empty)).toEqual([]);
  });
});
