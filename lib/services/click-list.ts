import "server-only";
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { clickQuarterHours, clicks, links, orders, partnerClickTotals, partners } from "@/db/schema";
import type { Db } from "@/db/types";
import { localMidnight } from "@/lib/domain/date-range";
import { parseUserAgent, type UserAgentSummary } from "@/lib/domain/user-agent";
import type { ClickFilters } from "@/lib/schemas/click-list";
import type { ClickDeclineReason } from "@/lib/schemas/enums";
import { offsetOf } from "@/lib/schemas/list-params";

// The click log (admin → Clicks). A million clicks must list in well under 300 ms, so:
// - rows: the page of ids comes from an index in (created_at, id) order (migration 0006),
//   then only those rows are joined and their user agents parsed;
// - total: never count(*) over the table. Counted clicks are in the counters the click
//   trigger keeps (per quarter hour, per partner); declined clicks and any other filter get
//   a bounded count that stops at COUNT_CAP and is shown as "10,000+".

export const COUNT_CAP = 10_000;
/** Declined clicks sit in a small partial index, so the whole log's total can afford a larger bound. */
export const DECLINED_COUNT_CAP = 100_000;

export interface ClickLogRow {
  id: number;
  createdAt: Date;
  partnerId: string;
  partnerName: string;
  referralCode: string;
  linkId: string | null;
  linkSlug: string | null;
  landingUrl: string | null;
  referrer: string | null;
  userAgent: string | null;
  agent: UserAgentSummary | null;
  declinedReason: ClickDeclineReason | null;
  converted: boolean;
}

export interface ClickTotal {
  /** Exact, or COUNT_CAP-bounded (then `capped` and the real number is at least this). */
  total: number;
  capped: boolean;
}

/** The instants [start, end) of a from/to pair of local dates (both inclusive). */
export function clickPeriod(filters: Pick<ClickFilters, "from" | "to">, timeZone: string): { start?: Date; end?: Date } {
  const start = filters.from ? localMidnight(filters.from, timeZone) : undefined;
  let end: Date | undefined;
  if (filters.to) {
    const [y, m, d] = filters.to.split("-").map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    end = localMidnight(next, timeZone);
  }
  return { start, end };
}

const convertedSql = sql<boolean>`exists (select 1 from ${orders} where ${orders.clickId} = ${clicks.id})`;

function whereOf(filters: ClickFilters, timeZone: string): SQL | undefined {
  const { start, end } = clickPeriod(filters, timeZone);
  const conditions: (SQL | undefined)[] = [
    filters.partner ? eq(clicks.partnerId, filters.partner) : undefined,
    filters.status === "counted"
      ? isNull(clicks.declinedReason)
      : filters.status === "declined"
        ? isNotNull(clicks.declinedReason)
        : filters.status
          ? eq(clicks.declinedReason, filters.status)
          : undefined,
    filters.converted === "yes" ? convertedSql : filters.converted === "no" ? sql`not ${convertedSql}` : undefined,
    start ? gte(clicks.createdAt, start) : undefined,
    end ? lt(clicks.createdAt, end) : undefined,
  ];
  return and(...conditions.filter(Boolean));
}

async function boundedCount(db: Db, where: SQL | undefined, cap: number): Promise<ClickTotal> {
  const capped = db
    .select({ one: sql`1` })
    .from(clicks)
    .where(where)
    .limit(cap + 1)
    .as("capped");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
  const n = Number(row?.n ?? 0);
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false };
}

/** Counted clicks in [start, end) from the quarter-hour counters (local midnights fall on quarter hours). */
async function countedFromCounters(db: Db, start?: Date, end?: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(${clickQuarterHours.clicks}), 0)` })
    .from(clickQuarterHours)
    .where(and(start ? gte(clickQuarterHours.bucket, start) : undefined, end ? lt(clickQuarterHours.bucket, end) : undefined));
  return Number(row?.n ?? 0);
}

async function countedForPartner(db: Db, partnerId: string): Promise<number> {
  const [row] = await db.select({ n: partnerClickTotals.clicks }).from(partnerClickTotals).where(eq(partnerClickTotals.partnerId, partnerId));
  return Number(row?.n ?? 0);
}

/** How many clicks match, read from the counters where they can answer exactly. */
export async function countClicks(db: Db, filters: ClickFilters, timeZone: string, caps = { any: COUNT_CAP, declined: DECLINED_COUNT_CAP }): Promise<ClickTotal> {
  const { start, end } = clickPeriod(filters, timeZone);
  const counterAnswers = !filters.converted && (filters.status === undefined || filters.status === "counted");
  if (counterAnswers && (!filters.partner || (!start && !end))) {
    const counted = filters.partner ? await countedForPartner(db, filters.partner) : await countedFromCounters(db, start, end);
    if (filters.status === "counted") return { total: counted, capped: false };
    // Declined clicks are not in the counters: add them, bounded (a partial index holds them).
    const declined = await boundedCount(db, whereOf({ ...filters, status: "declined" }, timeZone), caps.declined);
    return { total: counted + declined.total, capped: declined.capped };
  }
  return boundedCount(db, whereOf(filters, timeZone), caps.any);
}

function clickRowsQuery(db: Db, where: SQL | undefined, dir: "asc" | "desc", limit: number, offset: number) {
  const order = dir === "asc" ? asc : desc;
  // The page of ids alone first, straight off an index in (created_at, id) order; the joins
  // and the converted check then run for these rows only.
  const page = db
    .select({ id: clicks.id })
    .from(clicks)
    .where(where)
    .orderBy(order(clicks.createdAt), order(clicks.id))
    .limit(limit)
    .offset(offset)
    .as("page");
  return db
    .select({
      id: clicks.id,
      createdAt: clicks.createdAt,
      partnerId: clicks.partnerId,
      partnerName: partners.name,
      referralCode: partners.referralCode,
      linkId: clicks.linkId,
      linkSlug: links.slug,
      landingUrl: clicks.landingUrl,
      referrer: clicks.referrer,
      userAgent: clicks.userAgent,
      declinedReason: clicks.declinedReason,
      converted: convertedSql,
    })
    .from(page)
    .innerJoin(clicks, eq(clicks.id, page.id))
    .innerJoin(partners, eq(partners.id, clicks.partnerId))
    .leftJoin(links, eq(links.id, clicks.linkId))
    .orderBy(order(clicks.createdAt), order(clicks.id));
}

export interface ClickListQuery {
  filters: ClickFilters;
  /** By time: newest first unless "asc". */
  dir?: "asc" | "desc";
  page: number;
  size: number;
  timeZone: string;
  /** Bounds of the count (tests make them small). */
  caps?: { any: number; declined: number };
}

export async function listClicks(db: Db, q: ClickListQuery): Promise<{ rows: ClickLogRow[]; total: number; capped: boolean }> {
  const where = whereOf(q.filters, q.timeZone);
  const [rows, count] = await Promise.all([clickRowsQuery(db, where, q.dir ?? "desc", q.size, offsetOf(q)), countClicks(db, q.filters, q.timeZone, q.caps)]);
  return {
    rows: rows.map((r) => ({ ...r, converted: !!r.converted, agent: parseUserAgent(r.userAgent) })),
    // A capped count never hides rows that are on screen.
    total: Math.max(count.total, offsetOf(q) + rows.length),
    capped: count.capped,
  };
}

export const MAX_EXPORT_ROWS = 100_000;

/** The filtered clicks for a CSV, in the list's order (newest first by default), at most MAX_EXPORT_ROWS. */
export async function exportClicks(db: Db, filters: ClickFilters, timeZone: string, dir: "asc" | "desc" = "desc"): Promise<ClickLogRow[]> {
  const rows = await clickRowsQuery(db, whereOf(filters, timeZone), dir, MAX_EXPORT_ROWS, 0);
  // A log has few distinct user agents; read each once.
  const agents = new Map<string, UserAgentSummary | null>();
  return rows.map((r) => {
    const key = r.userAgent ?? "";
    if (!agents.has(key)) agents.set(key, parseUserAgent(r.userAgent));
    return { ...r, converted: !!r.converted, agent: agents.get(key) ?? null };
  });
}
