import "server-only";
import { randomUUID } from "node:crypto";
import { commissionEvents, commissions } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Rate } from "@/lib/domain/rates";
import type { CommissionKind, CommissionStatus, RateSource } from "@/lib/schemas/enums";
import type { Actor } from "../actor";

const DAY_MS = 86_400_000;

export interface NewCommission {
  /** Chosen before writing, so the answer that names it can be stored with the order. */
  id: string;
  partnerId: string;
  kind: CommissionKind;
  orderId?: string;
  leadId?: string;
  amount: number;
  currency: string;
  rateSource: RateSource;
  rate: Rate | null;
  voidReason: string | null;
  holdDays: number;
  now: Date;
}

export interface CommissionSummary {
  id: string;
  amount: number;
  currency: string;
  status: CommissionStatus;
  voidReason?: string;
}

/**
 * A new commission starts pending for the hold period (approved at once when the hold is
 * 0 days), or void when a rule says the sale earns nothing.
 */
export function initialStatus(c: Pick<NewCommission, "voidReason" | "holdDays">): CommissionStatus {
  return c.voidReason ? "void" : c.holdDays === 0 ? "approved" : "pending";
}

export function summarize(c: NewCommission): CommissionSummary {
  return { id: c.id, amount: c.amount, currency: c.currency, status: initialStatus(c), ...(c.voidReason ? { voidReason: c.voidReason } : {}) };
}

export function newCommissionId(): string {
  return randomUUID();
}

/** Writes a new commission and the first line of its history. */
export async function insertCommission(db: Db, actor: Actor, c: NewCommission): Promise<CommissionSummary> {
  const { id } = c;
  const status = initialStatus(c);
  await db.insert(commissions).values({
    id,
    partnerId: c.partnerId,
    kind: c.kind,
    orderId: c.orderId ?? null,
    leadId: c.leadId ?? null,
    amount: c.amount,
    originalAmount: c.amount,
    currency: c.currency,
    status,
    rateSource: c.rateSource,
    rateType: c.rate?.type ?? null,
    rate: c.rate?.value ?? null,
    holdUntil: new Date(c.now.getTime() + c.holdDays * DAY_MS),
    voidReason: c.voidReason,
    createdAt: c.now,
    updatedAt: c.now,
  });
  await db.insert(commissionEvents).values({
    commissionId: id,
    fromStatus: null,
    toStatus: status,
    fromAmount: null,
    toAmount: c.amount,
    reason: c.voidReason ? `earns nothing: ${c.voidReason.replace("_", "-")}` : status === "approved" ? "no hold period" : "recorded",
    actorType: actor.type,
    actorId: actor.id ?? null,
    createdAt: c.now,
  });
  return summarize(c);
}
