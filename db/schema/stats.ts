import { bigint, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { links, partners } from "./partners";
import { customers } from "./tracking";

// Counters of counted (not declined) clicks, kept by the database itself: a statement-level
// trigger on `clicks` adds each inserted batch (migration 0005). Lists and the overview read
// these instead of counting a million rows; they are exact because they change in the same
// transaction as the clicks.

export const partnerClickTotals = pgTable("partner_click_totals", {
  partnerId: uuid("partner_id")
    .primaryKey()
    .references(() => partners.id, { onDelete: "cascade" }),
  clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
});

export const linkClickTotals = pgTable("link_click_totals", {
  linkId: uuid("link_id")
    .primaryKey()
    .references(() => links.id, { onDelete: "cascade" }),
  clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
});

/** Program-wide clicks per quarter hour (UTC), so days in any time zone add up exactly. */
export const clickQuarterHours = pgTable("click_quarter_hours", {
  bucket: timestamp("bucket", { withTimezone: true, mode: "date" }).primaryKey(),
  clicks: bigint("clicks", { mode: "number" }).notNull().default(0),
});

/**
 * Per customer: their orders, first order and revenue net of refunds, kept by statement
 * triggers on `orders` (migration 0009) so the Customers list sorts 60,000 customers without
 * grouping 100,000 orders on every request. Every customer has a row from the moment they are
 * created (a trigger on `customers`, migration 0013), so the list walks one of these indexes
 * in order and stops after a page.
 */
export const customerOrderTotals = pgTable(
  "customer_order_totals",
  {
    customerId: uuid("customer_id")
      .primaryKey()
      .references(() => customers.id, { onDelete: "cascade" }),
    orders: bigint("orders", { mode: "number" }).notNull().default(0),
    /** Order amounts minus what was refunded, minor units. */
    revenue: bigint("revenue", { mode: "number" }).notNull().default(0),
    /** Null while the customer has no order. */
    firstOrderAt: timestamp("first_order_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    // The list puts customers without an order last in both directions: one index per direction.
    index("customer_order_totals_first_order_asc_idx").on(t.firstOrderAt.asc().nullsLast()),
    index("customer_order_totals_first_order_desc_idx").on(t.firstOrderAt.desc().nullsLast()),
    index("customer_order_totals_orders_idx").on(t.orders),
    index("customer_order_totals_revenue_idx").on(t.revenue),
  ],
);
