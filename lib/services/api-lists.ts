import "server-only";
import { and, eq } from "drizzle-orm";
import { commissions, orders, payouts } from "@/db/schema";
import type { Db } from "@/db/types";
import { afterCursor, newestFirst, page, type Cursor } from "@/lib/http/cursor";
import type { CommissionStatus } from "@/lib/schemas/enums";
import { approveDueCommissions } from "./commissions-hold";

// The REST API's list reads (GET /api/v1/commissions, GET /api/v1/payouts).

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
    })
    .from(payouts)
    .where(and(q.partnerId ? eq(payouts.partnerId, q.partnerId) : undefined, afterCursor(payouts.createdAt, payouts.id, q.cursor)))
    .orderBy(...newestFirst(payouts.createdAt, payouts.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = page(rows, q.limit);
  return { items: items.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })), nextCursor };
}
