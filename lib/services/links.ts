import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { commissions, linkClickTotals, links, orders, partners } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import { appUrl } from "@/lib/env";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CommissionType, LinkCreator } from "@/lib/schemas/enums";
import { isUuid } from "@/lib/schemas/ids";
import { toFieldIssues } from "@/lib/schemas/issues";
import { offsetOf } from "@/lib/schemas/list-params";
import { linkUpdateSchema, type LinkListParams } from "@/lib/schemas/links";
import { newLinkSchema } from "@/lib/schemas/partners";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { lockRefNamespace, referralCodeExists } from "./ref-namespace";
import { forgetRefs } from "./tracking/ref-cache";
import { clawbacksOf } from "./clawbacks";

export interface LinkView {
  id: string;
  slug: string;
  url: string;
  partnerId: string;
  destinationUrl: string;
  commissionType: "percentage" | "fixed" | null;
  commissionRate: number | null;
}

export function customLinkUrl(slug: string): string {
  return `${appUrl()}/a/${encodeURIComponent(slug)}`;
}

function generatedSlug(): string {
  return randomBytes(6).toString("base64url").replace(/[^A-Za-z0-9]/g, "x");
}

const slugTaken = () => new ConflictError("This slug is taken.", "slug_taken", [{ field: "slug", message: "This slug is taken." }]);

export async function createLink(db: Db, actor: Actor, input: unknown, createdBy: LinkCreator = "admin"): Promise<LinkView> {
  const parsed = newLinkSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some link fields are missing or invalid.", toFieldIssues(parsed.error));
  const l = parsed.data;
  for (let attempt = 0; ; attempt++) {
    const slug = l.slug ?? generatedSlug();
    try {
      const created = await db.transaction(async (tx) => {
        const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, l.partnerId));
        if (!partner) throw new InvalidError("No partner with this id.", [{ field: "partnerId", message: "No partner with this id." }], "unknown_partner");
        // A slug equal to a referral code could never be reached by ?ref= (see ref-namespace.ts).
        await lockRefNamespace(tx);
        if (await referralCodeExists(tx, slug)) throw slugTaken();
        const [row] = await tx
          .insert(links)
          .values({ partnerId: l.partnerId, slug, destinationUrl: l.destinationUrl, commissionType: l.commissionType ?? null, commissionRate: l.commissionRate ?? null, createdBy })
          .returning();
        await recordAudit(tx, actor, "link.create", { type: "link", id: row!.id }, { slug, partnerId: l.partnerId, destinationUrl: l.destinationUrl });
        return {
          id: row!.id,
          slug: row!.slug,
          url: customLinkUrl(row!.slug),
          partnerId: row!.partnerId,
          destinationUrl: row!.destinationUrl,
          commissionType: row!.commissionType,
          commissionRate: row!.commissionRate,
        };
      });
      forgetRefs(db);
      return created;
    } catch (error) {
      if (uniqueViolation(error) === "links_slug_key") {
        if (!l.slug && attempt < 5) continue;
        throw slugTaken();
      }
      throw error;
    }
  }
}

export interface LinkStats {
  clicks: number;
  sales: number;
  revenue: number;
  commission: number;
}

/** Clicks that count (the trigger-kept counter), orders through the link, revenue net of refunds, commission not void. */
export async function linkStatsBySlug(db: Db, slug: string): Promise<LinkStats> {
  const [row] = await db
    .select({ clicks: clicksOf, sales: salesOf, revenue: revenueOf, commission: commissionOf })
    .from(links)
    .leftJoin(linkClickTotals, eq(linkClickTotals.linkId, links.id))
    .where(sql`lower(${links.slug}) = ${slug.toLowerCase()}`);
  if (!row) throw new NotFoundError("No link with this slug.", "unknown_link");
  return { clicks: Number(row.clicks), sales: Number(row.sales), revenue: Number(row.revenue), commission: Number(row.commission) };
}

// The numbers of a link, per link row (each an index lookup: orders_link_idx, commissions_order_key).
const clicksOf = sql<number>`coalesce(${linkClickTotals.clicks}, 0)`;
const salesOf = sql<number>`(select count(*) from ${orders} where ${orders.linkId} = ${links.id})`;
const revenueOf = sql<number>`(select coalesce(sum(${orders.amount} - ${orders.refundedAmount}), 0) from ${orders} where ${orders.linkId} = ${links.id})`;
// Commission net of clawbacks: an order refunded after its commission was paid earns nothing in the end.
const commissionOf = sql<number>`(select coalesce(sum(${commissions.amount} + ${clawbacksOf(commissions.id)}), 0) from ${commissions} inner join ${orders} on ${orders.id} = ${commissions.orderId} where ${orders.linkId} = ${links.id} and ${commissions.status} <> 'void')`;

export interface LinkListRow extends LinkStats {
  id: string;
  slug: string;
  url: string;
  partnerId: string;
  partnerName: string;
  partnerEmail: string;
  destinationUrl: string;
  commissionType: CommissionType | null;
  commissionRate: number | null;
  createdBy: LinkCreator;
  createdAt: Date;
}

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function linkWhere(params: Pick<LinkListParams, "q" | "filters">): SQL | undefined {
  const q = params.q.trim();
  return and(
    params.filters.partner ? eq(links.partnerId, params.filters.partner) : undefined,
    q
      ? or(ilike(links.slug, containing(q)), ilike(links.destinationUrl, containing(q)), ilike(partners.name, containing(q)), ilike(partners.email, containing(q)))
      : undefined,
  );
}

const SORTS = { createdAt: links.createdAt, clicks: clicksOf, sales: salesOf, revenue: revenueOf } as const;

function linkRows(db: Db, params: Pick<LinkListParams, "q" | "filters" | "sort" | "dir">) {
  const key = SORTS[params.sort];
  const order = params.dir === "asc" ? asc : desc;
  return db
    .select({
      id: links.id,
      slug: links.slug,
      partnerId: links.partnerId,
      partnerName: partners.name,
      partnerEmail: partners.email,
      destinationUrl: links.destinationUrl,
      commissionType: links.commissionType,
      commissionRate: links.commissionRate,
      createdBy: links.createdBy,
      createdAt: links.createdAt,
      clicks: clicksOf,
      sales: salesOf,
      revenue: revenueOf,
      commission: commissionOf,
    })
    .from(links)
    .innerJoin(partners, eq(partners.id, links.partnerId))
    .leftJoin(linkClickTotals, eq(linkClickTotals.linkId, links.id))
    .where(linkWhere(params))
    .orderBy(order(key), order(links.createdAt), order(links.id))
    .$dynamic();
}

type RawLinkRow = Awaited<ReturnType<ReturnType<typeof linkRows>["execute"]>>[number];

function toListRow(r: RawLinkRow): LinkListRow {
  return {
    ...r,
    url: customLinkUrl(r.slug),
    clicks: Number(r.clicks),
    sales: Number(r.sales),
    revenue: Number(r.revenue),
    commission: Number(r.commission),
  };
}

/** Custom links of every partner with their numbers: one page, sorted and filtered in SQL. */
export async function listLinks(db: Db, params: LinkListParams): Promise<{ rows: LinkListRow[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    linkRows(db, params).limit(params.size).offset(offsetOf(params)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(links)
      .innerJoin(partners, eq(partners.id, links.partnerId))
      .where(linkWhere(params)),
  ]);
  return { rows: rows.map(toListRow), total: Number(count?.n ?? 0) };
}

export const MAX_LINK_EXPORT_ROWS = 100_000;

export async function exportLinks(db: Db, params: Pick<LinkListParams, "q" | "filters" | "sort" | "dir">): Promise<LinkListRow[]> {
  return (await linkRows(db, params).limit(MAX_LINK_EXPORT_ROWS)).map(toListRow);
}

async function findLink(db: Db, id: string) {
  if (!isUuid(id)) throw new NotFoundError("No link with this id.", "unknown_link");
  const [row] = await db.select().from(links).where(eq(links.id, id));
  if (!row) throw new NotFoundError("No link with this id.", "unknown_link");
  return row;
}

/** Changes where a link leads and its rate; the slug stays, since it is already out there. */
export async function updateLink(db: Db, actor: Actor, id: string, input: unknown): Promise<LinkView> {
  const parsed = linkUpdateSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some link fields are missing or invalid.", toFieldIssues(parsed.error));
  const next = { destinationUrl: parsed.data.destinationUrl, commissionType: parsed.data.commissionType ?? null, commissionRate: parsed.data.commissionRate ?? null };
  const updated = await db.transaction(async (tx) => {
    const before = await findLink(tx, id);
    const [row] = await tx.update(links).set(next).where(eq(links.id, id)).returning();
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== next[k]).map((k) => [k, { from: before[k], to: next[k] }]),
    );
    await recordAudit(tx, actor, "link.update", { type: "link", id }, { slug: before.slug, changes });
    return row!;
  });
  forgetRefs(db);
  return {
    id: updated.id,
    slug: updated.slug,
    url: customLinkUrl(updated.slug),
    partnerId: updated.partnerId,
    destinationUrl: updated.destinationUrl,
    commissionType: updated.commissionType,
    commissionRate: updated.commissionRate,
  };
}

/**
 * Deletes a link. Nothing it earned goes away: its clicks stay in the log and its orders and
 * commissions stay with the partner (their link_id is set null by the foreign keys); the
 * slug stops working and becomes free again.
 */
export async function deleteLink(db: Db, actor: Actor, id: string): Promise<{ slug: string }> {
  const slug = await db.transaction(async (tx) => {
    const row = await findLink(tx, id);
    await tx.delete(links).where(eq(links.id, id));
    await recordAudit(tx, actor, "link.delete", { type: "link", id }, { slug: row.slug, partnerId: row.partnerId, destinationUrl: row.destinationUrl });
    return row.slug;
  });
  forgetRefs(db);
  return { slug };
}
