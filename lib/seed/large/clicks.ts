import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import type { ClickDeclineReason } from "@/lib/schemas/enums";
import { BOT_AGENTS, DESKTOP_AGENTS, IN_APP_AGENTS, MOBILE_AGENTS, REFERRERS } from "../data";
import type { Rng } from "../random";
import { BatchWriter, type BulkTable } from "./bulk";
import { DAY_MS, flatToken, HOUR_MS, MINUTE_MS, pickIndex, type PlanContext } from "./context";
import type { LargeLink, LargePartner } from "./partners";
import { BOT_SHARE, DUPLICATE_SHARE } from "./scale";

// A year of clicks, generated day by day in time order and written in batches as they are
// made, so a million of them never sit in memory. Each day's volume follows growth, the
// season and the weekday; each click picks a partner (active by then) by traffic weight.
// Bots, repeats within the hour and clicks of partners who are not approved are declined
// exactly as the click service would decline them. Ids are given here (in time order), so
// orders can point at the clicks that earned them; the statement trigger of migration 0005
// fills the click counters as each batch goes in.

const HOURS = [7, 7, 6, 5, 3, 2, 1.5, 1.5, 1.5, 2, 2.5, 3, 3.5, 4, 5, 5.5, 6, 6, 6, 6.5, 7, 7.5, 8, 8].map((weight, hour) => [hour, weight] as const);
const WEEKDAY = [1.15, 0.9, 0.95, 1, 1, 1.05, 1.2]; // Sunday first
const VISITOR_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PATHS: [string, number][] = [["/", 5], ["/collections/tents", 1], ["/collections/backpacks", 1], ["/collections/hiking-boots", 1], ["/pages/trail-guide", 1]];

export interface ClickRow {
  id: number;
  visitorId: string;
  partner: LargePartner;
  link: LargeLink | null;
  ipHash: string;
  userAgent: string;
  landingUrl: string;
  referrer: string | null;
  declinedReason: ClickDeclineReason | null;
  at: number;
}

/**
 * A counted click of an approved partner that leads to an order, with the visitor's repeat
 * of it within the hour when there was one: a repeat only counts differently in reports, so
 * an order after it is attributed to it (the latest click).
 */
export type Conversion = Omit<ClickRow, "declinedReason" | "landingUrl" | "referrer"> & { repeat?: { id: number; at: number } };

/** The click the live rules pick for an order at `at` from this conversion's visitor. */
export function attributingClickId(conversion: Conversion, at: number): number {
  return conversion.repeat && conversion.repeat.at <= at ? conversion.repeat.id : conversion.id;
}

export interface ClickCounts {
  total: number;
  counted: number;
  bot: number;
  duplicate: number;
  partnerNotApproved: number;
}

const CLICKS: BulkTable<ClickRow> = {
  table: "clicks",
  overridingSystemValue: true,
  columns: [
    { name: "id", type: "bigint" },
    { name: "visitor_id", type: "text" },
    { name: "partner_id", type: "uuid" },
    { name: "link_id", type: "uuid" },
    { name: "ip_hash", type: "text" },
    { name: "user_agent", type: "text" },
    { name: "landing_url", type: "text" },
    { name: "referrer", type: "text" },
    { name: "declined_reason", type: "text" },
    { name: "created_at", type: "timestamptz" },
  ],
  values: (c) => [c.id, c.visitorId, c.partner.id, c.link?.id ?? null, c.ipHash, c.userAgent, c.landingUrl, c.referrer, c.declinedReason, new Date(c.at).toISOString()],
};

export interface ClickPlan {
  total: number;
  /** How many conversions are wanted; a few more are drawn, since some would order after the end. */
  conversions: number;
  onProgress?: (done: number, total: number) => void;
}

/** Relative volume of each day: growth over the year, an outdoor summer, weekends, noise. */
function dayWeights(rng: Rng, ctx: PlanContext, days: number): number[] {
  return Array.from({ length: days }, (_, d) => {
    const mid = new Date(ctx.start + d * DAY_MS + DAY_MS / 2);
    const dayOfYear = (mid.getTime() - Date.UTC(mid.getUTCFullYear(), 0, 1)) / DAY_MS;
    const trend = 0.55 + (0.75 * d) / Math.max(1, days - 1);
    const season = 1 + 0.25 * Math.cos((2 * Math.PI * (dayOfYear - 200)) / 365);
    return trend * season * WEEKDAY[mid.getUTCDay()]! * Math.exp(0.12 * rng.normal());
  });
}

export async function writeClicks(db: Db, rng: Rng, ctx: PlanContext, partners: LargePartner[], plan: ClickPlan): Promise<{ counts: ClickCounts; conversions: Conversion[] }> {
  const days = Math.round((ctx.end - ctx.start) / DAY_MS);
  const weights = dayWeights(rng, ctx, days);
  const totalWeight = weights.reduce((a, b) => a + b, 0);

  // Partners by the moment their clicks may start; each day draws from those active by then.
  const byStart = [...partners].filter((p) => p.weight > 0).sort((a, b) => a.activeFrom - b.activeFrom);
  let running = 0;
  const cumulative = byStart.map((p) => (running += p.weight));
  const approvedWeight = byStart.filter((p) => p.status === "approved").reduce((s, p) => s + p.weight, 0);
  const meanConversion = byStart.filter((p) => p.status === "approved").reduce((s, p) => s + p.weight * p.conversion, 0) / approvedWeight;
  const eligible = plan.total * (1 - BOT_SHARE - DUPLICATE_SHARE) * (approvedWeight / running);
  const chance = Math.min(1, (plan.conversions * 1.12) / Math.max(1, eligible * meanConversion));

  const writer = new BatchWriter(db, CLICKS);
  const counts: ClickCounts = { total: 0, counted: 0, bot: 0, duplicate: 0, partnerNotApproved: 0 };
  const conversions: Conversion[] = [];
  let nextId = 1;
  let reported = 0;
  let cumWeight = 0;
  let active = 0;

  for (let d = 0; d < days; d++) {
    const dayStart = ctx.start + d * DAY_MS;
    const before = Math.round((plan.total * cumWeight) / totalWeight);
    cumWeight += weights[d]!;
    const slots = Math.round((plan.total * cumWeight) / totalWeight) - before;
    while (active < byStart.length && byStart[active]!.activeFrom <= dayStart) active++;
    if (!active || slots <= 0) continue;

    const day: Omit<ClickRow, "id">[] = [];
    while (day.length < slots) {
      const partner = byStart[pickIndex(cumulative, rng.next() * cumulative[active - 1]!, active)]!;
      const hour = rng.weighted(HOURS);
      const at = Math.min(dayStart + hour * HOUR_MS + rng.int(0, HOUR_MS - 1000), ctx.end - MINUTE_MS);
      for (const click of session(rng, ctx, partner, at, dayStart + DAY_MS - 1000)) if (day.length < slots) day.push(click);
    }
    day.sort((a, b) => a.at - b.at);
    // A repeat comes later the same day; it joins its session's conversion (same visitor).
    const converting = new Map<string, Conversion>();
    for (const row of day) {
      const click: ClickRow = { id: nextId++, ...row };
      await writer.add(click);
      counts.total++;
      if (click.declinedReason === "bot") counts.bot++;
      else if (click.declinedReason === "duplicate") {
        counts.duplicate++;
        const conversion = converting.get(click.visitorId);
        if (conversion) conversion.repeat = { id: click.id, at: click.at };
      } else if (click.declinedReason === "partner_not_approved") counts.partnerNotApproved++;
      else {
        counts.counted++;
        if (rng.chance(chance * click.partner.conversion)) {
          const conversion: Conversion = { id: click.id, visitorId: click.visitorId, partner: click.partner, link: click.link, ipHash: click.ipHash, userAgent: click.userAgent, at: click.at };
          conversions.push(conversion);
          converting.set(click.visitorId, conversion);
        }
      }
    }
    if (plan.onProgress && counts.total - reported >= plan.total / 10) {
      reported = counts.total;
      plan.onProgress(counts.total, plan.total);
    }
  }
  await writer.flush();
  // The identity sequence must continue after the ids given here.
  await db.execute(sql`select setval(pg_get_serial_sequence('clicks', 'id'), greatest((select max(id) from clicks), 1))`);
  return { counts, conversions };
}

function userAgent(rng: Rng, partner: LargePartner): string {
  const { kind } = partner;
  if (kind === "instagram" && rng.chance(0.55)) return IN_APP_AGENTS.instagram;
  if (kind === "tiktok" && rng.chance(0.6)) return IN_APP_AGENTS.tiktok;
  if (kind === "club" && rng.chance(0.3)) return IN_APP_AGENTS.facebook;
  return rng.chance(kind === "blog" || kind === "deals" ? 0.45 : 0.62) ? rng.pick(MOBILE_AGENTS) : rng.pick(DESKTOP_AGENTS);
}

/** One visit through a partner's link: a click, sometimes followed by a repeat within the hour. */
function session(rng: Rng, ctx: PlanContext, partner: LargePartner, at: number, dayEnd: number): Omit<ClickRow, "id">[] {
  const code = partner.referralCode;
  const visitorId = flatToken(rng, 22, VISITOR_ALPHABET);
  const ipHash = flatToken(rng, 32, VISITOR_ALPHABET);
  if (rng.chance(BOT_SHARE)) {
    // Crawlers follow referral links without cookies or referrers.
    return [{ visitorId, partner, link: null, ipHash, userAgent: rng.pick(BOT_AGENTS), landingUrl: `${ctx.storeUrl}/?ref=${code}`, referrer: null, declinedReason: "bot", at }];
  }
  const links = partner.links.filter((l) => l.createdAt <= at);
  const link = links.length && rng.chance(0.4) ? rng.pick(links) : null;
  let landingUrl: string;
  if (link) landingUrl = link.destinationUrl;
  else {
    const path = rng.weighted(PATHS);
    const base = path === "/" ? ctx.storeUrl : `${ctx.storeUrl}${path}`;
    // Half arrive through /r/<code> (the store URL), half with ?ref= on a store page.
    landingUrl = rng.chance(0.5) ? base : `${base}?ref=${code}${rng.chance(0.5) ? `&utm_source=${partner.kind}&utm_medium=affiliate` : ""}`;
  }
  const referrer = rng.weighted(REFERRERS[partner.kind]).replace("{site}", partner.site) || null;
  const click = { visitorId, partner, link, ipHash, userAgent: userAgent(rng, partner), landingUrl, referrer, at };
  if (partner.status !== "approved") return [{ ...click, declinedReason: "partner_not_approved" }];
  const clicks: Omit<ClickRow, "id">[] = [{ ...click, declinedReason: null }];
  if (rng.chance(DUPLICATE_SHARE / (1 - BOT_SHARE))) {
    // A double click, or the link opened again within the hour: the same visitor and link.
    clicks.push({ ...click, declinedReason: "duplicate", at: Math.min(at + rng.int(MINUTE_MS, 45 * MINUTE_MS), dayEnd, ctx.end - MINUTE_MS) });
  }
  return clicks;
}
