import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
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
import { approveDueCommissions } from "./commissions-hold";
import { getSettings } from "./settings";

// Paying a partner (SPEC.md §2 "Payouts"): the whole balance (approved commissions and
// adjustments not yet paid) becomes one payout, in one transaction. The partner's row is
// locked first, so two "Pay" clicks for one partner (two tabs, a retry) queue up and the
// second finds nothing due. Commissions and adjustments are locked as they are summed: a
// refund or status change that commits first is seen with its new values, one that comes
// later waits, so every amount lands in exactly one payout or in the next balance.

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

    const due = await tx
      .select({ id: commissions.id, amount: commissions.amount })
      .from(commissions)
      .where(and(eq(commissions.partnerId, partner.id), eq(commissions.status, "approved"), isNull(commissions.payoutId)))
      .for("update");
    const owed = await tx
      .select({ id: adjustments.id, amount: adjustments.amount })
      .from(adjustments)
      .where(and(eq(adjustments.partnerId, partner.id), isNull(adjustments.payoutId)))
      .for("update");
    const amount = due.reduce((s, c) => s + c.amount, 0) + owed.reduce((s, a) => s + a.amount, 0);
    if (amount <= 0) {
      throw nothingDue(amount < 0 ? `Nothing is due: the balance is ${formatMoney(amount, settings.currency)} and carries forward.` : "Nothing is due to this partner.");
    }
    if (amount < settings.minPayout) {
      throw nothingDue(`The balance of ${formatMoney(amount, settings.currency)} is below the minimum payout of ${formatMoney(settings.minPayout, settings.currency)}.`);
    }

    const payoutId = randomUUID();
    await tx.insert(payouts).values({
      id: payoutId,
      partnerId: partner.id,
      amount,
      currency: settings.currency,
      method,
      transactionId: p.transactionId ?? null,
      note: p.note ?? null,
      createdBy: actor.type === "admin" ? (actor.id ?? null) : null,
      createdAt: now,
    });
    const commissionIds = due.map((c) => c.id);
    if (commissionIds.length) {
      await tx.update(commissions).set({ status: "paid", payoutId, updatedAt: now }).where(inArray(commissions.id, commissionIds));
      await tx.insert(commissionEvents).values(
        due.map((c) => ({
          commissionId: c.id,
          fromStatus: "approved" as const,
          toStatus: "paid" as const,
          fromAmount: c.amount,
          toAmount: c.amount,
          reason: `paid in payout ${payoutId}`,
          actorType: actor.type,
          actorId: actor.id ?? null,
          createdAt: now,
        })),
      );
    }
    const adjustmentIds = owed.map((a) => a.id);
    if (adjustmentIds.length) await tx.update(adjustments).set({ payoutId }).where(inArray(adjustments.id, adjustmentIds));
    await recordAudit(tx, actor, "payout.create", { type: "payout", id: payoutId }, { partnerId: partner.id, amount, method, transactionId: p.transactionId ?? null });
    return {
      id: payoutId,
      partnerId: partner.id,
      amount,
      currency: settings.currency,
      method,
      transactionId: p.transactionId ?? null,
      note: p.note ?? null,
      commissionIds,
      adjustmentIds,
      createdAt: now.toISOString(),
    };
  });
}

/**
 * Voids a payout recorded by mistake: its commissions return to approved and its
 * adjustments to the balance, so they are due again; the payout is kept, marked void.
 */
export async function voidPayout(db: Db, actor: Actor, payoutId: string, input: unknown, now = new Date()): Promise<void> {
  const parsed = voidPayoutSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError("Say why the payout is voided.", toFieldIssues(parsed.error));
  if (!isUuid(payoutId)) throw new NotFoundError("No payout with this id.", "unknown_payout");
  await db.transaction(async (tx) => {
    const [payout] = await tx.select().from(payouts).where(eq(payouts.id, payoutId)).for("update");
    if (!payout) throw new NotFoundError("No payout with this id.", "unknown_payout");
    if (payout.status === "void") throw new ConflictError("This payout is already void.", "payout_void");
    const returned = await tx
      .update(commissions)
      .set({ status: "approved", payoutId: null, updatedAt: now })
      .where(eq(commissions.payoutId, payoutId))
      .returning({ id: commissions.id, amount: commissions.amount });
    if (returned.length) {
      await tx.insert(commissionEvents).values(
        returned.map((c) => ({
          commissionId: c.id,
          fromStatus: "paid" as const,
          toStatus: "approved" as const,
          fromAmount: c.amount,
          toAmount: c.amount,
          reason: `payout voided: ${parsed.data.reason}`,
          actorType: actor.type,
          actorId: actor.id ?? null,
          createdAt: now,
        })),
      );
    }
    await tx.update(adjustments).set({ payoutId: null }).where(eq(adjustments.payoutId, payoutId));
    await tx
      .update(payouts)
      .set({ status: "void", voidReason: parsed.data.reason, voidedAt: now, voidedBy: actor.type === "admin" ? (actor.id ?? null) : null })
      .where(eq(payouts.id, payoutId));
    await recordAudit(tx, actor, "payout.void", { type: "payout", id: payoutId }, { reason: parsed.data.reason, amount: payout.amount, commissions: returned.length });
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
