import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PAYOUT_BATCH_STATUSES, type PayoutBatchStatus } from "@/lib/schemas/enums";
import { createdAt, money, oneOf, timestampTz, uuidPk } from "./columns";
import { payouts } from "./commissions";
import { partners } from "./partners";
import { adminUsers } from "./program";

/**
 * A PayPal mass-payout file as it was downloaded. Its lines are fixed when it is made, so the
 * file can be downloaded again byte for byte; marking it paid (with PayPal's batch id)
 * records one payout per line for exactly what the line sent.
 */
export const payoutBatches = pgTable(
  "payout_batches",
  {
    id: uuidPk(),
    status: text("status").$type<PayoutBatchStatus>().notNull().default("open"),
    currency: text("currency").notNull(),
    /** The note on every line of the file (PayPal shows it to the recipient). */
    note: text("note").notNull(),
    /** Sum of the lines, minor units. */
    amount: money("amount").notNull(),
    itemCount: integer("item_count").notNull(),
    /** PayPal's payout batch id, given when the batch is marked paid. */
    reference: text("reference"),
    cancelReason: text("cancel_reason"),
    createdBy: uuid("created_by").references(() => adminUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    closedBy: uuid("closed_by").references(() => adminUsers.id, { onDelete: "set null" }),
    closedAt: timestampTz("closed_at"),
  },
  (t) => [
    index("payout_batches_created_at_idx").on(t.createdAt),
    check("payout_batches_status", oneOf(t.status, PAYOUT_BATCH_STATUSES)),
    check("payout_batches_amount", sql`${t.amount} > 0 and ${t.itemCount} > 0`),
    check("payout_batches_paid_has_reference", sql`(${t.status} = 'paid') = (${t.reference} is not null)`),
    check("payout_batches_closed", sql`(${t.status} = 'open') = (${t.closedAt} is null)`),
  ],
);

/**
 * One line of a batch: a partner, where the money went and how much, and the commissions
 * and adjustments that line settles (as they were when the file was made).
 */
export const payoutBatchItems = pgTable(
  "payout_batch_items",
  {
    id: uuidPk(),
    batchId: uuid("batch_id").notNull().references(() => payoutBatches.id, { onDelete: "restrict" }),
    /** Order of the line in the file. */
    line: integer("line").notNull(),
    partnerId: uuid("partner_id").notNull().references(() => partners.id, { onDelete: "restrict" }),
    email: text("email").notNull(),
    uniqueId: text("unique_id").notNull(),
    amount: money("amount").notNull(),
    commissionIds: uuid("commission_ids").array().notNull(),
    adjustmentIds: uuid("adjustment_ids").array().notNull(),
    /** The payout recorded for this line once the batch is marked paid. */
    payoutId: uuid("payout_id").references(() => payouts.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("payout_batch_items_partner_key").on(t.batchId, t.partnerId),
    uniqueIndex("payout_batch_items_line_key").on(t.batchId, t.line),
    index("payout_batch_items_partner_idx").on(t.partnerId),
    check("payout_batch_items_amount", sql`${t.amount} > 0`),
  ],
);
