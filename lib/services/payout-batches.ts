import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { adjustments, commissions, partners, payoutBatches, payoutBatchItems } from "@/db/schema";
import type { Db } from "@/db/types";
import { formatMoney } from "@/lib/domain/money";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";
import { toFieldIssues } from "@/lib/schemas/issues";
import { cancelBatchSchema, markBatchPaidSchema, newPaypalBatchSchema } from "@/lib/schemas/payout-batches";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { approveDueCommissions } from "./commissions-hold";
import { lockDueSet, writePayout } from "./payout-record";
import { paypalSkipReason, paypalUniqueId } from "./payout-paypal";
import { getSettings } from "./settings";

// PayPal batches: the mass-payout file is a record. Making it claims, per partner, exactly
// the commissions and adjustments its line pays (commissions.batch_id / adjustments.batch_id:
// one column, so a row is in at most one open batch); nothing else can pay them meanwhile.
// Marking it paid (with PayPal's batch id) records one payout per line for what the line
// sent. When a line's money changed after the export (a refund, a void: PayPal sent it all
// the same), the payout still records what was sent and the difference becomes a clawback
// on the partner's next payout, so the ledger stays whole. Cancelling releases the claims.

const adminId = (actor: Actor) => (actor.type === "admin" ? (actor.id ?? null) : null);

export interface NewBatchResult {
  id: string;
  lines: number;
  amount: number;
  currency: string;
  skipped: { partnerId: string; partnerName: string; reason: string }[];
}

export async function createPaypalBatch(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<NewBatchResult> {
  const parsed = newPaypalBatchSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some fields are missing or invalid.", toFieldIssues(parsed.error));
  const { partnerIds } = parsed.data;
  await approveDueCommissions(db, now);
  const settings = await getSettings(db);
  const note = parsed.data.note ?? `${settings.name}: affiliate commissions`;

  return db.transaction(async (tx) => {
    // Partner rows locked in id order (as payouts lock them), so a Pay racing the export
    // either pays first (and the line is left out) or waits and finds the money claimed.
    const rows = await tx
      .select({ id: partners.id, name: partners.name, referralCode: partners.referralCode, method: partners.payoutMethod, details: partners.payoutDetails })
      .from(partners)
      .where(inArray(partners.id, partnerIds))
      .orderBy(asc(partners.id))
      .for("update");
    const byId = new Map(rows.map((r) => [r.id, r]));
    const skipped: NewBatchResult["skipped"] = [];
    const lines: { partnerId: string; email: string; uniqueId: string; amount: number; commissionIds: string[]; adjustmentIds: string[] }[] = [];
    for (const id of partnerIds) {
      const p = byId.get(id);
      if (!p) {
        skipped.push({ partnerId: id, partnerName: id, reason: "no such partner" });
        continue;
      }
      const email = p.method === "paypal" ? p.details.email?.trim() : undefined;
      const due = await lockDueSet(tx, id);
      const reason = paypalSkipReason({ method: p.method, email }, due, settings.minPayout);
      if (reason) skipped.push({ partnerId: id, partnerName: p.name, reason });
      else lines.push({ partnerId: id, email: email!, uniqueId: paypalUniqueId(p), amount: due.amount, commissionIds: due.commissions.map((c) => c.id), adjustmentIds: due.adjustments.map((a) => a.id) });
    }
    if (!lines.length) {
      const why = skipped.map((s) => `${s.partnerName} (${s.reason})`).join(", ");
      throw new InvalidError(`No one selected can be paid by PayPal now: ${why}.`, [{ field: "partnerIds", message: `No one selected can be paid by PayPal now: ${why}.` }], "nothing_due");
    }

    const batchId = randomUUID();
    const amount = lines.reduce((s, l) => s + l.amount, 0);
    await tx.insert(payoutBatches).values({ id: batchId, currency: settings.currency, note, amount, itemCount: lines.length, createdBy: adminId(actor), createdAt: now });
    await tx.insert(payoutBatchItems).values(lines.map((l, i) => ({ batchId, line: i + 1, ...l })));
    const commissionIds = lines.flatMap((l) => l.commissionIds);
    const adjustmentIds = lines.flatMap((l) => l.adjustmentIds);
    if (commissionIds.length) await tx.update(commissions).set({ batchId }).where(inArray(commissions.id, commissionIds));
    if (adjustmentIds.length) await tx.update(adjustments).set({ batchId }).where(inArray(adjustments.id, adjustmentIds));
    await recordAudit(tx, actor, "payout_batch.create", { type: "payout_batch", id: batchId }, { lines: lines.length, amount, skipped: skipped.length });
    return { id: batchId, lines: lines.length, amount, currency: settings.currency, skipped };
  });
}

async function lockOpenBatch(tx: Db, batchId: string) {
  if (!isUuid(batchId)) throw new NotFoundError("No PayPal batch with this id.", "unknown_batch");
  const [batch] = await tx.select().from(payoutBatches).where(eq(payoutBatches.id, batchId)).for("update");
  if (!batch) throw new NotFoundError("No PayPal batch with this id.", "unknown_batch");
  if (batch.status === "paid") throw new ConflictError(`This batch is already marked paid (PayPal batch ${batch.reference}).`, "batch_closed");
  if (batch.status === "cancelled") throw new ConflictError("This batch was cancelled; make a new one from the Due list.", "batch_closed");
  return batch;
}

export interface BatchPaidResult {
  payouts: number;
  amount: number;
  /** Lines whose money changed after the export: what was sent beyond what they now settle (clawed back). */
  differences: { partnerId: string; amount: number }[];
}

export async function markBatchPaid(db: Db, actor: Actor, batchId: string, input: unknown, now = new Date()): Promise<BatchPaidResult> {
  const parsed = markBatchPaidSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Enter PayPal's payout batch id.", toFieldIssues(parsed.error));
  const { reference } = parsed.data;
  return db.transaction(async (tx) => {
    const batch = await lockOpenBatch(tx, batchId);
    const items = await tx.select().from(payoutBatchItems).where(eq(payoutBatchItems.batchId, batchId)).orderBy(asc(payoutBatchItems.partnerId));
    await tx.select({ id: partners.id }).from(partners).where(inArray(partners.id, items.map((i) => i.partnerId))).orderBy(asc(partners.id)).for("update");
    const differences: BatchPaidResult["differences"] = [];
    for (const item of items) {
      const claimed = and(eq(commissions.batchId, batchId), eq(commissions.partnerId, item.partnerId));
      const held = await tx.select({ id: commissions.id, amount: commissions.amount, status: commissions.status }).from(commissions).where(claimed).for("update");
      const owed = await tx
        .select({ id: adjustments.id, amount: adjustments.amount })
        .from(adjustments)
        .where(and(eq(adjustments.batchId, batchId), eq(adjustments.partnerId, item.partnerId)))
        .for("update");
      // Refunded to nothing, voided or marked paid by hand since the export: not settled here.
      const settled = held.filter((c) => c.status === "approved").map(({ id, amount }) => ({ id, amount }));
      const settledAmount = settled.reduce((s, c) => s + c.amount, 0) + owed.reduce((s, a) => s + a.amount, 0);
      const difference = item.amount - settledAmount;
      const adjustmentIds = owed.map((a) => a.id);
      if (difference !== 0) {
        // The payout carries what was sent; the partner owes the excess back from the next payout.
        const sent = randomUUID();
        const base = { partnerId: item.partnerId, currency: batch.currency, createdAt: now };
        const change = `${formatMoney(Math.abs(difference), batch.currency)} ${difference > 0 ? "more" : "less"} than its commissions are now worth (refunded, voided or paid otherwise after the export)`;
        await tx.insert(adjustments).values([
          { ...base, id: sent, amount: difference, reason: `PayPal batch ${reference} sent ${change}` },
          { ...base, amount: -difference, reason: `Settles what PayPal batch ${reference} sent ${change}` },
        ]);
        adjustmentIds.push(sent);
        differences.push({ partnerId: item.partnerId, amount: difference });
      }
      const payoutId = await writePayout(
        tx,
        actor,
        { partnerId: item.partnerId, amount: item.amount, currency: batch.currency, method: "paypal", transactionId: reference, note: batch.note, commissions: settled, adjustmentIds },
        now,
      );
      await tx.update(commissions).set({ batchId: null }).where(claimed);
      await recordAudit(tx, actor, "payout.create", { type: "payout", id: payoutId }, { partnerId: item.partnerId, amount: item.amount, method: "paypal", transactionId: reference, batchId });
      await tx.update(payoutBatchItems).set({ payoutId }).where(eq(payoutBatchItems.id, item.id));
    }
    await tx.update(payoutBatches).set({ status: "paid", reference, closedAt: now, closedBy: adminId(actor) }).where(eq(payoutBatches.id, batchId));
    await recordAudit(tx, actor, "payout_batch.paid", { type: "payout_batch", id: batchId }, { reference, payouts: items.length, amount: batch.amount, differences: differences.length });
    return { payouts: items.length, amount: batch.amount, differences };
  });
}

/** Cancels an open batch (the file was never sent): its commissions and adjustments are due again. */
export async function cancelBatch(db: Db, actor: Actor, batchId: string, input: unknown, now = new Date()): Promise<void> {
  const parsed = cancelBatchSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Say why the batch is cancelled.", toFieldIssues(parsed.error));
  await db.transaction(async (tx) => {
    await lockOpenBatch(tx, batchId);
    await tx.update(commissions).set({ batchId: null }).where(eq(commissions.batchId, batchId));
    await tx.update(adjustments).set({ batchId: null }).where(eq(adjustments.batchId, batchId));
    await tx.update(payoutBatches).set({ status: "cancelled", cancelReason: parsed.data.reason, closedAt: now, closedBy: adminId(actor) }).where(eq(payoutBatches.id, batchId));
    await recordAudit(tx, actor, "payout_batch.cancel", { type: "payout_batch", id: batchId }, { reason: parsed.data.reason });
  });
}
