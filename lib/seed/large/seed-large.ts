import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import type { Database } from "@/db/types";
import { CLI, type Actor } from "@/lib/services/actor";
import { recordAudit } from "@/lib/services/audit";
import { updateSettings } from "@/lib/services/settings";
import { forgetTrackingSettings } from "@/lib/services/tracking-settings";
import { forgetRefs } from "@/lib/services/tracking/ref-cache";
import { Rng } from "../random";
import { AlreadySeededError, DEMO_SETTINGS, STORE_URL } from "../seed";
import { readSummary, type SeedSummary } from "../summary";
import { withoutSecondaryIndexes } from "./bulk";
import { planCatalog, seedLargeCatalog } from "./catalog";
import { writeClicks, type ClickCounts } from "./clicks";
import { DAY_MS, type PlanContext } from "./context";
import { runLedger } from "./ledger";
import { orderCounts, planOrders } from "./orders";
import { insertPartners, planCoupons, planLinks, planPartners } from "./partners";
import { derived, LARGE_SCALE, type LargeScale } from "./scale";
import { writeOrders } from "./write";

// `npm run cli -- db seed --scale large`: a program the size of a busy store (5,000 partners,
// a million clicks, 100,000 orders over a year) to measure the admin pages against. The demo
// seed replays every event through the services, which would take hours here; this one
// plans the same kinds of rows in memory, applies the same rules (lib/domain: attribution
// by construction, computeCommission, refundEffect; the click counters through their
// trigger) and writes them in multi-row batches. Settings and the catalog still go through
// the services. One transaction: an interrupted seed leaves nothing, a seeded database is
// refused. Meant for PostgreSQL (the CLI refuses the embedded database at this size).

const ORDER_TABLES = ["customers", "orders", "order_items", "payouts", "commissions", "commission_events", "refunds", "adjustments"];

export interface LargeSeedOptions {
  /** Sizes; LARGE_SCALE by default. Tests pass a tiny one. */
  scale?: Partial<LargeScale>;
  /** The PRNG seed for every choice (ids and tokens are random regardless). Default 1. */
  seed?: number;
  /** The end of the traffic; default now. */
  now?: Date;
  actor?: Actor;
  /** Progress lines for a terminal. */
  onProgress?: (line: string) => void;
}

export interface LargeSeedResult extends SeedSummary {
  scale: LargeScale;
  payouts: { count: number; amount: number };
  adjustments: { count: number; amount: number };
  refunds: number;
  /** Seconds per phase. */
  timings: Record<string, number>;
}

export async function seedLarge(db: Database, options: LargeSeedOptions = {}): Promise<LargeSeedResult> {
  const scale: LargeScale = { ...LARGE_SCALE, ...options.scale };
  const actor = options.actor ?? CLI;
  const end = (options.now ?? new Date()).getTime();
  const progress = options.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark) / 1000;
    mark = now;
  };
  const sizes = derived(scale);
  const int = (n: number) => n.toLocaleString("en-US");

  const written = await db.transaction(async (tx) => {
    // Same lock and refusal as the demo seed: two seeds at once, or a database in use.
    await tx.execute(sql`select pg_advisory_xact_lock(7355609)`);
    const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from partners`);
    if (Number(row?.n ?? 0) > 0) throw new AlreadySeededError(Number(row!.n));

    const rng = new Rng(options.seed ?? 1);
    const ctx: PlanContext = { start: end - scale.days * DAY_MS, end, storeUrl: STORE_URL, refs: new Set() };
    const settings = await updateSettings(tx, actor, DEMO_SETTINGS);
    const catalog = planCatalog(rng, scale.products, sizes.categories);
    await seedLargeCatalog(tx, actor, STORE_URL, catalog);
    lap("catalog");

    const partners = planPartners(rng, scale.partners, ctx);
    const coupons = planCoupons(rng, partners, sizes.coupons, ctx);
    const links = planLinks(rng, partners, sizes.links, catalog, ctx);
    await insertPartners(tx, partners, coupons, links);
    lap("partners");
    progress(`partners: ${int(partners.length)}, ${int(coupons.length)} coupons, ${int(links.length)} custom links`);

    const counts = orderCounts(scale.orders);
    const { counts: clicks, conversions } = await withoutSecondaryIndexes(tx, ["clicks"], () =>
      writeClicks(tx, rng, ctx, partners, {
        total: scale.clicks,
        conversions: counts.click + counts.self + counts.ipUserAgent,
        onProgress: (done, total) => progress(`clicks: ${int(done)} of ${int(total)}`),
      }),
    );
    lap("clicks");

    const { orders, customers } = planOrders(rng, ctx, { count: scale.orders, partners, coupons, conversions, catalog, settings });
    const ledger = runLedger(rng, ctx, orders, settings);
    ledger.events.sort((a, b) => a.at - b.at);
    lap("plan orders");
    progress(`orders: ${int(orders.length)} for ${int(customers.length)} customers; writing them with their commissions…`);
    await withoutSecondaryIndexes(tx, ORDER_TABLES, () => writeOrders(tx, customers, orders, ledger, settings.currency));
    await recordAudit(tx, actor, "seed.large", { type: "program" }, { ...scale, clicks: clicks.total, orders: orders.length, customers: customers.length });
    lap("orders");
    return { clicks, ledger };
  });

  // Statistics for the planner (and the visibility map for index-only scans) right away,
  // instead of whenever autovacuum gets to a million new rows.
  progress("vacuum analyze…");
  await db.execute(sql`vacuum (analyze)`);
  lap("analyze");
  forgetTrackingSettings(db);
  forgetRefs(db);

  const summary = await readSummary(db);
  checkClickCounts(summary, written.clicks);
  const { ledger } = written;
  return {
    ...summary,
    scale,
    payouts: { count: ledger.payouts.length, amount: ledger.payouts.reduce((s, p) => s + p.amount, 0) },
    adjustments: { count: ledger.adjustments.length, amount: ledger.adjustments.reduce((s, a) => s + a.amount, 0) },
    refunds: ledger.refunds.length,
    timings,
  };
}

/** The summary is read back from the database; it must agree with what was generated. */
function checkClickCounts(summary: SeedSummary, counts: ClickCounts): void {
  if (summary.clicks.total !== counts.total || summary.clicks.counted !== counts.counted) {
    throw new Error(`seed: wrote ${counts.total} clicks (${counts.counted} counted) but the database holds ${summary.clicks.total} (${summary.clicks.counted})`);
  }
}
