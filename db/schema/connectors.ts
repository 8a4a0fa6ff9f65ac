import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/**
 * Store-connector deliveries already handled (SPEC.md §7): the primary key makes a
 * redelivered event (same connector, same event id) a no-op. The row is inserted in the
 * transaction that records the event's sale or refund, so both happen or neither does, and
 * of concurrent deliveries of one event exactly one gets past the insert.
 */
export const connectorEvents = pgTable(
  "connector_events",
  {
    connector: text("connector").notNull(),
    eventId: text("event_id").notNull(),
    /** What the delivery did, as logged (e.g. "sale cs_… attributed via coupon", "ignored: …"). */
    outcome: text("outcome").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.connector, t.eventId] }),
    check("connector_events_connector", sql`${t.connector} in ('stripe')`),
    index("connector_events_created_at_idx").on(t.createdAt),
  ],
);
