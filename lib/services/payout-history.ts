import "server-only";
import { aliasedTable, and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { adjustments, adminUsers, auditLog, commissions, leads, orders, partners, payouts } from "@/db/schema";
import type { Db } from "@/db/types";
import { NotFoundError } from "@/lib/errors";
import type { ActorType, PayoutMethod, PayoutStatus } from "@/lib/schemas/enums";
import { isUuid } from "@/lib/schemas/ids";
import { offsetOf } from "@/lib/schemas/list-params";
import type { PayoutHistoryParams } from "@/lib/schemas/payout-lists";
import { likeContains } from "@/db/sql-helpers";

// The History tab of the Payouts page and a payout's own page. "Recorded by" is the admin
// who made the payout, or, for payouts made through the API or the command line, the actor
// of the payout's audit row (read through audit_log_entity_idx).

const voider = aliasedTable(adminUsers, "voider");
const createdAudit = aliasedTable(auditLog, "created_audit");

const listColumns = {
  id: payouts.id,
  createdAt: payouts.createdAt,
  partnerId: payouts.partnerId,
  partnerName: partners.name,
  partnerEmail: partners.email,
  amount: payouts.amount,
  currency: payouts.currency,
  method: payouts.method,
  transactionId: payouts.transactionId,
  note: payouts.note,
  status: payouts.status,
  voidReason: payouts.voidReason,
  voidedAt: payouts.voidedAt,
  createdByEmail: adminUsers.email,
  auditActorType: createdAudit.actorType,
  auditActorLabel: sql<string | null>`${createdAudit.details}->>'actor'`,
};

function selectList(db: Db) {
  return db
    .select(listColumns)
    .from(payouts)
    .innerJoin(partners, eq(partners.id, payouts.partnerId))
    .leftJoin(adminUsers, eq(adminUsers.id, payouts.createdBy))
    .leftJoin(
      createdAudit,
      and(eq(createdAudit.entityType, "payout"), eq(createdAudit.entityId, sql`${payouts.id}::text`), eq(createdAudit.action, "payout.create")),
    );
}

type RawListRow = Awaited<ReturnType<ReturnType<typeof selectList>["execute"]>>[number];

export interface PayoutListRow {
  id: string;
  createdAt: Date;
  partnerId: string;
  partnerName: string;
  partnerEmail: string;
  amount: number;
  currency: string;
  method: PayoutMethod;
  transactionId: string | null;
  note: string | null;
  status: PayoutStatus;
  voidReason: string | null;
  voidedAt: Date | null;
  recordedBy: string;
}

/** "owner@example.com", "API key Production store", "System", "Command line". */
function recordedBy(email: string | null, type: string | null, label: string | null): string {
  if (email) return email;
  switch (type as ActorType | null) {
    case "admin":
      return label ?? "A removed admin";
    case "api":
      return label ?? "API";
    case "cli":
      return "Command line";
    case "system":
      return "System";
    default:
      return label ?? "—";
  }
}

function toListRow({ createdByEmail, auditActorType, auditActorLabel, ...r }: RawListRow): PayoutListRow {
  return { ...r, recordedBy: recordedBy(createdByEmail, auditActorType, auditActorLabel) };
}

function filters(params: Pick<PayoutHistoryParams, "q" | "filters">, timezone: string): SQL | undefined {
  const { partner, method, status, from, to } = params.filters;
  const where: (SQL | undefined)[] = [];
  if (partner) where.push(eq(payouts.partnerId, partner));
  if (method) where.push(eq(payouts.method, method));
  if (status) where.push(eq(payouts.status, status));
  // Days are the merchant's days: local midnight in the program's time zone.
  if (from) where.push(sql`${payouts.createdAt} >= (${from}::date)::timestamp at time zone ${timezone}`);
  if (to) where.push(sql`${payouts.createdAt} < (${to}::date + 1)::timestamp at time zone ${timezone}`);
  if (params.q) {
    const like = likeContains(params.q);
    where.push(or(ilike(payouts.transactionId, like), ilike(partners.name, like), ilike(partners.email, like)));
  }
  return where.length ? and(...where) : undefined;
}

function orderBy(params: Pick<PayoutHistoryParams, "sort" | "dir">): SQL[] {
  const dir = params.dir === "asc" ? asc : desc;
  return params.sort === "amount" ? [dir(payouts.amount), desc(payouts.createdAt), desc(payouts.id)] : [dir(payouts.createdAt), dir(payouts.id)];
}

export async function listPayouts(db: Db, params: PayoutHistoryParams, options: { timezone: string }): Promise<{ rows: PayoutListRow[]; total: number }> {
  const where = filters(params, options.timezone);
  const [rows, [counted]] = await Promise.all([
    selectList(db)
      .where(where)
      .orderBy(...orderBy(params))
      .limit(params.size)
      .offset(offsetOf(params)),
    db.select({ n: count() }).from(payouts).innerJoin(partners, eq(partners.id, payouts.partnerId)).where(where),
  ]);
  return { rows: rows.map(toListRow), total: Number(counted?.n ?? 0) };
}

export const MAX_PAYOUT_EXPORT_ROWS = 100_000;

/** Every payout the filters match, in the list's order, for the CSV export. */
export async function exportPayouts(db: Db, params: Pick<PayoutHistoryParams, "q" | "filters" | "sort" | "dir">, options: { timezone: string }): Promise<PayoutListRow[]> {
  const rows = await selectList(db)
    .where(filters(params, options.timezone))
    .orderBy(...orderBy(params))
    .limit(MAX_PAYOUT_EXPORT_ROWS);
  return rows.map(toListRow);
}

export interface PayoutDetail extends PayoutListRow {
  partnerReferralCode: string;
  voidedBy: string | null;
  commissions: { id: string; kind: "sale" | "lead"; orderId: string | null; leadEvent: string | null; createdAt: Date; amount: number }[];
  adjustments: { id: string; reason: string; amount: number; createdAt: Date; commissionId: string | null }[];
}

/**
 * One payout with what it paid: its commissions (order, date, amount) and the adjustments
 * (clawbacks) netted against it. A voided payout released both back to the balance, so it
 * lists none.
 */
export async function getPayout(db: Db, id: string): Promise<PayoutDetail> {
  if (!isUuid(id)) throw new NotFoundError("No payout with this id.", "unknown_payout");
  const [[row], [extra], paid, netted] = await Promise.all([
    selectList(db).where(eq(payouts.id, id)),
    db
      .select({
        referralCode: partners.referralCode,
        voidedByEmail: voider.email,
        voidActorType: auditLog.actorType,
        voidActorLabel: sql<string | null>`${auditLog.details}->>'actor'`,
      })
      .from(payouts)
      .innerJoin(partners, eq(partners.id, payouts.partnerId))
      .leftJoin(voider, eq(voider.id, payouts.voidedBy))
      .leftJoin(auditLog, and(eq(auditLog.entityType, "payout"), eq(auditLog.entityId, sql`${payouts.id}::text`), eq(auditLog.action, "payout.void")))
      .where(eq(payouts.id, id))
      .limit(1),
    db
      .select({ id: commissions.id, kind: commissions.kind, orderId: orders.externalId, leadEvent: leads.eventName, createdAt: commissions.createdAt, amount: commissions.amount })
      .from(commissions)
      .leftJoin(orders, eq(orders.id, commissions.orderId))
      .leftJoin(leads, eq(leads.id, commissions.leadId))
      .where(eq(commissions.payoutId, id))
      .orderBy(asc(commissions.createdAt), asc(commissions.id)),
    db
      .select({ id: adjustments.id, reason: adjustments.reason, amount: adjustments.amount, createdAt: adjustments.createdAt, commissionId: adjustments.commissionId })
      .from(adjustments)
      .where(eq(adjustments.payoutId, id))
      .orderBy(asc(adjustments.createdAt), asc(adjustments.id)),
  ]);
  if (!row) throw new NotFoundError("No payout with this id.", "unknown_payout");
  return {
    ...toListRow(row),
    partnerReferralCode: extra?.referralCode ?? "",
    voidedBy: row.status === "void" ? recordedBy(extra?.voidedByEmail ?? null, extra?.voidActorType ?? null, extra?.voidActorLabel ?? null) : null,
    commissions: paid,
    adjustments: netted,
  };
}
