import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { timestamptz } from "@/db/sql-helpers";
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

/** Writes a new commission and the first line of its history, in one statement. */
export async function insertCommission(db: Db, actor: Actor, c: NewCommission): Promise<CommissionSummary> {
  const status = initialStatus(c);
  const reason = c.voidReason ? `earns nothing: ${c.voidReason.replace("_", "-")}` : status === "approved" ? "no hold period" : "recorded";
  const holdUntil = new Date(c.now.getTime() + c.holdDays * DAY_MS);
  await db.execute(sql`
    with inserted as (
      insert into commissions (id, partner_id, kind, order_id, lead_id, amount, original_amount, currency, status,
                               rate_source, rate_type, rate, hold_until, void_reason, created_at, updated_at)
      values (${c.id}::uuid, ${c.partnerId}::uuid, ${c.kind}, ${c.orderId ?? null}::uuid, ${c.leadId ?? null}::uuid,
              ${c.amount}, ${c.amount}, ${c.currency}, ${status}, ${c.rateSource}, ${c.rate?.type ?? null}, ${c.rate?.value ?? null}::int,
              ${timestamptz(holdUntil)}, ${c.voidReason}, ${timestamptz(c.now)}, ${timestamptz(c.now)})
      returning id
    )
    insert into commission_events (commission_id, from_status, to_status, from_amount, to_amount, reason, actor_type, actor_id, created_at)
    select id, null, ${status}, null, ${c.amount}, ${reason}, ${actor.type}, ${actor.id ?? null}, ${timestamptz(c.now)} from inserted`);
  return summarize(c);
}
