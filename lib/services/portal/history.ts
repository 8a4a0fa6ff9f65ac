import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { commissions, leads, orders, payouts } from "@/db/schema";
import type { Db } from "@/db/types";
import type { CommissionKind, CommissionStatus, PayoutMethod, PayoutStatus } from "@/lib/schemas/enums";
import type { PortalPage } from "@/lib/schemas/portal-lists";
import { clawbacksOf } from "../clawbacks";
import { approveDueCommissions } from "../commissions-hold";

// The partner's own commissions and payouts, newest first, one page at a time. Every query
// is narrowed to the partner id the portal session gave; nothing here names a customer (a
// partner sees their orders, not who placed them).

export interface PortalCommissionRow {
  id: string;
  kind: CommissionKind;
  /** The store's order id, or the lead's event name. */
  reference: string | null;
  /** The order total net of refunds; null for a lead. */
  orderAmount: number | null;
  amount: number;
  currency: string;
  status: CommissionStatus;
  voidReason: string | null;
  /** Taken back after payment because the order was refunded (zero or negative). */
  clawedBack: number;
  createdAt: Date;
}

export interface PortalPayoutRow {
  id: string;
  amount: number;
  currency: string;
  method: PayoutMethod;
  transactionId: string | null;
  status: PayoutStatus;
  createdAt: Date;
}

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  size: number;
}

const offset = (p: PortalPage) => (p.page - 1) * p.size;

export async function portalCommissions(db: Db, partnerId: string, page: PortalPage, options: { now?: Date } = {}): Promise<Paged<PortalCommissionRow>> {
  await approveDueCommissions(db, options.now);
  const mine = eq(commissions.partnerId, partnerId);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: commissions.id,
        kind: commissions.kind,
        orderRef: orders.externalId,
        orderAmount: orders.amount,
        refundedAmount: orders.refundedAmount,
        eventName: leads.eventName,
        amount: commissions.amount,
        currency: commissions.currency,
        status: commissions.status,
        voidReason: commissions.voidReason,
        clawedBack: clawbacksOf(commissions.id).mapWith(Number),
        createdAt: commissions.createdAt,
      })
      .from(commissions)
      .leftJoin(orders, eq(orders.id, commissions.orderId))
      .leftJoin(leads, eq(leads.id, commissions.leadId))
      .where(mine)
      .orderBy(desc(commissions.createdAt), desc(commissions.id))
      .limit(page.size)
      .offset(offset(page)),
    db.select({ n: count() }).from(commissions).where(mine),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      reference: r.kind === "sale" ? r.orderRef : r.eventName,
      orderAmount: r.orderAmount === null ? null : r.orderAmount - (r.refundedAmount ?? 0),
      amount: r.amount,
      currency: r.currency,
      status: r.status,
      voidReason: r.voidReason,
      clawedBack: r.clawedBack,
      createdAt: r.createdAt,
    })),
    total: Number(total?.n ?? 0),
    ...page,
  };
}

export async function portalPayouts(db: Db, partnerId: string, page: PortalPage): Promise<Paged<PortalPayoutRow>> {
  const mine = eq(payouts.partnerId, partnerId);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: payouts.id,
        amount: payouts.amount,
        currency: payouts.currency,
        method: payouts.method,
        transactionId: payouts.transactionId,
        status: payouts.status,
        createdAt: payouts.createdAt,
      })
      .from(payouts)
      .where(mine)
      .orderBy(desc(payouts.createdAt), desc(payouts.id))
      .limit(page.size)
      .offset(offset(page)),
    db.select({ n: count() }).from(payouts).where(mine),
  ]);
  return { rows, total: Number(total?.n ?? 0), ...page };
}
