import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { payouts, products } from "@/db/schema";
import type { ApiKeyScope } from "@/lib/schemas/enums";
import { apiKey, link, partner, sale, uid } from "@/lib/testing/fixtures";
import { call, expectError, rowCounts, request, type Handler } from "@/lib/testing/http";
import { setupTestDatabase } from "@/lib/testing/test-database";
import * as commissionsRoute from "@/app/api/v1/commissions/route";
import * as linkStatsRoute from "@/app/api/v1/links/[slug]/stats/route";
import * as linksRoute from "@/app/api/v1/links/route";
import * as partnerRoute from "@/app/api/v1/partners/[id]/route";
import * as partnersRoute from "@/app/api/v1/partners/route";
import * as payoutsRoute from "@/app/api/v1/payouts/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as leadRoute from "@/app/api/track/lead/route";
import * as pingRoute from "@/app/api/track/ping/route";
import * as refundRoute from "@/app/api/track/refund/route";
import * as saleRoute from "@/app/api/track/sale/route";

// SPEC.md §6: every route of the REST API and the tracking API, called with a key of each
// scope. A full key passes everywhere; a tracking key only on /api/track/sale|lead|refund|ping;
// a publishable key nowhere yet (its one endpoint, the browser conversion, is not built).
// A refused call answers 403 insufficient_scope and writes nothing.

const t = setupTestDatabase();
const DAY = 86_400_000;

interface Fixture {
  partnerId: string;
  owedPartnerId: string;
  slug: string;
  orderId: string;
}

type Route = { name: string; needs: "full" | "tracking"; send: (key: string, f: Fixture) => Promise<Response> };

const send = (handler: Handler, method: string, path: string, body?: unknown, params: Record<string, string> = {}) => (key: string) =>
  call(handler, request(path, body, { method, key }), params);

const ROUTES: Route[] = [
  { name: "GET /api/v1/partners (dashboard URLs)", needs: "full", send: (key) => send(partnersRoute.GET, "GET", "/api/v1/partners")(key) },
  { name: "POST /api/v1/partners", needs: "full", send: (key) => send(partnersRoute.POST, "POST", "/api/v1/partners", { name: "Scoped", email: `${uid("scoped-")}@example.com` })(key) },
  { name: "GET /api/v1/partners/{id}", needs: "full", send: (key, f) => send(partnerRoute.GET, "GET", `/api/v1/partners/${f.partnerId}`, undefined, { id: f.partnerId })(key) },
  {
    name: "PATCH /api/v1/partners/{id} (payout details)",
    needs: "full",
    send: (key, f) => send(partnerRoute.PATCH, "PATCH", `/api/v1/partners/${f.partnerId}`, { payoutMethod: "paypal", payoutDetails: { email: `${uid("thief-")}@example.com` } }, { id: f.partnerId })(key),
  },
  { name: "POST /api/v1/links", needs: "full", send: (key, f) => send(linksRoute.POST, "POST", "/api/v1/links", { partnerId: f.partnerId, destinationUrl: "https://shop.example.com/x", slug: uid("s-") })(key) },
  { name: "GET /api/v1/links/{slug}/stats", needs: "full", send: (key, f) => send(linkStatsRoute.GET, "GET", `/api/v1/links/${f.slug}/stats`, undefined, { slug: f.slug })(key) },
  { name: "GET /api/v1/commissions", needs: "full", send: (key) => send(commissionsRoute.GET, "GET", "/api/v1/commissions")(key) },
  { name: "GET /api/v1/payouts", needs: "full", send: (key) => send(payoutsRoute.GET, "GET", "/api/v1/payouts")(key) },
  { name: "POST /api/v1/payouts", needs: "full", send: (key, f) => send(payoutsRoute.POST, "POST", "/api/v1/payouts", { partnerId: f.owedPartnerId, method: "other" })(key) },
  { name: "PUT /api/v1/products", needs: "full", send: (key) => send(productsRoute.PUT, "PUT", "/api/v1/products", [{ id: uid("sku-"), name: "Scoped product" }])(key) },
  { name: "POST /api/track/sale", needs: "tracking", send: (key) => send(saleRoute.POST, "POST", "/api/track/sale", { orderId: uid("order-"), amount: 1000 })(key) },
  { name: "POST /api/track/lead", needs: "tracking", send: (key) => send(leadRoute.POST, "POST", "/api/track/lead", { eventName: "signup", customer: { id: uid("cust-") } })(key) },
  { name: "POST /api/track/refund", needs: "tracking", send: (key, f) => send(refundRoute.POST, "POST", "/api/track/refund", { orderId: f.orderId, amount: 1, refundId: uid("re-") })(key) },
  { name: "GET /api/track/ping", needs: "tracking", send: (key) => send(pingRoute.GET, "GET", "/api/track/ping")(key) },
];

const keys = {} as Record<ApiKeyScope, string>;
let fixture: Fixture;

beforeAll(async () => {
  for (const scope of ["full", "tracking", "publishable"] as const) keys[scope] = await apiKey(t.db, scope);
  const p = await partner(t.db, { couponCodes: [uid("SCOPE")] });
  const { body } = await sale(t.db, { amount: 50_000, couponCode: p.couponCodes[0] });
  const owed = await partner(t.db, { couponCodes: [uid("OWED")] });
  await sale(t.db, { amount: 50_000, couponCode: owed.couponCodes[0] }, { now: new Date(Date.now() - 40 * DAY) });
  await t.db.execute(sql`update commissions set status = 'approved' where partner_id = ${owed.id}`);
  const custom = await link(t.db, p.id);
  fixture = { partnerId: p.id, owedPartnerId: owed.id, slug: custom.slug, orderId: body.orderId };
});

/** Row counts, plus a digest of the partners' rows so an update (say, payout details) shows too. */
async function everythingCounted() {
  const count = async (table: typeof payouts | typeof products) => Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);
  const [digest] = await t.db.select({ md5: sql<string>`md5(string_agg(p::text, ',' order by p.id))` }).from(sql`partners p`);
  return { ...(await rowCounts(t.db)), payouts: await count(payouts), products: await count(products), partners: digest!.md5 };
}

const allowed: [ApiKeyScope, Route["needs"]][] = [
  ["full", "full"],
  ["full", "tracking"],
  ["tracking", "tracking"],
];

describe.each(["full", "tracking", "publishable"] as const)("a %s key", (scope) => {
  test.each(ROUTES.map((r) => [r.name, r] as const))("%s", async (_name, route) => {
    const permitted = allowed.some(([s, needs]) => s === scope && needs === route.needs);
    if (permitted) {
      const res = await route.send(keys[scope], fixture);
      expect([401, 403], await res.clone().text()).not.toContain(res.status);
      expect(res.status).toBeLessThan(300);
      return;
    }
    const before = await everythingCounted();
    const res = await route.send(keys[scope], fixture);
    const error = await expectError(res, 403, "insufficient_scope");
    expect(error.message).toContain(route.needs === "full" ? "use a full key" : "use a full or tracking key");
    expect(await everythingCounted()).toEqual(before);
  });
});
