import "server-only";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/open";
import { demoData } from "@/db/schema";
import type { Database, Db } from "@/db/types";
import { appUrl } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import type { Actor } from "@/lib/services/actor";
import { approveDueCommissions } from "@/lib/services/commissions-hold";
import { getSettings, updateSettings } from "@/lib/services/settings";
import { forgetTrackingSettings } from "@/lib/services/tracking-settings";
import { seedCatalog } from "./catalog";
import { createLinks, createPartners, planJoinDates, planLinks, planPartners } from "./partners";
import { Rng } from "./random";
import { replayEvents, type ReplayCounts } from "./replay";
import { readSummary, type SeedSummary } from "./summary";
import { planTraffic } from "./traffic";

// `npm run cli -- db seed`: a realistic demo program made through the app's own services
// (settings, partners, links, catalog, clicks, leads, sales, refunds, the hold period,
// monthly payouts), so every number on every screen is what the rules give. One
// transaction: an interrupted seed leaves nothing behind, and a database that already has
// partners is refused.

export const STORE_URL = "https://northwind.example";

export const DEMO_SETTINGS = {
  name: "Northwind Outdoor Partners",
  currency: "USD",
  timezone: "UTC",
  storeUrl: STORE_URL,
  cookieDays: 30,
  attributionModel: "last_click",
  lifetimeAttribution: true,
  defaultCommissionType: "percentage",
  defaultCommissionRate: 1000,
  holdDays: 30,
  minPayout: 5000,
  blockSelfReferrals: true,
  actionCommissions: { signup: 200 },
} as const;

export interface SeedOptions {
  /** The PRNG seed: the same seed makes the same program. Default 1. */
  seed?: number;
  /** Days of traffic, ending at `now`. Default 90. */
  days?: number;
  /** The end of the traffic; default the current time. */
  now?: Date;
  actor?: Actor;
  /** The app's public URL, for the demo product images it serves. Default NEXTAUTH_URL. */
  appUrl?: string;
}

export interface SeedResult extends SeedSummary {
  events: ReplayCounts;
}

export class AlreadySeededError extends ConflictError {
  constructor(partners: number) {
    super(`This database already has ${partners} partner${partners === 1 ? "" : "s"}; db seed only fills an empty database, so nothing was changed.`, "already_seeded");
  }
}

/** The seed's own rows in the activity log carry this actor, so a clear can find them. */
export const DEMO_ACTOR: Actor = { type: "system", id: "demo-data", label: "Demo data" };

/**
 * Seeds inside the caller's transaction (lib/services/demo-data.ts adds its own checks and
 * activity entry around it). Records the demo_data row that "Clear demo data" reads.
 */
export async function seedDemoIn(tx: Db, options: SeedOptions & { loadedBy: string }): Promise<SeedResult> {
  const seed = options.seed ?? 1;
  const days = options.days ?? 90;
  const end = options.now ?? new Date();
  const actor = options.actor ?? DEMO_ACTOR;

  // Two seeds started at once on one PostgreSQL: the second waits, then finds partners.
  await tx.execute(sql`select pg_advisory_xact_lock(7355609)`);
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from partners`);
  if (Number(row?.n ?? 0) > 0) throw new AlreadySeededError(Number(row!.n));
  const marked = await tx
    .insert(demoData)
    .values({ id: 1, loadedAt: sql`now()`, loadedBy: options.loadedBy, previousSettings: await getSettings(tx) })
    .onConflictDoNothing()
    .returning({ id: demoData.id });
  if (!marked.length) throw new ConflictError("The demo program is already loaded; nothing was changed.", "demo_loaded");

  const rng = new Rng(seed);
  const settings = await updateSettings(tx, actor, DEMO_SETTINGS);
  await seedCatalog(tx, actor, STORE_URL, options.appUrl ?? appUrl());
  const partners = planPartners(rng);
  const links = planLinks(rng, partners, STORE_URL);
  planJoinDates(rng, partners, links, { start: new Date(end.getTime() - days * 86_400_000), end });
  await createPartners(tx, actor, partners);
  await createLinks(tx, actor, links);

  const events = planTraffic(rng, { partners, links, storeUrl: STORE_URL, end, days, holdDays: settings.holdDays });
  const counts = await replayEvents(tx, events, { actor, settings });
  await approveDueCommissions(tx, end);
  return { ...(await readSummary(tx)), events: counts };
}

export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const result = await db.transaction((tx) => seedDemoIn(tx, { ...options, loadedBy: "Command line" }));
  forgetTrackingSettings(db);
  return result;
}
