import "server-only";
import { eq, sql } from "drizzle-orm";
import { demoData } from "@/db/schema";
import { queryRows } from "@/db/open";
import type { Database, Db } from "@/db/types";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { PRODUCTS } from "@/lib/seed/catalog-products";
import { CATEGORY_RATE_GROUP, PRODUCT_RATE_GROUP } from "@/lib/seed/catalog";
import { DEMO_ACTOR, DEMO_SETTINGS, seedDemoIn, type SeedResult } from "@/lib/seed/seed";
import { SETTING_KEYS, type ProgramSettings } from "@/lib/schemas/settings";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { getSettings, updateSettings } from "./settings";
import { forgetTrackingSettings } from "./tracking-settings";

// "Load demo data" and "Clear demo data" on a new program (the Overview's getting-started
// card, `npm run cli -- db seed` / `db clear-demo`). Loading runs the demo seed (lib/seed) in
// one transaction, only on an empty program; the demo_data row it writes there is the guard
// against seeding twice and the record of what a clear may remove.

const mayManageDemo = (actor: Actor) => actor.type === "admin" || actor.type === "cli";

/** What the program already holds; an empty program holds none of these. */
async function programContents(db: Db): Promise<string[]> {
  const [row] = await queryRows<{ partners: number; orders: number; clicks: number; products: number }>(
    db,
    sql`select (select count(*)::int from partners) as partners, (select count(*)::int from orders) as orders,
               (select count(*)::int from clicks) as clicks, (select count(*)::int from products) as products`,
  );
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [
    row!.partners && plural(row!.partners, "partner"),
    row!.orders && plural(row!.orders, "order"),
    row!.clicks && plural(row!.clicks, "click"),
    row!.products && plural(row!.products, "product"),
  ].filter((w): w is string => !!w);
}

export interface DemoLoadResult extends SeedResult {
  seconds: number;
}

export async function loadDemoData(db: Database, actor: Actor, options: { days?: number; appUrl?: string } = {}): Promise<DemoLoadResult> {
  if (!mayManageDemo(actor)) throw new ForbiddenError("Only an admin can load the demo program.");
  const started = performance.now();
  const result = await db.transaction(async (tx) => {
    // A second click waits for the first transaction (the demo_data key and the seed's lock),
    // then lands here and is refused.
    const held = await programContents(tx);
    if (held.length) {
      throw new ConflictError(`Demo data only goes into an empty program, and this one already has ${held.join(", ")}; nothing was changed.`, "program_not_empty");
    }
    const seeded = await seedDemoIn(tx, { ...options, loadedBy: actor.label ?? actor.type });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    await recordAudit(tx, actor, "demo_data.load", { type: "program" }, { partners: Object.values(seeded.partners).reduce((a, b) => a + b, 0), orders: seeded.orders.total, seconds });
    return { ...seeded, seconds };
  });
  forgetTrackingSettings(db);
  return result;
}

export interface DemoStatus {
  loaded: boolean;
  /** Nothing but the demo is in the program: "Load demo data" is offered when this is an empty program. */
  empty: boolean;
}

export async function getDemoStatus(db: Db): Promise<DemoStatus> {
  const [marker] = await db.select({ id: demoData.id }).from(demoData);
  return { loaded: !!marker, empty: !marker && (await programContents(db)).length === 0 };
}

// Compared in SQL, not through a JS Date: timestamps have microseconds, a Date only milliseconds.
const LOADED_AT = sql`(select loaded_at from demo_data where id = 1)`;

/** Partners and orders that arrived after the demo: the merchant's own, which a clear must not take. */
async function addedSinceDemo(tx: Db): Promise<string[]> {
  const [row] = await queryRows<{ partners: number; orders: number; leads: number }>(
    tx,
    sql`select (select count(*)::int from partners where created_at > ${LOADED_AT}) as partners,
               (select count(*)::int from orders where created_at > ${LOADED_AT}) as orders,
               (select count(*)::int from leads where created_at > ${LOADED_AT}) as leads`,
  );
  return [row!.partners && `${row!.partners} partner(s)`, row!.orders && `${row!.orders} order(s)`, row!.leads && `${row!.leads} lead(s)`].filter(
    (w): w is string => !!w,
  );
}

// Every table that holds partners and their traffic and money. Truncated together, so the
// foreign keys among them need no order.
const PROGRAM_TABLES = [
  "payout_batch_items",
  "payout_batches",
  "adjustments",
  "commission_events",
  "commissions",
  "payouts",
  "refunds",
  "order_items",
  "orders",
  "leads",
  "customer_order_totals",
  "customers",
  "click_quarter_hours",
  "link_click_totals",
  "partner_click_totals",
  "click_dedupe",
  "clicks",
  "links",
  "coupon_codes",
  "partner_sessions",
  "partners",
];

export interface DemoClearResult {
  partners: number;
  orders: number;
}

/**
 * Removes the demo program before going live. Money rows (orders, commissions, payouts) are
 * append-only everywhere else in the app; this is the one deliberate exception: they are the
 * seed's made-up history, they were never real money, and the merchant asks for them to go
 * before the first real sale. So it refuses as soon as anything real may be mixed in: any
 * partner, order or lead created after the demo was loaded stops it, and nothing is removed
 * (what happened to the demo partners since, such as a test payout or click, goes with them).
 * API keys, admins, the Integration log and products of the merchant's own stay; settings
 * the seed changed go back to what they were, unless the merchant has changed them since.
 */
export async function clearDemoData(db: Database, actor: Actor): Promise<DemoClearResult> {
  if (!mayManageDemo(actor)) throw new ForbiddenError("Only an admin can clear the demo program.");
  const result = await db.transaction(async (tx) => {
    const [marker] = await tx.select().from(demoData).where(eq(demoData.id, 1)).for("update");
    if (!marker) throw new ConflictError("There is no demo data to clear.", "no_demo_data");
    const added = await addedSinceDemo(tx);
    if (added.length) {
      throw new ConflictError(
        `${added.join(", ")} were added after the demo data was loaded, so it cannot be told apart from your own any more; nothing was removed.`,
        "demo_mixed_with_real_data",
      );
    }
    const [counts] = await queryRows<{ partners: number; orders: number }>(
      tx,
      sql`select (select count(*)::int from partners) as partners, (select count(*)::int from orders) as orders`,
    );
    await tx.execute(sql.raw(`truncate ${PROGRAM_TABLES.join(", ")}`));

    // The seed's catalog: its products and rate groups as it made them, then categories left empty.
    const ids = PRODUCTS.map((p) => p.id);
    await tx.execute(sql`delete from rate_groups where name in (${CATEGORY_RATE_GROUP.name}, ${PRODUCT_RATE_GROUP.name}) and created_at <= ${LOADED_AT}`);
    await tx.execute(sql`delete from products where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and created_at <= ${LOADED_AT}`);
    const categories = [...new Set(PRODUCTS.flatMap((p) => (p.category ? [p.category] : [])))];
    await tx.execute(sql`delete from categories c where c.id in (${sql.join(categories.map((id) => sql`${id}`), sql`, `)})
                            and not exists (select 1 from product_categories pc where pc.category_id = c.id)
                            and not exists (select 1 from rate_group_categories rc where rc.category_id = c.id)`);
    await tx.execute(sql`delete from audit_log where actor_type = ${DEMO_ACTOR.type} and actor_id = ${DEMO_ACTOR.id!}`);

    const previous = marker.previousSettings as Partial<ProgramSettings>;
    const current = await getSettings(tx);
    const demo = DEMO_SETTINGS as Partial<Record<keyof ProgramSettings, unknown>>;
    const untouched = SETTING_KEYS.filter((k) => k in demo && k in previous && JSON.stringify(current[k]) === JSON.stringify(demo[k]));
    const restore = Object.fromEntries(untouched.map((k) => [k, previous[k]]));
    await updateSettings(tx, actor, restore);
    await tx.delete(demoData);
    await recordAudit(tx, actor, "demo_data.clear", { type: "program" }, { partners: counts!.partners, orders: counts!.orders });
    return counts!;
  });
  forgetTrackingSettings(db);
  return result;
}
