import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  ACTOR_TYPES,
  COMMISSION_KINDS,
  COMMISSION_STATUSES,
  PAYOUT_METHODS,
  PAYOUT_STATUSES,
  RATE_SOURCES,
  type ActorType,
  type CommissionKind,
  type CommissionStatus,
  type CommissionType,
  type PayoutMethod,
  type PayoutStatus,
  type RateSource,
} from "@/lib/schemas/enums";
import { createdAt, money, oneOf, timestampTz, updatedAt, uuidPk } from "./columns";
import { adminUsers } from "./program";
import { orders, refunds } from "./orders";
import { partners } from "./partners";
import { payoutBatches } from "./payout-batches";
import { leads } from "./tracking";

export const payouts = pgTable(
  "payouts",
  {
    id: uuidPk(),
    partnerId: uuid("partner_id").notNull().references(() => partners.id, { onDelete: "restrict" }),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    method: text("method").$type<PayoutMethod>().notNull(),
    transactionId: text("transaction_id"),
    note: text("note"),
    status: text("status").$type<PayoutStatus>().notNull().default("completed"),
    voidReason: text("void_reason"),
    voidedAt: timestampTz("voided_at"),
    voidedBy: uuid("voided_by").references(() => adminUsers.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => adminUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("payouts_partner_idx").on(t.partnerId, t.createdAt),
    index("payouts_created_at_idx").on(t.createdAt),
    check("payouts_amount", sql`${t.amount} > 0`),
    check("payouts_method", oneOf(t.method, PAYOUT_METHODS)),
    check("payouts_status", oneOf(t.status, PAYOUT_STATUSES)),
  ],
);

/**
 * What a partner earned for one order or lead. `amount` is what is owed now; partial
 * refunds before payout lower it (never below zero), each change recorded in
 * commission_events. A commission in a payout is `paid`; one marked paid by hand has none.
 */
export const commissions = pgTable(
  "commissions",
  {
    id: uuidPk(),
    partnerId: uuid("partner_id").notNull().references(() => partners.id, { onDelete: "restrict" }),
    kind: text("kind").$type<CommissionKind>().notNull(),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "restrict" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "restrict" }),
    amount: money("amount").notNull(),
    originalAmount: money("original_amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status").$type<CommissionStatus>().notNull(),
    rateSource: text("rate_source").$type<RateSource>().notNull(),
    rateType: text("rate_type").$type<CommissionType>(),
    rate: integer("rate"),
    /** A pending commission becomes approved once this moment passes with no full refund. */
    holdUntil: timestampTz("hold_until").notNull(),
    voidReason: text("void_reason"),
    payoutId: uuid("payout_id").references(() => payouts.id, { onDelete: "restrict" }),
    /** The open PayPal batch that exported it (cleared when the batch is paid or cancelled). */
    batchId: uuid("batch_id").references(() => payoutBatches.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("commissions_order_key").on(t.orderId),
    uniqueIndex("commissions_lead_key").on(t.leadId),
    // Both carry the amount (and payout) so the totals by partner and by status (Partners list,
    // Overview, the Commissions page's status cards) are summed off the index alone.
    index("commissions_partner_status_idx").on(t.partnerId, t.status, t.createdAt, t.amount, t.payoutId),
    index("commissions_status_created_idx").on(t.status, t.createdAt, t.amount),
    index("commissions_pending_hold_idx").on(t.holdUntil).where(sql`${t.status} = 'pending'`),
    index("commissions_payout_idx").on(t.payoutId),
    index("commissions_batch_idx").on(t.batchId).where(sql`${t.batchId} is not null`),
    index("commissions_created_at_idx").on(t.createdAt),
    check("commissions_kind", oneOf(t.kind, COMMISSION_KINDS)),
    check("commissions_status", oneOf(t.status, COMMISSION_STATUSES)),
    check("commissions_rate_source", oneOf(t.rateSource, RATE_SOURCES)),
    check("commissions_amount", sql`${t.amount} >= 0 and ${t.amount} <= ${t.originalAmount}`),
    // In a payout means paid, or voided after it was paid (its amount then clawed back); a
    // merchant may also mark a commission paid by hand (paid outside the app), so paid does
    // not require a payout.
    check("commissions_in_payout_is_paid", sql`${t.payoutId} is null or ${t.status} in ('paid', 'void')`),
    // Money in an open PayPal batch is not in a payout yet, and never in two batches (one column).
    check("commissions_batch_or_payout", sql`${t.batchId} is null or ${t.payoutId} is null`),
    check(
      "commissions_source",
      sql`(${t.kind} = 'sale' and ${t.orderId} is not null and ${t.leadId} is null) or (${t.kind} = 'lead' and ${t.leadId} is not null and ${t.orderId} is null)`,
    ),
  ],
);

/** The audit trail of every commission change: who, when, from, to, why. */
export const commissionEvents = pgTable(
  "commission_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    commissionId: uuid("commission_id").notNull().references(() => commissions.id, { onDelete: "cascade" }),
    fromStatus: text("from_status").$type<CommissionStatus>(),
    toStatus: text("to_status").$type<CommissionStatus>().notNull(),
    fromAmount: money("from_amount"),
    toAmount: money("to_amount").notNull(),
    reason: text("reason"),
    actorType: text("actor_type").$type<ActorType>().notNull(),
    actorId: text("actor_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("commission_events_commission_idx").on(t.commissionId, t.createdAt),
    check("commission_events_actor_type", oneOf(t.actorType, ACTOR_TYPES)),
  ],
);

/**
 * Balance corrections outside a commission, chiefly clawbacks: a refund after the
 * commission was paid adds a negative adjustment, netted against the next payout.
 */
export const adjustments = pgTable(
  "adjustments",
  {
    id: uuidPk(),
    partnerId: uuid("partner_id").notNull().references(() => partners.id, { onDelete: "restrict" }),
    commissionId: uuid("commission_id").references(() => commissions.id, { onDelete: "restrict" }),
    refundId: uuid("refund_id").references(() => refunds.id, { onDelete: "restrict" }),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    reason: text("reason").notNull(),
    payoutId: uuid("payout_id").references(() => payouts.id, { onDelete: "restrict" }),
    /** The open PayPal batch that exported it (cleared when the batch is paid or cancelled). */
    batchId: uuid("batch_id").references(() => payoutBatches.id, { onDelete: "restrict" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("adjustments_partner_idx").on(t.partnerId, t.createdAt),
    index("adjustments_payout_idx").on(t.payoutId),
    index("adjustments_batch_idx").on(t.batchId).where(sql`${t.batchId} is not null`),
    check("adjustments_batch_or_payout", sql`${t.batchId} is null or ${t.payoutId} is null`),
    // What a commission finally earned (its amount plus its clawbacks), per link and customer.
    index("adjustments_commission_idx").on(t.commissionId),
    check("adjustments_amount", sql`${t.amount} <> 0`),
  ],
);
