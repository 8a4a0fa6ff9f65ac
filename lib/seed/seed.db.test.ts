import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { queryRows } from "@/db/open";
import { runCli } from "@/lib/cli/run";
import { appUrl } from "@/lib/env";
import { tableSnapshot } from "@/lib/testing/table-snapshot";
import { setupTestDatabase } from "@/lib/testing/test-database";
import { getSettings } from "@/lib/services/settings";
import { planLinks, planPartners } from "./partners";
import { Rng } from "./random";
import { planTraffic } from "./traffic";

// Seeds a test database once through the CLI (the default 90 days: the 30-day hold splits
// the commissions into paid, approved and pending) and checks what a merchant would notice.

const t = setupTestDatabase();
const DAY = 86_400_000;
const DAYS = 90;
let output: string[] = [];
let startedAt: Date;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    openDb: async () => ({ db: t.db, kind: t.kind, close: async () => {} }),
  });
  return { code, out, err };
}

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.db, query);

beforeAll(async () => {
  startedAt = new Date();
  const result = await cli("db", "seed");
  expect(result.err).toEqual([]);
  expect(result.code).toBe(0);
  output = result.out;
}, 180_000);

describe("db seed", () => {
  test("prints a short summary and sets up the program", async () => {
    expect(output[0]).toMatch(/^Seeded "Northwind Outdoor Partners" \(seed 1, 90 days of traffic\) in [\d.]+ s:$/);
    for (const label of ["Partners", "Clicks", "Orders", "Revenue", "Commissions", "Payouts"]) expect(output.join("\n")).toContain(label);
    expect(output.length).toBeLessThanOrEqual(10);
    const settings = await getSettings(t.db);
    expect(settings).toMatchObject({ name: "Northwind Outdoor Partners", currency: "USD", cookieDays: 30, holdDays: 30, minPayout: 5000, defaultCommissionRate: 1000, actionCommissions: { signup: 200 } });
  });

  test("every product's picture is an image the app serves itself, a few KB at most", async () => {
    const images = await rows<{ id: string; image_url: string }>(sql`select id, image_url from products`);
    expect(images.length).toBeGreaterThan(30);
    for (const { image_url } of images) {
      const url = new URL(image_url);
      expect(url.origin).toBe(appUrl());
      const file = join(process.cwd(), "public", url.pathname);
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size).toBeLessThan(4096);
    }
  });

  test("partners exist in every status, with example addresses, and only approved ones hold coupons", async () => {
    const statuses = await rows<{ status: string; n: number }>(sql`select status, count(*)::int as n from partners group by 1`);
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({ approved: 17, pending: 4, rejected: 2, suspended: 2 });
    const emails = await rows<{ email: string }>(sql`select email from partners union all select email from customers where email is not null`);
    for (const { email } of emails) expect(email).toMatch(/@([a-z0-9-]+\.)*(example\.com|[a-z0-9-]+\.example)$/);
    const holders = await rows<{ status: string; code: string }>(sql`select p.status, c.code from coupon_codes c join partners p on p.id = c.partner_id`);
    expect(holders.length).toBeGreaterThan(4);
    for (const h of holders) {
      expect(h.status).toBe("approved");
      expect(h.code).toBe(h.code.toUpperCase());
    }
    const rates = await rows<{ t: string | null; n: number }>(sql`select commission_type as t, count(*)::int as n from partners where status = 'approved' group by 1`);
    expect(rates.map((r) => r.t).sort()).toEqual(["fixed", "percentage", null].sort());
  });

  test("partners joined before their first click: established ones months ago, applications in the last weeks", async () => {
    const list = await rows<{ status: string; created_at: string; approved_at: string | null; first_click: string | null }>(
      sql`select p.status, p.created_at, p.approved_at, (select min(c.created_at) from clicks c where c.partner_id = p.id) as first_click from partners p`,
    );
    const time = (v: string | null) => (v ? new Date(v).getTime() : null);
    for (const p of list) {
      const joined = time(p.created_at)!;
      if (p.first_click) expect(joined).toBeLessThan(time(p.first_click)!);
      if (p.status === "pending") expect(joined).toBeGreaterThan(startedAt.getTime() - 22 * DAY);
      else expect(joined).toBeLessThan(startedAt.getTime() - DAYS * DAY);
      expect(time(p.approved_at)).toBe(p.status === "approved" || p.status === "suspended" ? joined + DAY : null);
    }
    expect(new Set(list.map((p) => p.created_at)).size).toBe(list.length);
    const [early] = await rows<{ n: number }>(
      sql`select count(*)::int as n from links l join partners p on p.id = l.partner_id
           where l.created_at < p.created_at or l.created_at > (select coalesce(min(c.created_at), 'infinity') from clicks c where c.link_id = l.id)`,
    );
    expect(early!.n).toBe(0);
  });

  test("traffic has declined bots, duplicates and clicks of partners who are not approved", async () => {
    const reasons = await rows<{ r: string | null; n: number }>(sql`select declined_reason as r, count(*)::int as n from clicks group by 1`);
    const byReason = Object.fromEntries(reasons.map((r) => [r.r ?? "counted", r.n]));
    expect(byReason.counted).toBeGreaterThan(1000);
    expect(byReason.bot).toBeGreaterThan(0);
    expect(byReason.duplicate).toBeGreaterThan(0);
    expect(byReason.partner_not_approved).toBeGreaterThan(0);
    const [range] = await rows<{ first: string; last: string }>(sql`select min(created_at) as first, max(created_at) as last from clicks`);
    expect(new Date(range!.first).getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - DAYS * DAY - 60_000);
    expect(new Date(range!.last).getTime()).toBeLessThanOrEqual(Date.now());
  });

  test("orders carry a commission exactly when attributed, and amounts add up", async () => {
    const orders = await rows<{ attribution: string; partner_id: string | null; commission: string | null; amount: number; refunded_amount: number; items: number; self_referral: boolean }>(
      sql`select o.attribution, o.partner_id, c.id as commission, o.amount::int as amount, o.refunded_amount::int as refunded_amount, o.self_referral,
                 (select coalesce(sum(i.amount), 0)::int from order_items i where i.order_id = o.id) as items
            from orders o left join commissions c on c.order_id = o.id`,
    );
    expect(orders.length).toBeGreaterThan(80);
    const rules = new Set(orders.map((o) => o.attribution));
    for (const rule of ["click", "coupon", "lifetime", "none"]) expect(rules).toContain(rule);
    for (const o of orders) {
      expect(!!o.commission).toBe(o.attribution !== "none");
      expect(!!o.partner_id).toBe(o.attribution !== "none");
      expect(o.refunded_amount).toBeLessThanOrEqual(o.amount);
      expect(o.items).toBe(o.amount);
    }
    expect(orders.filter((o) => o.self_referral).length).toBeGreaterThanOrEqual(1);
    // Line items are catalog price × quantity.
    const [mismatch] = await rows<{ n: number }>(sql`select count(*)::int as n from order_items i join products p on p.id = i.product_id where i.amount <> p.price * i.quantity`);
    expect(mismatch!.n).toBe(0);
  });

  test("refunds and self-referrals void commissions; none is negative", async () => {
    const voids = await rows<{ reason: string; n: number }>(sql`select void_reason as reason, count(*)::int as n from commissions where status = 'void' group by 1`);
    const byReason = Object.fromEntries(voids.map((v) => [v.reason, v.n]));
    expect(byReason.refunded).toBeGreaterThanOrEqual(1);
    expect(byReason.self_referral).toBeGreaterThanOrEqual(1);
    const [negative] = await rows<{ n: number }>(sql`select count(*)::int as n from commissions where amount < 0 or amount > original_amount`);
    expect(negative!.n).toBe(0);
    const [refunds] = await rows<{ n: number; partial: number }>(
      sql`select count(*)::int as n, count(*) filter (where r.amount < o.amount)::int as partial from refunds r join orders o on o.id = r.order_id`,
    );
    expect(refunds!.n).toBeGreaterThan(2);
    expect(refunds!.partial).toBeGreaterThan(0);
  });

  test("commissions older than the hold period are approved, newer ones pending", async () => {
    const list = await rows<{ status: string; created_at: string; kind: string }>(sql`select status, created_at, kind from commissions`);
    const holdEnd = Date.now() - 30 * DAY;
    const old = list.filter((c) => c.status !== "void" && new Date(c.created_at).getTime() < startedAt.getTime() - 30 * DAY);
    const recent = list.filter((c) => c.status !== "void" && new Date(c.created_at).getTime() > holdEnd);
    expect(old.length).toBeGreaterThan(10);
    expect(recent.length).toBeGreaterThan(10);
    for (const c of old) expect(["approved", "paid"]).toContain(c.status);
    for (const c of recent) expect(c.status).toBe("pending");
    expect(list.some((c) => c.kind === "lead")).toBe(true);
  });

  test("payout runs on the 5th paid every partner due, each payout adding up to what it took", async () => {
    const list = await rows<{ id: string; amount: number; method: string; transaction_id: string; created_at: string; commissions: number; adjustments: number; has_method: boolean }>(
      sql`select p.id, p.amount::int as amount, p.method, p.transaction_id, p.created_at,
                 (select coalesce(sum(c.amount), 0)::int from commissions c where c.payout_id = p.id) as commissions,
                 (select coalesce(sum(a.amount), 0)::int from adjustments a where a.payout_id = p.id) as adjustments,
                 pa.payout_method = p.method as has_method
            from payouts p join partners pa on pa.id = p.partner_id where p.status = 'completed'`,
    );
    expect(list.length).toBeGreaterThan(3);
    for (const p of list) {
      const at = new Date(p.created_at);
      expect([at.getUTCDate(), at.getUTCHours()]).toEqual([5, 9]);
      expect(p.amount).toBe(p.commissions + p.adjustments);
      expect(p.amount).toBeGreaterThanOrEqual(5000);
      expect(p.has_method).toBe(true);
      expect(p.transaction_id).toMatch(/^(PAYID-[A-Z0-9]{24}|tr_\w{24}|SEPA-\d{12}|CREDIT-\d{8})$/);
    }
    const [mismatch] = await rows<{ paid_without: number; unpaid_with: number }>(
      sql`select count(*) filter (where status = 'paid' and payout_id is null)::int as paid_without,
                 count(*) filter (where status <> 'paid' and payout_id is not null)::int as unpaid_with from commissions`,
    );
    expect(mismatch).toEqual({ paid_without: 0, unpaid_with: 0 });
    // Nobody with a payout method was left over the minimum with commissions that had cleared the hold at the last run.
    const lastRun = Math.max(...list.map((p) => new Date(p.created_at).getTime()));
    const [left] = await rows<{ n: number }>(
      sql`select count(*)::int as n from (
            select c.partner_id from commissions c join partners pa on pa.id = c.partner_id
             where c.status = 'approved' and c.payout_id is null and pa.payout_method is not null and c.created_at < ${new Date(lastRun - 31 * DAY).toISOString()}::timestamptz
             group by c.partner_id having sum(c.amount) >= 5000) due`,
    );
    expect(left!.n).toBe(0);
  });

  test("a refund after its commission was paid leaves a clawback for the next payout", async () => {
    const clawbacks = await rows<{ amount: number; commission_status: string; refund_at: string; paid_at: string }>(
      sql`select a.amount::int as amount, c.status as commission_status, r.created_at as refund_at, p.created_at as paid_at
            from adjustments a join commissions c on c.id = a.commission_id join payouts p on p.id = c.payout_id
            join refunds r on r.id = a.refund_id`,
    );
    expect(clawbacks.length).toBeGreaterThanOrEqual(1);
    for (const a of clawbacks) {
      expect(a.commission_status).toBe("paid");
      expect(a.amount).toBeLessThan(0);
      expect(new Date(a.refund_at).getTime()).toBeGreaterThan(new Date(a.paid_at).getTime());
    }
    const summary = output.find((l) => l.trim().startsWith("Payouts"))!;
    expect(summary).toMatch(/Payouts\s+\$[\d,]+\.\d\d\s+\d+ payments; \d+ clawbacks? \(-\$[\d,.]+\)/);
  });

  test("a second seed is refused with one line, exit 1, and changes nothing", async () => {
    const before = await tableSnapshot(t.db);
    const again = await cli("db", "seed", "--days", "1");
    expect(again.code).toBe(1);
    expect(again.err).toHaveLength(1);
    expect(again.err[0]).toMatch(/^error: This database already has 25 partners/);
    expect(await tableSnapshot(t.db)).toEqual(before);
  });

  test("usage: --help, bad options", async () => {
    const help = await cli("db", "seed", "--help");
    expect(help.code).toBe(0);
    expect(help.out.join("\n")).toContain("db seed [--seed N] [--days N]");
    expect((await cli("--help")).out.join("\n")).toContain("db seed");
    const bad = await cli("db", "seed", "--seed", "abc");
    expect(bad.code).toBe(2);
    expect(bad.err).toHaveLength(1);
    expect(bad.err[0]).toContain("--seed");
  });
});

describe("the plan is deterministic", () => {
  const plan = (seed: number) => {
    const rng = new Rng(seed);
    const partners = planPartners(rng);
    const links = planLinks(rng, partners, "https://northwind.example");
    const events = planTraffic(rng, { partners, links, storeUrl: "https://northwind.example", end: new Date("2025-06-30T12:00:00Z"), days: 90, holdDays: 30 });
    return { partners, links, events };
  };

  test("the same seed gives the same partners and traffic; another seed does not", () => {
    const a = plan(1);
    const b = plan(1);
    expect(b.partners.map((p) => p.name)).toEqual(a.partners.map((p) => p.name));
    expect(b.partners.map((p) => p.referralCode)).toEqual(a.partners.map((p) => p.referralCode));
    expect(JSON.stringify(b.events)).toEqual(JSON.stringify(a.events));
    expect(plan(2).partners.map((p) => p.name)).not.toEqual(a.partners.map((p) => p.name));
  });

  test("the default volume stays in the demo's range and in time order", () => {
    for (const seed of [1, 2, 3]) {
      const { events } = plan(seed);
      const clicks = events.filter((e) => e.kind === "click").length;
      const sales = events.filter((e) => e.kind === "sale").length;
      expect(clicks).toBeGreaterThanOrEqual(3000);
      expect(clicks).toBeLessThanOrEqual(6000);
      expect(sales).toBeGreaterThanOrEqual(150);
      expect(sales).toBeLessThanOrEqual(400);
      for (let i = 1; i < events.length; i++) expect(events[i]!.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.at.getTime());
    }
  });

  test("the same seed gives the same partner names in the database", async () => {
    const names = await rows<{ name: string }>(sql`select name from partners`);
    expect(names.map((n) => n.name).sort()).toEqual(plan(1).partners.map((p) => p.name).sort());
  });
});
