import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { adjustments, commissionEvents, commissions, partners, payouts } from "@/db/schema";
import { queryRows } from "@/db/open";
import type { Db } from "@/db/types";
import { formatMoney } from "@/lib/domain/money";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { PayoutMethod } from "@/lib/schemas/enums";
import { isUuid } from "@/lib/schemas/ids";
import { toFieldIssues } from "@/lib/schemas/issues";
import { METHODS_NEEDING_TRANSACTION_ID, newPayoutSchema, voidPayoutSchema } from "@/lib/schemas/payouts";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { settleAdjustments } from "./clawbacks";
import { approveDueCommissions } from "./commissions-hold";
import { lockDueSet, writePayout } from "./payout-record";
import { getSettings } from "./settings";

// Paying a partner (SPEC.md §2 "Payouts"): the whole balance (approved commissions and
// adjustments not yet paid, and not in an open PayPal batch) becomes one payout, in one
// transaction. The partner's row is locked first, so two "Pay" clicks for one partner (two
// tabs, a retry) queue up and the second finds nothing due. With `amount` (what the merchant
// saw, and sent), a balance that moved since (a commission approved, a clawback added) is
// refused with the current figure and nothing is written: a payout records exactly what was
// paid.

export interface PayoutResult {
  id: string;
  partnerId: string;
  amount: number;
  currency: string;
  method: PayoutMethod;
  transactionId: string | null;
  note: string | null;
  commissionIds: string[];
  adjustmentIds: string[];
  createdAt: string;
}

function nothingDue(message: string): InvalidError {
  return new InvalidError(message, [{ field: "partnerId", message }], "nothing_due");
}

/** 409 balance_changed: what is due now differs from what the caller saw. */
export function balanceChanged(current: number, expected: number, currency: string): ConflictError {
  const message = `The balance changed since you looked: ${formatMoney(current, currency)} is due now, not ${formatMoney(expected, currency)}. Nothing was recorded; check it, then pay the new amount.`;
  return new ConflictError(message, "balance_changed", [{ field: "amount", message: `Due now: ${current}` }]);
}

export async function createPayout(db: Db, actor: Actor, input: unknown, now = new Date()): Promise<PayoutResult> {
  const parsed = newPayoutSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Some payout fields are missing or invalid.", toFieldIssues(parsed.error));
  const p = parsed.data;
  await approveDueCommissions(db, now);
  const settings = await getSettings(db);

  return db.transaction(async (tx) => {
    const [partner] = await tx.select().from(partners).where(eq(partners.id, p.partnerId)).for("update");
    if (!partner) throw new InvalidError("No partner with this id.", [{ field: "partnerId", message: "No partner with this id." }], "unknown_partner");
    const method = p.method ?? partner.payoutMethod;
    if (!method) throw new InvalidError("Choose how the partner is paid.", [{ field: "method", message: "Choose how the partner is paid." }]);
    if ((METHODS_NEEDING_TRANSACTION_ID as readonly string[]).includes(method) && !p.transactionId) {
      throw new InvalidError("Record the transaction id of the payment.", [{ field: "transactionId", message: `A ${method.replace("_", " ")} payout needs its transaction id.` }]);
    }

    const due = await lockDueSet(tx, partner.id);
    const { amount } = due;
    if (amount <= 0) {
      const batched = due.inBatches > 0 ? ` ${formatMoney(due.inBatches, settings.currency)} is in an open PayPal batch: mark that batch paid or cancel it (Payouts → PayPal batches).` : "";
      throw nothingDue((amount < 0 ? `Nothing is due: the balance is ${formatMoney(amount, settings.currency)} and carries forward.` : "Nothing is due to this partner.") + batched);
    }
    if (p.amount !== undefined && p.amount !== amount) throw balanceChanged(amount, p.amount, settings.currency);
    if (amount < settings.minPayout) {
      throw nothingDue(`The balance of ${formatMoney(amount, settings.currency)} is below the minimum payout of ${formatMoney(settings.minPayout, settings.currency)}.`);
    }

    const record = {
      partnerId: partner.id,
      amount,
      currency: settings.currency,
      method,
      transactionId: p.transactionId ?? null,
      note: p.note ?? null,
      commissions: due.commissions,
      adjustmentIds: due.adjustments.map((a) => a.id),
    };
    const payoutId = await writePayout(tx, actor, record, now);
    await recordAudit(tx, actor, "payout.create", { type: "payout", id: payoutId }, { partnerId: partner.id, amount, method, transactionId: record.transactionId });
    return {
      id: payoutId,
      partnerId: partner.id,
      amount,
      currency: settings.currency,
      method,
      transactionId: record.transactionId,
      note: record.note,
      commissionIds: due.commissions.map((c) => c.id),
      adjustmentIds: record.adjustmentIds,
      createdAt: now.toISOString(),
    };
  });
}

/**
 * Voids a payout recorded by mistake: its commissions return to approved and its
 * adjustments to the balance, so they are due again; the payout is kept, marked void. A
 * commission voided after this payout had what the partner kept clawed back; with the
 * payout gone nothing was kept, so that clawback is reversed.
 */
export async function voidPayout(db: Db, actor: Actor, payoutId: string, input: unknown, now = new Date()): Promise<void> {
  const parsed = voidPayoutSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Say why the payout is voided.", toFieldIssues(parsed.error));
  if (!isUuid(payoutId)) throw new NotFoundError("No payout with this id.", "unknown_payout");
  await db.transaction(async (tx) => {
    const [payout] = await tx.select().from(payouts).where(eq(payouts.id, payoutId)).for("update");
    if (!payout) throw new NotFoundError("No payout with this id.", "unknown_payout");
    if (payout.status === "void") throw new ConflictError("This payout is already void.", "payout_void");
    const reason = `payout voided: ${parsed.data.reason}`;
    const returned = await tx
      .update(commissions)
      .set({ status: "approved", payoutId: null, updatedAt: now })
      .where(and(eq(commissions.payoutId, payoutId), eq(commissions.status, "paid")))
      .returning({ id: commissions.id, amount: commissions.amount });
    const voided = await tx
      .update(commissions)
      .set({ payoutId: null, updatedAt: now })
      .where(and(eq(commissions.payoutId, payoutId), eq(commissions.status, "void")))
      .returning({ id: commissions.id, partnerId: commissions.partnerId, currency: commissions.currency, amount: commissions.amount });
    for (const c of voided) await settleAdjustments(tx, c, 0, `${reason} (the clawback of this commission, voided after the payout, is reversed)`, now);
    const history = [
      ...returned.map((c) => ({ commissionId: c.id, fromStatus: "paid" as const, toStatus: "approved" as const, fromAmount: c.amount, toAmount: c.amount })),
      ...voided.map((c) => ({ commissionId: c.id, fromStatus: "void" as const, toStatus: "void" as const, fromAmount: c.amount, toAmount: c.amount })),
    ];
    if (history.length) {
      await tx.insert(commissionEvents).values(history.map((h) => ({ ...h, reason, actorType: actor.type, actorId: actor.id ?? null, createdAt: now })));
    }
    await tx.update(adjustments).set({ payoutId: null }).where(eq(adjustments.payoutId, payoutId));
    await tx
      .update(payouts)
      .set({ status: "void", voidReason: parsed.data.reason, voidedAt: now, voidedBy: actor.type === "admin" ? (actor.id ?? null) : null })
      .where(eq(payouts.id, payoutId));
    await recordAudit(tx, actor, "payout.void", { type: "payout", id: payoutId }, { reason: parsed.data.reason, amount: payout.amount, commissions: returned.length + voided.length });
  });
}

/** Sum of what a partner is owed now (approved + adjustments, unpaid) and what is pending. */
export async function balanceOf(db: Db, partnerId: string): Promise<{ balance: number; pending: number }> {
  await approveDueCommissions(db);
  const [row] = await queryRows<{ balance: string | number; pending: string | number }>(
    db,
    sql`select
          coalesce((select sum(amount) from commissions where partner_id = ${partnerId} and status = 'approved' and payout_id is null), 0)
        + coalesce((select sum(amount) from adjustments where partner_id = ${partnerId} and payout_id is null), 0) as balance,
          coalesce((select sum(amount) from commissions where partner_id = ${partnerId} and status = 'pending'), 0) as pending`,
  );
  return { balance: Number(row?.balance ?? 0), pending: Number(row?.pending ?? 0) };
}
