import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { queryRows } from "@/db/open";
import { computeCommission } from "@/lib/domain/commission";
import { rateOrNull } from "@/lib/domain/rates";
import { reversedShare } from "@/lib/domain/refund";
import { runCli } from "@/lib/cli/run";
import type { CommissionType } from "@/lib/schemas/enums";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { groupRatesFor } from "@/lib/services/rate-groups";
import { getSettings } from "@/lib/services/settings";
import { findAttribution } from "@/lib/services/tracking/attribution-lookup";
import { click } from "@/lib/testing/fixtures";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { AlreadySeededError } from "../seed";
import { seedLarge, type LargeSeedResult } from "./seed-large";
import { unsealToken } from "@/lib/server/token-seal";
import { hashDashboardToken } from "@/lib/services/partner-tokens";

// The large generator at a tiny scale, on both databases: every row it writes must be what
// the app's own rules would have written (attribution, commission, refunds, hold period,
// payouts, click counters), since the admin pages are measured against it.

const t = setupTestDatabase();
const DAY = 86_400_000;
const NOW = new Date("2026-03-15T12:00:00Z");
const SCALE = { partners: 60, clicks: 6000, orders: 600, products: 60 };
let result: LargeSeedResult;
let settings: ProgramSettings;
let indexesBefore: string[];

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);
const n = (v: unknown) => Number(v);
const indexNames = async () =>
  (await rows<{ name: string }>(sql`select indexname as name from pg_indexes where schemaname = current_schema() order by 1`)).map((r) => r.name);

beforeAll(async () => {
  indexesBefore = await indexNames();
  result = await seedLarge(t.db, { scale: SCALE, now: NOW });
  settings = await getSettings(t.db);
}, 120_000);

describe("db seed --scale large (tiny scale)", () => {
  test("makes the program the scale asks for, and a second run is refused", async () => {
    expect(Object.values(result.partners).reduce((a, b) => a + b, 0)).toBe(SCALE.partners);
    expect(result.partners.approved).toBe(51);
    expect(result.clicks.total).toBe(SCALE.clicks);
    expect(result.orders.total).toBe(SCALE.orders);
    expect(result.orders.attributed).toBe(480);
    expect(result.products).toBe(SCALE.products);
    expect(result.rateGroups).toBe(2);
    expect(result.payouts.count).toBeGreaterThan(0);
    expect(result.refunds).toBeGreaterThan(10);
    expect(result.adjustments.count).toBeGreaterThan(0);
    await expect(seedLarge(t.db, { scale: SCALE, now: NOW })).rejects.toThrow(AlreadySeededError);
    // The indexes dropped for the bulk load are all back.
    expect(await indexNames()).toEqual(indexesBefore);
  });

  test("partners: unique lower-case codes sharing one namespace with slugs; coupons only for approved partners", async () => {
    const codes = await rows<{ code: string }>(sql`select referral_code as code from partners union all select slug from links`);
    expect(new Set(codes.map((c) => c.code.toLowerCase())).size).toBe(codes.length);
    for (const { code } of await rows<{ code: string }>(sql`select referral_code as code from partners`)) expect(code).toMatch(/^[a-z0-9-]+$/);
    // Each token stored sealed, opening to the token its hash was made from.
    const tokens = await rows<{ sealed: string; hash: string }>(sql`select dashboard_token_sealed as sealed, dashboard_token_hash as hash from partners`);
    expect(tokens).toHaveLength(SCALE.partners);
    expect(new Set(tokens.map((r) => r.hash)).size).toBe(SCALE.partners);
    for (const { sealed, hash } of tokens) expect(hashDashboardToken(unsealToken(sealed)!)).toBe(hash);
    const [notApproved] = await rows<{ n: number }>(sql`select count(*)::int as n from coupon_codes c join partners p on p.id = c.partner_id where p.status <> 'approved'`);
    expect(notApproved!.n).toBe(0);
    const [rates] = await rows<{ custom: number }>(sql`select count(*)::int as custom from partners where commission_type is not null`);
    expect(rates!.custom).toBeGreaterThan(0);
  });

  test("click counters equal the counted clicks, and new clicks continue after the seeded ids", async () => {
    const [totals] = await rows<{ counted: number; partners: number; links: number; buckets: number }>(
      sql`select (select count(*) from clicks where declined_reason is null)::int as counted,
                 (select coalesce(sum(clicks), 0) from partner_click_totals)::int as partners,
                 (select count(*) from clicks where declined_reason is null and link_id is not null)::int - (select coalesce(sum(clicks), 0) from link_click_totals)::int as links,
                 (select coalesce(sum(clicks), 0) from click_quarter_hours)::int as buckets`,
    );
    expect(totals!.partners).toBe(totals!.counted);
    expect(totals!.buckets).toBe(totals!.counted);
    expect(totals!.links).toBe(0);
    const [perPartner] = await rows<{ n: number }>(
      sql`select count(*)::int as n from partners p
            left join partner_click_totals t on t.partner_id = p.id
            left join (select partner_id, count(*) as c from clicks where declined_reason is null group by 1) c on c.partner_id = p.id
           where coalesce(t.clicks, 0) <> coalesce(c.c, 0)`,
    );
    expect(perPartner!.n).toBe(0);
    const declined = Object.keys(result.clicks.declined).sort();
    expect(declined).toEqual(["bot", "duplicate", "partner_not_approved"]);
    const [{ code }] = (await rows<{ code: string }>(sql`select referral_code as code from partners where status = 'approved' limit 1`)) as [{ code: string }];
    const recorded = await click(t.db, code);
    expect(recorded.clickId).toBe(SCALE.clicks + 1);
  });

  test("every order is attributed as the live rules would attribute it at its moment", async () => {
    const orders = await rows<{
      created_at: string; attribution: string; partner_id: string | null; click_id: number | null; link_id: string | null; coupon_code: string | null;
      ip_hash: string; user_agent: string; external_id: string | null; referred_before: boolean; visitor_id: string | null; click_link: string | null;
    }>(
      sql`select o.created_at, o.attribution, o.partner_id, o.click_id, o.link_id, o.coupon_code, o.ip_hash, o.user_agent,
                 cu.external_id, coalesce(cu.referred_at < o.created_at, false) as referred_before, k.visitor_id, k.link_id as click_link
            from orders o left join customers cu on cu.id = o.customer_id left join clicks k on k.id = o.click_id`,
    );
    const rules = new Set<string>();
    for (const o of orders) {
      const found = await findAttribution(t.db, {
        couponCode: o.coupon_code,
        visitorId: o.attribution === "click" ? o.visitor_id : null,
        customerExternalId: o.referred_before ? o.external_id : null,
        ipHash: o.ip_hash,
        userAgent: o.user_agent,
        now: new Date(o.created_at),
        settings,
      });
      expect({ rule: found.rule, partner: found.partnerId, click: found.clickId === null ? null : n(found.clickId), link: found.linkId }).toEqual({
        rule: o.attribution,
        partner: o.partner_id,
        click: o.click_id === null ? null : n(o.click_id),
        link: o.link_id,
      });
      rules.add(o.attribution);
    }
    expect([...rules].sort()).toEqual(["click", "coupon", "ip_user_agent", "lifetime", "none"]);
  }, 60_000);

  test("every commission is what computeCommission gives, less what refunds took back", async () => {
    const list = await rows<{
      order_id: string; amount: number; original_amount: number; status: string; rate_source: string; rate_type: string | null; rate: number | null; void_reason: string | null;
      order_amount: number; refunded: number; self_referral: boolean; p_type: CommissionType | null; p_rate: number | null; l_type: CommissionType | null; l_rate: number | null;
      adjusted: number; refund_sum: number;
    }>(
      sql`select c.order_id, c.amount, c.original_amount, c.status, c.rate_source, c.rate_type, c.rate, c.void_reason,
                 o.amount as order_amount, o.refunded_amount as refunded, o.self_referral,
                 p.commission_type as p_type, p.commission_rate as p_rate, l.commission_type as l_type, l.commission_rate as l_rate,
                 (select coalesce(sum(a.amount), 0) from adjustments a where a.commission_id = c.id) as adjusted,
                 (select coalesce(sum(r.amount), 0) from refunds r where r.order_id = o.id) as refund_sum
            from commissions c join orders o on o.id = c.order_id join partners p on p.id = c.partner_id left join links l on l.id = o.link_id`,
    );
    expect(list.length).toBe(480);
    const items = await rows<{ order_id: string; product_id: string; quantity: number; amount: number }>(sql`select order_id, product_id, quantity, amount from order_items`);
    const byOrder = new Map<string, { productId: string; quantity: number; amount: number }[]>();
    for (const i of items) byOrder.set(i.order_id, [...(byOrder.get(i.order_id) ?? []), { productId: i.product_id, quantity: n(i.quantity), amount: n(i.amount) }]);
    const groupRates = await groupRatesFor(t.db, items.map((i) => i.product_id));
    const sources = new Set<string>();
    for (const c of list) {
      const lines = byOrder.get(c.order_id) ?? [];
      expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(n(c.order_amount));
      const expected = computeCommission({
        amount: n(c.order_amount),
        items: lines,
        linkRate: rateOrNull(c.l_type, c.l_rate),
        groupRateFor: (id) => groupRates.get(id) ?? null,
        partnerRate: rateOrNull(c.p_type, c.p_rate),
        programRate: { type: settings.defaultCommissionType, value: settings.defaultCommissionRate },
        isUpgrade: false,
        disableUpgradeReferrals: settings.disableUpgradeReferrals,
        selfReferral: c.self_referral,
        blockSelfReferrals: settings.blockSelfReferrals,
      });
      expect({ amount: n(c.original_amount), source: c.rate_source, type: c.rate_type, rate: c.rate === null ? null : n(c.rate) }).toEqual({
        amount: expected.amount,
        source: expected.source,
        type: expected.rate?.type ?? null,
        rate: expected.rate?.value ?? null,
      });
      sources.add(c.rate_source);
      // Refunds: what the order lost, the commission (with its clawbacks) lost in proportion.
      expect(n(c.refund_sum)).toBe(n(c.refunded));
      expect(n(c.refunded)).toBeLessThanOrEqual(n(c.order_amount));
      expect(n(c.amount) + n(c.adjusted)).toBe(n(c.original_amount) - reversedShare(n(c.original_amount), n(c.refunded), n(c.order_amount)));
      expect(n(c.amount)).toBeGreaterThanOrEqual(0);
      expect(n(c.amount)).toBeLessThanOrEqual(n(c.original_amount));
      if (c.status === "void") expect(["refunded", "self_referral"]).toContain(c.void_reason);
    }
    expect([...sources].sort()).toEqual(["link", "partner", "program", "rate_group"]);
    expect(list.some((c) => c.void_reason === "refunded")).toBe(true);
    expect(list.some((c) => c.void_reason === "self_referral")).toBe(true);
  });

  test("statuses follow the hold period, and each commission's history ends at its status", async () => {
    const list = await rows<{ status: string; hold_until: string; amount: number; last_to: string; last_amount: number; first_from: string | null; events: number }>(
      sql`select c.status, c.hold_until, c.amount,
                 (select e.to_status from commission_events e where e.commission_id = c.id order by e.created_at desc, e.id desc limit 1) as last_to,
                 (select e.to_amount from commission_events e where e.commission_id = c.id order by e.created_at desc, e.id desc limit 1) as last_amount,
                 (select e.from_status from commission_events e where e.commission_id = c.id order by e.created_at, e.id limit 1) as first_from,
                 (select count(*) from commission_events e where e.commission_id = c.id)::int as events
            from commissions c`,
    );
    for (const c of list) {
      const due = new Date(c.hold_until).getTime() <= NOW.getTime();
      if (c.status === "pending") expect(due).toBe(false);
      if (c.status === "approved" || c.status === "paid") expect(due).toBe(true);
      expect(c.first_from).toBeNull();
      expect(c.events).toBeGreaterThanOrEqual(1);
      expect({ status: c.last_to, amount: n(c.last_amount) }).toEqual({ status: c.status, amount: n(c.amount) });
    }
    const statuses = new Set(list.map((c) => c.status));
    expect([...statuses].sort()).toEqual(["approved", "paid", "pending", "void"]);
  });

  test("paid commissions sit in payouts whose amounts are their commissions plus netted clawbacks", async () => {
    const [loose] = await rows<{ n: number }>(sql`select count(*)::int as n from commissions where (status = 'paid') <> (payout_id is not null)`);
    expect(loose!.n).toBe(0);
    const payouts = await rows<{ amount: number; commissions: number; adjustments: number; partner_ok: boolean }>(
      sql`select p.amount,
                 (select coalesce(sum(c.amount), 0) from commissions c where c.payout_id = p.id) as commissions,
                 (select coalesce(sum(a.amount), 0) from adjustments a where a.payout_id = p.id) as adjustments,
                 not exists (select 1 from commissions c where c.payout_id = p.id and c.partner_id <> p.partner_id) as partner_ok
            from payouts p`,
    );
    expect(payouts.length).toBe(result.payouts.count);
    for (const p of payouts) {
      expect(n(p.amount)).toBe(n(p.commissions) + n(p.adjustments));
      expect(n(p.amount)).toBeGreaterThanOrEqual(settings.minPayout);
      expect(p.partner_ok).toBe(true);
    }
    // Clawbacks happen only to commissions that were paid before the refund.
    const [clawbacks] = await rows<{ n: number; bad: number }>(
      sql`select count(*)::int as n, count(*) filter (where c.status <> 'paid' or a.amount >= 0)::int as bad from adjustments a join commissions c on c.id = a.commission_id`,
    );
    expect(clawbacks!.n).toBe(result.adjustments.count);
    expect(clawbacks!.bad).toBe(0);
  });

  test("customers keep the first partner who referred them; stored answers name the commission", async () => {
    const [wrong] = await rows<{ n: number }>(
      sql`select count(*)::int as n from customers cu
           where cu.partner_id is distinct from (select o.partner_id from orders o where o.customer_id = cu.id and not o.self_referral order by o.created_at limit 1)`,
    );
    expect(wrong!.n).toBe(0);
    const answers = await rows<{ response: { orderId: string; attributed: boolean; partnerId: string | null; commission: { id: string } | null }; external_id: string; partner_id: string | null; commission_id: string | null }>(
      sql`select o.response, o.external_id, o.partner_id, c.id as commission_id from orders o left join commissions c on c.order_id = o.id`,
    );
    for (const a of answers) {
      const response = typeof a.response === "string" ? JSON.parse(a.response) : a.response;
      expect(Object.keys(response)).toEqual(["orderId", "attributed", "attribution", "partnerId", "commission"]);
      expect({ orderId: response.orderId, partnerId: response.partnerId, commission: response.commission?.id ?? null }).toEqual({ orderId: a.external_id, partnerId: a.partner_id, commission: a.commission_id });
    }
  });

  test("orders spread over the year up to now", async () => {
    const [range] = await rows<{ first: string; last: string }>(sql`select min(created_at) as first, max(created_at) as last from orders`);
    expect(new Date(range!.first).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 365 * DAY);
    expect(new Date(range!.first).getTime()).toBeLessThan(NOW.getTime() - 300 * DAY);
    expect(new Date(range!.last).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(new Date(range!.last).getTime()).toBeGreaterThan(NOW.getTime() - 7 * DAY);
  });
});

describe("db seed --scale (CLI)", () => {
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), openDb: async () => ({ db: t.db, kind: t.kind, close: async () => {} }) });
    return { code, out, err };
  }

  test("bad scales and --days with large are usage mistakes", async () => {
    const bad = await cli("db", "seed", "--scale", "huge");
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toContain("--scale");
    const days = await cli("db", "seed", "--scale", "large", "--days", "5");
    expect(days.code).toBe(2);
    expect(days.err[0]).toContain("--days");
  });

  test("the embedded database is refused with a reason; PostgreSQL finds the program already seeded", async () => {
    const large = await cli("db", "seed", "--scale", "large");
    expect(large.code).toBe(1);
    expect(large.err).toHaveLength(1);
    expect(large.err[0]).toMatch(t.kind === "pglite" ? /needs PostgreSQL: set DATABASE_URL/ : /already has 60 partners/);
  });
});
