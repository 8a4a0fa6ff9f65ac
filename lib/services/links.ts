import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { clicks, commissions, links, orders, partners } from "@/db/schema";
import { uniqueViolation } from "@/db/errors";
import type { Db } from "@/db/types";
import { appUrl } from "@/lib/env";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { LinkCreator } from "@/lib/schemas/enums";
import { toFieldIssues } from "@/lib/schemas/issues";
import { newLinkSchema } from "@/lib/schemas/partners";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { lockRefNamespace, referralCodeExists } from "./ref-namespace";
import { forgetRefs } from "./tracking/ref-cache";

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

/** Clicks that count, orders through the link, revenue net of refunds, commission not void. */
export async function linkStatsBySlug(db: Db, slug: string): Promise<LinkStats> {
  const [link] = await db.select({ id: links.id }).from(links).where(sql`lower(${links.slug}) = ${slug.toLowerCase()}`);
  if (!link) throw new NotFoundError("No link with this slug.", "unknown_link");
  const [clickRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(clicks)
    .where(and(eq(clicks.linkId, link.id), isNull(clicks.declinedReason)));
  const [orderRow] = await db
    .select({
      sales: sql<number>`count(*)::int`,
      revenue: sql<number>`coalesce(sum(${orders.amount} - ${orders.refundedAmount}), 0)::bigint`,
    })
    .from(orders)
    .where(eq(orders.linkId, link.id));
  const [commissionRow] = await db
    .select({ total: sql<number>`coalesce(sum(${commissions.amount}), 0)::bigint` })
    .from(commissions)
    .innerJoin(orders, eq(orders.id, commissions.orderId))
    .where(and(eq(orders.linkId, link.id), ne(commissions.status, "void")));
  return {
    clicks: clickRow?.n ?? 0,
    sales: orderRow?.sales ?? 0,
    revenue: Number(orderRow?.revenue ?? 0),
    commission: Number(commissionRow?.total ?? 0),
  };
}
