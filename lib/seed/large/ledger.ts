import "server-only";
import { randomUUID } from "node:crypto";
import { refundEffect } from "@/lib/domain/refund";
import { requestHash } from "@/lib/domain/request-hash";
import type { CommissionStatus, PayoutMethod } from "@/lib/schemas/enums";
import type { ProgramSettings } from "@/lib/schemas/settings";
import { refundSchema } from "@/lib/schemas/tracking";
import { monthlyPayoutRuns, payoutTransactionId } from "../payout-runs";
import type { Rng } from "../random";
import { DAY_MS, MINUTE_MS, type PlanContext } from "./context";
import type { PlannedCommission, PlannedOrder } from "./orders";
import type { LargePartner } from "./partners";
import { REFUND_SHARE, RUN_INCLUSION } from "./scale";

// What happened to the commissions over the year, replayed in time order so each step is
// what the app would have done at that moment: the hold period ends (pending → approved),
// refunds reduce or void a commission not yet paid and claw back one already paid (a
// negative adjustment, lib/domain/refund.ts decides which and how much), and on the 5th of
// each month the merchant pays every partner whose balance (approved commissions plus
// unpaid adjustments) reaches the minimum payout.

export interface CommissionEventRow {
  commissionId: string;
  fromStatus: CommissionStatus | null;
  toStatus: CommissionStatus;
  fromAmount: number | null;
  toAmount: number;
  reason: string;
  actorType: "cli" | "system";
  at: number;
}

export interface RefundRow {
  id: string;
  order: PlannedOrder;
  externalId: string;
  amount: number;
  commissionReduction: number;
  requestHash: string;
  response: Record<string, unknown>;
  at: number;
}

export interface AdjustmentRow {
  id: string;
  partner: LargePartner;
  commissionId: string;
  refundId: string;
  amount: number;
  reason: string;
  payoutId: string | null;
  at: number;
}

export interface PayoutRow {
  id: string;
  partner: LargePartner;
  amount: number;
  method: PayoutMethod;
  transactionId: string;
  at: number;
}

export interface Ledger {
  events: CommissionEventRow[];
  refunds: RefundRow[];
  adjustments: AdjustmentRow[];
  payouts: PayoutRow[];
}

interface PlannedRefund {
  order: PlannedOrder;
  at: number;
  /** Omitted: whatever is left of the order. */
  amount?: number;
}

type Step = { at: number; seq: number } & ({ kind: "approve"; commission: PlannedCommission } | { kind: "refund"; refund: PlannedRefund } | { kind: "payout" });

/** About 4 % of orders come back: whole or in part (sometimes the rest later), most within weeks, some months on. */
function planRefunds(rng: Rng, orders: PlannedOrder[], latest: number): PlannedRefund[] {
  const refunds: PlannedRefund[] = [];
  const candidates = orders.filter((o) => o.at < latest - DAY_MS);
  for (const order of rng.shuffle(candidates).slice(0, Math.round(orders.length * REFUND_SHARE))) {
    const late = rng.chance(0.15);
    const at = Math.min(latest, order.at + (late ? rng.int(35 * DAY_MS, 120 * DAY_MS) : rng.int(DAY_MS, 25 * DAY_MS)));
    const part =
      order.items.length > 1 ? order.items[order.items.length - 1]!.amount : Math.max(100, Math.round((order.amount * rng.int(20, 50)) / 100 / 100) * 100);
    if (rng.chance(0.55) || part >= order.amount) {
      refunds.push({ order, at });
      continue;
    }
    refunds.push({ order, at, amount: part });
    if (rng.chance(0.3)) refunds.push({ order, at: Math.min(latest, at + rng.int(DAY_MS, 10 * DAY_MS)) });
  }
  return refunds;
}

export function runLedger(rng: Rng, ctx: PlanContext, orders: PlannedOrder[], settings: Pick<ProgramSettings, "minPayout" | "currency">): Ledger {
  const latest = ctx.end - MINUTE_MS;
  const ledger: Ledger = { events: [], refunds: [], adjustments: [], payouts: [] };
  const steps: Step[] = [];
  let seq = 0;
  for (const order of orders) {
    const c = order.commission;
    if (!c) continue;
    ledger.events.push({
      commissionId: c.id,
      fromStatus: null,
      toStatus: c.status,
      fromAmount: null,
      toAmount: c.amount,
      reason: c.voidReason ? `earns nothing: ${c.voidReason.replace("_", "-")}` : c.status === "approved" ? "no hold period" : "recorded",
      actorType: "cli",
      at: c.createdAt,
    });
    // The server approves due commissions every minute.
    if (c.status === "pending" && c.holdUntil <= ctx.end) steps.push({ kind: "approve", commission: c, at: Math.min(ctx.end, c.holdUntil + rng.int(0, 59_000)), seq: seq++ });
  }
  for (const refund of planRefunds(rng, orders, latest)) steps.push({ kind: "refund", refund, at: refund.at, seq: seq++ });
  for (const at of monthlyPayoutRuns(ctx.start, ctx.end)) steps.push({ kind: "payout", at, seq: seq++ });
  steps.sort((a, b) => a.at - b.at || a.seq - b.seq);

  // Per partner: approved commissions and adjustments not yet in a payout.
  const unpaid = new Map<LargePartner, { commissions: Set<PlannedCommission>; adjustments: AdjustmentRow[] }>();
  const owed = (p: LargePartner) => {
    let entry = unpaid.get(p);
    if (!entry) unpaid.set(p, (entry = { commissions: new Set(), adjustments: [] }));
    return entry;
  };
  const change = (c: PlannedCommission, at: number, to: { status: CommissionStatus; amount: number }, reason: string, actorType: "cli" | "system") => {
    ledger.events.push({ commissionId: c.id, fromStatus: c.status, toStatus: to.status, fromAmount: c.amount, toAmount: to.amount, reason, actorType, at });
    if (c.status === "approved" && to.status !== "approved") owed(c.partner).commissions.delete(c);
    if (to.status === "approved" && c.status !== "approved") owed(c.partner).commissions.add(c);
    c.status = to.status;
    c.amount = to.amount;
    c.updatedAt = at;
  };

  for (const step of steps) {
    if (step.kind === "approve") {
      const c = step.commission;
      if (c.status === "pending") change(c, step.at, { status: "approved", amount: c.amount }, "hold period ended", "system");
    } else if (step.kind === "refund") {
      refund(rng, ledger, step.refund, step.at, change, (a) => owed(a.partner).adjustments.push(a));
    } else {
      for (const [partner, entry] of unpaid) {
        if (!partner.paysOut || !partner.payoutMethod) continue;
        const balance = [...entry.commissions].reduce((s, c) => s + c.amount, 0) + entry.adjustments.reduce((s, a) => s + a.amount, 0);
        if (balance <= 0 || balance < settings.minPayout || !rng.chance(RUN_INCLUSION)) continue;
        const payout: PayoutRow = { id: randomUUID(), partner, amount: balance, method: partner.payoutMethod, transactionId: payoutTransactionId(rng, partner.payoutMethod), at: step.at };
        ledger.payouts.push(payout);
        for (const c of [...entry.commissions]) {
          change(c, step.at, { status: "paid", amount: c.amount }, "paid in a payout", "cli");
          c.payoutId = payout.id;
        }
        for (const a of entry.adjustments) a.payoutId = payout.id;
        entry.adjustments = [];
      }
    }
  }
  return ledger;
}

type Change = (c: PlannedCommission, at: number, to: { status: CommissionStatus; amount: number }, reason: string, actorType: "cli" | "system") => void;

/** One refund, as POST /api/track/refund records it (lib/services/tracking/refunds.ts). */
function refund(rng: Rng, ledger: Ledger, planned: PlannedRefund, at: number, change: Change, owe: (a: AdjustmentRow) => void): void {
  const { order } = planned;
  const left = order.amount - order.refundedAmount;
  const amount = planned.amount ?? left;
  if (amount <= 0 || amount > left) return;
  const c = order.commission;
  const effect = refundEffect({
    orderAmount: order.amount,
    refundedBefore: order.refundedAmount,
    refundAmount: amount,
    commission: c ? { originalAmount: c.originalAmount, amount: c.amount, status: c.status, adjustments: c.adjusted } : null,
  });
  const externalId = `re_${rng.token(14)}`;
  const id = randomUUID();
  const response: Record<string, unknown> = {
    orderId: order.externalId,
    refundId: externalId,
    refunded: amount,
    refundedTotal: order.refundedAmount + amount,
    commission: c ? { id: c.id, amount: c.amount, status: c.status } : null,
  };
  let reduction = 0;
  if (c && effect.kind === "reduce") {
    reduction = effect.reduction;
    const status = effect.voided ? "void" : c.status;
    response.commission = { id: c.id, amount: effect.newAmount, status };
    if (effect.reduction > 0 || effect.voided) {
      change(c, at, { status, amount: effect.newAmount }, effect.voided ? `order fully refunded (refund of ${amount})` : `refund of ${amount}`, "cli");
      if (effect.voided) c.voidReason = "refunded";
    }
  } else if (c && effect.kind === "clawback") {
    reduction = -effect.adjustment;
    const adjustment: AdjustmentRow = { id: randomUUID(), partner: c.partner, commissionId: c.id, refundId: id, amount: effect.adjustment, reason: `refund of ${amount} on order ${order.externalId} after payout`, payoutId: null, at };
    response.adjustment = { id: adjustment.id, amount: effect.adjustment };
    ledger.adjustments.push(adjustment);
    c.adjusted += effect.adjustment;
    owe(adjustment);
    ledger.events.push({ commissionId: c.id, fromStatus: c.status, toStatus: c.status, fromAmount: c.amount, toAmount: c.amount, reason: `refund of ${amount} after payout: ${-effect.adjustment} clawed back from the next payout`, actorType: "cli", at });
  }
  const body = refundSchema.parse({ orderId: order.externalId, ...(planned.amount ? { amount } : {}), refundId: externalId });
  ledger.refunds.push({ id, order, externalId, amount, commissionReduction: reduction, requestHash: requestHash(body), response, at });
  order.refundedAmount += amount;
}
