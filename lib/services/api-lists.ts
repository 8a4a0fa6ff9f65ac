import "server-only";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { commissions, orders, partners, payouts } from "@/db/schema";
import type { Db } from "@/db/types";
import { afterCursor, newestFirst, page, positionOf, type Cursor } from "@/lib/http/cursor";
import type { CommissionStatus, PartnerStatus } from "@/lib/schemas/enums";
import { approveDueCommissions } from "./commissions-hold";
import { couponsOf, partnerView } from "./partner-view";

// The REST API's list reads (GET /api/v1/partners, /commissions, /payouts).

export async function listCommissionsForApi(db: Db, q: { partnerId?: string; status?: CommissionStatus; limit: number; cursor?: Cursor }) {
  await approveDueCommissions(db);
  const rows = await db
    .select({
      id: commissions.id,
      partnerId: commissions.partnerId,
      orderId: orders.externalId,
      amount: commissions.amount,
      currency: commissions.currency,
      status: commissions.status,
      payoutId: commissions.payoutId,
      createdAt: commissions.createdAt,
      position: positionOf(commissions.createdAt, commissions.id),
    })
    .from(commissions)
    .leftJoin(orders, eq(orders.id, commissions.orderId))
    .where(
      and(
        q.partnerId ? eq(commissions.partnerId, q.partnerId) : undefined,
        q.status ? eq(commissions.status, q.status) : undefined,
        afterCursor(commissions.createdAt, commissions.id, q.cursor),
      ),
    )
    .orderBy(...newestFirst(commissions.createdAt, commissions.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = page(rows, q.limit);
  return { items: items.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })), nextCursor };
}

export async function listPayoutsForApi(db: Db, q: { partnerId?: string; limit: number; cursor?: Cursor }) {
  const rows = await db
    .select({
      id: payouts.id,
      partnerId: payouts.partnerId,
      amount: payouts.amount,
      currency: payouts.currency,
      method: payouts.method,
      transactionId: payouts.transactionId,
      note: payouts.note,
      status: payouts.status,
      createdAt: payouts.createdAt,
      position: positionOf(payouts.createdAt, payouts.id),
    })
    .from(payouts)
    .where(and(q.partnerId ? eq(payouts.partnerId, q.partnerId) : undefined, afterCursor(payouts.createdAt, payouts.id, q.cursor)))
    .orderBy(...newestFirst(payouts.createdAt, payouts.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = page(rows, q.limit);
  return { items: items.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })), nextCursor };
}

export async function listPartnersForApi(db: Db, q: { status?: PartnerStatus; email?: string; limit: number; cursor?: Cursor }) {
  const rows = await db
    .select({ ...getTableColumns(partners), position: positionOf(partners.createdAt, partners.id) })
    .from(partners)
    .where(
      and(
        q.status ? eq(partners.status, q.status) : undefined,
        q.email ? sql`lower(${partners.email}) = ${q.email.toLowerCase()}` : undefined,
        afterCursor(partners.createdAt, partners.id, q.cursor),
      ),
    )
    .orderBy(...newestFirst(partners.createdAt, partners.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = page(rows, q.limit);
  const coupons = await couponsOf(db, items.map((p) => p.id));
  return { items: items.map((p) => partnerView(p, coupons.get(p.id) ?? [])), nextCursor };
}
