import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
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
  const input = JSON.stringify({ order_id: c.orderId ?? null, ...commissionInput(actor, c) });
  await db.execute(sql`
    with input as (select * from json_to_record(${input}::json) as t(order_id uuid, ${COMMISSION_INPUT_COLUMNS}))
    , ${commissionSteps(sql`input`)}
    select 1`);
  return summarize(c);
}

// A commission travels into its statement as fields of one JSON parameter (json_to_record),
// so the statement's text is the same whether there is a commission or not, and postgres.js
// prepares it once. commission_id null means "no commission".

/** The column list of commissionInput's fields, for `json_to_record(…) as t(…)`. */
export const COMMISSION_INPUT_COLUMNS = sql.raw(
  [
    "commission_id uuid",
    "commission_partner_id uuid",
    "commission_kind text",
    "commission_lead_id uuid",
    "commission_amount bigint",
    "commission_currency text",
    "commission_status text",
    "commission_rate_source text",
    "commission_rate_type text",
    "commission_rate int",
    "commission_hold_until timestamptz",
    "commission_void_reason text",
    "commission_at timestamptz",
    "commission_reason text",
    "commission_actor_type text",
    "commission_actor_id text",
  ].join(", "),
);

/** A new commission (or none) and its first history line, as fields of a statement's JSON input. */
export function commissionInput(actor: Actor, c: NewCommission | null): Record<string, unknown> {
  if (!c) return { commission_id: null };
  const status = initialStatus(c);
  return {
    commission_id: c.id,
    commission_partner_id: c.partnerId,
    commission_kind: c.kind,
    commission_lead_id: c.leadId ?? null,
    commission_amount: c.amount,
    commission_currency: c.currency,
    commission_status: status,
    commission_rate_source: c.rateSource,
    commission_rate_type: c.rate?.type ?? null,
    commission_rate: c.rate?.value ?? null,
    commission_hold_until: new Date(c.now.getTime() + c.holdDays * DAY_MS).toISOString(),
    commission_void_reason: c.voidReason,
    commission_at: c.now.toISOString(),
    commission_reason: c.voidReason ? `earns nothing: ${c.voidReason.replace("_", "-")}` : status === "approved" ? "no hold period" : "recorded",
    commission_actor_type: actor.type,
    commission_actor_id: actor.id ?? null,
  };
}

/**
 * The `with` steps that write the commission of each row of `source` (a CTE with
 * commissionInput's columns and `order_id`) and the first line of its history; nothing for
 * rows whose commission_id is null.
 */
export function commissionSteps(source: SQL): SQL {
  return sql`new_commission as (
      insert into commissions (id, partner_id, kind, order_id, lead_id, amount, original_amount, currency, status,
                               rate_source, rate_type, rate, hold_until, void_reason, created_at, updated_at)
      select commission_id, commission_partner_id, commission_kind, order_id, commission_lead_id, commission_amount, commission_amount,
             commission_currency, commission_status, commission_rate_source, commission_rate_type, commission_rate,
             commission_hold_until, commission_void_reason, commission_at, commission_at
        from ${source}
       where commission_id is not null
      returning id
    ), new_commission_event as (
      insert into commission_events (commission_id, from_status, to_status, from_amount, to_amount, reason, actor_type, actor_id, created_at)
      select s.commission_id, null, s.commission_status, null, s.commission_amount, s.commission_reason, s.commission_actor_type, s.commission_actor_id, s.commission_at
        from new_commission n join ${source} s on s.commission_id = n.id
    )`;
}
