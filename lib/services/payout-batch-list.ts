import "server-only";
import { aliasedTable, asc, desc, eq, inArray } from "drizzle-orm";
import { adminUsers, commissions, partners, payoutBatches, payoutBatchItems, payouts } from "@/db/schema";
import type { Db } from "@/db/types";
import { NotFoundError } from "@/lib/errors";
import type { CommissionStatus, PayoutBatchStatus, PayoutStatus } from "@/lib/schemas/enums";
import { isUuid } from "@/lib/schemas/ids";
import { paypalLines, type PaypalLine } from "./payout-paypal";

// What the PayPal batches tab and a batch's page show, and the batch's file.

const closer = aliasedTable(adminUsers, "closer");

export interface BatchSummary {
  id: string;
  status: PayoutBatchStatus;
  currency: string;
  amount: number;
  itemCount: number;
  reference: string | null;
  note: string;
  cancelReason: string | null;
  createdAt: Date;
  createdBy: string | null;
  closedAt: Date | null;
  closedBy: string | null;
}

const summaryColumns = {
  id: payoutBatches.id,
  status: payoutBatches.status,
  currency: payoutBatches.currency,
  amount: payoutBatches.amount,
  itemCount: payoutBatches.itemCount,
  reference: payoutBatches.reference,
  note: payoutBatches.note,
  cancelReason: payoutBatches.cancelReason,
  createdAt: payoutBatches.createdAt,
  createdBy: adminUsers.email,
  closedAt: payoutBatches.closedAt,
  closedBy: closer.email,
};

function selectBatches(db: Db) {
  return db.select(summaryColumns).from(payoutBatches).leftJoin(adminUsers, eq(adminUsers.id, payoutBatches.createdBy)).leftJoin(closer, eq(closer.id, payoutBatches.closedBy));
}

/** The newest batches first, open ones on top (those still need the merchant). */
export async function listBatches(db: Db, limit = 200): Promise<BatchSummary[]> {
  return selectBatches(db).orderBy(desc(eq(payoutBatches.status, "open")), desc(payoutBatches.createdAt)).limit(limit);
}

export interface BatchLine {
  line: number;
  partnerId: string;
  partnerName: string;
  email: string;
  uniqueId: string;
  amount: number;
  commissionCount: number;
  adjustmentCount: number;
  /** Exported commissions whose status changed since the export (refunded to nothing, voided, paid otherwise). */
  changed: { id: string; status: CommissionStatus }[];
  payoutId: string | null;
  payoutStatus: PayoutStatus | null;
}

export async function getBatch(db: Db, batchId: string): Promise<{ batch: BatchSummary; lines: BatchLine[] }> {
  if (!isUuid(batchId)) throw new NotFoundError("No PayPal batch with this id.", "unknown_batch");
  const [batch] = await selectBatches(db).where(eq(payoutBatches.id, batchId));
  if (!batch) throw new NotFoundError("No PayPal batch with this id.", "unknown_batch");
  const items = await db
    .select({ item: payoutBatchItems, partnerName: partners.name, payoutStatus: payouts.status })
    .from(payoutBatchItems)
    .innerJoin(partners, eq(partners.id, payoutBatchItems.partnerId))
    .leftJoin(payouts, eq(payouts.id, payoutBatchItems.payoutId))
    .where(eq(payoutBatchItems.batchId, batchId))
    .orderBy(asc(payoutBatchItems.line));
  const changed = new Map<string, { id: string; status: CommissionStatus }[]>();
  if (batch.status === "open") {
    // Only while open: once paid, what changed is in the payouts and their adjustments.
    const ids = items.flatMap((i) => i.item.commissionIds);
    const rows = ids.length
      ? await db.select({ id: commissions.id, partnerId: commissions.partnerId, status: commissions.status }).from(commissions).where(inArray(commissions.id, ids))
      : [];
    for (const r of rows.filter((r) => r.status !== "approved")) changed.set(r.partnerId, [...(changed.get(r.partnerId) ?? []), { id: r.id, status: r.status }]);
  }
  return {
    batch,
    lines: items.map(({ item, partnerName, payoutStatus }) => ({
      line: item.line,
      partnerId: item.partnerId,
      partnerName,
      email: item.email,
      uniqueId: item.uniqueId,
      amount: item.amount,
      commissionCount: item.commissionIds.length,
      adjustmentCount: item.adjustmentIds.length,
      changed: changed.get(item.partnerId) ?? [],
      payoutId: item.payoutId,
      payoutStatus,
    })),
  };
}

/** The batch's PayPal file, exactly as it was first downloaded. */
export async function batchFile(db: Db, batchId: string): Promise<PaypalLine[]> {
  if (!isUuid(batchId)) throw new NotFoundError("No PayPal batch with this id.", "unknown_batch");
  const [batch] = await db.select({ currency: payoutBatches.currency, note: payoutBatches.note }).from(payoutBatches).where(eq(payoutBatches.id, batchId));
  if (!batch) throw new NotFoundError("No PayPal batch with this id.", "unknown_batch");
  const items = await db.select().from(payoutBatchItems).where(eq(payoutBatchItems.batchId, batchId)).orderBy(asc(payoutBatchItems.line));
  return paypalLines(batch, items);
}
