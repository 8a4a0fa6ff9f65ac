import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { customers } from "@/db/schema";
import { API_ACTOR, click, link, partner, sale, settings, uid } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { SYSTEM } from "./actor";
import { getCustomer, listCustomers } from "./customers";
import { linkStatsBySlug } from "./links";
import { getOverview } from "./overview/get-overview";
import { listPartners } from "./partner-list";
import { createPayout } from "./payouts";
import { portalActivity } from "./portal/activity";
import { recordRefund } from "./tracking/refunds";

// One partner's commission, seen from every place that shows it: the Partners list, the
// Overview's top partners (and its cards and chart), the partner's portal, the customer
// page and the link's stats. A refund that comes after the commission was paid leaves the
// commission as paid and adds a clawback; every view counts the commission net of it.

const t = setupTestDatabase();
const DAY = 86_400_000;
const NOW = new Date();
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

let partnerId: string;
let slug: string;
let customerId: string;

// 10 % on each order: 1 000 + 400 paid out, then 6 000 of the first order refunded (−600
// clawed back), and 200 still in the hold period: 1 000 net.
const NET = 1_000 + 400 - 600 + 200;

beforeAll(async () => {
  await settings(t.db, { defaultCommissionType: "percentage", defaultCommissionRate: 1_000, holdDays: 7, timezone: "UTC" });
  const p = await partner(t.db, { payoutMethod: "paypal", payoutDetails: { email: "pat@example.com" } });
  partnerId = p.id;
  const l = await link(t.db, p.id);
  slug = l.slug;
  const customer = { id: uid("cust-"), email: "buyer@example.org" };
  const throughLink = async (amount: number, days: number) => {
    const { visitorId } = await click(t.db, slug, { now: daysAgo(days + 1) });
    return (await sale(t.db, { amount, visitorId, customer }, { now: daysAgo(days) })).body;
  };
  const first = await throughLink(10_000, 20);
  await throughLink(4_000, 15);
  expect((await createPayout(t.db, SYSTEM, { partnerId, transactionId: uid("TX-") })).amount).toBe(1_400);
  const refund = await recordRefund(t.db, { orderId: first.orderId, amount: 6_000 }, { actor: API_ACTOR });
  expect(refund.body.adjustment).toMatchObject({ amount: -600 });
  await throughLink(2_000, 1);
  const [row] = await t.db.select({ id: customers.id }).from(customers).where(eq(customers.externalId, customer.id));
  customerId = row!.id;
});

describe("a partner's commission after a refund that follows a payout", () => {
  test("is the same net figure in the partner list, the Overview, the portal, the customer page and the link stats", async () => {
    const partnerList = (await listPartners(t.db, { sort: "joined", dir: "desc", limit: 25, offset: 0 })).rows.find((r) => r.id === partnerId)!;
    const overview = await getOverview(t.db, { range: "30d" }, { now: NOW });
    const topPartner = overview.topPartners.find((r) => r.id === partnerId)!;
    const portal = await portalActivity(t.db, partnerId, { range: "30d" }, { now: NOW });
    const customerPage = await getCustomer(t.db, customerId);
    const customerList = (await listCustomers(t.db, { q: "", sort: "first_order", dir: "desc", page: 1, size: 25, filters: {} })).rows.find((r) => r.id === customerId)!;
    const linkStats = await linkStatsBySlug(t.db, slug);

    expect({
      partnerList: partnerList.commissions,
      overviewTopPartners: topPartner.commission,
      portal: portal.commissions.total,
      customerPage: customerPage.totals.commission,
      customerList: customerList.commission,
      linkStats: linkStats.commission,
    }).toEqual({ partnerList: NET, overviewTopPartners: NET, portal: NET, customerPage: NET, customerList: NET, linkStats: NET });
  });

  test("the Overview's cards and chart and the portal's statuses count the clawback against the paid commission", async () => {
    const overview = await getOverview(t.db, { range: "30d" }, { now: NOW });
    const cards = overview.cards;
    expect([cards.commissionsPaid.current, cards.commissionsOutstanding.current, cards.commissionsPending.current]).toEqual([1_400 - 600, 0, 200]);
    expect(overview.series.reduce((sum, p) => sum + p.commissions, 0)).toBe(NET);
    const portal = await portalActivity(t.db, partnerId, { range: "30d" }, { now: NOW });
    expect(portal.commissions).toEqual({ paid: 800, approved: 0, pending: 200, total: NET });
    expect(portal.series.reduce((sum, p) => sum + p.commissions, 0)).toBe(NET);
  });

  test("revenue agrees too: orders net of the refund", async () => {
    const revenue = 10_000 - 6_000 + 4_000 + 2_000;
    const overview = await getOverview(t.db, { range: "30d" }, { now: NOW });
    expect([
      (await listPartners(t.db, { sort: "joined", dir: "desc", limit: 25, offset: 0 })).rows.find((r) => r.id === partnerId)!.revenue,
      overview.topPartners.find((r) => r.id === partnerId)!.revenue,
      (await portalActivity(t.db, partnerId, { range: "30d" }, { now: NOW })).revenue,
      (await getCustomer(t.db, customerId)).totals.revenue,
      (await linkStatsBySlug(t.db, slug)).revenue,
    ]).toEqual([revenue, revenue, revenue, revenue, revenue]);
  });
});
