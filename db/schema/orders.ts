import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, json, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ATTRIBUTION_RULES, type AttributionRule } from "@/lib/schemas/enums";
import { adminUsers } from "./program";
import { createdAt, money, oneOf, uuidPk } from "./columns";
import { links, partners } from "./partners";
import { clicks, customers } from "./tracking";

/**
 * Orders the store reported. `externalId` is the store's orderId: its unique index is what
 * makes a sale count exactly once, however often or concurrently it is posted.
 */
export const orders = pgTable(
  "orders",
  {
    id: uuidPk(),
    externalId: text("external_id").notNull(),
    amount: money("amount").notNull(),
    currency: text("currency").notNull(),
    refundedAmount: money("refunded_amount").notNull().default(0),
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "set null" }),
    partnerId: uuid("partner_id").references(() => partners.id, { onDelete: "set null" }),
    linkId: uuid("link_id").references(() => links.id, { onDelete: "set null" }),
    clickId: bigint("click_id", { mode: "number" }).references(() => clicks.id, { onDelete: "set null" }),
    attribution: text("attribution").$type<AttributionRule>().notNull(),
    couponCode: text("coupon_code"),
    isUpgrade: boolean("is_upgrade").notNull().default(false),
    selfReferral: boolean("self_referral").notNull().default(false),
    ipHash: text("ip_hash"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    /** Hash of the normalized request: a repeat with other values is a 409. */
    requestHash: text("request_hash").notNull(),
    /** The first answer, replayed verbatim to identical retries (json, not jsonb, keeps its key order). */
    response: json("response").$type<Record<string, unknown>>().notNull(),
    createdBy: uuid("created_by").references(() => adminUsers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("orders_external_id_key").on(t.externalId),
    // The partner and time indexes carry the amounts: the Partners list's totals, the Overview
    // and its top partners sum orders straight off them (index-only scans) instead of reading
    // the wide order rows (user agent, metadata and the stored answer: ~570 bytes each).
    index("orders_partner_idx").on(t.partnerId, t.createdAt, t.amount, t.refundedAmount),
    index("orders_customer_idx").on(t.customerId, t.createdAt),
    index("orders_link_idx").on(t.linkId),
    index("orders_click_idx").on(t.clickId),
    index("orders_created_at_idx").on(t.createdAt, t.partnerId, t.amount, t.refundedAmount),
    // Commissions are searched by order id "contains" (ILIKE): a trigram index (pg_trgm, migration 0010).
    index("orders_external_id_trgm_idx").using("gin", t.externalId.op("gin_trgm_ops")),
    check("orders_amount", sql`${t.amount} >= 0`),
    check("orders_refunded_amount", sql`${t.refundedAmount} >= 0 and ${t.refundedAmount} <= ${t.amount}`),
    check("orders_attribution", oneOf(t.attribution, ATTRIBUTION_RULES)),
    check("orders_currency", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid("order_id").notNull().references(() => orders.id, { onDelete: "cascade" }),
    /** The store's product id; not a foreign key, as items may name products not synced yet. */
    productId: text("product_id").notNull(),
    quantity: integer("quantity").notNull(),
    /** Line total in minor units. */
    amount: money("amount").notNull(),
  },
  (t) => [
    index("order_items_order_idx").on(t.orderId),
    index("order_items_product_idx").on(t.productId),
    check("order_items_quantity", sql`${t.quantity} > 0`),
    check("order_items_amount", sql`${t.amount} >= 0`),
  ],
);

/** Refunds of an order; `externalId` (the refundId) makes a retried refund count once. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuidPk(),
    orderId: uuid("order_id").notNull().references(() => orders.id, { onDelete: "cascade" }),
    externalId: text("external_id"),
    amount: money("amount").notNull(),
    /** How much this refund took off the commission (before payout) or clawed back (after). */
    commissionReduction: money("commission_reduction").notNull().default(0),
    requestHash: text("request_hash").notNull(),
    response: json("response").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("refunds_external_id_key").on(t.externalId),
    index("refunds_order_idx").on(t.orderId),
    check("refunds_amount", sql`${t.amount} > 0`),
    check("refunds_commission_reduction", sql`${t.commissionReduction} >= 0`),
  ],
);
