import "server-only";
import { localDate } from "@/lib/domain/date-range";
import { asc, eq, inArray } from "drizzle-orm";
import { commissionEvents, commissions, orders } from "@/db/schema";
import type { Db } from "@/db/types";
import { checkTransition, type CommissionAction } from "@/lib/domain/commission-status";
import { AppError, ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { bulkCommissionActionSchema, commissionActionSchema, manualSaleBody, type BulkResult, type ManualSaleForm } from "@/lib/schemas/commissions";
import type { CommissionStatus } from "@/lib/schemas/enums";
import { toFieldIssues } from "@/lib/schemas/issues";
import { saleSchema } from "@/lib/schemas/tracking";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { settleAdjustments } from "./clawbacks";
import { findApprovedPartner } from "./partner-lookup";
import { getSettings } from "./settings";
import { recordSale } from "./tracking/sales";

// A merchant's changes to commissions (SPEC.md §2 "Commission statuses"). Each change locks
// the commission row (select … for update) and checks its status inside the transaction, so
// of two concurrent changes to one commission the second sees the first's result and is
// refused or skipped: they never both apply. Every change writes a history line
// (commission_events) and an audit row in the same transaction.
//
// Voiding keeps the partner's ledger whole: a commission the partner was never paid for
// leaves no clawback behind (those made while it was paid are reversed, e.g. after its
// payout was voided), and one voided after its payout is clawed back from the next payout.

type LockedCommission = Pick<typeof commissions.$inferSelect, "id" | "partnerId" | "currency" | "status" | "payoutId" | "amount" | "voidReason">;

export interface CommissionChange {
  id: string;
  from: CommissionStatus;
  to: CommissionStatus;
}

async function applyChange(tx: Db, actor: Actor, row: LockedCommission, action: CommissionAction, to: CommissionStatus, reason: string | undefined, now: Date) {
  const voidReason = action === "void" ? reason! : row.voidReason;
  await tx.update(commissions).set({ status: to, voidReason, updatedAt: now }).where(eq(commissions.id, row.id));
  await tx.insert(commissionEvents).values({
    commissionId: row.id,
    fromStatus: row.status,
    toStatus: to,
    fromAmount: row.amount,
    toAmount: row.amount,
    reason: reason ?? null,
    actorType: actor.type,
    actorId: actor.id ?? null,
    createdAt: now,
  });
  const adjustment = action === "void" ? await settleVoided(tx, row, now) : null;
  await recordAudit(tx, actor, `commission.${action}`, { type: "commission", id: row.id }, { from: row.status, to, ...(reason ? { reason } : {}), ...(adjustment ? { adjustment } : {}) });
}

/** The adjustment a void needs (see the header), or null when none does. */
async function settleVoided(tx: Db, row: LockedCommission, now: Date) {
  if (row.payoutId) return settleAdjustments(tx, row, -row.amount, "commission voided after it was paid: clawed back from the next payout", now);
  return settleAdjustments(tx, row, 0, "commission voided before it was paid: its clawbacks are reversed", now);
}

const lockColumns = { id: commissions.id, partnerId: commissions.partnerId, currency: commissions.currency, status: commissions.status, payoutId: commissions.payoutId, amount: commissions.amount, voidReason: commissions.voidReason };

/**
 * Approve, void (with a reason), mark paid or mark unpaid one commission. With `expected`
 * (the status the merchant saw), a commission changed meanwhile is left alone.
 */
export async function changeCommissionStatus(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<CommissionChange> {
  const parsed = commissionActionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    if (issues.some((i) => i.field === "id")) throw new NotFoundError("No commission with this id.");
    throw new InvalidError(issues[0]!.message, issues);
  }
  const { id, action, reason, expected } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx.select(lockColumns).from(commissions).where(eq(commissions.id, id)).for("update");
    if (!row) throw new NotFoundError("No commission with this id.");
    if (expected && row.status !== expected) {
      throw new ConflictError(`This commission changed in the meantime: it is now ${row.status}. Nothing was done; check it and try again.`, "commission_changed");
    }
    const check = checkTransition(action, { status: row.status, inPayout: row.payoutId !== null });
    if (!check.ok) throw new ConflictError(check.message, "invalid_transition");
    await applyChange(tx, actor, row, action, check.to, reason, now);
    return { id, from: row.status, to: check.to };
  });
}

/**
 * The same change on many commissions, in one transaction: those the change applies to are
 * changed, the others skipped and counted by reason ("3 skipped: not pending").
 */
export async function bulkChangeCommissions(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<BulkResult> {
  const parsed = bulkCommissionActionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    throw new InvalidError(issues[0]!.message, issues);
  }
  const { ids, action, reason } = parsed.data;
  return db.transaction(async (tx) => {
    // Locked in id order, so two bulk changes over overlapping rows cannot deadlock.
    const rows = await tx.select(lockColumns).from(commissions).where(inArray(commissions.id, ids)).orderBy(asc(commissions.id)).for("update");
    const skipped = new Map<string, number>();
    const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
    for (let missing = ids.length - rows.length; missing > 0; missing--) skip("not found");
    let changed = 0;
    for (const row of rows) {
      // A paid commission is voided one at a time (its page says what is clawed back), never
      // swept up in a selection.
      if (action === "void" && row.status === "paid") {
        skip("paid");
        continue;
      }
      const check = checkTransition(action, { status: row.status, inPayout: row.payoutId !== null });
      if (!check.ok) {
        skip(check.short);
        continue;
      }
      await applyChange(tx, actor, row, action, check.to, reason, now);
      changed++;
    }
    const reasons = [...skipped].map(([why, count]) => ({ reason: why, count }));
    reasons.sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    return { action, changed, skipped: reasons };
  });
}

export interface ManualSaleResult {
  /** False when this order id was recorded before with the same values. */
  created: boolean;
  orderId: string;
  commission: { id: string; amount: number; currency: string; status: CommissionStatus } | null;
}

/**
 * A sale the merchant enters by hand for an approved partner. It goes through recordSale,
 * as the tracking API does (attribution "manual", the commission by the same rules), so a
 * repeat of the same order with the same values answers with the existing commission and
 * one with other values is refused on the order id.
 */
export async function recordManualSale(db: Db, actor: Actor, form: ManualSaleForm, options: { now?: Date } = {}): Promise<ManualSaleResult> {
  const settings = await getSettings(db);
  const parsedForm = manualSaleBody(form, settings.currency, { timeZone: settings.timezone, now: options.now ?? new Date() });
  if ("errors" in parsedForm) {
    throw new InvalidError("Check the highlighted fields.", Object.entries(parsedForm.errors).map(([field, message]) => ({ field, message })));
  }
  const { partnerId, field, occurredAt } = parsedForm;
  const parsed = saleSchema.safeParse(parsedForm.body);
  if (!parsed.success) {
    throw new InvalidError("Check the highlighted fields.", toFieldIssues(parsed.error).map((i) => ({ field: field(i.field), message: i.message })));
  }
  const body = parsed.data;
  if (!(await findApprovedPartner(db, partnerId))) {
    throw new InvalidError("Check the highlighted fields.", [{ field: "partnerId", message: "Only approved partners earn commissions; pick an approved partner." }]);
  }

  try {
    const result = await db.transaction(async (tx) => {
      // The sale's own date, not the moment it was typed in: reports count it on that day, its
      // hold period runs from it, and a customer is referred from it (recordSale's `now`).
      const sale = await recordSale(tx, body, { actor, settings, partnerId, now: occurredAt });
      if (sale.created) {
        await recordAudit(tx, actor, "sale.manual", { type: "order", id: body.orderId }, {
          partnerId,
          amount: body.amount,
          commission: sale.body.commission?.amount ?? null,
          saleDate: localDate(occurredAt, settings.timezone),
        });
      }
      return sale;
    });
    // The answer stored with the order shows the commission as it was then; show it as it is now.
    const [current] = await db
      .select({ id: commissions.id, amount: commissions.amount, currency: commissions.currency, status: commissions.status })
      .from(orders)
      .innerJoin(commissions, eq(commissions.orderId, orders.id))
      .where(eq(orders.externalId, body.orderId));
    return { created: result.created, orderId: body.orderId, commission: current ?? null };
  } catch (error) {
    if (error instanceof AppError && error.code === "idempotency_conflict") {
      const message = `Order ${body.orderId} is already recorded with other values (partner, amount or items). Use another order id, or open that order's commission.`;
      throw new InvalidError("This order id is taken.", [{ field: "orderId", message }], "order_taken");
    }
    if (error instanceof AppError && error.details) {
      throw new InvalidError(error.message, error.details.map((d) => ({ field: field(d.field), message: d.message })));
    }
    throw error;
  }
}
